// The Effective route order: a gateway listener's or a mesh host's routes in the order
// Envoy tries them, whichever API wrote them, each traced to its rule and line, and the
// positions that rest on creation order marked ambiguous. Istio merges the rules of
// routes bound to one parent and host by creationTimestamp, then namespace/name
// (pilot/pkg/config/kube/gateway/route_collections.go, sortRoutesByCreationTime) and
// sorts them by match (conversion.go sortHTTPRoutes); the fixture is our own YAML.
#include "fixturelines.h"
#include "loader.h"
#include "request.h"
#include "routeorder.h"
#include "router.h"

#include <QtTest>

using namespace meshroute;

namespace {

QString fixturePath()
{
    return QStringLiteral(MESHROUTE_TEST_DATA_DIR "/gatewayapi/mixed-api.yaml");
}

QByteArray fixtureText()
{
    QFile f(fixturePath());
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

RouteTable compile(const QByteArray &text)
{
    return RouteTable::compile(Loader::loadText(text, QStringLiteral("mixed-api.yaml")).workspace);
}

QStringList sources(const RouteOrderHost &host)
{
    QStringList out;
    for (const RouteOrderRow &r : host.rows)
        out << r.source;
    return out;
}

} // namespace

class TestRouteOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergedHttpRoutesInEnvoysOrderMarkedAmbiguous()
    {
        const QByteArray text = fixtureText();
        const RouteTable table = compile(text);
        const QList<RouteOrderHost> hosts = RouteOrder::atGateway(
            table, QStringLiteral("shop/shop-gateway"), 80, QStringLiteral("*.shop.example"));
        QCOMPARE(hosts.size(), 1);
        QCOMPARE(hosts[0].name, QStringLiteral("www.shop.example:80"));
        // sortHTTPRoutes: the longer prefix first, the catch-all rule (no matches: PathPrefix "/") last.
        QCOMPARE(sources(hosts[0]),
            QStringList({ QStringLiteral("HTTPRoute shop/storefront rule 0"),
                QStringLiteral("HTTPRoute shop/storefront-api rule 0"),
                QStringLiteral("HTTPRoute shop/storefront rule 1") }));
        const RouteOrderRow &cart = hosts[0].rows[0];
        QCOMPARE(cart.position, 1);
        QCOMPARE(cart.line, test::lineOf(text, "value: /cart"));
        QCOMPARE(hosts[0].rows[1].line, test::lineOf(text, "value: /api"));
        QCOMPARE(hosts[0].rows[2].line, test::lineOf(text, "- backendRefs:", "value: /cart"));
        for (const RouteOrderRow &r : hosts[0].rows) {
            QVERIFY2(r.ambiguous, qPrintable(r.source));
            QVERIFY(r.ambiguity.contains(
                QLatin1String("HTTPRoute shop/storefront, HTTPRoute shop/storefront-api")));
            QVERIFY(r.notSent.isEmpty());
        }
    }

    void creationTimestampsSettleTheOrder()
    {
        QByteArray text = fixtureText();
        text.replace("  name: storefront\n  namespace: shop\n",
            "  name: storefront\n  namespace: shop\n  creationTimestamp: \"2024-05-01T00:00:00Z\"\n");
        text.replace("  name: storefront-api\n  namespace: shop\n",
            "  name: storefront-api\n  namespace: shop\n  creationTimestamp: \"2024-04-01T00:00:00Z\"\n");
        const QList<RouteOrderHost> hosts
            = RouteOrder::atGateway(compile(text), QStringLiteral("shop/shop-gateway"), 80);
        QCOMPARE(hosts.size(), 1);
        QCOMPARE(hosts[0].rows.size(), 3);
        for (const RouteOrderRow &r : hosts[0].rows)
            QVERIFY2(!r.ambiguous, qPrintable(r.ambiguity));
    }

    void istioGatewayServerListsItsVirtualService()
    {
        const QByteArray text = fixtureText();
        const QList<RouteOrderHost> hosts
            = RouteOrder::atGateway(compile(text), QStringLiteral("shop/legacy-gateway"), 80);
        QCOMPARE(hosts.size(), 1);
        QCOMPARE(sources(hosts[0]), QStringList { QStringLiteral("VirtualService shop/legacy http[0]") });
        QCOMPARE(hosts[0].rows[0].line, test::lineOf(text, "- route:", "gateways: [legacy-gateway]"));
        QVERIFY(!hosts[0].rows[0].ambiguous);
        // A port with no server: nothing.
        QVERIFY(RouteOrder::atGateway(compile(text), QStringLiteral("shop/legacy-gateway"), 443).isEmpty());
    }

    void meshHostShowsTheRoutesTheSidecarUses()
    {
        const RouteTable table = compile(fixtureText());
        const QString cart = QStringLiteral("cart.shop.svc.cluster.local");
        const QList<RouteOrderHost> hosts = RouteOrder::forMeshHost(table, cart, 8080);
        QCOMPARE(hosts.size(), 1);
        QCOMPARE(hosts[0].rows.size(), 1);
        // The router's own answer for a request to the host is the row's rule.
        Request req;
        QVERIFY(req.setRequestLine(QStringLiteral("GET http://%1:8080/").arg(cart)));
        req.setSourceNamespace(QStringLiteral("shop"));
        const RouteDecision d = table.decide(req);
        QCOMPARE(hosts[0].rows[0].route, d.route);
        QVERIFY(hosts[0].rows[0].sourceId >= 0);
        // api has no route of its own: the default route, no table to show.
        QVERIFY(RouteOrder::forMeshHost(table, QStringLiteral("api.shop.svc.cluster.local"), 8080).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRouteOrder)
#include "tst_routeorder.moc"
