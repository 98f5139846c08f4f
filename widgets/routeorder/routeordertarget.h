#pragma once

#include <QList>
#include <QString>

namespace meshroute {

class RouteTable;
struct Resource;
struct RouteOrderHost;

// One route table the Effective route order dock can show: a Gateway API listener, an
// Istio Gateway server, or a host:port as sidecars see it; and the route tables a selected
// resource leads to (a Gateway's listeners or servers, a Service's ports, a route's parents).
struct RouteOrderTarget
{
    QString label; // "listener http: HTTP 80 *.shop.example"
    QString gateway; // "ns/name"; empty: the sidecars
    int port = 0;
    QString hostname; // a listener's or server's hostname, or the mesh host
    QList<RouteOrderHost> hosts(const RouteTable &table) const;

    static QList<RouteOrderTarget> of(const RouteTable &table, const Resource &resource);
};

} // namespace meshroute
