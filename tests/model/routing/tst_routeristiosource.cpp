// Routing cases where the router follows a specific piece of istiod's source
// rather than the API documentation: the cluster port of a destination
// without a port (sidecar versus gateway) and delegate match merging.
#include "loader.h"
#include "request.h"
#include "router.h"

#include <QtTest>

using namespace meshroute;

namespace {

RouteResult routeIn(
    const QString &fixture, const QString &line, const QString &gateway, const QStringList &headers = {})
{
    const LoadResult loaded
        = Loader::loadPaths({ QStringLiteral(MESHROUTE_TEST_DATA_DIR "/routing/") + fixture });
    const Router router(RouteTable::compile(loaded.workspace));
    Request request;
    if (!request.setRequestLine(line))
        qWarning() << "bad request line" << line;
    for (const QString &h : headers)
        request.addHeaderLine(h);
    request.setGateway(gateway);
    request.setSourceNamespace(QStringLiteral("shop"));
    return router.route(request);
}

// The cluster of the first destination.
QString cluster(
    const QString &fixture, const QString &line, const QString &gateway, const QStringList &headers = {})
{
    const RouteResult result = routeIn(fixture, line, gateway, headers);
    return result.destinations.isEmpty() ? QStringLiteral("(none)") : result.destinations.first().cluster;
}

} // namespace

class TestRouterIstioSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void destinationWithoutPort_data();
    void destinationWithoutPort();
    void sidecarWarnsAboutAMissingCluster();
    void presenceRootMatchDropsNarrowerDelegateRules_data();
    void presenceRootMatchDropsNarrowerDelegateRules();
};

// pilot/pkg/networking/core/route/route.go GetDestinationCluster takes the destination's port,
// else the port of the service it was given when that has exactly one, else the listener's.
// A sidecar gives it a service only from httproute.go BuildSidecarOutboundVirtualHosts'
// servicesByName: those exposing the listener port, cut down to that port. A gateway gives it
// any service (gateway.go buildGatewayVirtualHosts: nameToServiceMap).
void TestRouterIstioSource::destinationWithoutPort_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("gateway");
    QTest::addColumn<QString>("expected");
    QTest::newRow("sidecar: single-port service on another port gets the listener's")
        << "GET http://reviews.shop.svc.cluster.local:9080/" << QString()
        << "outbound|9080||backend.shop.svc.cluster.local";
    QTest::newRow("gateway: single-port service gets its own port")
        << "GET http://shop.example.com:8080/"
        << "shop/web"
        << "outbound|8080||backend.shop.svc.cluster.local";
    QTest::newRow("sidecar: a service with the listener port among several")
        << "GET http://reviews.shop.svc.cluster.local:9080/multi" << QString()
        << "outbound|9080||multi.shop.svc.cluster.local";
    QTest::newRow("gateway: several ports, the listener's is taken")
        << "GET http://shop.example.com:8080/multi"
        << "shop/web"
        << "outbound|8080||multi.shop.svc.cluster.local";
}

void TestRouterIstioSource::destinationWithoutPort()
{
    QFETCH(QString, line);
    QFETCH(QString, gateway);
    QFETCH(QString, expected);
    QCOMPARE(cluster(QStringLiteral("destination-ports.yaml"), line, gateway), expected);
}

void TestRouterIstioSource::sidecarWarnsAboutAMissingCluster()
{
    const RouteResult result = routeIn(QStringLiteral("destination-ports.yaml"),
        QStringLiteral("GET http://reviews.shop.svc.cluster.local:9080/"), QString());
    QVERIFY2(result.warnings.join(QLatin1Char('\n')).contains(QLatin1String("503 NC")),
        qPrintable(result.warnings.join(QLatin1Char('\n'))));
}

// pilot/pkg/model/virtualservice.go stringMatchConflict: a root StringMatch that sets none of
// exact/prefix/regex (presence only) conflicts with any delegate match of the same field, so
// mergeHTTPRoutes drops that delegate rule; a delegate rule without match inherits the root's.
void TestRouterIstioSource::presenceRootMatchDropsNarrowerDelegateRules_data()
{
    QTest::addColumn<QStringList>("headers");
    QTest::addColumn<QString>("expected");
    QTest::newRow("x-user: alice skips the dropped rule")
        << QStringList { QStringLiteral("x-user: alice") } << "outbound|80||users.shop.svc.cluster.local";
    QTest::newRow("x-user: bob") << QStringList { QStringLiteral("x-user: bob") }
                                 << "outbound|80||users.shop.svc.cluster.local";
    QTest::newRow("no x-user: the root's next rule")
        << QStringList {} << "outbound|80||web.shop.svc.cluster.local";
}

void TestRouterIstioSource::presenceRootMatchDropsNarrowerDelegateRules()
{
    QFETCH(QStringList, headers);
    QFETCH(QString, expected);
    QCOMPARE(cluster(QStringLiteral("delegate-presence-root.yaml"),
                 QStringLiteral("GET http://shop.example.com/"), QString(), headers),
        expected);
}

QTEST_GUILESS_MAIN(TestRouterIstioSource)
#include "tst_routeristiosource.moc"
