#include "routeordertarget.h"

#include "hostname.h"
#include "routeorder.h"
#include "routetable.h"
#include "workspace.h"

namespace meshroute {

namespace {

QString qualified(const Resource &r)
{
    return r.namespaceName() + QLatin1Char('/') + r.name();
}

RouteOrderTarget listenerTarget(const QString &gateway, const Listener &l)
{
    const QString host = l.hostname.present ? l.hostname.value : QString();
    return { QStringLiteral("%1 listener %2: %3 %4 %5")
                 .arg(gateway, l.name.value, l.protocol.value)
                 .arg(l.port.value)
                 .arg(host.isEmpty() ? QStringLiteral("any host") : host),
        gateway, int(l.port.value), host };
}

QList<RouteOrderTarget> serverTargets(const Resource &r)
{
    QList<RouteOrderTarget> out;
    for (const Server &s : r.gateway()->servers) {
        QStringList hosts;
        for (const Field<QString> &h : s.hosts)
            hosts << h.value.section(QLatin1Char('/'), -1);
        out << RouteOrderTarget { QStringLiteral("%1 server %2: %3 %4 %5")
                                      .arg(qualified(r), s.port.name.value, s.port.protocol.value)
                                      .arg(s.port.number.value)
                                      .arg(hosts.join(QLatin1String(", "))),
            qualified(r), int(s.port.number.value), hosts.size() == 1 ? hosts.first() : QString() };
    }
    return out;
}

QList<RouteOrderTarget> meshTargets(const RouteTable &table, const QString &fqdn, int onlyPort = 0)
{
    QList<int> ports;
    if (onlyPort)
        ports << onlyPort;
    else if (!table.servicePorts(fqdn, &ports) || ports.isEmpty())
        ports << 80;
    QList<RouteOrderTarget> out;
    for (int port : std::as_const(ports))
        out << RouteOrderTarget { QStringLiteral("mesh: %1:%2").arg(fqdn).arg(port), {}, port, fqdn };
    return out;
}

// The listeners and mesh hosts a Gateway API route attached to, as the translator bound it.
QList<RouteOrderTarget> routeTargets(const RouteTable &table, const Resource &r)
{
    QList<RouteOrderTarget> out;
    for (const RouteBinding &b : table.gatewayApi().bindings) {
        if (b.routeId != r.id)
            continue;
        for (const ParentBinding &p : b.parents) {
            if (!p.attached())
                continue;
            for (const ListenerBinding &l : p.listeners)
                if (const Resource *gw = table.resource(l.gatewayId); gw && gw->kubernetesGateway())
                    out << listenerTarget(
                        qualified(*gw), gw->kubernetesGateway()->listeners.value(l.listenerIndex));
            for (const QString &h : p.meshHosts)
                out << meshTargets(table, h, p.meshPort);
        }
    }
    return out;
}

QList<RouteOrderTarget> virtualServiceTargets(const RouteTable &table, const Resource &r)
{
    const VirtualService &vs = *r.virtualService();
    QList<RouteOrderTarget> out;
    bool mesh = vs.gateways.isEmpty();
    for (const Field<QString> &g : vs.gateways) {
        if (g.value == QLatin1String("mesh")) {
            mesh = true;
            continue;
        }
        const QString ns = g.value.contains(QLatin1Char('/')) ? g.value.section(QLatin1Char('/'), 0, 0)
                                                              : r.namespaceName();
        if (const Resource *gw
            = table.workspace().find(ResourceKind::Gateway, ns, g.value.section(QLatin1Char('/'), -1)))
            out << serverTargets(*gw);
    }
    if (mesh)
        for (const Field<QString> &h : vs.hosts)
            if (!HostName::isWildcard(h.value))
                out << meshTargets(table, HostName::resolve(h.value, r.namespaceName()));
    return out;
}

} // namespace

QList<RouteOrderHost> RouteOrderTarget::hosts(const RouteTable &table) const
{
    return gateway.isEmpty() ? RouteOrder::forMeshHost(table, hostname, port)
                             : RouteOrder::atGateway(table, gateway, port, hostname);
}

QList<RouteOrderTarget> RouteOrderTarget::of(const RouteTable &table, const Resource &r)
{
    if (const KubernetesGateway *gw = r.kubernetesGateway()) {
        QList<RouteOrderTarget> out;
        for (const Listener &l : gw->listeners)
            out << listenerTarget(qualified(r), l);
        return out;
    }
    if (r.gateway())
        return serverTargets(r);
    if (r.service())
        return meshTargets(table, HostName::serviceFqdn(r.name(), r.namespaceName()));
    if (isGatewayApiRoute(r.kind) && r.gatewayApiRoute())
        return routeTargets(table, r);
    if (r.virtualService())
        return virtualServiceTargets(table, r);
    return {};
}

} // namespace meshroute
