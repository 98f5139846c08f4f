#pragma once

#include "routetable.h"
#include "virtualservice.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace meshroute {

class Request;

// One destination of the chosen route, as Envoy sees it.
struct RouteDestinationResult
{
    QString host; // FQDN (short names expanded in the VirtualService's namespace)
    QString subset; // empty: the whole service
    int port = 0; // destination.port, else the service's only port, else the listener port
    double share = 0; // percent of the requests: weight / sum of weights; 100 for a single destination
    qint64 weight = 0; // as written (0 when absent)
    QString cluster; // outbound|PORT|SUBSET|FQDN
    Headers headers; // per-destination header operations
    int readyPods = -1; // pods behind host+subset, -1 when the workspace cannot tell
};

struct RouteMirrorResult
{
    QString host;
    QString subset;
    int port = 0;
    double percentage = 100;
    QString cluster;
};

// Where a request goes and why: the answer of Router::route().
struct RouteResult
{
    enum class Status { Routed, Redirect, DirectResponse, NoRoute };

    Status status = Status::NoRoute;
    int httpStatus = 404; // what the proxy answers itself (404 NR, 301, direct status, 503 NC/UH); 0: the
                          // upstream answers
    QString responseFlag; // Envoy response flag: NR, NC, UH; empty when forwarded normally
    QString reason; // one sentence: why this outcome
    QString routeConfig; // "http.80 at default/bookinfo-gateway", "sidecar 9080"
    QString virtualHost; // "bookinfo.app:80"

    QString virtualService; // "ns/name" of the root VirtualService; empty without one
    int virtualServiceId = -1;
    int routeIndex = -1; // rule index in the root's http[]
    QString routeName; // the rule's name (root-delegate for delegated rules)
    int matchIndex = -1; // match entry in the rule (the delegate's when delegated), -1: no match list
    QString delegate; // "ns/name" of the delegate VirtualService that supplied the rule
    int delegateRouteIndex = -1;
    int compiledRoute = -1; // RouteTable::routeInfo index
    // The HTTPRoute / GRPCRoute rule (and match, and backendRef per destination) the matched
    // route was generated from; routeId -1 for a VirtualService's own rule. Views name and
    // select the user's route with it, not the generated VirtualService.
    GatewayApiOrigin origin;

    QList<RouteDestinationResult> destinations;

    bool hasRewrite = false;
    HttpRewrite rewrite;
    QString rewrittenPath; // the :path the upstream receives
    QString rewrittenAuthority; // the :authority the upstream receives

    bool hasRedirect = false;
    HttpRedirect redirect;
    int redirectCode = 0;
    QString location;

    bool hasDirectResponse = false;
    int directResponseStatus = 0;
    QString directResponseBody;

    QString timeout; // as written; empty: none
    HttpRetry retries; // as written
    bool defaultRetries = false; // no retries written: the mesh default (2 attempts)
    HttpFaultInjection fault;
    QList<RouteMirrorResult> mirrors;
    Headers headers; // rule-level header operations

    QStringList warnings;
    QStringList trace; // why each route tried before the winner did not match

    static QString statusName(Status s);
};

// Routes requests through a compiled RouteTable, as Istio's Envoy would:
// deterministic, and cheap enough to run on every keystroke.
class Router
{
public:
    explicit Router(RouteTable table = {})
        : m_table(std::move(table))
    { }

    const RouteTable &table() const { return m_table; }
    void setTable(RouteTable table) { m_table = std::move(table); }

    RouteResult route(const Request &request) const;
    // The decision only: no strings, no allocation (the benchmark's unit).
    RouteDecision decide(const Request &request) const { return m_table.decide(request); }

    // The Envoy cluster name.
    static QString clusterName(int port, const QString &subset, const QString &fqdn);

private:
    RouteTable m_table;
};

} // namespace meshroute
