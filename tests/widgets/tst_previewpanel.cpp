// The Preview as a user drives it: rows of sample requests with live,
// coloured outcomes; a weight drag moving bars and outcomes; a new match rule
// taking a request; canary steps previewed and exported; routing tests with a
// badge; plots exported; and every row saying what `meshroute route` says.
#include "preview/canaryplaneditor.h"
#include "preview/convergenceplot.h"
#include "preview/previewpanel.h"
#include "preview/samplerequestmodel.h"
#include "preview/splitplot.h"

#include "corpus.h"
#include "deleteresource.h"
#include "document.h"
#include "loader.h"
#include "replacedocumenttext.h"
#include "routeresultjson.h"
#include "selection.h"
#include "setweights.h"
#include "undostack.h"
#include "widgets/previewdriver.h"

#include <QComboBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace meshroute;
using meshroute::test::readFile;

namespace {

const QString kBookinfo = QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml");

// Rows of SampleRequest::bookinfoDefaults().
enum Row { ProductPage = 0, Static, Login, Logout, ProductsApi, Admin, Reviews, ReviewsJason, RowCount };

int idOf(const Document &doc, ResourceKind kind, const QString &name)
{
    for (const Resource &r : doc.workspace().resources)
        if (r.kind == kind && r.name() == name)
            return r.id;
    return -1;
}

} // namespace

class TestPreviewPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    Document *m_doc = nullptr;
    Selection *m_selection = nullptr;
    PreviewPanel *m_panel = nullptr;
    int m_reviews = -1;

    QString cell(int row, int column) const { return m_panel->model()->index(row, column).data().toString(); }
    QColor colour(int row, int column) const
    {
        return m_panel->model()->index(row, column).data(Qt::ForegroundRole).value<QBrush>().color();
    }
    void clickRow(int row) { test::clickPreviewRow(m_panel, row); }
    template <typename Plottable> QList<double> barValues(Plottable *plottable) const
    {
        return test::plottedValues(plottable);
    }
    void pushWeights(const QList<int> &weights)
    {
        QString error;
        auto command = SetWeights::create(m_doc, m_reviews, 0, weights, &error);
        QVERIFY2(command, qPrintable(error));
        m_doc->undoStack()->push(command.release());
    }
    void selectCount(quint64 n) { test::selectRequestCount(m_panel, n); }

private Q_SLOTS:
    void init()
    {
        // A copy: saving requests or manifests must not touch the repository's example.
        m_dir = new QTemporaryDir;
        const QString path = m_dir->filePath(QStringLiteral("bookinfo.yaml"));
        QVERIFY(QFile::copy(kBookinfo, path));
        m_doc = new Document;
        m_selection = new Selection;
        m_doc->open({ path });
        m_reviews = idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("reviews"));
        QVERIFY(m_reviews >= 0);
        m_panel = new PreviewPanel(m_doc, m_selection);
        m_panel->resize(1200, 800);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    }
    void cleanup()
    {
        delete m_panel;
        delete m_selection;
        delete m_doc;
        delete m_dir;
    }

    void bookinfoRowsShowTheirOutcomesInColour()
    {
        QCOMPARE(m_panel->model()->rowCount(), int(RowCount));
        QCOMPARE(cell(ProductPage, SampleRequestModel::RequestLine),
            QStringLiteral("GET http://bookinfo.app/productpage"));
        QCOMPARE(cell(ProductPage, SampleRequestModel::Sender),
            QStringLiteral("gateway default/bookinfo-gateway"));
        QCOMPARE(cell(ProductPage, SampleRequestModel::Outcome), QStringLiteral("-> productpage:9080"));
        QCOMPARE(cell(ProductPage, SampleRequestModel::Rule), QStringLiteral("default/bookinfo #0 match 0"));
        QCOMPARE(cell(Static, SampleRequestModel::Rule), QStringLiteral("default/bookinfo #0 match 1"));
        QCOMPARE(cell(ProductsApi, SampleRequestModel::Rule), QStringLiteral("default/bookinfo #0 match 4"));
        QCOMPARE(colour(ProductPage, SampleRequestModel::Outcome),
            RequestOutcome::colour(RequestOutcome::Kind::Routed));
        QVERIFY(cell(Admin, SampleRequestModel::Outcome).startsWith(QStringLiteral("404 NR")));
        QCOMPARE(colour(Admin, SampleRequestModel::Outcome),
            RequestOutcome::colour(RequestOutcome::Kind::NoRoute));
        QCOMPARE(cell(Reviews, SampleRequestModel::Outcome), QStringLiteral("-> reviews v1 99% · v2 1%"));
        QCOMPARE(cell(Reviews, SampleRequestModel::Rule), QStringLiteral("default/reviews \"canary\""));
        QCOMPARE(cell(ReviewsJason, SampleRequestModel::Headers), QStringLiteral("end-user: jason"));
    }

    void selectingARowLightsThePathAndSelectsTheRule()
    {
        QSignalSpy highlight(m_selection, &Selection::highlightChanged);
        clickRow(Reviews);
        QTRY_COMPARE(m_panel->currentRow(), int(Reviews));
        QCOMPARE(m_selection->current().resourceId, m_reviews);
        QCOMPARE(m_selection->current().routeIndex, 0);
        QVERIFY(highlight.count() > 0);
        const TrafficPath path = m_selection->highlight();
        QCOMPARE(path.virtualServiceId, m_reviews);
        QCOMPARE(path.gatewayId, -1);
        QCOMPARE(path.destinations.size(), 2);
        QCOMPARE(path.destinations[1].subset, QStringLiteral("v2"));
        QCOMPARE(path.destinations[1].share, 1.0);

        clickRow(ProductPage);
        QTRY_COMPARE(m_selection->highlight().gatewayId,
            idOf(*m_doc, ResourceKind::Gateway, QStringLiteral("bookinfo-gateway")));
        QCOMPARE(m_selection->current().resourceId,
            idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("bookinfo")));
    }

    // A rule selected elsewhere (rule list, graph, YAML) selects the requests that reach it and
    // scrolls the first into view; the panel does not move the shared selection back.
    void aRuleSelectedElsewhereSelectsItsRequests()
    {
        clickRow(Admin);
        const int bookinfo = idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("bookinfo"));
        QSignalSpy changed(m_selection, &Selection::changed);
        SelectionTarget t;
        t.resourceId = bookinfo;
        t.routeIndex = 0;
        m_selection->select(t);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_selection->current(), t); // not replaced by a row's rule and match
        QCOMPARE(m_panel->selectedRows(), QList<int>({ ProductPage, Static, Login, Logout, ProductsApi }));
        for (int row : m_panel->selectedRows())
            QVERIFY(cell(row, SampleRequestModel::Rule).startsWith(QStringLiteral("default/bookinfo #0")));
        QCOMPARE(m_panel->currentRow(), int(ProductPage));
        QCOMPARE(m_panel->statusLabel()->text(),
            QStringLiteral("5 sample requests reach rule #0 of VirtualService default/bookinfo."));
        QCOMPARE(m_selection->highlight().virtualServiceId, bookinfo); // the first request's path is lit

        // Rows below the fold are scrolled to (the table keeps room for 4 rows, not 7).
        m_panel->resize(1200, 260);
        QTableView *table = m_panel->table();
        QTRY_VERIFY(table->viewport()->height() < int(Reviews) * table->rowHeight(0));
        table->scrollToTop();
        QVERIFY(!table->viewport()->rect().contains(table->visualRect(m_panel->model()->index(Reviews, 0))));
        t.resourceId = m_reviews;
        m_selection->select(t);
        QCOMPARE(m_panel->selectedRows(), QList<int>({ Reviews, ReviewsJason }));
        QCOMPARE(m_panel->currentRow(), int(Reviews));
        QVERIFY(table->viewport()->rect().contains(table->visualRect(m_panel->model()->index(Reviews, 0))));
        QCOMPARE(changed.count(), 2);

        // A rule no request reaches, and a TCP rule (sample requests are HTTP): nothing selected.
        SelectionTarget tcp;
        tcp.resourceId = m_reviews;
        tcp.routeKind = RouteKind::Tcp;
        tcp.l4RouteIndex = 0;
        m_selection->select(tcp);
        QVERIFY(m_panel->selectedRows().isEmpty());
        QVERIFY(m_panel->statusLabel()->text().contains(QStringLiteral("sample requests are HTTP")));
        QCOMPARE(m_selection->current(), tcp);

        // A row the user clicks selects that row only, and its rule everywhere.
        m_panel->resize(1200, 800);
        clickRow(ReviewsJason);
        QTRY_COMPARE(m_panel->selectedRows(), QList<int>({ ReviewsJason }));
        QCOMPARE(m_selection->current().resourceId, m_reviews);
        QCOMPARE(m_selection->current().routeIndex, 0);
        QCOMPARE(m_selection->current().routeKind, RouteKind::Http);
    }

    // The status line is recomputed with the outcomes: a rule that an edit makes reachable
    // says so, and a deleted VirtualService is not said to be reached (issue 13 §4).
    void statusFollowsTheOutcomesAfterEdits()
    {
        SelectionTarget t;
        t.resourceId = m_reviews;
        t.routeIndex = 0;
        m_selection->select(t);
        QCOMPARE(m_panel->statusLabel()->text(),
            QStringLiteral("2 sample requests reach rule \"canary\" of VirtualService default/reviews."));

        // A new first rule takes jason's request: rule #0 is now that rule, reached once.
        const Resource *vs = m_doc->resource(m_reviews);
        const QByteArray before = m_doc->documentText(vs->fileIndex, vs->documentIndex);
        QByteArray after = before;
        after.replace("  http:\n  - name: canary\n",
            "  http:\n  - name: jason\n    match:\n    - headers:\n        end-user:\n          exact: "
            "jason\n"
            "    route:\n    - destination:\n        host: reviews\n        subset: v2\n  - name: canary\n");
        QVERIFY(after != before);
        m_doc->undoStack()->push(new ReplaceDocumentText(
            m_doc, vs->fileIndex, vs->documentIndex, before, after, QStringLiteral("Add rule jason")));
        QTRY_COMPARE(m_panel->statusLabel()->text(),
            QStringLiteral("1 sample request reaches rule \"jason\" of VirtualService default/reviews."));

        // Deleted: no request reaches it, and the line says it is gone.
        QString error;
        auto remove = DeleteResource::create(m_doc, m_reviews, &error);
        QVERIFY2(remove, qPrintable(error));
        m_doc->undoStack()->push(remove.release());
        QTRY_COMPARE(m_panel->statusLabel()->text(),
            QStringLiteral("VirtualService default/reviews is no longer in the workspace."));
    }

    // Drag a weight (SetWeights as the slider pushes it): outcomes, bars and markers follow.
    // The graph is lit only while the Preview is shown: hidden behind the Problems
    // tab it clears the light, shown again it lights the current row's path.
    void pathIsLitOnlyWhileShown()
    {
        clickRow(Reviews);
        QTRY_COMPARE(m_selection->highlight().virtualServiceId, m_reviews);
        m_panel->hide();
        QVERIFY(m_selection->highlight().isEmpty());
        // A row chosen while hidden lights nothing until the panel is shown.
        m_panel->selectRow(ProductPage);
        QVERIFY(m_selection->highlight().isEmpty());
        m_panel->show();
        QCOMPARE(m_selection->highlight().virtualServiceId,
            idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("bookinfo")));
    }

    // Above the threshold the route tables compile on a worker: the UI thread does not
    // wait, the outcomes follow when the table is ready, and a burst of edits (a drag)
    // ends with the outcome of the last one.
    void largeWorkspaceCompilesInTheBackground()
    {
        QByteArray text = readFile(kBookinfo);
        for (int i = 0; i < PreviewPanel::asyncCompileThreshold; ++i) {
            const QByteArray n = "filler" + QByteArray::number(i);
            text += "\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: " + n
                + ", namespace: other}\nspec:\n  hosts: [" + n + "]\n  http:\n  - route:\n"
                + "    - destination: {host: " + n + "}\n";
        }
        const QString path = m_dir->filePath(QStringLiteral("bookinfo.yaml"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(text);
        out.close();
        QSignalSpy refreshed(m_panel, &PreviewPanel::refreshed);
        m_doc->open({ path });
        QVERIFY(m_doc->workspace().resources.size() > PreviewPanel::asyncCompileThreshold);
        QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty() && !m_panel->isCompiling(), 20000);
        QCOMPARE(cell(Reviews, SampleRequestModel::Outcome), QStringLiteral("-> reviews v1 99% · v2 1%"));

        m_reviews = idOf(*m_doc, ResourceKind::VirtualService, QStringLiteral("reviews"));
        refreshed.clear();
        for (int v2 = 5; v2 <= 50; v2 += 5)
            pushWeights({ 100 - v2, v2 });
        // Nothing waited for the compile: the row still shows the table it had.
        QCOMPARE(cell(Reviews, SampleRequestModel::Outcome), QStringLiteral("-> reviews v1 99% · v2 1%"));
        QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty() && !m_panel->isCompiling(), 20000);
        QCOMPARE(cell(Reviews, SampleRequestModel::Outcome), QStringLiteral("-> reviews v1 50% · v2 50%"));
        // One compile was running and one more took the latest text; no compile per edit.
        QCOMPARE(refreshed.size(), 1);
    }

    // Issue 13 section 4: on a mesh without gateways the samples are requests
    // from the mesh that route, and the split plot draws the selected one.
    void aMeshWithoutGatewaysHasSamplesThatRoute()
    {
        const QString path = m_dir->filePath(QStringLiteral("mesh.yaml"));
        QVERIFY(QFile::copy(test::dataPath(QStringLiteral("routing/gatewayless-mesh.yaml")), path));
        m_doc->open({ path });
        QTRY_COMPARE(m_panel->model()->rowCount(), 3);
        for (int row = 0; row < 3; ++row) {
            QVERIFY2(cell(row, SampleRequestModel::Sender).startsWith(QLatin1String("sidecar shop")),
                qPrintable(cell(row, SampleRequestModel::Sender)));
            QTRY_COMPARE(colour(row, SampleRequestModel::Outcome),
                RequestOutcome::colour(RequestOutcome::Kind::Routed));
        }
        QCOMPARE(cell(0, SampleRequestModel::Outcome), QStringLiteral("-> reviews v1 80% · v2 20%"));
        QCOMPARE(cell(0, SampleRequestModel::Rule), QStringLiteral("shop/reviews #0"));
        clickRow(0);
        selectCount(1000);
        QTRY_COMPARE(m_panel->splitPlot()->categories(),
            QStringList({ QStringLiteral("reviews v1"), QStringLiteral("reviews v2") }));
        const QList<double> istio = barValues(m_panel->splitPlot()->istioBars());
        QCOMPARE(istio.size(), 2);
        QCOMPARE(istio[0] + istio[1], 1000.0);
        // Kubernetes alone spreads by pods: one v1 pod, three v2 pods.
        QCOMPARE(barValues(m_panel->splitPlot()->baselineBars()), QList<double>({ 250.0, 750.0 }));
    }

    void draggingAWeightMovesBarsAndOutcomes()
    {
        clickRow(Reviews);
        selectCount(10000);
        QTRY_COMPARE(m_panel->splitPlot()->categories(),
            QStringList({ QStringLiteral("reviews v1"), QStringLiteral("reviews v2"),
                QStringLiteral("reviews v3") }));
        QList<double> istio = barValues(m_panel->splitPlot()->istioBars());
        QCOMPARE(istio.size(), 2);
        QCOMPARE(istio[0] + istio[1], 10000.0);
        QVERIFY(istio[1] > 50 && istio[1] < 160); // 1% of 10,000, drawn
        QCOMPARE(barValues(m_panel->splitPlot()->shareMarkers()), QList<double>({ 9900.0, 100.0 }));
        // Kubernetes by pods: 3 of 5 pods are v1, one each v2 and v3.
        QCOMPARE(barValues(m_panel->splitPlot()->baselineBars()), QList<double>({ 6000.0, 2000.0, 2000.0 }));

        QSignalSpy refreshed(m_panel, &PreviewPanel::refreshed);
        const int steps[] = { 90, 75, 60, 50 };
        for (int v1 : steps)
            pushWeights({ v1, 100 - v1 });
        QCOMPARE(refreshed.count(), 4); // every step of the drag refreshed the preview
        QCOMPARE(m_doc->undoStack()->count(), 1); // and the drag is one undo step
        QTRY_COMPARE(
            cell(Reviews, SampleRequestModel::Outcome), QStringLiteral("-> reviews v1 50% · v2 50%"));
        QCOMPARE(
            cell(ReviewsJason, SampleRequestModel::Outcome), QStringLiteral("-> reviews v1 50% · v2 50%"));
        QCOMPARE(barValues(m_panel->splitPlot()->shareMarkers()), QList<double>({ 5000.0, 5000.0 }));
        istio = barValues(m_panel->splitPlot()->istioBars());
        QVERIFY(istio[1] > 4800 && istio[1] < 5200);
        // The accumulation plot follows too, and ends where the bars are.
        QCOMPARE(m_panel->convergencePlot()->seriesCount(), 2);
        QCOMPARE(m_panel->convergencePlot()->finalCounts(),
            QList<quint64>({ quint64(istio[0]), quint64(istio[1]) }));

        m_doc->undoStack()->undo();
        QTRY_COMPARE(cell(Reviews, SampleRequestModel::Outcome), QStringLiteral("-> reviews v1 99% · v2 1%"));
        QCOMPARE(barValues(m_panel->splitPlot()->shareMarkers()), QList<double>({ 9900.0, 100.0 }));
    }

    void requestCountControlsTheSimulation()
    {
        clickRow(Reviews);
        for (quint64 n : { 100ULL, 1000000ULL }) {
            selectCount(n);
            const QList<double> bars = barValues(m_panel->splitPlot()->istioBars());
            QCOMPARE(bars[0] + bars[1], double(n));
            QCOMPARE(m_panel->convergencePlot()
                         ->series(1)
                         ->data()
                         ->at(m_panel->convergencePlot()->series(1)->data()->size() - 1)
                         ->key,
                double(n));
        }
    }

    // A new rule (edited as YAML text through a command) takes the jason request.
    void aNewMatchRuleTakesASampleRequest()
    {
        const Resource *vs = m_doc->resource(m_reviews);
        const QByteArray before = m_doc->documentText(vs->fileIndex, vs->documentIndex);
        QByteArray after = before;
        after.replace("  http:\n  - name: canary\n",
            "  http:\n"
            "  - name: jason\n"
            "    match:\n"
            "    - headers:\n"
            "        end-user:\n"
            "          exact: jason\n"
            "    route:\n"
            "    - destination:\n"
            "        host: reviews\n"
            "        subset: v2\n"
            "  - name: canary\n");
        QVERIFY(after != before);
        m_doc->undoStack()->push(new ReplaceDocumentText(
            m_doc, vs->fileIndex, vs->documentIndex, before, after, QStringLiteral("Add rule jason")));
        QTRY_COMPARE(cell(ReviewsJason, SampleRequestModel::Outcome), QStringLiteral("-> reviews v2"));
        QCOMPARE(cell(ReviewsJason, SampleRequestModel::Rule),
            QStringLiteral("default/reviews \"jason\" match 0"));
        QCOMPARE(cell(Reviews, SampleRequestModel::Rule), QStringLiteral("default/reviews \"canary\""));

        // The why list of the other request names the rule it missed and the condition.
        clickRow(Reviews);
        QTRY_VERIFY(m_panel->whyList()->count() > 0);
        QStringList why;
        for (int i = 0; i < m_panel->whyList()->count(); ++i)
            why << m_panel->whyList()->item(i)->text();
        const QString text = why.join(QLatin1Char('\n'));
        QVERIFY2(
            text.contains(QStringLiteral("✗ rule \"jason\"")) && text.contains(QStringLiteral("end-user")),
            qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("✓ default/reviews \"canary\"")), qPrintable(text));

        m_doc->undoStack()->undo();
        QTRY_COMPARE(
            cell(ReviewsJason, SampleRequestModel::Rule), QStringLiteral("default/reviews \"canary\""));
    }

    void editingARowInPlaceReroutesIt()
    {
        QTableView *t = m_panel->table();
        const QModelIndex index = m_panel->model()->index(ProductPage, SampleRequestModel::RequestLine);
        t->scrollTo(index);
        const QPoint at = t->visualRect(index).center();
        QTest::mouseClick(t->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        QTest::mouseDClick(t->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        QLineEdit *editor = t->findChild<QLineEdit *>();
        QTRY_VERIFY(editor && editor->isVisible());
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("GET http://bookinfo.app/reviews"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(cell(ProductPage, SampleRequestModel::Outcome).startsWith(QStringLiteral("404 NR")));
        QCOMPARE(colour(ProductPage, SampleRequestModel::Outcome),
            RequestOutcome::colour(RequestOutcome::Kind::NoRoute));
        QVERIFY(m_panel->samplesModified());

        // A sender that does not parse is refused and the row keeps its sender.
        QSignalSpy refused(m_panel->model(), &SampleRequestModel::editRejected);
        QVERIFY(!m_panel->model()->setData(
            m_panel->model()->index(Reviews, SampleRequestModel::Sender), QStringLiteral("somebody")));
        QCOMPARE(refused.count(), 1);
        QCOMPARE(cell(Reviews, SampleRequestModel::Sender),
            QStringLiteral("sidecar default {app=productpage,version=v1}"));
        // A header edit is routed at once.
        QVERIFY(m_panel->model()->setData(m_panel->model()->index(Reviews, SampleRequestModel::Headers),
            QStringLiteral("end-user: jason; x-trace: 1")));
        QCOMPARE(m_panel->model()->sample(Reviews).headers.size(), 2);
    }

    void addDuplicateAndDeleteRows()
    {
        clickRow(Reviews);
        QTest::mouseClick(m_panel->duplicateButton(), Qt::LeftButton);
        QCOMPARE(m_panel->model()->rowCount(), RowCount + 1);
        QCOMPARE(
            cell(Reviews + 1, SampleRequestModel::Name), QStringLiteral("reviews from productpage (copy)"));
        QCOMPARE(cell(Reviews + 1, SampleRequestModel::Outcome), cell(Reviews, SampleRequestModel::Outcome));
        QCOMPARE(m_panel->currentRow(), Reviews + 1);

        QTest::mouseClick(m_panel->addButton(), Qt::LeftButton);
        QCOMPARE(m_panel->model()->rowCount(), RowCount + 2);
        QCOMPARE(cell(Reviews + 2, SampleRequestModel::Name), QStringLiteral("new request"));
        // The new row starts from the selected request's sender; the editor is open on its request.
        QCOMPARE(cell(Reviews + 2, SampleRequestModel::Sender), cell(Reviews, SampleRequestModel::Sender));
        QLineEdit *editor = m_panel->table()->findChild<QLineEdit *>();
        QTRY_VERIFY(editor && editor->isVisible());
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("GET http://ratings:9080/ratings/0"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(cell(Reviews + 2, SampleRequestModel::Outcome), QStringLiteral("-> ratings:9080"));

        QTest::mouseClick(m_panel->deleteButton(), Qt::LeftButton);
        QCOMPARE(m_panel->currentRow(), Reviews + 2); // the next row is selected: "reviews for jason"
        clickRow(Reviews + 1);
        QTest::mouseClick(m_panel->deleteButton(), Qt::LeftButton);
        QCOMPARE(m_panel->model()->rowCount(), int(RowCount));
        QCOMPARE(m_panel->model()->samples(), SampleRequest::bookinfoDefaults());
    }

    void samplesAreSavedWithTheWorkspace()
    {
        const QString side = m_panel->sideFilePath();
        QCOMPARE(side, m_dir->filePath(QStringLiteral("bookinfo.yaml.meshroute-requests.yaml")));
        QVERIFY(!QFile::exists(side));
        QVERIFY(m_panel->model()->setData(
            m_panel->model()->index(Admin, SampleRequestModel::Name), QStringLiteral("admin page")));
        pushWeights({ 80, 20 });
        QString error;
        QVERIFY2(m_doc->saveAll(&error), qPrintable(error));
        QTRY_VERIFY(QFile::exists(side));
        QVERIFY(!m_panel->samplesModified());
        QList<SampleRequest> saved;
        QVERIFY(SampleRequest::load(side, &saved, &error));
        QCOMPARE(saved[Admin].name, QStringLiteral("admin page"));
        // Reopening the workspace reads them back; the manifests never contain them.
        m_doc->open({ m_dir->filePath(QStringLiteral("bookinfo.yaml")) });
        QCOMPARE(cell(Admin, SampleRequestModel::Name), QStringLiteral("admin page"));
        QVERIFY(!readFile(m_dir->filePath(QStringLiteral("bookinfo.yaml"))).contains("admin page"));
    }

    void canaryPlanPreviewsAndExportsSteps()
    {
        clickRow(Reviews);
        selectCount(10000);
        m_panel->sideTabs()->setCurrentWidget(m_panel->planEditor());
        CanaryPlanEditor *plan = m_panel->planEditor();
        QTRY_COMPARE(plan->stepList()->count(), 5);
        QCOMPARE(plan->targetBox()->currentText(), QStringLiteral("reviews v2"));
        plan->stepsEdit()->selectAll();
        QTest::keyClicks(plan->stepsEdit(), QStringLiteral("10, 25, 100"));
        QTRY_COMPARE(plan->stepList()->count(), 3);
        QVERIFY(plan->stepList()->item(1)->text().contains(
            QStringLiteral("25% to reviews v2   (weights 75/25)")));

        // Preview the second step: the plots show 75/25, the live outcomes stay 99/1.
        const QRect item = plan->stepList()->visualItemRect(plan->stepList()->item(1));
        QTest::mouseClick(plan->stepList()->viewport(), Qt::LeftButton, Qt::NoModifier, item.center());
        QTRY_COMPARE(plan->previewedStep(), 1);
        QTRY_COMPARE(barValues(m_panel->splitPlot()->shareMarkers()), QList<double>({ 7500.0, 2500.0 }));
        QCOMPARE(cell(Reviews, SampleRequestModel::Outcome), QStringLiteral("-> reviews v1 99% · v2 1%"));
        // An edit keeps the preview and recomputes the step from the new text.
        pushWeights({ 98, 2 });
        QTRY_COMPARE(plan->previewedStep(), 1);
        QCOMPARE(barValues(m_panel->splitPlot()->shareMarkers()), QList<double>({ 7500.0, 2500.0 }));

        QString error;
        QStringList written;
        QVERIFY2(
            plan->exportFiles(m_dir->filePath(QStringLiteral("plan")), &written, &error), qPrintable(error));
        QCOMPARE(written.size(), 3);
        const QList<QList<int>> expected = { { 90, 10 }, { 75, 25 }, { 0, 100 } };
        for (int i = 0; i < 3; ++i) {
            const LoadResult step = Loader::loadPaths({ written[i] });
            const Resource *vs = step.workspace.find(
                ResourceKind::VirtualService, QStringLiteral("default"), QStringLiteral("reviews"));
            QVERIFY(vs);
            QCOMPARE(int(vs->virtualService()->http[0].route[0].weight.value), expected[i][0]);
            QCOMPARE(int(vs->virtualService()->http[0].route[1].weight.value), expected[i][1]);
            // Only the weights differ from the document's text.
            QByteArray text = readFile(written[i]);
            QByteArray current = m_doc->files()[0].text;
            current.replace(
                "weight: 98  # stable", "weight: " + QByteArray::number(expected[i][0]) + "  # stable");
            current.replace(
                "weight: 2   # canary", "weight: " + QByteArray::number(expected[i][1]) + "   # canary");
            QCOMPARE(text, current);
        }
        const QString multi = m_dir->filePath(QStringLiteral("plan.yaml"));
        QVERIFY2(plan->exportMultiDocument(multi, &error), qPrintable(error));
        QVERIFY(readFile(multi).contains("# Canary step 2 of 3: 25% to reviews v2 (weights 75/25)"));
        QCOMPARE(Loader::loadPaths({ multi }).workspace.resources.size(), 3);

        // Back to live.
        plan->clearPreview();
        QTRY_COMPARE(barValues(m_panel->splitPlot()->shareMarkers()), QList<double>({ 9800.0, 200.0 }));
    }

    void routingTestBadgeFollowsEdits()
    {
        QVERIFY(!m_panel->testBadge()->isVisible());
        const QString path = m_dir->filePath(QStringLiteral("bookinfo.routing-test.yaml"));
        QString error;
        QVERIFY2(m_panel->saveRoutingTest(path, &error), qPrintable(error));
        QCOMPARE(m_panel->testFiles(), QStringList { path });
        QTRY_VERIFY(m_panel->testBadge()->isVisible());
        QCOMPARE(m_panel->testBadge()->text(), QStringLiteral("✔ 8 tests pass"));
        QCOMPARE(m_panel->testBadge()->property("passing").toBool(), true);
        QCOMPARE(m_panel->testReport().uncovered.size(), 0);

        pushWeights({ 90, 10 });
        QTRY_COMPARE(m_panel->testBadge()->text(), QStringLiteral("✘ 2 of 8 tests fail"));
        QCOMPARE(m_panel->testBadge()->property("passing").toBool(), false);
        QVERIFY(m_panel->testBadge()->toolTip().contains(QStringLiteral("reviews from productpage")));
        m_doc->undoStack()->undo();
        QTRY_COMPARE(m_panel->testBadge()->text(), QStringLiteral("✔ 8 tests pass"));

        // A test file that reaches only some rules lists the others as not reached.
        QFile partial(m_dir->filePath(QStringLiteral("partial.yaml")));
        QVERIFY(partial.open(QIODevice::WriteOnly));
        partial.write("testCases:\n- description: product page\n  wantMatch: true\n  request:\n"
                      "    authority: [bookinfo.app]\n    method: [GET]\n    uri: [/productpage]\n"
                      "    gateway: default/bookinfo-gateway\n  virtualService: default/bookinfo\n");
        partial.close();
        m_panel->setTestFiles({ partial.fileName() });
        QCOMPARE(m_panel->testBadge()->text(), QStringLiteral("✔ 1 tests pass"));
        QStringList lines;
        for (int i = 0; i < m_panel->testList()->count(); ++i)
            lines << m_panel->testList()->item(i)->text();
        QVERIFY2(lines.contains(QStringLiteral("not reached by any test: default/reviews rule \"canary\"")),
            qPrintable(lines.join(QLatin1Char('\n'))));
    }

    void plotsHaveTooltipsWithCounts()
    {
        clickRow(Reviews);
        selectCount(10000);
        SplitPlot *plot = m_panel->splitPlot();
        plot->replot();
        const auto bar = plot->istioBars()->data()->at(1);
        const QPoint at(
            int(plot->xAxis->coordToPixel(bar->key)), int(plot->yAxis->coordToPixel(bar->value / 2)));
        const QString tip = plot->toolTipAt(at);
        QVERIFY2(tip.startsWith(QStringLiteral("reviews v2: "))
                && tip.contains(QStringLiteral("of 10,000 requests"))
                && tip.contains(QStringLiteral("configured 1.00%")),
            qPrintable(tip));
        const auto base = plot->baselineBars()->data()->at(2);
        const QString baseTip = plot->toolTipAt(QPoint(
            int(plot->xAxis->coordToPixel(base->key)), int(plot->yAxis->coordToPixel(base->value / 2))));
        QVERIFY2(baseTip.contains(QStringLiteral("reviews v3 without a VirtualService: 1 of 5 pods")),
            qPrintable(baseTip));
    }

    void plotsExportAsPngSvgAndPdf()
    {
        clickRow(Reviews);
        QString error;
        const QString png = m_dir->filePath(QStringLiteral("split.png"));
        const QString svg = m_dir->filePath(QStringLiteral("split.svg"));
        const QString pdf = m_dir->filePath(QStringLiteral("accumulation.pdf"));
        QVERIFY2(m_panel->exportPlot(png, &error), qPrintable(error));
        QVERIFY2(m_panel->exportPlot(svg, &error), qPrintable(error));
        QVERIFY2(m_panel->exportPlot(pdf, &error, true), qPrintable(error));
        QVERIFY(readFile(png).startsWith("\x89PNG"));
        QVERIFY(readFile(svg).contains("<svg"));
        QVERIFY(readFile(pdf).startsWith("%PDF"));
        QVERIFY(!m_panel->exportPlot(m_dir->filePath(QStringLiteral("x.gif")), &error));
    }

    // One truth: each row's outcome is what `meshroute route --json` prints for the same request.
    void eachRowSaysWhatTheCliSays()
    {
        const QString manifest = m_dir->filePath(QStringLiteral("bookinfo.yaml"));
        for (int row = 0; row < m_panel->model()->rowCount(); ++row) {
            const SampleRequest &s = m_panel->model()->sample(row);
            QStringList args { QStringLiteral("route"), QStringLiteral("--json"), QStringLiteral("--request"),
                s.requestLine() };
            for (const QString &h : s.headers)
                args << QStringLiteral("-H") << h;
            if (!s.gateway.isEmpty())
                args << QStringLiteral("--gateway") << s.gateway;
            if (!s.sourceLabels.isEmpty())
                args << QStringLiteral("--source-labels") << s.sourceLabels;
            if (!s.sourceNamespace.isEmpty())
                args << QStringLiteral("--source-namespace") << s.sourceNamespace;
            args << manifest;
            QProcess p;
            p.start(QStringLiteral(MESHROUTE_BINARY), args);
            QVERIFY(p.waitForFinished(60000));
            QJsonObject cli = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
            QVERIFY2(!cli.isEmpty(), qPrintable(s.name));
            cli.remove(QStringLiteral("request"));
            cli.remove(QStringLiteral("sender"));
            const QJsonObject panel = RouteResultJson::toJson(m_panel->model()->outcome(row).result);
            QVERIFY2(cli == panel,
                qPrintable(s.name + QStringLiteral("\ncli:   ")
                    + QString::fromUtf8(QJsonDocument(cli).toJson(QJsonDocument::Compact))
                    + QStringLiteral("\npanel: ")
                    + QString::fromUtf8(QJsonDocument(panel).toJson(QJsonDocument::Compact))));
        }
    }
};

QTEST_MAIN(TestPreviewPanel)
#include "tst_previewpanel.moc"
