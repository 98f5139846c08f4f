// The graph as the user sees and drives it: click a node, the selection
// follows (and back); edges thick by share; the filter; zoom; a weight edit
// updates labels in place; painting follows the palette.
#include "document.h"
#include "graph/graphedgeitem.h"
#include "graph/graphnodeitem.h"
#include "graph/graphpanel.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "loader.h"
#include "preview/previewpanel.h"
#include "preview/samplerequestmodel.h"
#include "replacedocumenttext.h"
#include "selection.h"
#include "setweights.h"
#include "undostack.h"

#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QTableView>
#include <QtTest>

using namespace meshroute;

namespace {

int idOf(const Document &doc, ResourceKind kind, const QString &name)
{
    const Resource *r = doc.workspace().find(kind, QStringLiteral("default"), name);
    return r ? r->id : -1;
}

// Clicks the middle of a node, as the user would.
void clickNode(GraphView *view, GraphNodeItem *item)
{
    view->centerOn(item);
    const QPoint at = view->mapFromScene(item->sceneBoundingRect().center());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
}

// A mesh of `count` services, each with a VirtualService (90/10 between two
// subsets), a Service, a DestinationRule and two Deployments.
QByteArray generatedMesh(int count)
{
    QByteArray out;
    for (int i = 0; i < count; ++i) {
        const QByteArray n = "svc" + QByteArray::number(i);
        out += "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: " + n
            + "\n  namespace: mesh\nspec:\n  hosts: [" + n + "]\n  http:\n  - route:\n"
            + "    - destination: {host: " + n + ", subset: v1}\n      weight: 90\n"
            + "    - destination: {host: " + n + ", subset: v2}\n      weight: 10\n";
        out += "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: " + n
            + "\n  namespace: mesh\nspec:\n  selector: {app: " + n + "}\n  ports:\n  - port: 80\n";
        out += "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: " + n
            + "\n  namespace: mesh\nspec:\n  host: " + n + "\n  subsets:\n"
            + "  - name: v1\n    labels: {version: v1}\n  - name: v2\n    labels: {version: v2}\n";
        for (const QByteArray &v : { QByteArray("v1"), QByteArray("v2") })
            out += "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + n + "-" + v
                + "\n  namespace: mesh\nspec:\n  replicas: 2\n  template:\n    metadata:\n      labels: "
                  "{app: "
                + n + ", version: " + v + "}\n";
    }
    return out;
}

QString subsetKey(const char *service, const char *subset)
{
    return QStringLiteral("subset:%1.default.svc.cluster.local/%2")
        .arg(QLatin1String(service), QLatin1String(subset));
}

QStringList visibleTitles(GraphScene *scene)
{
    QStringList out;
    for (GraphNodeItem *item : scene->nodeItems())
        if (item->isVisible())
            out.append(item->node().title);
    out.sort();
    return out;
}

} // namespace

class TestGraphView : public QObject
{
    Q_OBJECT

    Document *m_doc = nullptr;
    Selection *m_selection = nullptr;
    GraphPanel *m_panel = nullptr;

private Q_SLOTS:
    void init()
    {
        m_doc = new Document;
        m_doc->open({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml") });
        m_selection = new Selection;
        m_panel = new GraphPanel(m_doc, m_selection);
        m_panel->resize(1200, 800);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    }

    void cleanup()
    {
        delete m_panel;
        delete m_selection;
        delete m_doc;
    }

    void clickSelectsAndSelectionHighlights()
    {
        GraphScene *scene = m_panel->scene();
        const int reviewsVs = idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("reviews"));
        GraphNodeItem *rule = scene->nodeItem(QStringLiteral("rule:%1:http:0").arg(reviewsVs));
        QVERIFY(rule);
        clickNode(m_panel->view(), rule);
        QCOMPARE(m_selection->current().resourceId, reviewsVs);
        QCOMPARE(m_selection->current().routeIndex, 0);
        QVERIFY(rule->isCurrent());

        // And back: selecting elsewhere moves the highlight.
        SelectionTarget t;
        t.resourceId = idOf(*m_doc, ResourceKind::Workload, QStringLiteral("ratings-v1"));
        m_selection->select(t);
        QVERIFY(!rule->isCurrent());
        GraphNodeItem *ratings = scene->nodeItem(QStringLiteral("wl:%1").arg(t.resourceId));
        QVERIFY(ratings->isCurrent());
        QCOMPARE(scene->currentNode(), ratings->index());
    }

    void dragMovesNodeWithoutSelecting()
    {
        GraphScene *scene = m_panel->scene();
        GraphView *view = m_panel->view();
        const int gw = idOf(*m_doc, ResourceKind::Gateway, QStringLiteral("bookinfo-gateway"));
        GraphNodeItem *node = scene->nodeItem(QStringLiteral("gw:%1").arg(gw));
        view->centerOn(node);
        const QPointF before = node->pos();
        const QPoint from = view->mapFromScene(node->sceneBoundingRect().center());
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, from);
        QMouseEvent move(QEvent::MouseMove, QPointF(from + QPoint(0, 60)),
            view->viewport()->mapToGlobal(QPointF(from + QPoint(0, 60))), Qt::NoButton, Qt::LeftButton,
            Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &move);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, from + QPoint(0, 60));
        QVERIFY(node->pos().y() > before.y() + 20);
        QCOMPARE(m_selection->current().resourceId, -1);
        // The moved position is view state kept across a rebuild.
        m_panel->refresh();
        QCOMPARE(scene->nodeItem(QStringLiteral("gw:%1").arg(gw))->pos(), node->pos());
    }

    void edgesShowShareAndThickness()
    {
        GraphScene *scene = m_panel->scene();
        const int reviewsVs = idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("reviews"));
        const QString rule = QStringLiteral("rule:%1:http:0").arg(reviewsVs);
        GraphEdgeItem *v1
            = scene->edgeItem(rule, QStringLiteral("subset:reviews.default.svc.cluster.local/v1"));
        GraphEdgeItem *v2
            = scene->edgeItem(rule, QStringLiteral("subset:reviews.default.svc.cluster.local/v2"));
        QVERIFY(v1 && v2);
        QCOMPARE(v1->edge().label, QStringLiteral("99%"));
        QCOMPARE(v2->edge().label, QStringLiteral("1%"));
        QVERIFY(v1->shape().boundingRect().height() > 0);
        // Thicker stroke for the bigger share: the hit shape follows the pen.
        QVERIFY(v1->penWidth() > v2->penWidth() + 4);

        // A weight edit updates the same items in place.
        QString error;
        auto command = SetWeights::create(m_doc, reviewsVs, 0, { 40, 60 }, &error);
        QVERIFY2(command, qPrintable(error));
        m_doc->undoStack()->push(command.release());
        QCOMPARE(scene->edgeItem(rule, QStringLiteral("subset:reviews.default.svc.cluster.local/v1")), v1);
        QCOMPARE(v1->edge().label, QStringLiteral("40%"));
        QCOMPARE(v2->edge().label, QStringLiteral("60%"));
        m_doc->undoStack()->undo();
        QCOMPARE(v1->edge().label, QStringLiteral("99%"));
    }

    void filterShowsOneHostsNeighbourhood()
    {
        GraphScene *scene = m_panel->scene();
        QLineEdit *filter = m_panel->filterEdit();
        QTest::keyClicks(filter, QStringLiteral("ratings"));
        QCOMPARE(scene->filter(), QStringLiteral("ratings"));
        const int ratingsV1 = idOf(*m_doc, ResourceKind::Workload, QStringLiteral("ratings-v1"));
        const int bookinfoVs = idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("bookinfo"));
        QVERIFY(scene->nodeItem(QStringLiteral("wl:%1").arg(ratingsV1))->isVisible());
        QVERIFY(scene->nodeItem(QStringLiteral("svc:ratings.default.svc.cluster.local"))->isVisible());
        QVERIFY(!scene->nodeItem(QStringLiteral("vs:%1").arg(bookinfoVs))->isVisible());
        for (GraphEdgeItem *e : scene->edgeItems())
            QCOMPARE(e->isVisible(), e->fromItem()->isVisible() && e->toItem()->isVisible());
        filter->clear();
        QVERIFY(scene->nodeItem(QStringLiteral("vs:%1").arg(bookinfoVs))->isVisible());
    }

    // Over the node limit the graph draws one neighbourhood at a time, follows the
    // selection and the filter there, and draws everything on request.
    void largeMeshIsDrawnOnePartAtATime()
    {
        Document doc;
        doc.setLoadResult(Loader::loadText(generatedMesh(40), QStringLiteral("mesh.yaml")));
        Selection selection;
        GraphPanel panel(&doc, &selection);
        panel.resize(1200, 800);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(!panel.isPartial()); // about 320 nodes: under the default limit
        const qsizetype whole = panel.scene()->nodeItems().size();
        QVERIFY(whole > 250);
        QVERIFY(!panel.notice()->isVisible());

        panel.setWholeGraphLimit(100);
        QVERIFY(panel.isPartial());
        QVERIFY(panel.notice()->isVisible());
        QVERIFY(panel.notice()->text().contains(QStringLiteral("Select a resource")));
        QCOMPARE(panel.scene()->nodeItems().size(), 0);

        // Selecting a VirtualService draws its neighbourhood and nothing else.
        const Resource *vs7 = doc.workspace().find(ResourceKind::VirtualService, "mesh", "svc7");
        SelectionTarget target;
        target.resourceId = vs7->id;
        selection.select(target);
        QCOMPARE(visibleTitles(panel.scene()),
            QStringList({ "rule #0", "svc7", "svc7", "svc7 v1", "svc7 v2", "svc7-v1", "svc7-v2" }));
        QVERIFY(panel.notice()->text().contains(QStringLiteral("VirtualService mesh/svc7")));
        QCOMPARE(panel.scene()->currentNode(),
            panel.scene()->graph().indexOf(QStringLiteral("vs:%1").arg(vs7->id)));

        // A click inside the drawn part keeps it.
        clickNode(panel.view(), panel.scene()->nodeItem(QStringLiteral("svc:svc7.mesh.svc.cluster.local")));
        QCOMPARE(
            selection.current().resourceId, doc.workspace().find(ResourceKind::Service, "mesh", "svc7")->id);
        QCOMPARE(panel.scene()->nodeItems().size(), 7);

        // A weight edit updates the drawn part in place.
        QString error;
        auto command = SetWeights::create(&doc, vs7->id, 0, { 50, 50 }, &error);
        QVERIFY2(command, qPrintable(error));
        doc.undoStack()->push(command.release());
        QCOMPARE(panel.scene()
                     ->edgeItem(QStringLiteral("rule:%1:http:0").arg(vs7->id),
                         QStringLiteral("subset:svc7.mesh.svc.cluster.local/v2"))
                     ->edge()
                     .label,
            QStringLiteral("50%"));

        // An edit that sends traffic to another service brings that service into the part.
        const QByteArray before = doc.documentText(vs7->fileIndex, vs7->documentIndex);
        QByteArray after = before;
        after.replace("{host: svc7, subset: v2}", "{host: svc9, subset: v2}");
        QVERIFY(after != before);
        doc.undoStack()->push(new ReplaceDocumentText(
            &doc, vs7->fileIndex, vs7->documentIndex, before, after, QStringLiteral("Edit")));
        GraphNodeItem *svc9
            = panel.scene()->nodeItem(QStringLiteral("subset:svc9.mesh.svc.cluster.local/v2"));
        QVERIFY(svc9);
        QVERIFY(!svc9->node().missing);
        QVERIFY(panel.scene()->nodeItem(QStringLiteral("svc:svc9.mesh.svc.cluster.local")));
        doc.undoStack()->undo();
        QCOMPARE(panel.scene()->nodeItem(QStringLiteral("svc:svc9.mesh.svc.cluster.local")), nullptr);

        // The filter names another part; one that matches too much asks for more.
        QTest::keyClicks(panel.filterEdit(), QStringLiteral("svc12-v2"));
        QCOMPARE(visibleTitles(panel.scene()),
            QStringList({ "rule #0", "svc12", "svc12", "svc12 v2", "svc12-v2" }));
        panel.filterEdit()->clear();
        QTest::keyClicks(panel.filterEdit(), QStringLiteral("svc"));
        QCOMPARE(panel.scene()->nodeItems().size(), 0);
        QVERIFY(panel.notice()->text().contains(QStringLiteral("type more")));
        panel.filterEdit()->clear();

        // "Draw everything" is the notice's link.
        Q_EMIT panel.notice()->linkActivated(QStringLiteral("all"));
        QVERIFY(!panel.isPartial());
        QVERIFY(!panel.notice()->isVisible());
        QCOMPARE(panel.scene()->nodeItems().size(), whole);
    }

    // The Preview lights a request's path: gateway -> VirtualService -> rule ->
    // destination -> workloads, with the rest dimmed; an empty path clears it.
    void requestPathIsLit()
    {
        GraphScene *scene = m_panel->scene();
        const int gateway = idOf(*m_doc, ResourceKind::Gateway, QStringLiteral("bookinfo-gateway"));
        const int bookinfo = idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("bookinfo"));
        TrafficPath path;
        path.gatewayId = gateway;
        path.virtualServiceId = bookinfo;
        path.routeIndex = 0;
        path.matchIndex = 0;
        path.destinations.append({ QStringLiteral("productpage.default.svc.cluster.local"), QString(), 1.0 });
        m_selection->setHighlight(path);

        QStringList lit;
        for (GraphNodeItem *item : scene->nodeItems()) {
            if (item->isLit())
                lit.append(item->node().title);
            QCOMPARE(item->opacity(), item->isLit() ? 1.0 : 0.35);
        }
        lit.sort();
        QCOMPARE(
            lit, QStringList({ "bookinfo", "bookinfo-gateway", "productpage", "productpage-v1", "rule #0" }));
        const QString rule = QStringLiteral("rule:%1:http:0").arg(bookinfo);
        QVERIFY(scene->edgeItem(QStringLiteral("gw:%1").arg(gateway), QStringLiteral("vs:%1").arg(bookinfo))
                    ->isLit());
        QVERIFY(scene->edgeItem(rule, QStringLiteral("svc:productpage.default.svc.cluster.local"))->isLit());
        int litEdges = 0;
        for (GraphEdgeItem *e : scene->edgeItems())
            litEdges += e->isLit() ? 1 : 0;
        QCOMPARE(litEdges, 4);

        // A canary request: only the subset it can reach at a non-zero share is lit.
        const int reviews = idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("reviews"));
        TrafficPath canary;
        canary.virtualServiceId = reviews;
        canary.routeIndex = 0;
        canary.destinations.append(
            { QStringLiteral("reviews.default.svc.cluster.local"), QStringLiteral("v1"), 1.0 });
        canary.destinations.append(
            { QStringLiteral("reviews.default.svc.cluster.local"), QStringLiteral("v2"), 0.0 });
        m_selection->setHighlight(canary);
        QVERIFY(scene->nodeItem(subsetKey("reviews", "v1"))->isLit());
        QVERIFY(!scene->nodeItem(subsetKey("reviews", "v2"))->isLit());
        QVERIFY(!scene->nodeItem(QStringLiteral("vs:%1").arg(bookinfo))->isLit());

        // The light survives an edit that rebuilds the items in place.
        QString error;
        auto command = SetWeights::create(m_doc, reviews, 0, { 80, 20 }, &error);
        QVERIFY2(command, qPrintable(error));
        m_doc->undoStack()->push(command.release());
        QVERIFY(scene->nodeItem(subsetKey("reviews", "v1"))->isLit());

        m_selection->setHighlight(TrafficPath {});
        for (GraphNodeItem *item : scene->nodeItems()) {
            QVERIFY(!item->isLit());
            QCOMPARE(item->opacity(), 1.0);
        }
    }

    // Both APIs as the user meets them: a click on an HTTPRoute rule selects that rule; a
    // refused parentRef and a backendRef without a ReferenceGrant are dashed red with the
    // binding's reason as their tool tip.
    void gatewayApiNodesClickAndBindingFailures()
    {
        m_doc->open({ QStringLiteral(MESHROUTE_TEST_DATA_DIR "/gatewayapi/mixed-api.yaml") });
        GraphScene *scene = m_panel->scene();
        auto id = [this](ResourceKind kind, const char *name) {
            const Resource *r = m_doc->workspace().find(kind, QStringLiteral("shop"), QLatin1String(name));
            return r ? r->id : -1;
        };
        const int storefront = id(ResourceKind::HTTPRoute, "storefront");
        const QString rule = QStringLiteral("rule:%1:http:1").arg(storefront);
        QTRY_VERIFY(scene->nodeItem(rule));
        clickNode(m_panel->view(), scene->nodeItem(rule));
        QCOMPARE(m_selection->current().resourceId, storefront);
        QCOMPARE(m_selection->current().routeIndex, 1);
        QVERIFY(scene->nodeItem(rule)->isCurrent());

        const QString gateway
            = QStringLiteral("gtw:%1").arg(id(ResourceKind::KubernetesGateway, "shop-gateway"));
        QCOMPARE(scene->nodeItem(gateway)->node().title, QStringLiteral("shop-gateway"));
        const QString broken = QStringLiteral("route:%1").arg(id(ResourceKind::HTTPRoute, "broken"));
        GraphEdgeItem *refused = scene->edgeItem(gateway, broken);
        QVERIFY(refused && refused->edge().missing);
        QVERIFY2(refused->toolTip().contains(QLatin1String("no listener named \"nope\"")),
            qPrintable(refused->toolTip()));
        GraphNodeItem *missing = scene->nodeItem(QStringLiteral("gtw-missing:shop/missing-gateway"));
        QCOMPARE(missing->accentColor(), GraphNodeItem::errorColor());
        QVERIFY(missing->toolTip().contains(QLatin1String("not in the workspace")));
        GraphEdgeItem *grant
            = scene->edgeItem(QStringLiteral("rule:%1:http:0").arg(id(ResourceKind::HTTPRoute, "broken")),
                QStringLiteral("svc:billing.billing.svc.cluster.local"));
        QVERIFY(grant && grant->edge().missing);
        QVERIFY(grant->toolTip().contains(QLatin1String("ReferenceGrant")));
    }

    // The Preview routes a request through the Gateway API Gateway: the graph lights the
    // Gateway, the HTTPRoute, the rule and the backend Service, not the VirtualService
    // Istio generates from them.
    void previewLightsTheHttpRoutePath()
    {
        m_doc->open({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo-gateway-api.yaml") });
        PreviewPanel preview(m_doc, m_selection);
        preview.resize(1000, 600);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        int row = -1;
        for (int r = 0; r < preview.model()->rowCount() && row < 0; ++r)
            if (preview.model()
                    ->index(r, SampleRequestModel::RequestLine)
                    .data()
                    .toString()
                    .endsWith(QLatin1String("bookinfo.app/productpage")))
                row = r;
        QVERIFY2(row >= 0, "a sample request for the HTTPRoute");
        QTableView *table = preview.table();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier,
            table->visualRect(preview.model()->index(row, SampleRequestModel::Name)).center());
        GraphScene *scene = m_panel->scene();
        const int bookinfo = idOf(*m_doc, ResourceKind::HTTPRoute, QStringLiteral("bookinfo"));
        QTRY_VERIFY(scene->nodeItem(QStringLiteral("rule:%1:http:0").arg(bookinfo))->isLit());
        QStringList lit;
        for (GraphNodeItem *item : scene->nodeItems())
            if (item->isLit())
                lit << item->node().title;
        lit.sort();
        QCOMPARE(
            lit, QStringList({ "bookinfo", "bookinfo-gateway", "productpage", "productpage-v1", "rule #0" }));
        const QString gateway = QStringLiteral("gtw:%1").arg(
            idOf(*m_doc, ResourceKind::KubernetesGateway, QStringLiteral("bookinfo-gateway")));
        QVERIFY(scene->edgeItem(gateway, QStringLiteral("route:%1").arg(bookinfo))->isLit());
        QVERIFY(scene
                    ->edgeItem(QStringLiteral("rule:%1:http:0").arg(bookinfo),
                        QStringLiteral("svc:productpage.default.svc.cluster.local"))
                    ->isLit());
    }

    void zoomAndFit()
    {
        GraphView *view = m_panel->view();
        view->setFocus();
        view->resetZoom();
        QCOMPARE(view->zoom(), 1.0);
        QTest::keyClick(view, Qt::Key_Equal, Qt::ControlModifier);
        QVERIFY(view->zoom() > 1.0);
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(view->zoom() < 1.0);
        const double before = view->zoom();
        QWheelEvent wheel(QPointF(100, 100), view->viewport()->mapToGlobal(QPointF(100, 100)), QPoint(),
            QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &wheel);
        QVERIFY(view->zoom() > before);
        view->fit();
        // Everything visible after a fit.
        const QRectF shown = view->mapToScene(view->viewport()->rect()).boundingRect();
        QVERIFY(shown.contains(m_panel->scene()->visibleBounds()));
    }

    void paintsWithThePalette()
    {
        GraphScene *scene = m_panel->scene();
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        dark.setColor(QPalette::Window, QColor(45, 45, 45));
        scene->setPalette(dark);
        const int gw = idOf(*m_doc, ResourceKind::Gateway, QStringLiteral("bookinfo-gateway"));
        GraphNodeItem *node = scene->nodeItem(QStringLiteral("gw:%1").arg(gw));
        QImage image(node->size().toSize() + QSize(4, 4), QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.translate(2, 2);
        node->paint(&painter, nullptr, nullptr);
        painter.end();
        // Inside the box, below the text: the palette's base.
        const QColor inside = image.pixelColor(image.width() / 2, image.height() - 6);
        QCOMPARE(inside, QColor(30, 30, 30));
    }

    void missingDrawnDashedRed()
    {
        QFile f(QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray text = f.readAll();
        text.replace("subset: v2\n      weight: 1", "subset: v4\n      weight: 1");
        m_doc->setLoadResult(Loader::loadText(text, QStringLiteral("broken.yaml")));
        GraphScene *scene = m_panel->scene();
        GraphNodeItem *v4 = scene->nodeItem(QStringLiteral("subset:reviews.default.svc.cluster.local/v4"));
        QVERIFY(v4);
        QVERIFY(v4->node().missing);
        QVERIFY(v4->toolTip().contains(QStringLiteral("v4")));
        // Drawn: a red outline where the border is.
        QImage image(v4->size().toSize() + QSize(4, 4), QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.translate(2, 2);
        v4->paint(&painter, nullptr, nullptr);
        painter.end();
        int red = 0;
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, 2);
            red += c.alpha() > 100 && c.red() > 150 && c.green() < 100 ? 1 : 0;
        }
        QVERIFY2(red > 5, "the top border of a missing node is red");
        const int reviewsVs = idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("reviews"));
        GraphEdgeItem *e = scene->edgeItem(QStringLiteral("rule:%1:http:0").arg(reviewsVs),
            QStringLiteral("subset:reviews.default.svc.cluster.local/v4"));
        QVERIFY(e && e->edge().missing);
    }
};

QTEST_MAIN(TestGraphView)
#include "tst_graphview.moc"
