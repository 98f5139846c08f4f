#include "routeorder.h"

#include "hostname.h"
#include "request.h"
#include "workspace.h"

#include <QHash>
#include <QSet>

namespace meshroute {

namespace {

QString qualified(const Resource &r)
{
    return r.namespaceName() + QLatin1Char('/') + r.name();
}

// Where the row's rule was written: the Gateway API route behind a generated rule, else the
// VirtualService itself.
void setSource(const RouteTable &table, const RouteTable::RouteInfo &info, RouteOrderRow &row)
{
    SourcePos pos = info.rootRule ? info.rootRule->pos : SourcePos {};
    const Resource *source = nullptr;
    if (info.origin.routeId >= 0 && (source = table.resource(info.origin.routeId))) {
        row.ruleIndex = info.origin.ruleIndex;
        row.matchIndex = info.origin.matchIndex;
        const GatewayApiRoute *route = source->gatewayApiRoute();
        if (route && row.ruleIndex >= 0 && row.ruleIndex < route->rules.size()) {
            const RouteRule &rule = route->rules[row.ruleIndex];
            pos = row.matchIndex >= 0 && row.matchIndex < rule.matches.size()
                ? rule.matches[row.matchIndex].pos
                : rule.pos;
        }
        row.source = QStringLiteral("%1 %2 rule %3")
                         .arg(source->kindName.value, qualified(*source))
                         .arg(row.ruleIndex);
    } else if ((source = table.resource(info.virtualServiceId))) {
        row.ruleIndex = info.ruleIndex;
        row.matchIndex = info.delegateId < 0 ? info.matchIndex : -1;
        if (info.match && row.matchIndex >= 0)
            pos = info.match->pos;
        row.source
            = QStringLiteral("VirtualService %1 http[%2]").arg(info.virtualService).arg(info.ruleIndex);
        if (info.delegateId >= 0)
            row.source += QStringLiteral(" via %1").arg(info.delegate);
    }
    if (!source)
        return;
    row.sourceId = source->id;
    row.fileIndex = source->fileIndex;
    row.line = source->absoluteLine(pos);
    row.column = source->absoluteColumn(pos);
}

QString routeNames(const RouteTable &table, const QList<int> &ids)
{
    constexpr int named = 3; // a tooltip, not a list: the rest are counted
    QStringList names;
    for (int id : ids)
        if (const Resource *r = table.resource(id); r && names.size() < named)
            names << r->kindName.value + QLatin1Char(' ') + qualified(*r);
    if (ids.size() > named)
        names << QStringLiteral("%1 more").arg(ids.size() - named);
    return names.join(QLatin1String(", "));
}

// Istio merges the routes of several HTTPRoutes bound to one parent and host by
// creationTimestamp (route_collections.go); several VirtualServices of one gateway host
// are taken in creation order too (sortConfigByCreationTime). Either order rests on
// namespace/name when the files carry no (or equal) timestamps.
void markAmbiguous(const RouteTable &table, RouteOrderHost &host)
{
    QHash<int, const AmbiguousOrder *> merged; // synthetic VirtualService -> the routes merged in it
    for (const AmbiguousOrder &a : table.gatewayApi().ambiguousOrders)
        merged.insert(a.virtualServiceId, &a);
    // The distinct VirtualServices of the host, written or generated, grouped by creationTimestamp:
    // a row's order rests on name only against those of its own group. Grouping keeps this linear
    // in the rows (a host of 5,000 VirtualServices without timestamps is one group).
    QHash<QString, QList<const Resource *>> byTimestamp;
    QSet<const Resource *> seen;
    for (const RouteOrderRow &row : std::as_const(host.rows))
        if (const Resource *vs = table.resource(table.routeInfo(row.route).virtualServiceId);
            vs && !seen.contains(vs)) {
            seen.insert(vs);
            byTimestamp[vs->metadata.creationTimestamp.value] << vs;
        }
    QHash<int, QString> mergedNames; // once per merged VirtualService, not once per row
    constexpr int named = 3; // peers named in a row's tooltip; the rest are counted
    for (RouteOrderRow &row : host.rows) {
        const RouteTable::RouteInfo &info = table.routeInfo(row.route);
        if (info.orderAmbiguous) {
            row.ambiguous = true;
            auto names = mergedNames.find(info.virtualServiceId);
            if (names == mergedNames.end()) {
                const AmbiguousOrder *m = merged.value(info.virtualServiceId);
                names = mergedNames.insert(
                    info.virtualServiceId, m ? routeNames(table, m->routeIds) : info.virtualService);
            }
            row.ambiguity
                = QStringLiteral("%1 are merged here in creationTimestamp order, which the files do "
                                 "not carry (or is equal): Istio falls back to namespace/name")
                      .arg(*names);
        }
        const Resource *own = table.resource(info.virtualServiceId);
        if (!own)
            continue;
        const QList<const Resource *> peers = byTimestamp.value(own->metadata.creationTimestamp.value);
        int listed = 0;
        for (const Resource *other : peers) {
            if (other == own)
                continue;
            row.ambiguous = true;
            if (listed++ == named)
                break;
            if (!row.ambiguity.isEmpty())
                row.ambiguity += QLatin1String("; ");
            row.ambiguity += QStringLiteral("%1 and %2 share this virtual host: Istio orders them by "
                                            "creationTimestamp, missing or equal here, so by name")
                                 .arg(qualified(*own), qualified(*other));
        }
        if (listed > named)
            row.ambiguity
                += QStringLiteral("; and %1 more VirtualServices of this host").arg(peers.size() - 1 - named);
    }
}

bool hostMatches(const RouteTable::VirtualHostRoutes &vh, const QString &hostname)
{
    if (hostname.isEmpty() || hostname == QLatin1String("*"))
        return true;
    for (const QString &d : vh.domains) {
        const QString domain = d.section(QLatin1Char(':'), 0, 0);
        if (HostName::covers(hostname, domain) || HostName::covers(domain, hostname))
            return true;
    }
    return false;
}

} // namespace

RouteOrderHost RouteOrder::hostOf(const RouteTable &table, const RouteTable::VirtualHostRoutes &vh)
{
    RouteOrderHost host;
    host.name = vh.name;
    host.domains = vh.domains;
    int position = 0;
    for (const RouteTable::VirtualHostRoutes::Entry &e : vh.entries) {
        RouteOrderRow row;
        row.position = ++position;
        row.route = e.route;
        row.notSent = e.notSent;
        setSource(table, table.routeInfo(e.route), row);
        host.rows << row;
    }
    markAmbiguous(table, host);
    return host;
}

QList<RouteOrderHost> RouteOrder::atGateway(
    const RouteTable &table, const QString &gateway, int port, const QString &hostname)
{
    QList<RouteOrderHost> out;
    for (const RouteTable::VirtualHostRoutes &vh : table.virtualHosts(gateway, port))
        if (vh.serviceHost.isEmpty() && hostMatches(vh, hostname.toLower()))
            out << hostOf(table, vh);
    return out;
}

QList<RouteOrderHost> RouteOrder::forMeshHost(const RouteTable &table, const QString &fqdn, int port)
{
    Request request;
    request.setRequestLine(QStringLiteral("GET http://%1:%2/").arg(fqdn).arg(port));
    request.setSourceNamespace(HostName::namespaceOf(fqdn));
    const RouteDecision decision = table.decide(request);
    if (decision.vhost < 0)
        return {};
    const QList<RouteTable::VirtualHostRoutes> hosts = table.virtualHosts(decision);
    if (decision.vhost >= hosts.size() || !hosts[decision.vhost].serviceHost.isEmpty())
        return {};
    return { hostOf(table, hosts[decision.vhost]) };
}

} // namespace meshroute
