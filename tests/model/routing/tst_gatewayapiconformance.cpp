// Gateway API routes routed as Istio routes them, against the requests and
// answers of the Gateway API conformance suite (kubernetes-sigs/gateway-api
// conformance/tests/<name>.go). Each fixture in tests/data/gatewayapi/ is our
// own YAML following <name>.yaml, over base.yaml (after conformance/base):
// namespace "infra" stands for gateway-conformance-infra and backend-vN for
// infra-backend-vN. Each row names the Go file whose case it is.
#include "gatewayapitranslator.h"
#include "loader.h"
#include "request.h"
#include "router.h"

#include <QtTest>

using namespace meshroute;

namespace {

QString dataPath(const QString &name)
{
    return QStringLiteral(MESHROUTE_TEST_DATA_DIR "/gatewayapi/") + name;
}

Workspace load(const QString &fixture)
{
    const LoadResult loaded = Loader::loadPaths({ dataPath(QStringLiteral("base.yaml")), dataPath(fixture) });
    return loaded.workspace;
}

const Router &routerFor(const QString &fixture)
{
    static QHash<QString, Router> cache;
    auto it = cache.find(fixture);
    if (it == cache.end())
        it = cache.insert(fixture, Router(RouteTable::compile(load(fixture))));
    return *it;
}

Request makeRequest(const QString &line, const QStringList &headers, const QString &gateway)
{
    Request r;
    QString error;
    if (!r.setRequestLine(line, &error))
        qWarning() << error;
    for (const QString &h : headers)
        r.addHeaderLine(h);
    r.setGateway(gateway);
    // A path-only request line is sent to the gateway's address on port 80, whatever
    // port its Host header names (httproute-hostname-intersection.go).
    if (line.contains(QLatin1String(" /")))
        r.setPort(80);
    return r;
}

// "backend-v1" is infra's; "web-backend.web-backend" names its namespace.
QString backendHost(const QString &backend)
{
    return backend.contains(QLatin1Char('.')) ? backend + QStringLiteral(".svc.cluster.local")
                                              : backend + QStringLiteral(".infra.svc.cluster.local");
}

const Resource *findRoute(const Workspace &ws, const QString &name)
{
    for (const Resource &r : ws.resources)
        if (isGatewayApiRoute(r.kind) && r.name() == name)
            return &r;
    return nullptr;
}

} // namespace

class TstGatewayApiConformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void route_data();
    void route();
    void weightsSplitAsWritten();
    void mirrorsCopyTheirShare();
    void mirrorsIstioCannotResolveAreDropped();
    void generatedRulesPointAtTheRoute();
    void mergedOrderWithoutTimestampsIsReported();
    void timestampsDecideTheMergedOrder();
    void gatewayApiGatewayAnswersToItsName();
};

// A flat table: one row per request of a conformance case.
void TstGatewayApiConformance::route_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("gateway");
    QTest::addColumn<QString>("request");
    QTest::addColumn<QStringList>("headers");
    QTest::addColumn<QString>("backend"); // empty: none
    QTest::addColumn<int>("status"); // 0: forwarded upstream
    QTest::addColumn<QString>("location"); // redirect Location, or the upstream path with "path:"

    const QString same = QStringLiteral("infra/same-namespace");
    auto row = [&](const char *name, const char *fixture, const QString &gw, const char *request,
                   const QStringList &headers, const char *backend, int status, const char *location = "") {
        QTest::newRow(name) << QString::fromLatin1(fixture) << gw << QString::fromLatin1(request) << headers
                            << QString::fromLatin1(backend) << status << QString::fromLatin1(location);
    };
    // httproute-path-match-order.go: exact first, then the longest prefix.
    const char *order = "path-match-order.yaml";
    row("order /match/exact/one", order, same, "GET http://gw.example/match/exact/one", {}, "backend-v3", 0);
    row("order /match/exact", order, same, "GET http://gw.example/match/exact", {}, "backend-v2", 0);
    row("order /match", order, same, "GET http://gw.example/match", {}, "backend-v1", 0);
    row("order /match/prefix/one/any", order, same, "GET http://gw.example/match/prefix/one/any", {},
        "backend-v2", 0);
    row("order /match/prefix/any", order, same, "GET http://gw.example/match/prefix/any", {}, "backend-v1",
        0);
    row("order /match/any", order, same, "GET http://gw.example/match/any", {}, "backend-v3", 0);
    // httproute-matching.go; /v2example is NOTES.md point 5 (path_separated_prefix).
    const char *matching = "matching.yaml";
    row("matching /", matching, same, "GET http://gw.example/", {}, "backend-v1", 0);
    row("matching /example", matching, same, "GET http://gw.example/example", {}, "backend-v1", 0);
    row("matching / version one", matching, same, "GET http://gw.example/", { "Version: one" }, "backend-v1",
        0);
    row("matching /v2", matching, same, "GET http://gw.example/v2", {}, "backend-v2", 0);
    row("matching /v2/example", matching, same, "GET http://gw.example/v2/example", {}, "backend-v2", 0);
    row("matching / version two", matching, same, "GET http://gw.example/", { "Version: two" }, "backend-v2",
        0);
    row("matching /v2example is no segment", matching, same, "GET http://gw.example/v2example", {},
        "backend-v1", 0);
    // httproute-matching-across-routes.go: rules of two routes merged on example.com.
    const char *across = "matching-across-routes.yaml";
    row("across example.com /", across, same, "GET http://example.com/", {}, "backend-v1", 0);
    row("across example.com /example", across, same, "GET http://example.com/example", {}, "backend-v1", 0);
    row("across example.net /example", across, same, "GET http://example.net/example", {}, "backend-v1", 0);
    row("across example.com version one", across, same, "GET http://example.com/example", { "Version: one" },
        "backend-v1", 0);
    row("across example.com /v2", across, same, "GET http://example.com/v2", {}, "backend-v2", 0);
    row("across example.net /v2", across, same, "GET http://example.net/v2", {}, "backend-v1", 0);
    row("across example.com /v2/example", across, same, "GET http://example.com/v2/example", {}, "backend-v2",
        0);
    row("across example.com version two", across, same, "GET http://example.com/", { "Version: two" },
        "backend-v2", 0);
    // httproute-header-matching.go: more headers first, then rule order.
    const char *header = "header-matching.yaml";
    row("header version one", header, same, "GET http://gw.example/", { "Version: one" }, "backend-v1", 0);
    row("header version two", header, same, "GET http://gw.example/", { "Version: two" }, "backend-v2", 0);
    row("header two+orange", header, same, "GET http://gw.example/", { "Version: two", "Color: orange" },
        "backend-v1", 0);
    row("header two+blue", header, same, "GET http://gw.example/", { "Version: two", "Color: blue" },
        "backend-v2", 0);
    row("header orange alone", header, same, "GET http://gw.example/", { "Color: orange" }, "", 404);
    row("header other", header, same, "GET http://gw.example/", { "Some-Other-Header: one" }, "", 404);
    row("header blue", header, same, "GET http://gw.example/", { "Color: blue" }, "backend-v1", 0);
    row("header green", header, same, "GET http://gw.example/", { "Color: green" }, "backend-v1", 0);
    row("header red", header, same, "GET http://gw.example/", { "Color: red" }, "backend-v2", 0);
    row("header yellow", header, same, "GET http://gw.example/", { "Color: yellow" }, "backend-v2", 0);
    row("header purple", header, same, "GET http://gw.example/", { "Color: purple" }, "", 404);
    // httproute-query-param-matching.go: names and values are case-sensitive, more params first.
    const char *query = "query-param-matching.yaml";
    row("query whale", query, same, "GET http://gw.example/?animal=whale", {}, "backend-v1", 0);
    row("query dolphin", query, same, "GET http://gw.example/?animal=dolphin", {}, "backend-v2", 0);
    row("query dolphin blue", query, same, "GET http://gw.example/?animal=dolphin&color=blue", {},
        "backend-v3", 0);
    row("query ANIMAL Whale", query, same, "GET http://gw.example/?ANIMAL=Whale", {}, "backend-v3", 0);
    row("query whale other", query, same, "GET http://gw.example/?animal=whale&otherparam=irrelevant", {},
        "backend-v1", 0);
    row("query dolphin yellow", query, same, "GET http://gw.example/?animal=dolphin&color=yellow", {},
        "backend-v2", 0);
    row("query color only", query, same, "GET http://gw.example/?color=blue", {}, "", 404);
    row("query dog", query, same, "GET http://gw.example/?animal=dog", {}, "", 404);
    row("query whaledolphin", query, same, "GET http://gw.example/?animal=whaledolphin", {}, "", 404);
    row("query none", query, same, "GET http://gw.example/", {}, "", 404);
    row("query path1", query, same, "GET http://gw.example/path1?animal=whale", {}, "backend-v1", 0);
    row("query version one", query, same, "GET http://gw.example/?animal=whale", { "version: one" },
        "backend-v2", 0);
    row("query path2 two", query, same, "GET http://gw.example/path2?animal=whale", { "version: two" },
        "backend-v3", 0);
    row("query path3 shark", query, same, "GET http://gw.example/path3?animal=shark", {}, "backend-v1", 0);
    row("query path4 kraken three", query, same, "GET http://gw.example/path4?animal=kraken",
        { "version: three" }, "backend-v1", 0);
    row("query shark at /", query, same, "GET http://gw.example/?animal=shark", {}, "", 404);
    row("query path4 without header", query, same, "GET http://gw.example/path4?animal=kraken", {}, "", 404);
    row("query path5 hydra", query, same, "GET http://gw.example/path5?animal=hydra", {}, "backend-v1", 0);
    row("query four hydra", query, same, "GET http://gw.example/?animal=hydra", { "version: four" },
        "backend-v3", 0);
    // httproute-method-matching.go: a method match sorts before header matches.
    const char *method = "method-matching.yaml";
    row("method POST", method, same, "POST http://gw.example/", {}, "backend-v1", 0);
    row("method GET", method, same, "GET http://gw.example/", {}, "backend-v2", 0);
    row("method HEAD", method, same, "HEAD http://gw.example/", {}, "", 404);
    row("method path1 GET", method, same, "GET http://gw.example/path1", {}, "backend-v1", 0);
    row("method PUT one", method, same, "PUT http://gw.example/", { "version: one" }, "backend-v2", 0);
    row("method path2 POST two", method, same, "POST http://gw.example/path2", { "version: two" },
        "backend-v3", 0);
    row("method path3 PATCH", method, same, "PATCH http://gw.example/path3", {}, "backend-v1", 0);
    row("method path4 DELETE three", method, same, "DELETE http://gw.example/path4", { "version: three" },
        "backend-v1", 0);
    row("method PUT alone", method, same, "PUT http://gw.example/", {}, "", 404);
    row("method path4 DELETE alone", method, same, "DELETE http://gw.example/path4", {}, "", 404);
    row("method path5 PATCH", method, same, "PATCH http://gw.example/path5", {}, "backend-v1", 0);
    row("method PATCH four", method, same, "PATCH http://gw.example/", { "version: four" }, "backend-v2", 0);
    // httproute-redirect-path.go (statusCode absent: the CRD default 302).
    const char *redirect = "redirect-path.yaml";
    row("redirect prefix", redirect, same, "GET http://gw.example/original-prefix/lemon", {}, "", 302,
        "http://gw.example/replacement-prefix/lemon");
    row("redirect full", redirect, same, "GET http://gw.example/full/path/original", {}, "", 302,
        "http://gw.example/full-path-replacement");
    row("redirect path and host", redirect, same, "GET http://gw.example/path-and-host", {}, "", 302,
        "http://example.org/replacement-prefix");
    row("redirect path and status", redirect, same, "GET http://gw.example/path-and-status", {}, "", 301,
        "http://gw.example/replacement-prefix");
    // httproute-redirect-port-and-scheme.go, the port-80 listener.
    const char *ports = "redirect-port-and-scheme.yaml";
    row("redirect nil nil", ports, same, "GET http://gw.example/scheme-nil-and-port-nil", {}, "", 302,
        "http://example.org/scheme-nil-and-port-nil");
    row("redirect nil 80", ports, same, "GET http://gw.example/scheme-nil-and-port-80", {}, "", 302,
        "http://example.org/scheme-nil-and-port-80");
    row("redirect nil 8080", ports, same, "GET http://gw.example/scheme-nil-and-port-8080", {}, "", 302,
        "http://example.org:8080/scheme-nil-and-port-8080");
    row("redirect https nil", ports, same, "GET http://gw.example/scheme-https-and-port-nil", {}, "", 302,
        "https://example.org/scheme-https-and-port-nil");
    row("redirect https 443", ports, same, "GET http://gw.example/scheme-https-and-port-443", {}, "", 302,
        "https://example.org/scheme-https-and-port-443");
    row("redirect https 8443", ports, same, "GET http://gw.example/scheme-https-and-port-8443", {}, "", 302,
        "https://example.org:8443/scheme-https-and-port-8443");
    // httproute-rewrite-path.go and httproute-rewrite-host.go: what the upstream receives.
    const char *rewrite = "rewrite.yaml";
    row("rewrite prefix", rewrite, same, "GET http://gw.example/prefix/one/two", {}, "backend-v1", 0,
        "path:/one/two");
    row("rewrite full", rewrite, same, "GET http://gw.example/full/one/two", {}, "backend-v1", 0,
        "path:/one");
    row("rewrite full and headers", rewrite, same,
        "GET http://gw.example/full/rewrite-path-and-modify-headers/test", {}, "backend-v1", 0, "path:/test");
    row("rewrite prefix and headers", rewrite, same,
        "GET http://gw.example/prefix/rewrite-path-and-modify-headers/one", {}, "backend-v1", 0,
        "path:/prefix/one");
    row("rewrite strip prefix", rewrite, same, "GET http://gw.example/strip-prefix/three", {}, "backend-v1",
        0, "path:/three");
    row("rewrite strip prefix bare", rewrite, same, "GET http://gw.example/strip-prefix", {}, "backend-v1", 0,
        "path:/");
    row("rewrite host one", rewrite, same, "GET http://rewrite.example/one", {}, "backend-v1", 0,
        "authority:one.example.org");
    row("rewrite host", rewrite, same, "GET http://rewrite.example/", {}, "backend-v2", 0,
        "authority:example.org");
    // httproute-hostname-intersection.go.
    const QString inter = QStringLiteral("infra/intersection");
    const char *hosts = "hostname-intersection.yaml";
    row("intersect very.specific /s1", hosts, inter, "GET http://very.specific.com/s1", {}, "backend-v1", 0);
    row("intersect very.specific:1234 /s1", hosts, inter, "GET /s1", { "Host: very.specific.com:1234" },
        "backend-v1", 0);
    row("intersect non.matching /s1", hosts, inter, "GET http://non.matching.com/s1", {}, "", 404);
    row("intersect foo.nonmatchingwildcard /s1", hosts, inter, "GET http://foo.nonmatchingwildcard.io/s1", {},
        "", 404);
    row("intersect foo.wildcard /s1", hosts, inter, "GET http://foo.wildcard.io/s1", {}, "", 404);
    row("intersect foo.wildcard /s2", hosts, inter, "GET http://foo.wildcard.io/s2", {}, "backend-v2", 0);
    row("intersect foo.bar.wildcard /s2", hosts, inter, "GET http://foo.bar.wildcard.io/s2", {}, "backend-v2",
        0);
    row("intersect wildcard.io /s2", hosts, inter, "GET http://wildcard.io/s2", {}, "", 404);
    row("intersect very.specific /s2", hosts, inter, "GET http://very.specific.com/s2", {}, "", 404);
    row("intersect very.specific /s3", hosts, inter, "GET http://very.specific.com/s3", {}, "backend-v3", 0);
    row("intersect foo.specific /s3", hosts, inter, "GET http://foo.specific.com/s3", {}, "", 404);
    row("intersect foo.anotherwildcard /s4", hosts, inter, "GET http://foo.anotherwildcard.io/s4", {},
        "backend-v1", 0);
    row("intersect anotherwildcard.io /s4", hosts, inter, "GET http://anotherwildcard.io/s4", {}, "", 404);
    row("intersect foo.wildcard /s4", hosts, inter, "GET http://foo.wildcard.io/s4", {}, "", 404);
    row("intersect none /s5", hosts, inter, "GET http://specific.but.wrong.com/s5", {}, "", 404);
    row("intersect wildcard.io /s5", hosts, inter, "GET http://wildcard.io/s5", {}, "", 404);
    const QString all = QStringLiteral("infra/intersection-all");
    row("intersect-all first.com", hosts, all, "GET http://first.com/", {}, "backend-v2", 0);
    row("intersect-all sub.second.com", hosts, all, "GET http://sub.second.com/", {}, "backend-v2", 0);
    row("intersect-all third.com", hosts, all, "GET http://third.com/", {}, "", 404);
    // gateway-http-listener-isolation.go: the most specific listener's routes only.
    const QString iso = QStringLiteral("infra/isolation");
    const char *isolation = "listener-isolation.yaml";
    row("isolation bar.com empty", isolation, iso, "GET http://bar.com/empty-hostname", {}, "backend-v1", 0);
    row("isolation bar.com wildcard", isolation, iso, "GET http://bar.com/wildcard-example-com", {}, "", 404);
    row("isolation bar.example.com wildcard", isolation, iso,
        "GET http://bar.example.com/wildcard-example-com", {}, "backend-v1", 0);
    row("isolation bar.example.com empty", isolation, iso, "GET http://bar.example.com/empty-hostname", {},
        "", 404);
    row("isolation bar.foo.example.com foo", isolation, iso,
        "GET http://bar.foo.example.com/wildcard-foo-example-com", {}, "backend-v1", 0);
    row("isolation bar.foo.example.com wildcard", isolation, iso,
        "GET http://bar.foo.example.com/wildcard-example-com", {}, "", 404);
    row("isolation abc.foo.example.com abc", isolation, iso,
        "GET http://abc.foo.example.com/abc-foo-example-com", {}, "backend-v1", 0);
    row("isolation abc.foo.example.com foo", isolation, iso,
        "GET http://abc.foo.example.com/wildcard-foo-example-com", {}, "", 404);
    // httproute-reference-grant.go, httproute-cross-namespace.go, httproute-invalid-reference-grant.go:
    // a backend the grant does not admit is destination {}: 500 (NOTES.md point 5).
    const char *grant = "reference-grant.yaml";
    row("grant admits", grant, same, "GET http://granted.example/", {}, "web-backend.web-backend", 0);
    row("cross-namespace route", grant, QStringLiteral("infra/all-namespaces"), "GET http://cross.example/",
        {}, "web-backend.web-backend", 0);
    row("no grant: 500", grant, QStringLiteral("infra/all-namespaces"), "GET http://denied.example/", {}, "",
        500);
    row("listener refuses namespace", grant, same, "GET http://refused.example/", {}, "", 404);
    // grpcroute-exact-method-matching.go: service+method is the exact path /service/method.
    const char *grpc = "grpc-exact-method.yaml";
    row("grpc Echo", grpc, same,
        "POST http://gw.example/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/Echo",
        { "content-type: application/grpc" }, "backend-v1", 0);
    row("grpc EchoTwo", grpc, same,
        "POST http://gw.example/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/EchoTwo",
        { "content-type: application/grpc" }, "backend-v2", 0);
    row("grpc EchoThree", grpc, same,
        "POST http://gw.example/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/EchoThree",
        { "content-type: application/grpc" }, "", 404);
}

void TstGatewayApiConformance::route()
{
    QFETCH(QString, fixture);
    QFETCH(QString, gateway);
    QFETCH(QString, request);
    QFETCH(QStringList, headers);
    QFETCH(QString, backend);
    QFETCH(int, status);
    QFETCH(QString, location);

    const RouteResult r = routerFor(fixture).route(makeRequest(request, headers, gateway));
    const QString why = r.reason + QLatin1Char('\n') + r.trace.join(QLatin1Char('\n'));
    QVERIFY2(r.httpStatus == status,
        qPrintable(QStringLiteral("status %1, wanted %2: %3").arg(r.httpStatus).arg(status).arg(why)));
    if (!backend.isEmpty()) {
        QCOMPARE(r.destinations.size(), 1);
        QCOMPARE(r.destinations.first().host, backendHost(backend));
        QCOMPARE(r.destinations.first().port, 8080);
    }
    if (location.startsWith(QLatin1String("path:")))
        QCOMPARE(r.rewrittenPath, location.mid(5));
    else if (location.startsWith(QLatin1String("authority:")))
        QCOMPARE(r.rewrittenAuthority, location.mid(10));
    else if (!location.isEmpty())
        QCOMPARE(r.location, location);
}

// httproute-weight.go expects about 70/30 with nothing on the weight-0 backend
// (conversion.go drops it).
void TstGatewayApiConformance::weightsSplitAsWritten()
{
    const RouteResult r = routerFor(QStringLiteral("weight.yaml"))
                              .route(makeRequest(QStringLiteral("GET http://gw.example/"), {},
                                  QStringLiteral("infra/same-namespace")));
    QCOMPARE(r.httpStatus, 0);
    QCOMPARE(r.destinations.size(), 2);
    QCOMPARE(r.destinations[0].host, backendHost(QStringLiteral("backend-v1")));
    QCOMPARE(r.destinations[0].share, 70.0);
    QCOMPARE(r.destinations[1].host, backendHost(QStringLiteral("backend-v2")));
    QCOMPARE(r.destinations[1].share, 30.0);
}

// httproute-request-mirror.go and httproute-request-percentage-mirror.go: the
// request goes to its backendRef, a copy of it (or of a share) to each mirror.
// conversion.go createMirrorFilter turns a fraction into 100 * n / d percent.
void TstGatewayApiConformance::mirrorsCopyTheirShare()
{
    const Router &router = routerFor(QStringLiteral("request-mirror.yaml"));
    const QString gateway = QStringLiteral("infra/same-namespace");
    const RouteResult all
        = router.route(makeRequest(QStringLiteral("GET http://gw.example/mirror"), {}, gateway));
    QCOMPARE(all.destinations.size(), 1);
    QCOMPARE(all.destinations[0].host, backendHost(QStringLiteral("backend-v1")));
    QCOMPARE(all.mirrors.size(), 1);
    QCOMPARE(all.mirrors[0].host, backendHost(QStringLiteral("backend-v2")));
    QCOMPARE(all.mirrors[0].port, 8080);
    QCOMPARE(all.mirrors[0].percentage, 100.0);

    const RouteResult share
        = router.route(makeRequest(QStringLiteral("GET http://gw.example/percent-mirror"), {}, gateway));
    QCOMPARE(share.mirrors.size(), 2);
    QCOMPARE(share.mirrors[0].host, backendHost(QStringLiteral("backend-v2")));
    QCOMPARE(share.mirrors[0].percentage, 20.0);
    QCOMPARE(share.mirrors[1].host, backendHost(QStringLiteral("backend-v3")));
    QCOMPARE(share.mirrors[1].percentage, 25.0);
}

// A mirror whose backend does not resolve (no such Service, another namespace with no
// ReferenceGrant) is dropped and the rule still routes; one to a port the Service lacks
// is kept, since buildDestination looks up the Service and not its ports.
void TstGatewayApiConformance::mirrorsIstioCannotResolveAreDropped()
{
    const RouteResult r = routerFor(QStringLiteral("request-mirror.yaml"))
                              .route(makeRequest(QStringLiteral("GET http://gw.example/unresolved"), {},
                                  QStringLiteral("infra/same-namespace")));
    QCOMPARE(r.httpStatus, 0);
    QCOMPARE(r.destinations.size(), 1);
    QCOMPARE(r.destinations[0].host, backendHost(QStringLiteral("backend-v1")));
    QCOMPARE(r.mirrors.size(), 1);
    QCOMPARE(r.mirrors[0].host, backendHost(QStringLiteral("backend-v2")));
    QCOMPARE(r.mirrors[0].port, 9999);
}

// A compiled route leads back to the HTTPRoute, its rule, match and backendRef,
// and the generated VirtualService sits in the route's file.
void TstGatewayApiConformance::generatedRulesPointAtTheRoute()
{
    const Workspace ws = load(QStringLiteral("matching.yaml"));
    const Resource *route = findRoute(ws, QStringLiteral("matching"));
    QVERIFY(route);
    const Router router(RouteTable::compile(ws));
    const RouteResult r = router.route(makeRequest(
        QStringLiteral("GET http://gw.example/v2/x"), {}, QStringLiteral("infra/same-namespace")));
    QVERIFY(r.compiledRoute >= 0);
    const RouteTable::RouteInfo &info = router.table().routeInfo(r.compiledRoute);
    QVERIFY(info.gatewaySemantics);
    QCOMPARE(info.origin.routeId, route->id);
    QCOMPARE(info.origin.ruleIndex, 1);
    QCOMPARE(info.origin.matchIndex, 0);
    QCOMPARE(info.origin.backendRefs, QList<int> { 0 });
    const Resource *vs = router.table().workspace().byId(info.virtualServiceId);
    QVERIFY(vs);
    QVERIFY(GatewayApiTranslation::isSynthetic(vs->id));
    QCOMPARE(vs->fileIndex, route->fileIndex);
    const RouteMatch &written = route->gatewayApiRoute()->rules[1].matches[0];
    QCOMPARE(route->absoluteLine(info.rule->pos), route->absoluteLine(written.pos));
    QCOMPARE(info.match->uri.pos.line, written.path.pos.line);
    // The trace names the HTTPRoute rule and its line.
    const QString from = QStringLiteral("generated from HTTPRoute infra/matching rules[1].matches[0] (%1:%2)")
                             .arg(ws.fileOf(*route))
                             .arg(route->absoluteLine(written.pos));
    QVERIFY2(r.trace.contains(from), qPrintable(r.trace.join(QLatin1Char('\n'))));
}

// Two HTTPRoutes merged on example.com without creationTimestamp: Istio orders
// them by namespace/name (route_collections.go, sortRoutesByCreationTime) and
// we say the order rests on that.
void TstGatewayApiConformance::mergedOrderWithoutTimestampsIsReported()
{
    const Workspace ws = load(QStringLiteral("matching-across-routes.yaml"));
    const GatewayApiTranslation t = GatewayApiTranslator(ws).translate();
    QVERIFY(findRoute(ws, QStringLiteral("across-one")) && findRoute(ws, QStringLiteral("across-two")));
    QCOMPARE(t.ambiguousOrders.size(), 1);
    QVERIFY(t.ambiguousOrders.first().key.endsWith(QLatin1String("~example.com")));
    QCOMPARE(t.ambiguousOrders.first().routeIds,
        (QList<int> { findRoute(ws, QStringLiteral("across-one"))->id,
            findRoute(ws, QStringLiteral("across-two"))->id }));
    const RouteResult r = routerFor(QStringLiteral("matching-across-routes.yaml"))
                              .route(makeRequest(QStringLiteral("GET http://example.com/v2"), {},
                                  QStringLiteral("infra/same-namespace")));
    QVERIFY2(r.trace.join(QLatin1Char('\n')).contains(QLatin1String("creationTimestamp")),
        qPrintable(r.trace.join(QLatin1Char('\n'))));
    const RouteResult net = routerFor(QStringLiteral("matching-across-routes.yaml"))
                                .route(makeRequest(QStringLiteral("GET http://example.net/v2"), {},
                                    QStringLiteral("infra/same-namespace")));
    QVERIFY(!net.trace.join(QLatin1Char('\n')).contains(QLatin1String("creationTimestamp")));
}

// With timestamps the older route's rules come first among equals, whatever the names.
void TstGatewayApiConformance::timestampsDecideTheMergedOrder()
{
    Workspace ws = load(QStringLiteral("header-matching.yaml"));
    // A second route on the same host with the same match as rule 0 ("version: one").
    const Resource *original = findRoute(ws, QStringLiteral("header-matching"));
    QVERIFY(original);
    Resource copy = *original;
    copy.id = 100000;
    copy.metadata.name.value = QStringLiteral("a-newer-copy");
    GatewayApiRoute spec = *copy.gatewayApiRoute();
    spec.rules[0].backendRefs[0].ref.name.value = QStringLiteral("backend-v3");
    copy.spec = spec;
    ws.resources << copy;
    const Request one = makeRequest(QStringLiteral("GET http://gw.example/"),
        { QStringLiteral("Version: one") }, QStringLiteral("infra/same-namespace"));
    // No timestamps: "a-newer-copy" sorts first by name.
    QCOMPARE(Router(RouteTable::compile(ws)).route(one).destinations.value(0).host,
        backendHost(QStringLiteral("backend-v3")));
    for (Resource &r : ws.resources)
        if (r.kind == ResourceKind::HTTPRoute) {
            r.metadata.creationTimestamp.value = r.name() == QLatin1String("a-newer-copy")
                ? QStringLiteral("2026-02-01T00:00:00Z")
                : QStringLiteral("2026-01-01T00:00:00Z");
            r.metadata.creationTimestamp.present = true;
        }
    QCOMPARE(Router(RouteTable::compile(ws)).route(one).destinations.value(0).host,
        backendHost(QStringLiteral("backend-v1")));
    QVERIFY(GatewayApiTranslator(ws).translate().ambiguousOrders.isEmpty());
}

// `--gateway infra/same-namespace` is the Gateway API Gateway, as kubectl names it.
void TstGatewayApiConformance::gatewayApiGatewayAnswersToItsName()
{
    const RouteTable &table = routerFor(QStringLiteral("matching.yaml")).table();
    QVERIFY(table.gatewayNames().contains(QLatin1String("infra/same-namespace")));
    const RouteResult unknown = routerFor(QStringLiteral("matching.yaml"))
                                    .route(makeRequest(QStringLiteral("GET http://gw.example/"), {},
                                        QStringLiteral("infra/no-such-gateway")));
    QCOMPARE(unknown.status, RouteResult::Status::NoRoute);
    QCOMPARE(unknown.httpStatus, 0);
}

QTEST_GUILESS_MAIN(TstGatewayApiConformance)
#include "tst_gatewayapiconformance.moc"
