// The Effective route order dock with real input: selecting a Gateway (either API), a
// Service or a route shows its route tables in Envoy's order, whichever API wrote each
// route; positions that rest on creation order read "ambiguous" with why; a double-click
// or Enter on a row selects its rule and jumps to its YAML line. Istio's order: routes
// bound to one listener and host merged by creationTimestamp then namespace/name
// (pilot/pkg/config/kube/gateway/route_collections.go) and sorted (conversion.go
// sortHTTPRoutes: the longer path prefix first, the catch-all last).
#include "routeorder/routeordermodel.h"
#include "routeorder/routeorderview.h"

#include "document.h"
#include "fixturelines.h"
#include "loader.h"
#include "replacedocumenttext.h"
#include "selection.h"
#include "undostack.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace meshroute;

namespace {

const QString kFixture = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/gatewayapi/mixed-api.yaml");

int lineOf(const QByteArray &needle, const QByteArray &after = {})
{
    QFile f(kFixture);
    f.open(QIODevice::ReadOnly);
    return test::lineOf(f.readAll(), needle, after);
}

} // namespace

class TestRouteOrderView : public QObject
{
    Q_OBJECT

    Document *m_doc = nullptr;
    Selection *m_selection = nullptr;
    RouteOrderView *m_view = nullptr;

    int idOf(ResourceKind kind, const QString &name) const
    {
        const Resource *r = m_doc->workspace().find(kind, QStringLiteral("shop"), name);
        return r ? r->id : -1;
    }
    void select(ResourceKind kind, const QString &name)
    {
        SelectionTarget t;
        t.resourceId = idOf(kind, name);
        QVERIFY(t.resourceId >= 0);
        m_selection->select(t);
    }
    QModelIndex route(int host, int row, int column) const
    {
        const QAbstractItemModel *m = m_view->model();
        return m->index(row, column, m->index(host, 0));
    }
    QString cell(int host, int row, int column) const { return route(host, row, column).data().toString(); }
    void doubleClick(const QModelIndex &index)
    {
        QTreeView *tree = m_view->view();
        tree->scrollTo(index);
        const QPoint at = tree->visualRect(index).center();
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    }

private Q_SLOTS:
    void init()
    {
        m_doc = new Document;
        m_selection = new Selection;
        m_doc->open({ kFixture });
        m_view = new RouteOrderView(m_doc, m_selection);
        new QAbstractItemModelTester(
            m_view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_view);
        m_view->resize(1100, 500);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view));
    }
    void cleanup()
    {
        delete m_view;
        delete m_selection;
        delete m_doc;
    }

    void nothingSelectedSaysWhatToDo()
    {
        QVERIFY(!m_view->targets()->isEnabled());
        QCOMPARE(m_view->model()->rowCount(), 0);
        QVERIFY(m_view->note()->text().contains(QLatin1String("Select a Gateway")));
    }

    void gatewayListenerShowsMergedHttpRoutesInEnvoysOrder()
    {
        select(ResourceKind::KubernetesGateway, QStringLiteral("shop-gateway"));
        QComboBox *targets = m_view->targets();
        QCOMPARE(targets->count(), 2);
        QCOMPARE(
            targets->itemText(0), QStringLiteral("shop/shop-gateway listener http: HTTP 80 *.shop.example"));
        QCOMPARE(targets->itemText(1),
            QStringLiteral("shop/shop-gateway listener admin: HTTP 8080 admin.shop.example"));
        QCOMPARE(m_view->model()->rowCount(), 1);
        QCOMPARE(m_view->model()->index(0, 0).data().toString(), QStringLiteral("www.shop.example:80"));
        QCOMPARE(m_view->model()->rowCount(m_view->model()->index(0, 0)), 3);
        QCOMPARE(cell(0, 0, RouteOrderModel::PositionColumn), QStringLiteral("1"));
        QCOMPARE(
            cell(0, 0, RouteOrderModel::SourceColumn), QStringLiteral("HTTPRoute shop/storefront rule 0"));
        QCOMPARE(cell(0, 1, RouteOrderModel::SourceColumn),
            QStringLiteral("HTTPRoute shop/storefront-api rule 0"));
        QCOMPARE(
            cell(0, 2, RouteOrderModel::SourceColumn), QStringLiteral("HTTPRoute shop/storefront rule 1"));
        QVERIFY2(cell(0, 0, RouteOrderModel::MatchColumn).contains(QLatin1String("/cart")),
            qPrintable(cell(0, 0, RouteOrderModel::MatchColumn)));
        QCOMPARE(cell(0, 0, RouteOrderModel::DestinationsColumn),
            QStringLiteral("cart.shop:8080 90%, cart-canary.shop:8080 10%"));
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(cell(0, row, RouteOrderModel::OrderColumn), QStringLiteral("ambiguous"));
            const QString why = route(0, row, RouteOrderModel::OrderColumn).data(Qt::ToolTipRole).toString();
            QVERIFY2(why.contains(QLatin1String("creationTimestamp")), qPrintable(why));
        }
        QVERIFY(m_view->note()->text().contains(QLatin1String("3 routes")));

        // The other listener: nothing attaches there.
        targets->setFocus();
        QTest::keyClick(targets, Qt::Key_Down);
        QCOMPARE(targets->currentIndex(), 1);
        QCOMPARE(m_view->model()->rowCount(), 0);
        QVERIFY(m_view->note()->text().contains(QLatin1String("404")));
    }

    void doubleClickAndEnterJumpToTheRuleAndItsLine()
    {
        select(ResourceKind::KubernetesGateway, QStringLiteral("shop-gateway"));
        QSignalSpy jumps(m_view, &RouteOrderView::goToLine);
        doubleClick(route(0, 1, RouteOrderModel::SourceColumn));
        QCOMPARE(jumps.size(), 1);
        QCOMPARE(jumps[0][1].toInt(), lineOf("value: /api"));
        QCOMPARE(m_selection->current().resourceId,
            idOf(ResourceKind::HTTPRoute, QStringLiteral("storefront-api")));
        QCOMPARE(m_selection->current().routeIndex, 0);
        // Selecting the rule keeps the table shown.
        QCOMPARE(m_view->targets()->count(), 2);

        m_view->view()->setCurrentIndex(route(0, 2, RouteOrderModel::MatchColumn));
        QTest::keyClick(m_view->view(), Qt::Key_Return);
        QCOMPARE(jumps.size(), 2);
        QCOMPARE(jumps[1][1].toInt(), lineOf("- backendRefs:", "value: /cart"));
        QCOMPARE(
            m_selection->current().resourceId, idOf(ResourceKind::HTTPRoute, QStringLiteral("storefront")));
        QCOMPARE(m_selection->current().routeIndex, 1);
    }

    void istioGatewayServerAndMeshHost()
    {
        select(ResourceKind::Gateway, QStringLiteral("legacy-gateway"));
        QCOMPARE(m_view->targets()->count(), 1);
        QVERIFY(m_view->targets()->itemText(0).startsWith(
            QLatin1String("shop/legacy-gateway server http: HTTP 80")));
        QCOMPARE(
            cell(0, 0, RouteOrderModel::SourceColumn), QStringLiteral("VirtualService shop/legacy http[0]"));
        QCOMPARE(cell(0, 0, RouteOrderModel::OrderColumn), QString());
        QCOMPARE(cell(0, 0, RouteOrderModel::DestinationsColumn), QStringLiteral("frontend.shop 100%"));

        // The cart Service: claimed by a mesh HTTPRoute and a VirtualService; the table is
        // the one sidecars use, and says which of the two that is.
        select(ResourceKind::Service, QStringLiteral("cart"));
        QCOMPARE(m_view->targets()->itemText(0), QStringLiteral("mesh: cart.shop.svc.cluster.local:8080"));
        QCOMPARE(m_view->model()->rowCount(m_view->model()->index(0, 0)), 1);
        const QString source = cell(0, 0, RouteOrderModel::SourceColumn);
        QVERIFY2(source == QLatin1String("HTTPRoute shop/cart-mesh rule 0")
                || source == QLatin1String("VirtualService shop/cart http[0]"),
            qPrintable(source));
    }

    void editsRecompileTheTable()
    {
        select(ResourceKind::KubernetesGateway, QStringLiteral("shop-gateway"));
        QCOMPARE(m_view->model()->rowCount(m_view->model()->index(0, 0)), 3);
        // Moving the second route to the other listener (an edit, undoable) leaves two rows here.
        const Resource *api
            = m_doc->resource(idOf(ResourceKind::HTTPRoute, QStringLiteral("storefront-api")));
        const QByteArray before = m_doc->documentText(api->fileIndex, api->documentIndex);
        QByteArray after = before;
        after.replace("sectionName: http", "sectionName: admin");
        QVERIFY(after != before);
        m_doc->undoStack()->push(new ReplaceDocumentText(
            m_doc, api->fileIndex, api->documentIndex, before, after, QStringLiteral("Move to admin")));
        QTRY_COMPARE(m_view->model()->rowCount(m_view->model()->index(0, 0)), 2);
        m_doc->undoStack()->undo();
        QTRY_COMPARE(m_view->model()->rowCount(m_view->model()->index(0, 0)), 3);
    }

    // Above 500 resources the table compiles on a worker once the edits pause (a 5,000-route
    // mesh takes longer than a frame): the selection answers at once, the rows follow.
    void bigWorkspaceCompilesOffTheUiThread()
    {
        QFile f(kFixture);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray text = f.readAll();
        for (int i = 0; i < 600; ++i)
            text
                += QStringLiteral("---\napiVersion: v1\nkind: Service\nmetadata: {name: filler%1, namespace: "
                                  "other}\nspec:\n  ports: [{port: 80}]\n")
                       .arg(i)
                       .toUtf8();
        m_doc->setLoadResult(Loader::loadText(text, QStringLiteral("big.yaml")));
        select(ResourceKind::KubernetesGateway, QStringLiteral("shop-gateway"));
        QCOMPARE(m_view->model()->rowCount(), 0); // not compiled yet: nothing waited for it
        QTRY_COMPARE(m_view->targets()->count(), 2);
        QTRY_COMPARE(m_view->model()->rowCount(m_view->model()->index(0, 0)), 3);
        QCOMPARE(cell(0, 1, RouteOrderModel::SourceColumn),
            QStringLiteral("HTTPRoute shop/storefront-api rule 0"));
    }
};

QTEST_MAIN(TestRouteOrderView)
#include "tst_routeorderview.moc"
