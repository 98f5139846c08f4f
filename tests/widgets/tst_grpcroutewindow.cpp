// A GRPCRoute in the window, as a user meets one: the graph draws the Gateway, the route,
// its method-matched rules and weighted backends; the weight panel's sliders move the
// backendRefs' weights and save changes only those bytes, one undo step per drag; the Route
// Order dock lists its rules at the Gateway's listener; the Preview's sample requests are gRPC
// calls that reach the rule. Istio routes a GRPCRoute as an HTTPRoute whose method match is
// the path /service/method (pilot/pkg/config/kube/gateway/conversion.go convertGRPCRoute,
// createGRPCURIMatch).
#include "document.h"
#include "graph/graphpanel.h"
#include "graph/graphscene.h"
#include "mainwindow.h"
#include "preview/previewpanel.h"
#include "preview/samplerequestmodel.h"
#include "routeorder/routeordermodel.h"
#include "routeorder/routeorderview.h"
#include "selection.h"
#include "undostack.h"
#include "weights/weightpanel.h"

#include <QDockWidget>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

using namespace meshroute;

namespace {

const QString kFixture = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/gatewayapi/grpc-canary.yaml");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestGrpcRouteWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    MainWindow *m_window = nullptr;

    int idOf(ResourceKind kind, const QString &name) const
    {
        const Resource *r = m_window->document()->workspace().find(kind, QStringLiteral("shop"), name);
        return r ? r->id : -1;
    }
    void selectRule(int rule)
    {
        SelectionTarget t;
        t.resourceId = idOf(ResourceKind::GRPCRoute, QStringLiteral("catalog"));
        t.routeIndex = rule;
        m_window->selection()->select(t);
    }
    const GraphModel &graph() const { return m_window->graphPanel()->scene()->graph(); }
    QString edgeLabel(const QString &from, const QString &to) const
    {
        const int e = graph().edgeBetween(graph().indexOf(from), graph().indexOf(to));
        return e >= 0 ? graph().edges()[e].label : QStringLiteral("(no edge)");
    }

private Q_SLOTS:
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("grpc-canary.yaml"));
        QFile::remove(m_path);
        QVERIFY(QFile::copy(kFixture, m_path));
        QFile(m_path).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        m_window = new MainWindow;
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        m_window->openPaths({ m_path });
    }
    void cleanup()
    {
        m_window->document()->undoStack()->clear(); // close without asking to save
        delete m_window;
    }

    void graphDrawsGatewayRouteRulesAndShares()
    {
        const int route = idOf(ResourceKind::GRPCRoute, QStringLiteral("catalog"));
        const QString routeKey = QStringLiteral("route:%1").arg(route);
        const int routeNode = graph().indexOf(routeKey);
        QVERIFY(routeNode >= 0);
        QCOMPARE(graph().nodes()[routeNode].title, QStringLiteral("catalog"));
        const QString gateway = QStringLiteral("gtw:%1").arg(idOf(ResourceKind::KubernetesGateway, "edge"));
        QVERIFY(graph().edgeBetween(graph().indexOf(gateway), routeNode) >= 0);
        const QString list = QStringLiteral("rule:%1:http:0").arg(route);
        QVERIFY2(graph().nodes()[graph().indexOf(list)].details.join(u' ').contains(
                     QLatin1String("grpc shop.Catalog/List")),
            qPrintable(graph().nodes()[graph().indexOf(list)].details.join(u' ')));
        QCOMPARE(
            edgeLabel(list, QStringLiteral("svc:catalog.shop.svc.cluster.local")), QStringLiteral("90%"));
        QCOMPARE(edgeLabel(list, QStringLiteral("svc:catalog-canary.shop.svc.cluster.local")),
            QStringLiteral("10%"));
    }

    void weightDragWritesOnlyTheWeights()
    {
        selectRule(0);
        auto *weights = m_window->findChild<WeightPanel *>();
        QSlider *stable = weights->slider(0);
        QVERIFY(stable && stable->isVisible());
        QCOMPARE(stable->value(), 90);
        const QByteArray before = readAll(m_path);
        const int steps = m_window->document()->undoStack()->count();
        stable->setSliderDown(true);
        for (int v : { 85, 80, 75 })
            stable->setValue(v);
        stable->setSliderDown(false);
        QCOMPARE(m_window->document()->undoStack()->count(), steps + 1); // one undo step
        QVERIFY(weights->slider(1));
        QCOMPARE(weights->slider(1)->value(), 25);
        const int route = idOf(ResourceKind::GRPCRoute, QStringLiteral("catalog"));
        QCOMPARE(edgeLabel(QStringLiteral("rule:%1:http:0").arg(route),
                     QStringLiteral("svc:catalog-canary.shop.svc.cluster.local")),
            QStringLiteral("25%"));
        QString error;
        QVERIFY2(m_window->document()->saveAll(&error), qPrintable(error));
        QByteArray expected = before;
        expected.replace("weight: 90   # stable", "weight: 75   # stable");
        expected.replace("      weight: 10\n", "      weight: 25\n");
        QCOMPARE(readAll(m_path), expected);
        m_window->document()->undoStack()->undo();
        QCOMPARE(weights->slider(0)->value(), 90);
    }

    void routeOrderListsItsRulesAtTheListener()
    {
        m_window->findChild<QDockWidget *>(QStringLiteral("routeOrderDock"))->raise();
        auto *order = qobject_cast<RouteOrderView *>(
            m_window->findChild<QDockWidget *>(QStringLiteral("routeOrderDock"))->widget());
        QTRY_VERIFY(order->isVisible());
        SelectionTarget gateway;
        gateway.resourceId = idOf(ResourceKind::KubernetesGateway, QStringLiteral("edge"));
        m_window->selection()->select(gateway);
        const QAbstractItemModel *m = order->model();
        QTRY_COMPARE(m->rowCount(m->index(0, 0)), 2);
        // The method match is the longer path, so it comes first whatever the order written.
        QCOMPARE(m->index(0, RouteOrderModel::SourceColumn, m->index(0, 0)).data().toString(),
            QStringLiteral("GRPCRoute shop/catalog rule 0"));
        QCOMPARE(m->index(1, RouteOrderModel::SourceColumn, m->index(0, 0)).data().toString(),
            QStringLiteral("GRPCRoute shop/catalog rule 1"));
    }

    void previewSamplesAreGrpcCallsReachingTheRules()
    {
        m_window->findChild<QDockWidget *>(QStringLiteral("previewDock"))->raise();
        auto *preview = m_window->findChild<PreviewPanel *>();
        QTRY_VERIFY(preview->isOnScreen());
        SampleRequestModel *model = preview->model();
        QTRY_VERIFY(model->rowCount() > 0);
        QStringList seen;
        bool listReached = false;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString line = model->index(row, SampleRequestModel::RequestLine).data().toString();
            const QString rule = model->index(row, SampleRequestModel::Rule).data().toString();
            seen << line + QStringLiteral(" -> ") + rule;
            if (line.contains(QLatin1String("/shop.Catalog/List"))
                && rule.contains(QLatin1String("GRPCRoute shop/catalog rule #0")))
                listReached = true;
        }
        QVERIFY2(listReached, qPrintable(seen.join(u'\n')));
    }
};

QTEST_MAIN(TestGrpcRouteWindow)
#include "tst_grpcroutewindow.moc"
