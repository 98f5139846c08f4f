// The virtual hosts of one route configuration as a list, for the views that show the
// order Envoy tries routes in (the Effective route order dock) rather than one request.
#include "routetabledata.h"

namespace meshroute {

namespace {

QString notSentReason(const std::vector<CEntry> &entries, int i)
{
    const CEntry &e = entries[std::size_t(i)];
    if (e.staticSkip == 1)
        return QStringLiteral("its match.gateways leave this proxy out");
    if (e.staticSkip == 2)
        return QStringLiteral("its match.port is another port of the gateway");
    for (int c = e.prevCatchAll; c >= 0; c = entries[std::size_t(c)].prevCatchAll)
        if (!entries[std::size_t(c)].staticSkip)
            return QStringLiteral("an earlier catch-all of the same VirtualService ends its routes");
    return {};
}

QList<RouteTable::VirtualHostRoutes> listOf(const CTable &table)
{
    QList<RouteTable::VirtualHostRoutes> out;
    out.reserve(qsizetype(table.vhosts.size()));
    for (const CVhost &vh : table.vhosts) {
        RouteTable::VirtualHostRoutes v;
        v.name = vh.name;
        v.domains = vh.domains;
        if (vh.defaultRoute)
            v.serviceHost = vh.serviceFqdn;
        for (int i = 0; i < int(vh.entries.size()); ++i)
            v.entries.append({ vh.entries[std::size_t(i)].route, notSentReason(vh.entries, i) });
        out.append(std::move(v));
    }
    return out;
}

} // namespace

QList<RouteTable::VirtualHostRoutes> RouteTable::virtualHosts(const QString &gateway, int port) const
{
    if (gateway.isEmpty())
        return listOf(d->table(d->configs[0]));
    for (const auto &[p, c] : d->gatewayConfigs.value(gateway))
        if (p == port)
            return listOf(d->table(d->configs[std::size_t(c)]));
    return {};
}

QList<RouteTable::VirtualHostRoutes> RouteTable::virtualHosts(const RouteDecision &decision) const
{
    if (decision.config < 0)
        return {};
    return listOf(d->table(d->configs[std::size_t(decision.config)]));
}

} // namespace meshroute
