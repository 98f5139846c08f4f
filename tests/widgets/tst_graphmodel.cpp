// The traffic graph computed from a workspace: nodes, edges, shares, what is
// missing, the host filter and the layout. QtCore only (GraphModel).
#include "corpus.h"
#include "document.h"
#include "graph/graphmodel.h"
#include "loader.h"
#include "selection.h"
#include "setweights.h"
#include "undostack.h"

#include <QElapsedTimer>
#include <QRectF>
#include <QtTest>

using namespace meshroute;

namespace {

LoadResult bookinfo()
{
    return Loader::loadPaths({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml") });
}

int idOf(const Workspace &ws, ResourceKind kind, const QString &name)
{
    const Resource *r = ws.find(kind, QStringLiteral("default"), name);
    return r ? r->id : -1;
}

const GraphEdge *edge(const GraphModel &g, const QString &from, const QString &to)
{
    const int e = g.edgeBetween(g.indexOf(from), g.indexOf(to));
    return e >= 0 ? &g.edges()[e] : nullptr;
}

const QString svc(const QString &name)
{
    return QStringLiteral("svc:%1.default.svc.cluster.local").arg(name);
}

const QString subset(const QString &service, const QString &name)
{
    return QStringLiteral("subset:%1.default.svc.cluster.local/%2").arg(service, name);
}

// Every node and edge of `part` is in `whole` with the same data (nothing is
// drawn missing only because the part left its definition out), and the whole
// graph's neighbourhood of the node standing for `resourceId` is all in `part`.
bool partAgreesWithWhole(const GraphModel &whole, const GraphModel &part, int resourceId, QString *why)
{
    for (const GraphNode &n : part.nodes()) {
        const int w = whole.indexOf(n.key);
        if (w < 0 || !(whole.nodes()[w] == n)) {
            *why = QStringLiteral("node %1 differs from the whole graph's").arg(n.key);
            return false;
        }
    }
    auto edgeKey = [](const GraphModel &g, const GraphEdge &e) {
        return QStringLiteral("%1>%2:%3:%4:%5")
            .arg(g.nodes()[e.from].key, g.nodes()[e.to].key)
            .arg(int(e.kind))
            .arg(e.label)
            .arg(e.missing);
    };
    QSet<QString> wholeEdges;
    for (const GraphEdge &e : whole.edges())
        wholeEdges.insert(edgeKey(whole, e));
    QSet<QString> partEdges;
    for (const GraphEdge &e : part.edges()) {
        partEdges.insert(edgeKey(part, e));
        if (!wholeEdges.contains(edgeKey(part, e))) {
            *why = QStringLiteral("edge %1 is not in the whole graph").arg(edgeKey(part, e));
            return false;
        }
    }
    SelectionTarget target;
    target.resourceId = resourceId;
    const int start = whole.nodeFor(target);
    if (start < 0)
        return true; // not drawn (a kind the graph does not show)
    for (const bool forward : { true, false }) {
        QList<int> stack { start };
        QSet<int> seen { start };
        while (!stack.isEmpty()) {
            const int n = stack.takeLast();
            if (part.indexOf(whole.nodes()[n].key) < 0) {
                *why = QStringLiteral("%1 (neighbour of %2) is not drawn")
                           .arg(whole.nodes()[n].key, whole.nodes()[start].key);
                return false;
            }
            for (int e : (forward ? whole.outgoing(n) : whole.incoming(n))) {
                const GraphEdge &edge = whole.edges()[e];
                // A subset no DestinationRule defines exists only for the rules that
                // name it; it is drawn with them, not with every rule of its service.
                if (edge.kind == GraphEdge::Kind::ServiceToSubset && whole.nodes()[edge.to].resourceId < 0)
                    continue;
                if (!partEdges.contains(edgeKey(whole, edge))) {
                    *why = QStringLiteral("edge %1 is not drawn").arg(edgeKey(whole, edge));
                    return false;
                }
                const int next = forward ? edge.to : edge.from;
                if (!seen.contains(next)) {
                    seen.insert(next);
                    stack.append(next);
                }
            }
        }
    }
    return true;
}

} // namespace

class TestGraphModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bookinfoNodes()
    {
        const LoadResult load = bookinfo();
        const GraphModel g = GraphModel::build(load.workspace);
        const Workspace &ws = load.workspace;
        const int gw = idOf(ws, ResourceKind::Gateway, QStringLiteral("bookinfo-gateway"));
        const int bookinfoVs = idOf(ws, ResourceKind::VirtualService, QStringLiteral("bookinfo"));
        const int reviewsVs = idOf(ws, ResourceKind::VirtualService, QStringLiteral("reviews"));
        QVERIFY(gw >= 0 && bookinfoVs >= 0 && reviewsVs >= 0);

        // 1 gateway, 2 VS, 2 rules, 4 services, 3 subsets, 6 workloads.
        QMap<GraphNode::Kind, int> counts;
        for (const GraphNode &n : g.nodes()) {
            ++counts[n.kind];
            QVERIFY2(!n.missing, qPrintable(n.key + QLatin1String(" is drawn missing")));
        }
        QCOMPARE(counts[GraphNode::Kind::Gateway], 1);
        QCOMPARE(counts[GraphNode::Kind::VirtualService], 2);
        QCOMPARE(counts[GraphNode::Kind::Rule], 2);
        QCOMPARE(counts[GraphNode::Kind::Service], 4);
        QCOMPARE(counts[GraphNode::Kind::Subset], 3);
        QCOMPARE(counts[GraphNode::Kind::Workload], 6);

        const GraphNode &gateway = g.nodes()[g.indexOf(QStringLiteral("gw:%1").arg(gw))];
        QCOMPARE(gateway.title, QStringLiteral("bookinfo-gateway"));
        QVERIFY(gateway.details.contains(QStringLiteral("HTTP 80: bookinfo.app")));

        const QString bookinfoRule = QStringLiteral("rule:%1:http:0").arg(bookinfoVs);
        const GraphNode &rule = g.nodes()[g.indexOf(bookinfoRule)];
        QCOMPARE(rule.details.first(), QStringLiteral("exact /productpage | prefix /static | ..."));
        QVERIFY(rule.toolTip.contains(QStringLiteral("prefix /api/v1/products")));

        QVERIFY(edge(g, QStringLiteral("gw:%1").arg(gw), QStringLiteral("vs:%1").arg(bookinfoVs)));
        QVERIFY(edge(g, QStringLiteral("vs:%1").arg(bookinfoVs), bookinfoRule));
        const GraphEdge *toProductpage = edge(g, bookinfoRule, svc(QStringLiteral("productpage")));
        QVERIFY(toProductpage);
        QCOMPARE(toProductpage->share, 1.0);
        QCOMPARE(toProductpage->label, QStringLiteral("100%"));
        const int productpageV1 = idOf(ws, ResourceKind::Workload, QStringLiteral("productpage-v1"));
        QVERIFY(edge(g, svc(QStringLiteral("productpage")), QStringLiteral("wl:%1").arg(productpageV1)));

        const QString canary = QStringLiteral("rule:%1:http:0").arg(reviewsVs);
        QCOMPARE(g.nodes()[g.indexOf(canary)].title, QStringLiteral("canary"));
        QCOMPARE(g.nodes()[g.indexOf(canary)].details.first(), QStringLiteral("all requests"));
        const GraphEdge *v1 = edge(g, canary, subset(QStringLiteral("reviews"), QStringLiteral("v1")));
        const GraphEdge *v2 = edge(g, canary, subset(QStringLiteral("reviews"), QStringLiteral("v2")));
        QVERIFY(v1 && v2);
        QCOMPARE(v1->label, QStringLiteral("99%"));
        QCOMPARE(v2->label, QStringLiteral("1%"));
        QCOMPARE(v1->destinationIndex, 0);
        QCOMPARE(v2->destinationIndex, 1);
        QVERIFY(!edge(g, canary, subset(QStringLiteral("reviews"), QStringLiteral("v3"))));

        // service -> subset -> workload by labels (subset labels + the service's selector).
        const int reviewsV1 = idOf(ws, ResourceKind::Workload, QStringLiteral("reviews-v1"));
        const int reviewsV2 = idOf(ws, ResourceKind::Workload, QStringLiteral("reviews-v2"));
        QVERIFY(
            edge(g, svc(QStringLiteral("reviews")), subset(QStringLiteral("reviews"), QStringLiteral("v3"))));
        QVERIFY(edge(g, subset(QStringLiteral("reviews"), QStringLiteral("v1")),
            QStringLiteral("wl:%1").arg(reviewsV1)));
        QVERIFY(!edge(g, subset(QStringLiteral("reviews"), QStringLiteral("v1")),
            QStringLiteral("wl:%1").arg(reviewsV2)));
        QVERIFY(g.nodes()[g.indexOf(QStringLiteral("wl:%1").arg(reviewsV1))].details.contains(
            QStringLiteral("Deployment · 3 pods")));
        // Workloads reached through subsets are not also linked straight from the service.
        QVERIFY(!edge(g, svc(QStringLiteral("reviews")), QStringLiteral("wl:%1").arg(reviewsV1)));
    }

    void relativeWeights()
    {
        const LoadResult load = Loader::loadText(R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: split}
spec:
  hosts: [a]
  http:
  - route:
    - destination: {host: a, subset: x}
      weight: 1
    - destination: {host: a, subset: y}
      weight: 2
    - destination: {host: a, subset: z}
)");
        const GraphModel g = GraphModel::build(load.workspace);
        const int vs = load.workspace.resources.first().id;
        const QString rule = QStringLiteral("rule:%1:http:0").arg(vs);
        QCOMPARE(
            edge(g, rule, subset(QStringLiteral("a"), QStringLiteral("x")))->label, QStringLiteral("33.3%"));
        QCOMPARE(
            edge(g, rule, subset(QStringLiteral("a"), QStringLiteral("y")))->label, QStringLiteral("66.7%"));
        QCOMPARE(edge(g, rule, subset(QStringLiteral("a"), QStringLiteral("z")))->share, 0.0);
        // Nothing in the workspace says whether a or its subsets exist: not claimed missing.
        for (const GraphNode &n : g.nodes())
            QVERIFY(!n.missing);
    }

    void missingThingsAreMarked()
    {
        QFile f(QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray text = f.readAll();
        // A subset no DestinationRule defines, a host that does not exist, a subset that selects no pod.
        text.replace("subset: v2\n      weight: 1", "subset: v4\n      weight: 1");
        text.replace("host: productpage\n", "host: productpage-typo\n");
        text.replace(
            "  - name: v3\n    labels:\n      version: v3", "  - name: v3\n    labels:\n      version: v9");
        const LoadResult load = Loader::loadText(text, QStringLiteral("broken.yaml"));
        const GraphModel g = GraphModel::build(load.workspace);
        const int reviewsVs = idOf(load.workspace, ResourceKind::VirtualService, QStringLiteral("reviews"));
        const int bookinfoVs = idOf(load.workspace, ResourceKind::VirtualService, QStringLiteral("bookinfo"));

        const int v4 = g.indexOf(subset(QStringLiteral("reviews"), QStringLiteral("v4")));
        QVERIFY(v4 >= 0);
        QVERIFY(g.nodes()[v4].missing);
        QVERIFY(g.nodes()[v4].missingReason.contains(QStringLiteral("No DestinationRule defines subset v4")));
        const GraphEdge *toV4 = edge(g, QStringLiteral("rule:%1:http:0").arg(reviewsVs),
            subset(QStringLiteral("reviews"), QStringLiteral("v4")));
        QVERIFY(toV4 && toV4->missing);
        QCOMPARE(toV4->label, QStringLiteral("1%"));

        const int typo = g.indexOf(svc(QStringLiteral("productpage-typo")));
        QVERIFY(typo >= 0);
        QVERIFY(g.nodes()[typo].missing);
        QVERIFY(g.nodes()[typo].missingReason.contains(QStringLiteral("not found")));
        QVERIFY(
            edge(g, QStringLiteral("rule:%1:http:0").arg(bookinfoVs), svc(QStringLiteral("productpage-typo")))
                ->missing);

        const int v3 = g.indexOf(subset(QStringLiteral("reviews"), QStringLiteral("v3")));
        QVERIFY(g.nodes()[v3].missing);
        QVERIFY(g.nodes()[v3].missingReason.contains(QStringLiteral("selects no pods")));
        QVERIFY(!g.nodes()[g.indexOf(subset(QStringLiteral("reviews"), QStringLiteral("v1")))].missing);

        // Clicking a missing subset selects the destination that refers to it.
        const SelectionTarget t = g.selectionFor(v4);
        QCOMPARE(t.resourceId, reviewsVs);
        QCOMPARE(t.routeIndex, 0);
        QCOMPARE(t.destinationIndex, 1);
    }

    void missingGateway()
    {
        const LoadResult load = Loader::loadText(R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: web, namespace: shop}
spec:
  hosts: [web.example.com]
  gateways: [edge, mesh]
  http:
  - route:
    - destination: {host: web}
)");
        const GraphModel g = GraphModel::build(load.workspace);
        const int gw = g.indexOf(QStringLiteral("gw-missing:shop/edge"));
        QVERIFY(gw >= 0);
        QVERIFY(g.nodes()[gw].missing);
        QCOMPARE(g.indexOf(QStringLiteral("gw-missing:shop/mesh")), -1);
    }

    void selectionRoundTrip()
    {
        const LoadResult load = bookinfo();
        const GraphModel g = GraphModel::build(load.workspace);
        const int reviewsVs = idOf(load.workspace, ResourceKind::VirtualService, QStringLiteral("reviews"));
        const int dr = idOf(load.workspace, ResourceKind::DestinationRule, QStringLiteral("reviews"));
        SelectionTarget t;
        t.resourceId = reviewsVs;
        QCOMPARE(g.nodes()[g.nodeFor(t)].key, QStringLiteral("vs:%1").arg(reviewsVs));
        t.routeIndex = 0;
        QCOMPARE(g.nodes()[g.nodeFor(t)].key, QStringLiteral("rule:%1:http:0").arg(reviewsVs));
        SelectionTarget s;
        s.resourceId = dr;
        s.subset = QStringLiteral("v2");
        QCOMPARE(g.nodes()[g.nodeFor(s)].key, subset(QStringLiteral("reviews"), QStringLiteral("v2")));
        QCOMPARE(g.selectionFor(g.nodeFor(s)), s);
        QCOMPARE(g.nodeFor(SelectionTarget {}), -1);
    }

    // TLS and TCP rule nodes: node -> selection -> the same node, kept apart
    // from the HTTP rule and from each other at the same index.
    void l4SelectionRoundTrip_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("section");
        QTest::newRow("tcp #1") << int(RouteKind::Tcp) << 1 << QStringLiteral("tcp");
        QTest::newRow("tcp #0") << int(RouteKind::Tcp) << 0 << QStringLiteral("tcp");
        QTest::newRow("tls #0") << int(RouteKind::Tls) << 0 << QStringLiteral("tls");
    }
    void l4SelectionRoundTrip()
    {
        QFETCH(int, kind);
        QFETCH(int, index);
        QFETCH(QString, section);
        const LoadResult load
            = Loader::loadPaths({ QStringLiteral(MESHROUTE_TEST_DATA_DIR "/editors/l4routes.yaml") });
        const GraphModel g = GraphModel::build(load.workspace);
        const int shop = idOf(load.workspace, ResourceKind::VirtualService, QStringLiteral("shop"));
        QVERIFY(shop >= 0);
        const int node = g.indexOf(QStringLiteral("rule:%1:%2:%3").arg(shop).arg(section).arg(index));
        QVERIFY(node >= 0);
        const SelectionTarget t = g.selectionFor(node);
        QCOMPARE(t.resourceId, shop);
        QCOMPARE(t.routeKind, RouteKind(kind));
        QCOMPARE(t.l4RouteIndex, index);
        QCOMPARE(t.routeIndex, -1);
        QCOMPARE(g.nodeFor(t), node);
        // Built by hand (as the rule list or the Preview does) it finds the same node.
        SelectionTarget byHand;
        byHand.resourceId = shop;
        byHand.routeKind = RouteKind(kind);
        byHand.l4RouteIndex = index;
        QCOMPARE(g.nodes()[g.nodeFor(byHand)].key, g.nodes()[node].key);
        QCOMPARE(g.selectionFor(g.nodeFor(byHand)), byHand);
    }
    // HTTP selections still find HTTP rule nodes (and only those) next to L4 rules.
    void l4RulesLeaveHttpSelectionAlone()
    {
        const LoadResult load
            = Loader::loadPaths({ QStringLiteral(MESHROUTE_TEST_DATA_DIR "/editors/l4routes.yaml") });
        const GraphModel g = GraphModel::build(load.workspace);
        const int shop = idOf(load.workspace, ResourceKind::VirtualService, QStringLiteral("shop"));
        SelectionTarget t;
        t.resourceId = shop;
        t.routeIndex = 0;
        const int http = g.nodeFor(t);
        QCOMPARE(g.nodes()[http].key, QStringLiteral("rule:%1:http:0").arg(shop));
        QCOMPARE(g.nodes()[http].routeKind, RouteKind::Http);
        QCOMPARE(g.nodes()[http].l4RouteIndex, -1);
        QCOMPARE(g.selectionFor(http), t);
        t.routeIndex = -1;
        QCOMPARE(g.nodes()[g.nodeFor(t)].key, QStringLiteral("vs:%1").arg(shop));
        // A rule index that does not exist falls back to the VirtualService, for every kind.
        t.routeKind = RouteKind::Tcp;
        t.l4RouteIndex = 7;
        QCOMPARE(g.nodes()[g.nodeFor(t)].key, QStringLiteral("vs:%1").arg(shop));
        // The new fields take part in node equality (the view updates items in place on equality).
        GraphNode a = g.nodes()[g.indexOf(QStringLiteral("rule:%1:tcp:0").arg(shop))];
        GraphNode b = a;
        QVERIFY(a == b);
        b.l4RouteIndex = 1;
        QVERIFY(!(a == b));
        b = a;
        b.routeKind = RouteKind::Tls;
        QVERIFY(!(a == b));
    }

    void neighbourhoodOfOneHost()
    {
        const LoadResult load = bookinfo();
        const GraphModel g = GraphModel::build(load.workspace);
        const QSet<int> keep = g.neighbourhood(QStringLiteral("reviews"));
        const int reviewsVs = idOf(load.workspace, ResourceKind::VirtualService, QStringLiteral("reviews"));
        const int reviewsV1 = idOf(load.workspace, ResourceKind::Workload, QStringLiteral("reviews-v1"));
        const int bookinfoVs = idOf(load.workspace, ResourceKind::VirtualService, QStringLiteral("bookinfo"));
        QVERIFY(keep.contains(g.indexOf(QStringLiteral("vs:%1").arg(reviewsVs))));
        QVERIFY(keep.contains(g.indexOf(QStringLiteral("rule:%1:http:0").arg(reviewsVs))));
        QVERIFY(keep.contains(g.indexOf(subset(QStringLiteral("reviews"), QStringLiteral("v3")))));
        QVERIFY(keep.contains(g.indexOf(QStringLiteral("wl:%1").arg(reviewsV1))));
        QVERIFY(!keep.contains(g.indexOf(QStringLiteral("vs:%1").arg(bookinfoVs))));
        QVERIFY(!keep.contains(g.indexOf(svc(QStringLiteral("ratings")))));
        QCOMPARE(g.neighbourhood(QString()).size(), g.nodes().size());
        QVERIFY(g.neighbourhood(QStringLiteral("no-such-host")).isEmpty());
    }

    void weightEditKeepsShape()
    {
        Document doc;
        doc.setLoadResult(bookinfo());
        const GraphModel before = GraphModel::build(doc.workspace());
        const int reviewsVs = idOf(doc.workspace(), ResourceKind::VirtualService, QStringLiteral("reviews"));
        QString error;
        auto command = SetWeights::create(&doc, reviewsVs, 0, { 75, 25 }, &error);
        QVERIFY2(command, qPrintable(error));
        doc.undoStack()->push(command.release());
        const GraphModel after = GraphModel::build(doc.workspace());
        QVERIFY(after.sameShape(before));
        QCOMPARE(edge(after, QStringLiteral("rule:%1:http:0").arg(reviewsVs),
                     subset(QStringLiteral("reviews"), QStringLiteral("v1")))
                     ->label,
            QStringLiteral("75%"));
    }

    void layoutIsLayeredWithoutOverlaps_data()
    {
        QTest::addColumn<int>("services");
        QTest::newRow("bookinfo-sized") << 4;
        QTest::newRow("60 services") << 60;
    }

    void layoutIsLayeredWithoutOverlaps()
    {
        QFETCH(int, services);
        QByteArray text;
        for (int i = 0; i < services; ++i) {
            const QByteArray n = QByteArray::number(i);
            text += "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs" + n
                + "}\nspec:\n  hosts: [s" + n + "]\n  http:\n  - route:\n    - destination: {host: s" + n
                + ", subset: a}\n      weight: 90\n    - destination: {host: s"
                + QByteArray::number((i + 7) % services)
                + ", subset: b}\n      weight: 10\n---\napiVersion: networking.istio.io/v1\nkind: "
                  "DestinationRule\nmetadata: {name: s"
                + n + "}\nspec:\n  host: s" + n
                + "\n  subsets:\n  - {name: a, labels: {v: a}}\n  - {name: b, labels: {v: b}}\n"
                + "---\napiVersion: v1\nkind: Service\nmetadata: {name: s" + n
                + "}\nspec:\n  selector: {app: s" + n + "}\n"
                + "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: s" + n
                + "-a}\nspec:\n  template:\n    metadata:\n      labels: {app: s" + n + ", v: a}\n";
        }
        const LoadResult load = Loader::loadText(text);
        const GraphModel g = GraphModel::build(load.workspace);
        QVERIFY(g.nodes().size() >= 50 || services < 10);
        QList<QSizeF> sizes;
        for (int i = 0; i < g.nodes().size(); ++i)
            sizes.append(QSizeF(120 + (i % 3) * 20, 40 + (i % 2) * 16));
        const QList<QPointF> pos = g.layout(sizes);
        QCOMPARE(pos.size(), g.nodes().size());
        // Columns left to right in the order of kinds; no two boxes overlap.
        for (int i = 0; i < pos.size(); ++i)
            for (int j = i + 1; j < pos.size(); ++j) {
                const QRectF a(pos[i], sizes[i]);
                const QRectF b(pos[j], sizes[j]);
                QVERIFY2(!a.intersects(b),
                    qPrintable(g.nodes()[i].key + QLatin1String(" overlaps ") + g.nodes()[j].key));
                if (g.nodes()[i].kind < g.nodes()[j].kind)
                    QVERIFY(pos[i].x() < pos[j].x());
                if (g.nodes()[i].kind == g.nodes()[j].kind)
                    QCOMPARE(pos[i].x(), pos[j].x());
            }
        // Every edge goes left to right.
        for (const GraphEdge &e : g.edges())
            QVERIFY(pos[e.from].x() < pos[e.to].x());
    }

    void barycentreReducesCrossings()
    {
        // Rules whose destinations are listed in reverse order: the sweeps must untangle them.
        QByteArray text;
        const int n = 12;
        for (int i = 0; i < n; ++i)
            text += "---\napiVersion: v1\nkind: Service\nmetadata: {name: s" + QByteArray::number(i)
                + "}\nspec: {selector: {app: x}}\n";
        for (int i = 0; i < n; ++i)
            text += "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs"
                + QByteArray::number(i) + "}\nspec:\n  hosts: [h" + QByteArray::number(i)
                + "]\n  http:\n  - route:\n    - destination: {host: s" + QByteArray::number(n - 1 - i)
                + "}\n";
        const LoadResult load = Loader::loadText(text);
        const GraphModel g = GraphModel::build(load.workspace);
        QList<QSizeF> sizes(g.nodes().size(), QSizeF(100, 30));
        const QList<QPointF> pos = g.layout(sizes);
        int crossings = 0;
        QList<GraphEdge> ruleEdges;
        for (const GraphEdge &e : g.edges())
            if (e.kind == GraphEdge::Kind::RuleToDestination)
                ruleEdges.append(e);
        for (int i = 0; i < ruleEdges.size(); ++i)
            for (int j = i + 1; j < ruleEdges.size(); ++j) {
                const double a = pos[ruleEdges[i].from].y() - pos[ruleEdges[j].from].y();
                const double b = pos[ruleEdges[i].to].y() - pos[ruleEdges[j].to].y();
                crossings += a * b < 0 ? 1 : 0;
            }
        QCOMPARE(crossings, 0);
    }

    // A large mesh is drawn one neighbourhood at a time (GraphScope): for every
    // resource of Bookinfo, of tests/data and of the corpus, the graph of its neighbourhood is
    // a faithful piece of the whole graph.
    void scopedGraphIsAPieceOfTheWhole()
    {
        // tests/data, and the corpus (templates too) when MESHROUTE_CORPUS_DIR is set.
        const QStringList paths = QStringList { QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml") }
            + test::sweepYamlFiles(true);
        int checked = 0;
        for (const QString &path : std::as_const(paths)) {
            const LoadResult load = Loader::loadPaths({ path });
            const GraphModel whole = GraphModel::build(load.workspace);
            for (const Resource &r : load.workspace.resources) {
                const GraphScope scope = GraphScope::around(load.workspace, QString(), r.id);
                QVERIFY(!scope.isAll());
                QVERIFY(scope.contains(r.id));
                QCOMPARE(scope.seedCount(), 1);
                const GraphModel part = GraphModel::build(load.workspace, scope);
                QString why;
                if (!partAgreesWithWhole(whole, part, r.id, &why))
                    QFAIL(qPrintable(QStringLiteral("%1: %2: %3").arg(path, r.displayName(), why)));
                ++checked;
            }
        }
        QVERIFY(checked > test::sweepMinimum(150, 500));
    }

    void scopeByTextAndItsSize()
    {
        const LoadResult load = bookinfo();
        const Workspace &ws = load.workspace;
        const GraphModel whole = GraphModel::build(ws);
        // An estimate (shared destinations are counted once per reference), of the right size.
        const int estimate = GraphScope::estimateNodes(ws);
        QVERIFY2(estimate >= whole.nodes().size() && estimate <= 2 * whole.nodes().size(),
            qPrintable(QString::number(estimate)));

        // "ratings" (any case): its Service and its Deployment.
        const GraphScope ratings = GraphScope::around(ws, QStringLiteral("RATINGS"), -1);
        QCOMPARE(ratings.seedCount(), 2);
        const GraphModel part = GraphModel::build(ws, ratings);
        QVERIFY(part.indexOf(svc(QStringLiteral("ratings"))) >= 0);
        QVERIFY(
            part.indexOf(QStringLiteral("wl:%1").arg(idOf(ws, ResourceKind::Workload, "ratings-v1"))) >= 0);
        QCOMPARE(
            part.indexOf(QStringLiteral("wl:%1").arg(idOf(ws, ResourceKind::Workload, "reviews-v1"))), -1);
        QCOMPARE(part.indexOf(svc(QStringLiteral("details"))), -1);
        QCOMPARE(part.indexOf(svc(QStringLiteral("productpage"))), -1);
        QVERIFY(part.nodes().size() < whole.nodes().size());
        QVERIFY(ratings.estimatedNodes() >= int(part.nodes().size()) / 2);

        // The gateway brings the VirtualService bound to it and what that routes to.
        const GraphScope gateway = GraphScope::around(ws, QStringLiteral("bookinfo-gateway"), -1);
        const GraphModel g = GraphModel::build(ws, gateway);
        QVERIFY(g.indexOf(svc(QStringLiteral("productpage"))) >= 0);
        QCOMPARE(g.indexOf(svc(QStringLiteral("ratings"))), -1);

        const GraphScope none = GraphScope::around(ws, QStringLiteral("no-such-thing"), -1);
        QVERIFY(none.isEmpty());
        QCOMPARE(GraphModel::build(ws, none).nodes().size(), 0);
    }

    // A missing destination of a TCP rule selects that rule and destination, as an HTTP one does.
    void missingDestinationOfATcpRuleSelectsTheRule()
    {
        const QByteArray text = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: "
                                "mongo, namespace: db}\n"
                                "spec:\n  hosts: [mongo]\n  tcp:\n  - match: [{port: 27017}]\n    route:\n"
                                "    - destination: {host: mongo, subset: v1}\n      weight: 90\n"
                                "    - destination: {host: mongo, subset: v9}\n      weight: 10\n"
                                "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: "
                                "{name: mongo, namespace: db}\n"
                                "spec:\n  host: mongo\n  subsets:\n  - name: v1\n    labels: {version: v1}\n";
        const LoadResult load = Loader::loadText(text, QStringLiteral("mongo.yaml"));
        const GraphModel g = GraphModel::build(load.workspace);
        const int missing = g.indexOf(QStringLiteral("subset:mongo.db.svc.cluster.local/v9"));
        QVERIFY(missing >= 0);
        QVERIFY(g.nodes()[missing].missing);
        const SelectionTarget t = g.selectionFor(missing);
        QCOMPARE(t.resourceId, load.workspace.find(ResourceKind::VirtualService, "db", "mongo")->id);
        QCOMPARE(t.routeKind, RouteKind::Tcp);
        QCOMPARE(t.l4RouteIndex, 0);
        QCOMPARE(t.routeIndex, -1);
        QCOMPARE(t.destinationIndex, 1);
    }

    void corpusDoesNotCrash()
    {
        // tests/data, and the corpus when MESHROUTE_CORPUS_DIR is set.
        int files = 0;
        int nodes = 0;
        for (const QString &path : test::sweepYamlFiles()) {
            const LoadResult load = Loader::loadPaths({ path });
            const GraphModel g = GraphModel::build(load.workspace);
            QList<QSizeF> sizes(g.nodes().size(), QSizeF(150, 50));
            const QList<QPointF> pos = g.layout(sizes);
            QCOMPARE(pos.size(), g.nodes().size());
            for (const GraphEdge &e : g.edges())
                QVERIFY(e.from >= 0 && e.from < g.nodes().size() && e.to >= 0 && e.to < g.nodes().size());
            (void)g.neighbourhood(QStringLiteral("a"));
            nodes += int(g.nodes().size());
            ++files;
        }
        QVERIFY(files > 10);
        QVERIFY(nodes > 0);
        qInfo("%d files, %d nodes", files, nodes);
    }
};

QTEST_MAIN(TestGraphModel)
#include "tst_graphmodel.moc"
