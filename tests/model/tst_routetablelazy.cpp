// Gateway route tables are shared by Gateways with one selector in one
// namespace and built on a gateway's first request: a table asked once
// must answer exactly as one whose every table was built beforehand, for
// every gateway, whichever gateway was asked first.

#include "loader.h"
#include "request.h"
#include "router.h"
#include "routetable.h"

#include <QtTest>

using namespace meshroute;

namespace {

// Gateways sharing a selector across two namespaces, a wider selector that
// takes the others' servers, one without selector, an httpsRedirect server
// and VirtualServices bound to several of them (one exported to its own
// namespace only, one with a match.gateways and a port condition).
const QByteArray kMesh = R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw-a, namespace: edge}
spec:
  selector: {istio: ingress}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["a.example.com", "*.shared.example.com"]
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw-b, namespace: edge}
spec:
  selector: {istio: ingress}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["b.example.com"]
  - port: {number: 8443, name: https, protocol: HTTPS}
    hosts: ["b.example.com"]
    tls: {mode: SIMPLE, credentialName: b}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw-c, namespace: other}
spec:
  selector: {istio: ingress}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["./c.example.com"]
    tls: {httpsRedirect: true}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw-d, namespace: edge}
spec:
  selector: {istio: ingress, tier: front}
  servers:
  - port: {number: 8080, name: http, protocol: HTTP}
    hosts: ["d.example.com"]
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw-e, namespace: edge}
spec:
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs-a, namespace: edge}
spec:
  hosts: ["a.example.com", "x.shared.example.com"]
  gateways: [gw-a, edge/gw-e]
  http:
  - match: [{uri: {prefix: /v2}, gateways: [edge/gw-e]}]
    route: [{destination: {host: a-v2.edge.svc.cluster.local}}]
  - match: [{uri: {prefix: /}, port: 80}]
    route: [{destination: {host: a.edge.svc.cluster.local}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs-b, namespace: edge}
spec:
  hosts: ["b.example.com", "*.example.com"]
  gateways: [edge/gw-b, gw-d]
  exportTo: ["."]
  http:
  - match: [{uri: {exact: /b}}]
    route: [{destination: {host: b.edge.svc.cluster.local}}]
  - route: [{destination: {host: fallback.edge.svc.cluster.local}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs-c, namespace: other}
spec:
  hosts: ["c.example.com"]
  gateways: [gw-c]
  http:
  - route: [{destination: {host: c.other.svc.cluster.local}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs-shared, namespace: edge}
spec:
  hosts: ["x.shared.example.com"]
  gateways: [gw-a]
  http:
  - match: [{headers: {x-canary: {exact: "yes"}}}]
    route: [{destination: {host: canary.edge.svc.cluster.local}}]
)";

QStringList describe(const Router &router, const Request &req)
{
    const RouteResult r = router.route(req);
    QStringList out { QString::number(int(r.status)), QString::number(r.httpStatus), r.reason, r.routeConfig,
        r.virtualHost, r.virtualService, QString::number(r.routeIndex), QString::number(r.matchIndex) };
    for (const RouteDestinationResult &d : r.destinations)
        out << d.host << d.cluster;
    const RouteDecision decision = router.table().decide(req);
    out << router.table().explain(req, decision) << router.table().describeOutcome(req, decision);
    return out;
}

QList<Request> requests()
{
    QList<Request> out;
    for (const char *gw : { "edge/gw-a", "edge/gw-b", "other/gw-c", "edge/gw-d", "edge/gw-e", "edge/gw-x" })
        for (const char *host : { "a.example.com", "b.example.com", "c.example.com", "d.example.com",
                 "x.shared.example.com", "y.example.com" })
            for (const char *rest : { ":80/v2/x", ":80/b", ":8080/b", ":443/", ":8443/b" }) {
                Request req;
                req.setRequestLine(
                    QStringLiteral("GET http://%1%2").arg(QLatin1String(host), QLatin1String(rest)));
                req.setGateway(QLatin1String(gw));
                if (QByteArray(rest) == ":80/b")
                    req.addHeader("x-canary", "yes");
                out << req;
            }
    return out;
}

} // namespace

class TestRouteTableLazy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneRequestAnswersAsTheFullTable();
    void sharedTablesAnswerPerGateway();
};

void TestRouteTableLazy::oneRequestAnswersAsTheFullTable()
{
    const LoadResult load = Loader::loadText(kMesh);
    QVERIFY(load.diagnostics.isEmpty());
    // The full table: every gateway asked once, on every port, before any comparison.
    const Router fullRouter(RouteTable::compile(load.workspace));
    for (const QString &gw : fullRouter.table().gatewayNames())
        for (int port : { 80, 8080, 8443 }) {
            Request warm;
            warm.setRequestLine(QStringLiteral("GET http://warm.example.com:%1/").arg(port));
            warm.setGateway(gw);
            fullRouter.route(warm);
        }
    int matched = 0;
    for (const Request &req : requests()) {
        // A fresh table per request: only the asked gateway's table gets built.
        const Router lazy(RouteTable::compile(load.workspace));
        const QStringList expected = describe(fullRouter, req);
        QCOMPARE(describe(lazy, req), expected);
        matched += expected.first() == QString::number(int(RouteResult::Status::Routed)) ? 1 : 0;
    }
    QVERIFY(matched > 20); // the requests reach real routes, not only 404s
}

void TestRouteTableLazy::sharedTablesAnswerPerGateway()
{
    // gw-a and gw-b share a selector and a namespace, so one table; the
    // answer still names the gateway that was asked, and each sees the
    // servers of both (the same pods serve both Gateways).
    const LoadResult load = Loader::loadText(kMesh);
    const Router router(RouteTable::compile(load.workspace));
    for (const char *gw : { "edge/gw-a", "edge/gw-b" }) {
        Request req;
        req.setRequestLine(QStringLiteral("GET http://b.example.com/b"));
        req.setGateway(QLatin1String(gw));
        const RouteResult r = router.route(req);
        QCOMPARE(r.status, RouteResult::Status::Routed);
        QCOMPARE(r.routeConfig, QStringLiteral("http.80 at %1").arg(QLatin1String(gw)));
        QCOMPARE(r.virtualService, QStringLiteral("edge/vs-b"));
    }
    // gw-c (another namespace) does not see vs-b, which is exported to "edge" only.
    Request req;
    req.setRequestLine(QStringLiteral("GET http://b.example.com/b"));
    req.setGateway(QStringLiteral("other/gw-c"));
    QCOMPARE(router.route(req).virtualService, QString());
}

QTEST_GUILESS_MAIN(TestRouteTableLazy)
#include "tst_routetablelazy.moc"
