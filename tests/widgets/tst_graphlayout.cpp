// The graph's drawing as the user sees it, on Bookinfo, on every file of
// tests/data and on the corpus: no edge runs under a node other than its
// ends, no two share labels overlap, Fit shows every node, the default zoom
// keeps node text at the application's font size, a weight edit moves
// nothing, and an invalid rule is marked with the reason.
#include "corpus.h"
#include "document.h"
#include "graph/graphedgeitem.h"
#include "graph/graphnodeitem.h"
#include "graph/graphpanel.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "graph/graphvizlayout.h"
#include "loader.h"
#include "replacedocumenttext.h"
#include "selection.h"
#include "setweights.h"
#include "undostack.h"

#include <QLineEdit>
#include <QPainter>
#include <QPainterPathStroker>
#include <QToolButton>
#include <QtTest>
#include <memory>

using namespace meshroute;

namespace {

QString bookinfoPath()
{
    return QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml");
}

QRectF nodeRect(const GraphNodeItem *item)
{
    return QRectF(item->pos(), item->size());
}

// The band the user sees for an edge: its path stroked as wide as its pen.
QPainterPath band(const GraphEdgeItem *edge)
{
    QPainterPathStroker stroker;
    stroker.setWidth(std::max(1.0, edge->penWidth()));
    stroker.setCapStyle(Qt::FlatCap);
    return stroker.createStroke(edge->path());
}

// (a) Every edge follows its route and touches no node but its two ends
// (nodes shrunk by 2 px: an end's border is where the edge starts).
QString edgeThroughNode(const GraphScene *scene)
{
    for (const GraphEdgeItem *edge : scene->edgeItems()) {
        if (!edge->isRouted())
            return QStringLiteral("%1 -> %2 has no route")
                .arg(edge->fromItem()->node().key, edge->toItem()->node().key);
        const QPainterPath shape = band(edge);
        for (const GraphNodeItem *node : scene->nodeItems()) {
            if (node == edge->fromItem() || node == edge->toItem())
                continue;
            if (shape.intersects(nodeRect(node).adjusted(2, 2, -2, -2)))
                return QStringLiteral("%1 -> %2 runs under %3")
                    .arg(edge->fromItem()->node().key, edge->toItem()->node().key, node->node().key);
        }
    }
    return {};
}

// (b) No two share labels overlap, and none covers a node.
QString overlappingLabel(const GraphScene *scene)
{
    QList<const GraphEdgeItem *> labelled;
    for (const GraphEdgeItem *edge : scene->edgeItems())
        if (!edge->edge().label.isEmpty())
            labelled.append(edge);
    for (qsizetype i = 0; i < labelled.size(); ++i) {
        const QRectF a = labelled[i]->labelRect();
        for (qsizetype j = i + 1; j < labelled.size(); ++j)
            if (a.intersects(labelled[j]->labelRect()))
                return QStringLiteral("labels of %1 -> %2 and %3 -> %4 overlap")
                    .arg(labelled[i]->fromItem()->node().key, labelled[i]->toItem()->node().key,
                        labelled[j]->fromItem()->node().key, labelled[j]->toItem()->node().key);
        for (const GraphNodeItem *node : scene->nodeItems())
            if (a.intersects(nodeRect(node)))
                return QStringLiteral("label of %1 -> %2 covers %3")
                    .arg(labelled[i]->fromItem()->node().key, labelled[i]->toItem()->node().key,
                        node->node().key);
    }
    return {};
}

// (c) After Fit every node is inside the viewport.
QString nodeOutsideView(const GraphView *view)
{
    const QRect viewport = view->viewport()->rect();
    for (const GraphNodeItem *node : view->graphScene()->nodeItems())
        if (!viewport.contains(view->mapFromScene(nodeRect(node)).boundingRect()))
            return QStringLiteral("%1 is outside the view after Fit").arg(node->node().key);
    return {};
}

struct Shown
{
    std::unique_ptr<Document> document = std::make_unique<Document>();
    std::unique_ptr<Selection> selection = std::make_unique<Selection>();
    std::unique_ptr<GraphPanel> panel;
};

// A graph panel on `load`, shown at a laptop's size, with dot's layout in place.
std::unique_ptr<Shown> show(LoadResult load)
{
    auto shown = std::make_unique<Shown>();
    shown->document->setLoadResult(std::move(load));
    shown->panel = std::make_unique<GraphPanel>(shown->document.get(), shown->selection.get());
    shown->panel->resize(1000, 640);
    shown->panel->show();
    if (!QTest::qWaitForWindowExposed(shown->panel.get()))
        return nullptr;
    return shown;
}

} // namespace

class TestGraphLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void geometry_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("bookinfo") << bookinfoPath();
        const QStringList files = test::sweepYamlFiles();
        QVERIFY(files.size() >= test::sweepMinimum(20, 100));
        for (const QString &f : files)
            QTest::newRow(qPrintable(test::sweepRowName(f))) << f;
    }

    // (a), (b) and (c) on Bookinfo, every file of tests/data and the corpus.
    void geometry()
    {
        QFETCH(QString, path);
        const std::unique_ptr<Shown> shown = show(Loader::loadPaths({ path }));
        QVERIFY(shown);
        GraphScene *scene = shown->panel->scene();
        QTRY_VERIFY_WITH_TIMEOUT(!scene->isLayoutPending(), 120000);
        if (scene->nodeItems().size() > GraphScene::graphvizNodeLimit)
            return; // drawn with the quick layout: no routes to check
        const QString through = edgeThroughNode(scene);
        QVERIFY2(through.isEmpty(), qPrintable(through));
        const QString label = overlappingLabel(scene);
        QVERIFY2(label.isEmpty(), qPrintable(label));
        shown->panel->fit();
        const QString outside = nodeOutsideView(shown->panel->view());
        QVERIFY2(outside.isEmpty(), qPrintable(outside));
    }

    // (d) At the default zoom node text is at least the application's font size,
    // and Fit fills the view along one side.
    void defaultZoomKeepsTextReadableAndFitFills()
    {
        const std::unique_ptr<Shown> shown = show(Loader::loadPaths({ bookinfoPath() }));
        QVERIFY(shown);
        GraphView *view = shown->panel->view();
        const double appText = QFontMetricsF(QApplication::font()).height();
        QVERIFY2(view->zoom() * GraphNodeItem::smallestTextHeight() >= 0.9 * appText,
            qPrintable(QStringLiteral("zoom %1").arg(view->zoom())));

        // A small graph is enlarged to fill the view.
        shown->panel->filterEdit()->setText(QStringLiteral("ratings"));
        QTest::mouseClick(
            shown->panel->findChild<QToolButton *>(QStringLiteral("fitButton")), Qt::LeftButton);
        QVERIFY(view->zoom() > 1.0);
        const QRect filled = view->mapFromScene(shown->panel->scene()->visibleBounds()).boundingRect();
        const QRect viewport = view->viewport()->rect();
        QVERIFY2(filled.width() > viewport.width() * 0.8 || filled.height() > viewport.height() * 0.8,
            qPrintable(QStringLiteral("%1x%2 of %3x%4")
                           .arg(filled.width())
                           .arg(filled.height())
                           .arg(viewport.width())
                           .arg(viewport.height())));
        QVERIFY(viewport.contains(filled));
    }

    // (e) A weight edit keeps every node and label where it was; the label's text changes.
    void weightEditMovesNothing()
    {
        const std::unique_ptr<Shown> shown = show(Loader::loadPaths({ bookinfoPath() }));
        QVERIFY(shown);
        Document *doc = shown->document.get();
        GraphScene *scene = shown->panel->scene();
        QList<QPointF> before;
        for (const GraphNodeItem *node : scene->nodeItems())
            before.append(node->pos());
        const Resource *reviews = doc->workspace().find(ResourceKind::VirtualService, "default", "reviews");
        const QString rule = QStringLiteral("rule:%1:http:0").arg(reviews->id);
        GraphEdgeItem *v2
            = scene->edgeItem(rule, QStringLiteral("subset:reviews.default.svc.cluster.local/v2"));
        QVERIFY(v2);
        const QString labelBefore = v2->edge().label;
        const QPointF labelAt = v2->labelPos();

        QString error;
        auto command = SetWeights::create(doc, reviews->id, 0, { 60, 40 }, &error);
        QVERIFY2(command, qPrintable(error));
        doc->undoStack()->push(command.release());

        QVERIFY(!scene->isLayoutPending());
        QCOMPARE(scene->edgeItem(rule, QStringLiteral("subset:reviews.default.svc.cluster.local/v2")), v2);
        QCOMPARE(v2->edge().label, QStringLiteral("40%"));
        QVERIFY(v2->edge().label != labelBefore);
        QCOMPARE(v2->labelPos(), labelAt);
        QVERIFY(v2->isRouted());
        QCOMPARE(scene->nodeItems().size(), before.size());
        for (qsizetype i = 0; i < before.size(); ++i)
            QCOMPARE(scene->nodeItems()[i]->pos(), before[i]);
    }

    // (f) A rule whose regex RE2 rejects is drawn in the error colour, the reason in its tool tip.
    void invalidRuleIsMarked()
    {
        const std::unique_ptr<Shown> shown = show(Loader::loadPaths({ bookinfoPath() }));
        QVERIFY(shown);
        Document *doc = shown->document.get();
        const Resource *bookinfo = doc->workspace().find(ResourceKind::VirtualService, "default", "bookinfo");
        const QString key = QStringLiteral("rule:%1:http:0").arg(bookinfo->id);
        QVERIFY(shown->panel->scene()->nodeItem(key)->accentColor() != GraphNodeItem::errorColor());

        // An edit of the text makes the regex one RE2 refuses (look-ahead).
        const QByteArray before = doc->documentText(bookinfo->fileIndex, bookinfo->documentIndex);
        QByteArray after = before;
        after.replace("prefix: /static", "regex: \"/static(?=/)\"");
        QVERIFY(after != before);
        doc->undoStack()->push(new ReplaceDocumentText(
            doc, bookinfo->fileIndex, bookinfo->documentIndex, before, after, QStringLiteral("Edit")));
        GraphNodeItem *rule = shown->panel->scene()->nodeItem(key);
        QVERIFY(rule);
        QCOMPARE(rule->accentColor(), GraphNodeItem::errorColor());
        QVERIFY2(rule->toolTip().contains(QStringLiteral("/static(?=/)")), qPrintable(rule->toolTip()));
        QVERIFY(rule->toolTip().contains(QStringLiteral("invalid")));
        // Drawn: the border at the top of the box is the error colour.
        QImage image(rule->size().toSize() + QSize(4, 4), QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.translate(2, 2);
        rule->paint(&painter, nullptr, nullptr);
        painter.end();
        int red = 0;
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, 1); // the outer half of the border
            red += c.alpha() > 50 && c.red() > 150 && c.green() < 100 ? 1 : 0;
        }
        QVERIFY2(red > 10, "the top border of an invalid rule is in the error colour");
        // Its sibling rules are not marked.
        GraphNodeItem *valid = shown->panel->scene()->nodeItem(
            QStringLiteral("rule:%1:http:0")
                .arg(shown->document->workspace()
                         .find(ResourceKind::VirtualService, "default", "reviews")
                         ->id));
        QVERIFY(valid->accentColor() != GraphNodeItem::errorColor());

        // Undo: the rule is valid again, and no longer marked.
        doc->undoStack()->undo();
        QVERIFY(shown->panel->scene()->nodeItem(key)->accentColor() != GraphNodeItem::errorColor());
        QVERIFY(!shown->panel->scene()->nodeItem(key)->toolTip().contains(QStringLiteral("(?=/)")));
    }

    // A dragged node takes its edges along as plain curves; Re-layout puts dot's routes back.
    void draggedNodeKeepsItsEdgesAndRelayoutRestoresRoutes()
    {
        const std::unique_ptr<Shown> shown = show(Loader::loadPaths({ bookinfoPath() }));
        QVERIFY(shown);
        GraphScene *scene = shown->panel->scene();
        GraphView *view = shown->panel->view();
        GraphNodeItem *details = scene->nodeItem(QStringLiteral("svc:details.default.svc.cluster.local"));
        QVERIFY(details);
        view->centerOn(details);
        const QPoint from = view->mapFromScene(details->sceneBoundingRect().center());
        const QPoint to = from + QPoint(0, 40);
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, from);
        QMouseEvent move(QEvent::MouseMove, QPointF(to), view->viewport()->mapToGlobal(QPointF(to)),
            Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &move);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, to);
        const QPointF moved = details->pos();
        int routed = 0;
        for (const GraphEdgeItem *edge : scene->edgeItems()) {
            const bool touches = edge->fromItem() == details || edge->toItem() == details;
            QCOMPARE(edge->isRouted(), !touches);
            // Whatever the route, the edge ends at its node.
            if (touches && edge->toItem() == details)
                QVERIFY(std::abs(edge->path().currentPosition().x() - details->pos().x()) < 12);
            routed += edge->isRouted() ? 1 : 0;
        }
        QVERIFY(routed > 0);

        QTest::mouseClick(
            shown->panel->findChild<QToolButton *>(QStringLiteral("relayoutButton")), Qt::LeftButton);
        details = scene->nodeItem(QStringLiteral("svc:details.default.svc.cluster.local"));
        QVERIFY(details->pos() != moved);
        for (const GraphEdgeItem *edge : scene->edgeItems())
            QVERIFY(edge->isRouted());
    }

    // A graph too big to lay out within a frame is laid out by the worker, and
    // shown with the quick layout until then; the result is dot's.
    void bigGraphIsLaidOutInTheBackground()
    {
        QByteArray text;
        for (int i = 0; i < 30; ++i) {
            const QByteArray n = QByteArray::number(i);
            text += "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs" + n
                + "}\nspec:\n  hosts: [s" + n + "]\n  http:\n  - route:\n    - destination: {host: s" + n
                + ", subset: a}\n      weight: 90\n    - destination: {host: s"
                + QByteArray::number((i + 7) % 30)
                + ", subset: b}\n      weight: 10\n---\napiVersion: networking.istio.io/v1\nkind: "
                  "DestinationRule\nmetadata: {name: s"
                + n + "}\nspec:\n  host: s" + n
                + "\n  subsets:\n  - {name: a, labels: {v: a}}\n  - {name: b, labels: {v: b}}\n"
                + "---\napiVersion: v1\nkind: Service\nmetadata: {name: s" + n
                + "}\nspec:\n  selector: {app: s" + n + "}\n";
        }
        Document doc;
        doc.setLoadResult(Loader::loadText(text, QStringLiteral("mesh.yaml")));
        Selection selection;
        GraphPanel panel(&doc, &selection);
        GraphScene *scene = panel.scene();
        QVERIFY(scene->nodeItems().size() + scene->edgeItems().size() > GraphScene::synchronousLayoutLimit);
        // The result comes through the event loop, which has not run yet: the quick layout is shown.
        QVERIFY(scene->isLayoutPending());
        QVERIFY(!scene->edgeItems().first()->isRouted());
        QSignalSpy laidOut(scene, &GraphScene::layoutChanged);
        QTRY_VERIFY_WITH_TIMEOUT(!scene->isLayoutPending(), 60000);
        QCOMPARE(laidOut.count(), 1);
        const QString through = edgeThroughNode(scene);
        QVERIFY2(through.isEmpty(), qPrintable(through));
        const QString label = overlappingLabel(scene);
        QVERIFY2(label.isEmpty(), qPrintable(label));
    }

    // Dot's result in scene terms: ranks left to right by kind, boxes apart.
    void graphvizLayoutIsLayered()
    {
        const LoadResult load = Loader::loadPaths({ bookinfoPath() });
        const GraphModel g = GraphModel::build(load.workspace);
        QList<QSizeF> sizes;
        for (qsizetype i = 0; i < g.nodes().size(); ++i)
            sizes.append(QSizeF(120 + (i % 3) * 20, 40 + (i % 2) * 16));
        QList<QSizeF> labels;
        for (const GraphEdge &e : g.edges())
            labels.append(e.label.isEmpty() ? QSizeF() : QSizeF(40, 20));
        const GraphLayoutResult r = GraphvizLayout::layout(g, sizes, labels);
        QVERIFY(r.ok);
        QCOMPARE(r.nodePositions.size(), g.nodes().size());
        QCOMPARE(r.edgeRoutes.size(), g.edges().size());
        for (qsizetype i = 0; i < g.nodes().size(); ++i)
            for (qsizetype j = 0; j < g.nodes().size(); ++j) {
                const QRectF a(r.nodePositions[i], sizes[i]);
                const QRectF b(r.nodePositions[j], sizes[j]);
                if (i != j)
                    QVERIFY(!a.intersects(b));
                if (g.nodes()[i].kind < g.nodes()[j].kind)
                    QVERIFY(a.right() < b.left());
            }
        for (qsizetype i = 0; i < g.edges().size(); ++i) {
            const GraphEdgeRoute &route = r.edgeRoutes[i];
            QVERIFY(!route.path.isEmpty());
            const QRectF from(r.nodePositions[g.edges()[i].from], sizes[g.edges()[i].from]);
            const QRectF to(r.nodePositions[g.edges()[i].to], sizes[g.edges()[i].to]);
            // From the tail's right side to the head's left side.
            QVERIFY(std::abs(route.path.elementAt(0).x - from.right()) < 2);
            QVERIFY(std::abs(route.tip.x() - to.left()) < 2);
            if (!labels[i].isEmpty())
                QVERIFY(r.bounds.contains(route.labelCentre));
        }
    }
};

QTEST_MAIN(TestGraphLayout)
#include "tst_graphlayout.moc"
