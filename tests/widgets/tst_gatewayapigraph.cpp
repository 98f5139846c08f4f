// The Gateway API in the traffic graph (GraphModel, QtCore only): Gateways with their
// listeners, routes, rules and weighted backends; binding failures dashed red with the
// model's reasons (ParentBinder, BackendResolver); a mixed workspace showing both APIs and
// which one sidecars use for a host both claim; selection, host filter, scope and lit path.
// Istio's rules behind the expectations: pilot/pkg/config/kube/gateway/conversion.go
// (referenceAllowed for parents, buildDestination for backends: weight default 1,
// enforceRefGrant = !mesh) and route_collections.go (routes merged per parent and host).
#include "graph/graphmodel.h"
#include "loader.h"
#include "request.h"
#include "router.h"
#include "selection.h"

#include <QtTest>

using namespace meshroute;

namespace {

const QString fixture = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/gatewayapi/mixed-api.yaml");

Workspace load(const QByteArray &extra = {})
{
    QFile f(fixture);
    f.open(QIODevice::ReadOnly);
    return Loader::loadText(f.readAll() + extra, QStringLiteral("mixed-api.yaml")).workspace;
}

int idOf(const Workspace &ws, ResourceKind kind, const QString &name)
{
    const Resource *r = ws.find(kind, QStringLiteral("shop"), name);
    return r ? r->id : -1;
}

QString routeKey(const Workspace &ws, const QString &name)
{
    return QStringLiteral("route:%1").arg(idOf(ws, ResourceKind::HTTPRoute, name));
}

QString ruleKey(const Workspace &ws, const QString &name, int rule)
{
    return QStringLiteral("rule:%1:http:%2").arg(idOf(ws, ResourceKind::HTTPRoute, name)).arg(rule);
}

QString svc(const QString &name, const QString &ns = QStringLiteral("shop"))
{
    return QStringLiteral("svc:%1.%2.svc.cluster.local").arg(name, ns);
}

const GraphEdge *edge(const GraphModel &g, const QString &from, const QString &to)
{
    const int e = g.edgeBetween(g.indexOf(from), g.indexOf(to));
    return e >= 0 ? &g.edges()[e] : nullptr;
}

const GraphNode &node(const GraphModel &g, const QString &key)
{
    static const GraphNode none;
    const int i = g.indexOf(key);
    return i >= 0 ? g.nodes()[i] : none;
}

} // namespace

class TestGatewayApiGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gatewayListenersRoutesRulesAndShares()
    {
        const Workspace ws = load();
        const GraphModel g = GraphModel::build(ws);
        const QString gtw
            = QStringLiteral("gtw:%1").arg(idOf(ws, ResourceKind::KubernetesGateway, "shop-gateway"));
        const GraphNode &gateway = node(g, gtw);
        QCOMPARE(gateway.kind, GraphNode::Kind::Gateway);
        QCOMPARE(gateway.icon, QStringLiteral("kubernetesgateway"));
        QVERIFY(gateway.details.contains(QStringLiteral("http: HTTP 80 *.shop.example")));
        QVERIFY(gateway.details.contains(QStringLiteral("admin: HTTP 8080 admin.shop.example")));

        const GraphNode &route = node(g, routeKey(ws, "storefront"));
        QCOMPARE(route.kind, GraphNode::Kind::VirtualService);
        QCOMPARE(route.icon, QStringLiteral("httproute"));
        QVERIFY(route.details.contains(QStringLiteral("HTTPRoute · shop")));
        const GraphEdge *attach = edge(g, gtw, routeKey(ws, "storefront"));
        QVERIFY(attach);
        QCOMPARE(attach->label, QStringLiteral("http"));
        QVERIFY(!attach->missing);
        QVERIFY(attach->toolTip.contains(QLatin1String("www.shop.example")));

        const GraphNode &cartRule = node(g, ruleKey(ws, "storefront", 0));
        QCOMPARE(cartRule.kind, GraphNode::Kind::Rule);
        QCOMPARE(cartRule.details.value(0), QStringLiteral("prefix /cart"));
        QCOMPARE(node(g, ruleKey(ws, "storefront", 1)).details.value(0),
            QStringLiteral("prefix / (all requests)"));
        QVERIFY(edge(g, routeKey(ws, "storefront"), ruleKey(ws, "storefront", 0)));
        const GraphEdge *stable = edge(g, ruleKey(ws, "storefront", 0), svc("cart"));
        const GraphEdge *canary = edge(g, ruleKey(ws, "storefront", 0), svc("cart-canary"));
        QVERIFY(stable && canary);
        QCOMPARE(stable->label, QStringLiteral("90%"));
        QCOMPARE(canary->label, QStringLiteral("10%"));
        // On to the pods, as for a VirtualService's destination.
        const int cartPods = g.indexOf(QStringLiteral("wl:%1").arg(idOf(ws, ResourceKind::Workload, "cart")));
        QVERIFY(g.outgoing(g.indexOf(svc("cart"))).size() > 0);
        QVERIFY(cartPods >= 0);
    }

    void meshRouteHangsOffItsServiceWithDefaultWeights()
    {
        const Workspace ws = load();
        const GraphModel g = GraphModel::build(ws);
        const QString parent = QStringLiteral("meshparent:Service:shop/cart");
        const GraphNode &service = node(g, parent);
        QCOMPARE(service.kind, GraphNode::Kind::Gateway); // its column: the request starts there
        QCOMPARE(service.colourKind, int(GraphNode::Kind::Service));
        QCOMPARE(service.resourceId, idOf(ws, ResourceKind::Service, "cart"));
        QVERIFY(!service.missing);
        QVERIFY(edge(g, parent, routeKey(ws, "cart-mesh")));
        // No weight written: the CRD default 1 each, half and half.
        QCOMPARE(edge(g, ruleKey(ws, "cart-mesh", 0), svc("cart"))->label, QStringLiteral("50%"));
        QCOMPARE(edge(g, ruleKey(ws, "cart-mesh", 0), svc("cart-canary"))->label, QStringLiteral("50%"));
    }

    void bindingFailuresAreDashedRedWithTheModelsReason()
    {
        const Workspace ws = load();
        const GraphModel g = GraphModel::build(ws);
        const QString broken = routeKey(ws, "broken");
        const GraphNode &missing = node(g, QStringLiteral("gtw-missing:shop/missing-gateway"));
        QVERIFY(missing.missing);
        QVERIFY2(missing.missingReason.contains(QLatin1String("not in the workspace")),
            qPrintable(missing.missingReason));
        QVERIFY(edge(g, QStringLiteral("gtw-missing:shop/missing-gateway"), broken)->missing);

        const QString gtw
            = QStringLiteral("gtw:%1").arg(idOf(ws, ResourceKind::KubernetesGateway, "shop-gateway"));
        const GraphEdge *refused = edge(g, gtw, broken);
        QVERIFY(refused && refused->missing);
        QCOMPARE(refused->label, QStringLiteral("no such listener"));
        QVERIFY2(refused->toolTip.contains(QLatin1String("no listener named \"nope\"")),
            qPrintable(refused->toolTip));

        const GraphEdge *ghost = edge(g, ruleKey(ws, "broken", 0), svc("ghost"));
        QVERIFY(ghost && ghost->missing);
        QVERIFY(ghost->toolTip.contains(QLatin1String("Service shop/ghost is not in the workspace")));
        QVERIFY(node(g, svc("ghost")).missing);

        const GraphEdge *billing = edge(g, ruleKey(ws, "broken", 0), svc("billing", "billing"));
        QVERIFY(billing && billing->missing);
        QVERIFY2(billing->toolTip.contains(QLatin1String("no ReferenceGrant")), qPrintable(billing->toolTip));
        QVERIFY(!node(g, svc("billing", "billing"))
                     .missing); // the Service is there; the reference is not allowed

        // The grant the reference needs: the edge is whole again.
        const Workspace granted
            = load("---\napiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\n"
                   "metadata: {name: shop-to-billing, namespace: billing}\nspec:\n"
                   "  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}]\n"
                   "  to: [{group: \"\", kind: Service}]\n");
        const GraphModel h = GraphModel::build(granted);
        QVERIFY(!edge(h, ruleKey(granted, "broken", 0), svc("billing", "billing"))->missing);
    }

    // RequestMirror filters are drawn as the VirtualService's mirrors are, with the share of
    // requests copied (percent, or fraction numerator/denominator, default 100); one Istio
    // cannot resolve is dashed red: GatewayApiRuleConverter drops it and the rule still routes.
    void requestMirrorsAreMirrorEdges()
    {
        const Workspace ws = load("---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                                  "metadata: {name: shadowed, namespace: shop}\nspec:\n"
                                  "  parentRefs: [{name: shop-gateway, sectionName: http}]\n"
                                  "  hostnames: [shadow.shop.example]\n  rules:\n  - filters:\n"
                                  "    - type: RequestMirror\n      requestMirror:\n"
                                  "        backendRef: {name: cart-canary, port: 8080}\n"
                                  "        fraction: {numerator: 1, denominator: 4}\n"
                                  "    - type: RequestMirror\n      requestMirror:\n"
                                  "        backendRef: {name: nowhere, port: 80}\n"
                                  "    backendRefs: [{name: cart, port: 8080}]\n");
        const GraphModel g = GraphModel::build(ws);
        const QString rule = ruleKey(ws, "shadowed", 0);
        const GraphEdge *copy = edge(g, rule, svc("cart-canary"));
        QVERIFY(copy);
        QCOMPARE(copy->kind, GraphEdge::Kind::Mirror);
        QCOMPARE(copy->label, QStringLiteral("mirror 25%"));
        QVERIFY(!copy->missing);
        const GraphEdge *lost = edge(g, rule, svc("nowhere"));
        QVERIFY(lost && lost->kind == GraphEdge::Kind::Mirror && lost->missing);
        QCOMPARE(lost->label, QStringLiteral("mirror"));
        QVERIFY2(lost->toolTip.contains(QLatin1String("Service shop/nowhere is not in the workspace"))
                && lost->toolTip.contains(QLatin1String("drops this mirror")),
            qPrintable(lost->toolTip));
        const GraphEdge *routed = edge(g, rule, svc("cart"));
        QVERIFY(routed && routed->kind == GraphEdge::Kind::RuleToDestination && routed->label == "100%");
    }

    void bothApisAndTheWinnerOfASharedHost()
    {
        const Workspace ws = load();
        const GraphModel g = GraphModel::build(ws);
        const QString istioGateway
            = QStringLiteral("gw:%1").arg(idOf(ws, ResourceKind::Gateway, "legacy-gateway"));
        const QString legacy = QStringLiteral("vs:%1").arg(idOf(ws, ResourceKind::VirtualService, "legacy"));
        QVERIFY(edge(g, istioGateway, legacy));
        QVERIFY(
            edge(g, QStringLiteral("rule:%1:http:0").arg(idOf(ws, ResourceKind::VirtualService, "legacy")),
                svc("frontend")));

        // The router's answer for a sidecar's request to the host both claim.
        const Router router(RouteTable::compile(ws));
        Request req;
        QVERIFY(req.setRequestLine(QStringLiteral("GET http://cart.shop.svc.cluster.local:8080/")));
        req.setSourceNamespace(QStringLiteral("shop"));
        const RouteResult result = router.route(req);
        QVERIFY(result.compiledRoute >= 0);
        const int fromRoute = router.table().routeInfo(result.compiledRoute).origin.routeId;
        const int winner = fromRoute >= 0 ? fromRoute : result.virtualServiceId;
        const QString host = QStringLiteral("cart.shop.svc.cluster.local");
        const GraphNode &route = node(g, routeKey(ws, "cart-mesh"));
        const GraphNode &vs
            = node(g, QStringLiteral("vs:%1").arg(idOf(ws, ResourceKind::VirtualService, "cart")));
        const GraphNode &winning = winner == route.resourceId ? route : vs;
        const GraphNode &losing = winner == route.resourceId ? vs : route;
        QVERIFY(winner == route.resourceId || winner == vs.resourceId);
        QVERIFY2(
            winning.details.contains(QLatin1String("wins ") + host), qPrintable(winning.details.join('|')));
        QVERIFY2(
            losing.details.contains(QLatin1String("loses ") + host), qPrintable(losing.details.join('|')));
        QVERIFY(losing.toolTip.contains(QLatin1String("ignore these")));
    }

    void ruleNodeSelectsTheRule()
    {
        const Workspace ws = load();
        const GraphModel g = GraphModel::build(ws);
        const int rule = g.indexOf(ruleKey(ws, "storefront", 1));
        const SelectionTarget t = g.selectionFor(rule);
        QCOMPARE(t.resourceId, idOf(ws, ResourceKind::HTTPRoute, "storefront"));
        QCOMPARE(t.routeIndex, 1);
        QCOMPARE(g.nodeFor(t), rule);
        // A missing parent selects the route that names it.
        QCOMPARE(g.selectionFor(g.indexOf(QStringLiteral("gtw-missing:shop/missing-gateway"))).resourceId,
            idOf(ws, ResourceKind::HTTPRoute, "broken"));
    }

    void filterAndScopeTakeGatewayApiNodes()
    {
        const Workspace ws = load();
        const GraphModel g = GraphModel::build(ws);
        const QSet<int> www = g.neighbourhood(QStringLiteral("www.shop.example"));
        QVERIFY(www.contains(g.indexOf(routeKey(ws, "storefront"))));
        QVERIFY(www.contains(g.indexOf(routeKey(ws, "storefront-api"))));
        QVERIFY(www.contains(g.indexOf(svc("api"))));
        QVERIFY(!www.contains(
            g.indexOf(QStringLiteral("vs:%1").arg(idOf(ws, ResourceKind::VirtualService, "legacy")))));

        const GraphScope scope = GraphScope::around(ws, QStringLiteral("storefront-api"), -1);
        const GraphModel part = GraphModel::build(ws, scope);
        QVERIFY(part.indexOf(
                    QStringLiteral("gtw:%1").arg(idOf(ws, ResourceKind::KubernetesGateway, "shop-gateway")))
            >= 0);
        QVERIFY(part.indexOf(svc("api")) >= 0);
        QVERIFY(part.indexOf(QStringLiteral("wl:%1").arg(idOf(ws, ResourceKind::Workload, "frontend"))) < 0
            || part.indexOf(routeKey(ws, "storefront")) >= 0);
        QCOMPARE(
            part.indexOf(QStringLiteral("vs:%1").arg(idOf(ws, ResourceKind::VirtualService, "legacy"))), -1);
        QVERIFY(GraphScope::estimateNodes(*ws.byId(idOf(ws, ResourceKind::HTTPRoute, "storefront"))) >= 5);
    }

    void litPathFollowsTheHttpRoute()
    {
        const Workspace ws = load();
        const GraphModel g = GraphModel::build(ws);
        TrafficPath path;
        path.gatewayId = idOf(ws, ResourceKind::KubernetesGateway, "shop-gateway");
        path.virtualServiceId = GatewayApiTranslation::kFirstSyntheticId + 7; // the generated one: not drawn
        path.gatewayApiRouteId = idOf(ws, ResourceKind::HTTPRoute, "storefront");
        path.gatewayApiRuleIndex = 0;
        path.destinations << TrafficPath::Hop { QStringLiteral("cart.shop.svc.cluster.local"), {},
            0.9 } << TrafficPath::Hop { QStringLiteral("cart-canary.shop.svc.cluster.local"), {}, 0.1 };
        const GraphModel::PathItems lit = g.pathItems(path);
        const QString gtw = QStringLiteral("gtw:%1").arg(path.gatewayId);
        for (const QString &key : { gtw, routeKey(ws, "storefront"), ruleKey(ws, "storefront", 0),
                 svc("cart"), svc("cart-canary") })
            QVERIFY2(lit.nodes.contains(g.indexOf(key)), qPrintable(key));
        QVERIFY(!lit.nodes.contains(g.indexOf(ruleKey(ws, "storefront", 1))));
        auto edgeIndex
            = [&](const QString &a, const QString &b) { return int(edge(g, a, b) - g.edges().constData()); };
        QVERIFY(lit.edges.contains(edgeIndex(gtw, routeKey(ws, "storefront"))));
        QVERIFY(lit.edges.contains(edgeIndex(routeKey(ws, "storefront"), ruleKey(ws, "storefront", 0))));
        QVERIFY(lit.edges.contains(edgeIndex(ruleKey(ws, "storefront", 0), svc("cart-canary"))));

        // From a sidecar through the mesh route: the Service it hangs off is lit.
        TrafficPath mesh;
        mesh.virtualServiceId = GatewayApiTranslation::kFirstSyntheticId + 9;
        mesh.gatewayApiRouteId = idOf(ws, ResourceKind::HTTPRoute, "cart-mesh");
        mesh.gatewayApiRuleIndex = 0;
        mesh.destinations << TrafficPath::Hop { QStringLiteral("cart.shop.svc.cluster.local"), {}, 0.5 };
        const GraphModel::PathItems meshLit = g.pathItems(mesh);
        QVERIFY(meshLit.nodes.contains(g.indexOf(QStringLiteral("meshparent:Service:shop/cart"))));
        QVERIFY(meshLit.nodes.contains(g.indexOf(ruleKey(ws, "cart-mesh", 0))));
    }
};

QTEST_MAIN(TestGatewayApiGraph)
#include "tst_gatewayapigraph.moc"
