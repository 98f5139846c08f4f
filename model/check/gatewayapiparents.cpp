#include "gatewayapiparents.h"

#include "hostname.h"
#include "resource.h"

namespace meshroute {

namespace {

using Attachment = GatewayApiParents::Attachment;

QStringList hostnamesOrAny(const GatewayApiRoute &spec)
{
    QStringList hosts;
    for (const Field<QString> &h : spec.hostnames)
        hosts << h.value;
    if (hosts.isEmpty())
        hosts << QStringLiteral("*");
    return hosts;
}

Attachment listenerAttachment(const ParentBinding &b, const QString &listener, const QString &host)
{
    const QString gateway = b.parentNamespace + QLatin1Char('/') + b.parentName;
    return { QStringLiteral("gw|%1|%2|%3").arg(gateway, listener, host),
        QStringLiteral("Gateway %1 listener %2").arg(gateway, listener), host, false, b.parentIndex };
}

// One VirtualService per route namespace: a consumer route applies to its own namespace.
Attachment meshAttachment(const Resource &route, const ParentBinding &b, const QString &host)
{
    const QString port = b.meshPort > 0 ? QString::number(b.meshPort) : QString();
    return { QStringLiteral("mesh|%1|%2|%3").arg(route.namespaceName(), host, port),
        QStringLiteral("%1 %2/%3%4")
            .arg(b.kind == ParentBinding::Kind::Service ? QStringLiteral("Service")
                                                        : QStringLiteral("ServiceEntry"),
                b.parentNamespace, b.parentName,
                port.isEmpty() ? QString() : QStringLiteral(" port ") + port),
        host, true, b.parentIndex };
}

// A parent the workspace does not hold, taken as written.
void attachAsWritten(const Resource &route, const ParentBinding &b, QList<Attachment> &out)
{
    const ParentReference &ref = route.gatewayApiRoute()->parentRefs[b.parentIndex];
    if (b.kind == ParentBinding::Kind::Service) {
        out << meshAttachment(route, b, HostName::serviceFqdn(b.parentName, b.parentNamespace));
        return;
    }
    if (b.kind != ParentBinding::Kind::Gateway)
        return;
    const QString listener = ref.sectionName.present ? ref.sectionName.value : QStringLiteral("*");
    for (const QString &h : hostnamesOrAny(*route.gatewayApiRoute()))
        out << listenerAttachment(b, listener, h);
}

} // namespace

GatewayApiParents::GatewayApiParents(const Workspace &workspace)
    : m_binder(workspace)
{ }

QList<Attachment> GatewayApiParents::of(const Resource &route) const
{
    QList<Attachment> out;
    if (!route.gatewayApiRoute())
        return out;
    for (const ParentBinding &b : m_binder.bind(route)) {
        if (b.failure == ParentBinding::Failure::ParentNotFound) {
            attachAsWritten(route, b, out);
            continue;
        }
        if (!b.attached())
            continue;
        for (const ListenerBinding &l : b.listeners)
            for (const QString &h : l.hosts)
                out << listenerAttachment(b, l.listenerName, h);
        for (const QString &h : b.meshHosts)
            out << meshAttachment(route, b, h);
    }
    return out;
}

} // namespace meshroute
