#pragma once

#include "routetable.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace meshroute {

// One route of a virtual host, in the position Envoy tries it, traced back to what the
// user wrote: an HTTPRoute / GRPCRoute rule or a VirtualService http[] rule.
struct RouteOrderRow
{
    int position = 0; // 1-based within the virtual host
    int route = -1; // RouteTable::routeInfo() index
    int sourceId = -1; // Resource::id of the HTTPRoute, GRPCRoute or VirtualService written
    QString source; // "HTTPRoute default/bookinfo rule 0", "VirtualService default/reviews http[1]"
    int ruleIndex = -1; // in the source's rules[] or http[]
    int matchIndex = -1; // in that rule's matches[] / match[]; -1: a rule without matches
    int fileIndex = -1;
    int line = 0; // of the match (or the rule) in its file, 1-based
    int column = 0;
    QString notSent; // why istiod leaves it out for this proxy; empty when sent
    // The position rests on creation order the files cannot tell (creationTimestamps
    // missing or equal, so namespace/name decided); `ambiguity` says between what.
    bool ambiguous = false;
    QString ambiguity;
};

struct RouteOrderHost
{
    QString name; // Envoy's virtual host name
    QStringList domains;
    QList<RouteOrderRow> rows;
};

// The route tables of one gateway listener or one mesh host in Envoy's order, after
// Istio merged the routes of both APIs and sorted them (RouteTable's compiled tables,
// read, not re-derived): what the Effective route order dock shows.
class RouteOrder
{
public:
    // The virtual hosts `gateway` ("ns/name", Istio's or Gateway API's) has on `port`,
    // those `hostname` covers or that cover it ("" or "*": all).
    static QList<RouteOrderHost> atGateway(
        const RouteTable &table, const QString &gateway, int port, const QString &hostname = {});
    // The virtual host a sidecar in the host's namespace uses for `fqdn`:`port`; empty when
    // no route claims it (the default route).
    static QList<RouteOrderHost> forMeshHost(const RouteTable &table, const QString &fqdn, int port);

private:
    static RouteOrderHost hostOf(const RouteTable &table, const RouteTable::VirtualHostRoutes &vh);
};

} // namespace meshroute
