#include "gatewayapiparents.h"

#include "hostname.h"
#include "resource.h"
#include "workspace.h"

namespace meshroute {

namespace {

bool requirementHolds(const LabelSelectorRequirement &req, const Labels &labels)
{
    bool has = false;
    QString value;
    for (const Label &l : labels)
        if (l.key == req.key.value) {
            has = true;
            value = l.value;
        }
    const QString op = req.operator_.value;
    bool listed = false;
    for (const Field<QString> &v : req.values)
        listed = listed || v.value == value;
    if (op == QLatin1String("In"))
        return has && listed;
    if (op == QLatin1String("NotIn"))
        return !has || !listed;
    if (op == QLatin1String("Exists"))
        return has;
    if (op == QLatin1String("DoesNotExist"))
        return !has;
    return false;
}

bool selects(const LabelSelector &s, const Labels &labels)
{
    if (!labelsContain(labels, s.matchLabels))
        return false;
    for (const LabelSelectorRequirement &req : s.matchExpressions)
        if (!requirementHolds(req, labels))
            return false;
    return true;
}

bool wildcardCovers(const QString &wildcard, const QString &host)
{
    // "*.example.com" covers any host with at least one more label before ".example.com".
    return wildcard.startsWith(QLatin1String("*.")) && host.endsWith(wildcard.mid(1))
        && host.size() > wildcard.size() - 1;
}

} // namespace

GatewayApiParents::GatewayApiParents(const Workspace &workspace)
{
    for (const Resource &r : workspace.resources) {
        if (const KubernetesGateway *g = r.kubernetesGateway())
            m_gateways.insert(r.namespaceName() + QLatin1Char('/') + r.name(), g);
        if (r.kind == ResourceKind::Other && r.kindName.value == QLatin1String("Namespace")) {
            Labels labels = r.metadata.labels;
            labels.append({ QStringLiteral("kubernetes.io/metadata.name"), r.name(), {} });
            m_namespaceLabels.insert(r.name(), labels);
        }
    }
}

bool GatewayApiParents::admits(
    const Listener &l, const QString &gatewayNamespace, const Resource &route) const
{
    const QString protocol = l.protocol.value;
    if (protocol != QLatin1String("HTTP") && protocol != QLatin1String("HTTPS"))
        return false;
    if (!l.allowedRoutes.kinds.isEmpty()) {
        bool named = false;
        for (const RouteGroupKind &k : l.allowedRoutes.kinds)
            named = named
                || (k.kind.value == route.kindName.value
                    && k.group.valueOr(QStringLiteral("gateway.networking.k8s.io"))
                        == QLatin1String("gateway.networking.k8s.io"));
        if (!named)
            return false;
    }
    const QString from = l.allowedRoutes.namespacesFrom.valueOr(QStringLiteral("Same"));
    if (from == QLatin1String("All"))
        return true;
    if (from == QLatin1String("Same"))
        return route.namespaceName() == gatewayNamespace;
    if (from != QLatin1String("Selector"))
        return false;
    const auto labels = m_namespaceLabels.constFind(route.namespaceName());
    return labels != m_namespaceLabels.cend() && selects(l.allowedRoutes.namespacesSelector, *labels);
}

QString GatewayApiParents::serviceHost(const QString &name, const QString &ns)
{
    return HostName::serviceFqdn(name, ns);
}

bool GatewayApiParents::intersects(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty() || a == QLatin1String("*") || b == QLatin1String("*") || a == b)
        return true;
    if (a.startsWith(QLatin1String("*.")) && b.startsWith(QLatin1String("*.")))
        return wildcardCovers(a, b) || wildcardCovers(b, a);
    return wildcardCovers(a, b) || wildcardCovers(b, a);
}

QList<GatewayApiParents::Attachment> GatewayApiParents::of(const Resource &route) const
{
    QList<Attachment> out;
    const GatewayApiRoute *spec = route.gatewayApiRoute();
    if (!spec)
        return out;
    QStringList hosts;
    for (const Field<QString> &h : spec->hostnames)
        hosts.append(h.value);
    if (hosts.isEmpty())
        hosts.append(QStringLiteral("*"));
    for (int i = 0; i < spec->parentRefs.size(); ++i) {
        const ParentReference &p = spec->parentRefs[i];
        const QString ns = p.namespace_.valueOr(route.namespaceName());
        const QString kind = p.kind.valueOr(QStringLiteral("Gateway"));
        const QString port = p.port.present ? QString::number(p.port.value) : QString();
        if (kind == QLatin1String("Service") && p.group.valueOr(QString()).isEmpty()) {
            const QString host = serviceHost(p.name.value, ns);
            // One VirtualService per route namespace: a consumer route applies to its own namespace.
            out.append({ QStringLiteral("mesh|%1|%2|%3").arg(route.namespaceName(), host, port),
                QStringLiteral("Service %1/%2%3")
                    .arg(ns, p.name.value, port.isEmpty() ? QString() : QStringLiteral(" port ") + port),
                host, true, i });
            continue;
        }
        if (kind != QLatin1String("Gateway"))
            continue;
        const QString gwKey = ns + QLatin1Char('/') + p.name.value;
        QList<const Listener *> listeners;
        if (const KubernetesGateway *g = m_gateways.value(gwKey))
            for (const Listener &l : g->listeners)
                if ((!p.sectionName.present || l.name.value == p.sectionName.value)
                    && (!p.port.present || l.port.value == p.port.value) && admits(l, ns, route))
                    listeners.append(&l);
        const QString section = p.sectionName.valueOr(QStringLiteral("*"));
        if (listeners.isEmpty() && !m_gateways.contains(gwKey))
            listeners.append(nullptr); // a Gateway not opened: keyed by the sectionName as written
        for (const Listener *l : std::as_const(listeners))
            for (const QString &h : std::as_const(hosts)) {
                if (l && l->hostname.present && !intersects(h, l->hostname.value))
                    continue;
                const QString listener = l ? l->name.value : section;
                out.append({ QStringLiteral("gw|%1|%2|%3").arg(gwKey, listener, h),
                    QStringLiteral("Gateway %1 listener %2").arg(gwKey, listener), h, false, i });
            }
    }
    return out;
}

} // namespace meshroute
