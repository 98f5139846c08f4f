// Compiling route tables: every file of tests/data and of the corpus compiles and routes without a
// crash, rules are listed for coverage with istiod's drops explained, and a
// large mesh compiles.
#include "corpus.h"
#include "loader.h"
#include "request.h"
#include "router.h"

#include <QtTest>

using namespace meshroute;

namespace {

// tests/data and, with MESHROUTE_CORPUS_DIR set, the corpus with its
// *.golden outputs (Istio's own translations into VirtualServices).
QStringList corpusFiles()
{
    return test::dataYamlFiles()
        + test::filesUnder(test::corpusDir(),
            { QStringLiteral("*.yaml"), QStringLiteral("*.yml"), QStringLiteral("*.golden") });
}

// A few requests per workspace: each VirtualService host from a sidecar and
// at each Gateway, on 80 and 9080, with and without a header.
int routeSome(const Router &router, const Workspace &ws)
{
    int routed = 0;
    QStringList gateways = router.table().gatewayNames();
    gateways.prepend(QString());
    for (const Resource &r : ws.resources) {
        const VirtualService *vs = r.virtualService();
        if (!vs)
            continue;
        for (const Field<QString> &h : vs->hosts) {
            QString host = h.value;
            host.replace(QLatin1Char('*'), QStringLiteral("x"));
            if (host.isEmpty() || host.contains(QLatin1Char(' ')))
                continue;
            for (const QString &gw : gateways)
                for (const QString &path : { QStringLiteral("/"), QStringLiteral("/api/v1/x?y=1") }) {
                    Request req;
                    if (!req.setRequestLine(QStringLiteral("GET http://%1%2").arg(host, path)))
                        continue;
                    req.addHeader("end-user", "jason");
                    req.setGateway(gw);
                    const RouteResult res = router.route(req);
                    if (res.status != RouteResult::Status::NoRoute)
                        ++routed;
                    req.setPort(9080);
                    router.route(req);
                }
        }
    }
    return routed;
}

QByteArray bigMesh(int count)
{
    QByteArray y;
    y += "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: "
         "istio-system\nspec:\n"
         "  selector:\n    istio: ingressgateway\n  servers:\n  - port:\n      number: 80\n      name: http\n"
         "      protocol: HTTP\n    hosts:\n    - \"*\"\n";
    for (int i = 0; i < count; ++i) {
        const QByteArray n = QByteArray::number(i);
        y += "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: svc" + n
            + "\n  namespace: ns" + QByteArray::number(i % 50) + "\nspec:\n  hosts:\n  - svc" + n
            + "\n  - svc" + n
            + ".example.com\n  gateways:\n  - mesh\n  - istio-system/gw\n  http:\n  - name: canary\n    "
              "match:\n"
              "    - headers:\n        x-canary:\n          regex: \"(true|yes)\"\n    route:\n    - "
              "destination:\n"
              "        host: svc"
            + n
            + "\n        subset: v2\n  - name: api\n    match:\n    - uri:\n        prefix: /api\n"
              "    route:\n    - destination:\n        host: svc"
            + n
            + "\n        subset: v1\n      weight: 90\n"
              "    - destination:\n        host: svc"
            + n
            + "\n        subset: v2\n      weight: 10\n"
              "  - route:\n    - destination:\n        host: svc"
            + n + "\n";
    }
    return y;
}

} // namespace

class TestRouteTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCorpusFile_data();
    void everyCorpusFile();
    void wholeCorpusAtOnce();
    void rulesForCoverage();
    void virtualHostDomains();
    void bigMeshCompilesAndRoutes();
};

void TestRouteTable::everyCorpusFile_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files = corpusFiles();
    QVERIFY(files.size() >= test::sweepMinimum(80, 280));
    for (const QString &f : files)
        QTest::newRow(qPrintable(test::sweepRowName(f))) << f;
}

void TestRouteTable::everyCorpusFile()
{
    QFETCH(QString, path);
    const LoadResult loaded = Loader::loadPaths({ path });
    const RouteTable table = RouteTable::compile(loaded.workspace);
    const Router router(table);
    routeSome(router, loaded.workspace);
    // Every compiled route points back at a rule of a VirtualService of the workspace, or,
    // generated from a Gateway API route, at that route.
    for (int i = 0; i < table.routeCount(); ++i) {
        const RouteTable::RouteInfo &info = table.routeInfo(i);
        QVERIFY(info.rule);
        QVERIFY(loaded.workspace.byId(
            info.gatewaySemantics && info.origin.routeId >= 0 ? info.origin.routeId : info.virtualServiceId));
        QVERIFY(table.ruleOf(i) >= 0);
    }
}

void TestRouteTable::wholeCorpusAtOnce()
{
    // All of tests/data (and of the corpus when configured) as one workspace.
    QStringList folders { test::dataDir() };
    if (!test::corpusDir().isEmpty())
        folders << test::corpusDir();
    const LoadResult loaded = Loader::loadPaths(folders);
    const Router router(RouteTable::compile(loaded.workspace));
    QVERIFY(router.table().routeCount() > test::sweepMinimum(100, 300));
    QVERIFY(routeSome(router, loaded.workspace) > 0);
}

void TestRouteTable::rulesForCoverage()
{
    const Router router(RouteTable::compile(
        Loader::loadPaths({ QStringLiteral(MESHROUTE_TEST_DATA_DIR "/routing/delegate.yaml") }).workspace));
    QStringList lines;
    for (const RouteTable::RuleRef &r : router.table().rules())
        lines << QStringLiteral("%1 %2 %3#%4 %5")
                     .arg(r.virtualService, r.ruleName, r.delegate)
                     .arg(r.delegateRuleIndex)
                     .arg(r.droppedReason.isEmpty() ? QStringLiteral("ok")
                                                    : r.droppedReason.section(QLatin1Char(':'), 0, 0));
    const QStringList expected {
        QStringLiteral("default/root \"products\" default/products#0 ok"),
        QStringLiteral("default/root \"products\" default/products#1 ok"),
        QStringLiteral(
            "default/root \"products\" default/products#2 delegate match conflicts with the root match (uri "
            "prefix /other is not inside the root's prefix /products)"),
        QStringLiteral("default/root \"products\" default/products#3 ok"),
        QStringLiteral("default/root \"orders\" orders/orders#0 ok"),
        QStringLiteral(
            "default/root \"missing\" default/nowhere#-1 delegate VirtualService default/nowhere not found"),
        QStringLiteral("default/root \"regex-root\" default/products#0 delegate match conflicts with the "
                       "root match (uri "
                       "prefix /products/special is not inside the root's regex /rx/.*)"),
        QStringLiteral("default/root \"regex-root\" default/products#1 delegate match conflicts with the "
                       "root match (uri "
                       "exact /products is not inside the root's regex /rx/.*)"),
        QStringLiteral("default/root \"regex-root\" default/products#2 delegate match conflicts with the "
                       "root match (uri "
                       "prefix /other is not inside the root's regex /rx/.*)"),
        QStringLiteral("default/root \"regex-root\" default/products#3 ok"),
        QStringLiteral("default/root \"web\" #-1 ok"),
    };
    QCOMPARE(lines, expected);
}

void TestRouteTable::virtualHostDomains()
{
    const Router router(RouteTable::compile(
        Loader::loadPaths({ QStringLiteral(MESHROUTE_TEST_DATA_DIR "/routing/sidecar.yaml") }).workspace));
    Request req;
    req.setRequestLine(QStringLiteral("GET http://ratings:9080/"));
    const RouteDecision d = router.decide(req);
    const RouteTable::VirtualHostInfo vh = router.table().virtualHostInfo(d);
    QCOMPARE(vh.name, QStringLiteral("ratings.default.svc.cluster.local:9080"));
    QCOMPARE(vh.domains,
        (QStringList { QStringLiteral("ratings.default.svc.cluster.local"), QStringLiteral("ratings.default"),
            QStringLiteral("ratings.default.svc"), QStringLiteral("ratings") }));
    QCOMPARE(router.table().configName(d), QStringLiteral("sidecar 9080"));
}

void TestRouteTable::bigMeshCompilesAndRoutes()
{
    const LoadResult loaded = Loader::loadText(bigMesh(2000), QStringLiteral("big.yaml"));
    QCOMPARE(loaded.workspace.resources.size(), 2001);
    const Router router(RouteTable::compile(loaded.workspace));
    QCOMPARE(router.table().routeCount(), 6000);
    QCOMPARE(router.table().compiledRegexCount(), 1); // one pattern, compiled once
    Request req;
    req.setRequestLine(QStringLiteral("GET http://svc1234.ns34:80/api/x"));
    req.setSourceNamespace(QStringLiteral("other"));
    RouteResult r = router.route(req);
    QCOMPARE(r.virtualService, QStringLiteral("ns34/svc1234"));
    QCOMPARE(r.routeName, QStringLiteral("api"));
    QCOMPARE(r.destinations.size(), 2);
    req.setGateway(QStringLiteral("istio-system/gw"));
    req.setAuthority("svc1999.example.com");
    req.addHeader("x-canary", "yes");
    r = router.route(req);
    QCOMPARE(r.virtualService, QStringLiteral("ns49/svc1999"));
    QCOMPARE(r.routeName, QStringLiteral("canary"));
}

QTEST_GUILESS_MAIN(TestRouteTable)
#include "tst_routetable.moc"
