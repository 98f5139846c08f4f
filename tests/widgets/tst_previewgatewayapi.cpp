// The Preview on Gateway API routes (issue 15), driven as a user drives it on
// Bookinfo routed by HTTPRoutes: sample requests made from the HTTPRoutes' rules,
// each row naming the HTTPRoute rule and line it reached; the path lit from the
// Gateway through the HTTPRoute rule to its backends; a rule selected elsewhere
// selecting its requests; the split of weighted backendRefs against Kubernetes
// by pod count; a canary plan whose steps write backendRef weights; and "Save as
// routing test" writing a file `meshroute test` passes.
#include "preview/canaryplaneditor.h"
#include "preview/convergenceplot.h"
#include "preview/previewpanel.h"
#include "preview/samplerequestmodel.h"
#include "preview/splitplot.h"

#include "corpus.h"
#include "document.h"
#include "loader.h"
#include "selection.h"
#include "setbackendweights.h"
#include "undostack.h"
#include "widgets/previewdriver.h"

#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace meshroute;
using meshroute::test::readFile;

namespace {

const QString kExample = QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo-gateway-api.yaml");

const Resource *find(const Document &doc, ResourceKind kind, const QString &name)
{
    return doc.workspace().find(kind, QStringLiteral("default"), name);
}

// "HTTPRoute default/reviews rule \"canary\" (bookinfo-gateway-api.yaml:63)": the line read from the model.
QString ruleText(const Resource &route, int rule, int match = -1)
{
    const RouteRule &r = route.gatewayApiRoute()->rules[rule];
    return QStringLiteral("HTTPRoute default/%1 rule %2%3 (bookinfo-gateway-api.yaml:%4)")
        .arg(route.name(),
            r.name.value.isEmpty() ? QStringLiteral("#%1").arg(rule)
                                   : QLatin1Char('"') + r.name.value + QLatin1Char('"'),
            match >= 0 ? QStringLiteral(" match %1").arg(match) : QString())
        .arg(route.absoluteLine(match >= 0 ? r.matches[match].pos : r.pos));
}

} // namespace

class TestPreviewGatewayApi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_dir = nullptr;
    Document *m_doc = nullptr;
    Selection *m_selection = nullptr;
    PreviewPanel *m_panel = nullptr;
    int m_reviewsId = -1; // the mesh HTTPRoute with the canary
    int m_bookinfoId = -1; // the HTTPRoute from the Gateway

    // Looked up again each time: an edit replaces the resources it re-reads.
    const Resource *reviews() const { return m_doc->resource(m_reviewsId); }
    const Resource *bookinfo() const { return m_doc->resource(m_bookinfoId); }

    QString cell(int row, int column) const { return m_panel->model()->index(row, column).data().toString(); }
    // The row whose Rule column reads `text`, -1 when none.
    int rowWithRule(const QString &text) const
    {
        for (int row = 0; row < m_panel->model()->rowCount(); ++row)
            if (cell(row, SampleRequestModel::Rule) == text)
                return row;
        return -1;
    }
    void pushBackendWeights(const QList<int> &weights)
    {
        QString error;
        auto command = SetBackendWeights::create(m_doc, m_reviewsId, 1, weights, &error);
        QVERIFY2(command, qPrintable(error));
        m_doc->undoStack()->push(command.release());
    }

private Q_SLOTS:
    void init()
    {
        m_dir = new QTemporaryDir;
        const QString path = m_dir->filePath(QStringLiteral("bookinfo-gateway-api.yaml"));
        QVERIFY(QFile::copy(kExample, path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        m_doc = new Document;
        m_selection = new Selection;
        m_doc->open({ path });
        const Resource *reviews = find(*m_doc, ResourceKind::HTTPRoute, QStringLiteral("reviews"));
        const Resource *bookinfo = find(*m_doc, ResourceKind::HTTPRoute, QStringLiteral("bookinfo"));
        QVERIFY(reviews && bookinfo);
        m_reviewsId = reviews->id;
        m_bookinfoId = bookinfo->id;
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

    // Every sample row routed by an HTTPRoute names its rule and line, and clicking one lights
    // Gateway -> HTTPRoute -> rule -> backends and selects the HTTPRoute rule in the editors.
    void rowsNameTheHttpRouteRuleAndLightItsPath()
    {
        const int productPage = rowWithRule(ruleText(*bookinfo(), 0, 0));
        QVERIFY2(productPage >= 0, "a sample from the Gateway reaches the bookinfo HTTPRoute's first match");
        QCOMPARE(m_panel->model()->sample(productPage).gateway, QStringLiteral("default/bookinfo-gateway"));
        QCOMPARE(cell(productPage, SampleRequestModel::Outcome), QStringLiteral("-> productpage:9080"));
        const int canary = rowWithRule(ruleText(*reviews(), 1));
        QVERIFY2(canary >= 0, "a sample from the mesh reaches the reviews canary rule");
        QCOMPARE(cell(canary, SampleRequestModel::Outcome),
            QStringLiteral("-> reviews-v1:9080 90% · reviews-v3:9080 10%"));

        test::clickPreviewRow(m_panel, canary);
        QTRY_COMPARE(m_selection->highlight().gatewayApiRouteId, m_reviewsId);
        QCOMPARE(m_selection->highlight().gatewayId, -1); // from a sidecar
        QCOMPARE(m_selection->highlight().gatewayApiRuleIndex, 1);
        QCOMPARE(m_selection->highlight().destinations[1].backendRef, 1);
        QCOMPARE(m_selection->highlight().destinations[1].share, 10.0);
        QCOMPARE(m_selection->current().resourceId, m_reviewsId);
        QCOMPARE(m_selection->current().routeIndex, 1);

        test::clickPreviewRow(m_panel, productPage);
        QTRY_COMPARE(m_panel->currentRow(), productPage);
        const TrafficPath path = m_selection->highlight();
        QCOMPARE(path.gatewayId,
            find(*m_doc, ResourceKind::KubernetesGateway, QStringLiteral("bookinfo-gateway"))->id);
        QCOMPARE(path.gatewayApiRouteId, m_bookinfoId);
        QCOMPARE(path.gatewayApiRuleIndex, 0);
        QCOMPARE(path.gatewayApiMatchIndex, 0);
        QCOMPARE(path.destinations.size(), 1);
        QCOMPARE(path.destinations[0].backendRef, 0);
        QCOMPARE(m_selection->current().resourceId, m_bookinfoId);
        QCOMPARE(m_selection->current().routeIndex, 0);
        QCOMPARE(m_selection->current().matchIndex, 0);
        // The Why list names the HTTPRoute rule as the winner.
        QStringList why;
        for (int i = 0; i < m_panel->whyList()->count(); ++i)
            why << m_panel->whyList()->item(i)->text();
        QVERIFY2(
            why.contains(QStringLiteral("✓ ") + ruleText(*bookinfo(), 0, 0)), qPrintable(why.join('\n')));
        QVERIFY(!why.join('\n').contains(QStringLiteral("✗ generated from"))); // not a rule that missed
    }

    // An HTTPRoute rule selected elsewhere (graph, rule editor) selects the requests reaching it.
    void anHttpRouteRuleSelectedElsewhereSelectsItsRequests()
    {
        SelectionTarget t;
        t.resourceId = m_bookinfoId;
        t.routeIndex = 0;
        m_selection->select(t);
        QCOMPARE(m_selection->current(), t);
        const QList<int> rows = m_panel->selectedRows();
        // One sample request per match of the rule (each a path: Exact or PathPrefix), as for a
        // VirtualService's http[] matches.
        QCOMPARE(rows.size(), bookinfo()->gatewayApiRoute()->rules[0].matches.size());
        QCOMPARE(rows.size(), 5);
        for (int row : rows)
            QVERIFY(cell(row, SampleRequestModel::Rule)
                        .startsWith(QStringLiteral("HTTPRoute default/bookinfo rule #0")));
        QCOMPARE(m_panel->statusLabel()->text(),
            QStringLiteral("%1 sample requests reach rule #0 of HTTPRoute default/bookinfo.")
                .arg(rows.size()));

        t.resourceId = m_reviewsId;
        t.routeIndex = 1;
        m_selection->select(t);
        QCOMPARE(m_panel->selectedRows(), QList<int>({ rowWithRule(ruleText(*reviews(), 1)) }));
        QCOMPARE(m_panel->statusLabel()->text(),
            QStringLiteral("1 sample request reaches rule \"canary\" of HTTPRoute default/reviews."));
        // A weight edit that sends nothing to v3 keeps the request on the rule.
        pushBackendWeights({ 100, 0 });
        QTRY_COMPARE(cell(rowWithRule(ruleText(*reviews(), 1)), SampleRequestModel::Outcome),
            QStringLiteral("-> reviews-v1:9080"));
        QCOMPARE(m_panel->statusLabel()->text(),
            QStringLiteral("1 sample request reaches rule \"canary\" of HTTPRoute default/reviews."));
    }

    // The split of the canary's backendRefs, beside what Kubernetes alone does with the parent
    // Service (reviews: 3 pods of v1, one each of v2 and v3); a weight edit moves bars and rows.
    void splitPlotShowsBackendRefWeightsAgainstPods()
    {
        const int canary = rowWithRule(ruleText(*reviews(), 1));
        test::clickPreviewRow(m_panel, canary);
        test::selectRequestCount(m_panel, 10000);
        SplitPlot *plot = m_panel->splitPlot();
        QTRY_COMPARE(test::plottedValues(plot->shareMarkers()), QList<double>({ 9000.0, 1000.0 }));
        QList<double> istio = test::plottedValues(plot->istioBars());
        QCOMPARE(istio.size(), 2);
        QCOMPARE(istio[0] + istio[1], 10000.0);
        QVERIFY(istio[1] > 800 && istio[1] < 1200);
        // Kubernetes alone spreads the parent Service's requests over its pods: 3 of 5 are v1.
        QCOMPARE(plot->categories(),
            QStringList({ QStringLiteral("reviews-v1"), QStringLiteral("reviews-v3"),
                QStringLiteral("reviews reviews-v1"), QStringLiteral("reviews reviews-v2"),
                QStringLiteral("reviews reviews-v3") }));
        QCOMPARE(
            test::plottedValues(plot->baselineBars()), QList<double>({ 0.0, 0.0, 6000.0, 2000.0, 2000.0 }));

        pushBackendWeights({ 50, 50 });
        QTRY_COMPARE(cell(canary, SampleRequestModel::Outcome),
            QStringLiteral("-> reviews-v1:9080 50% · reviews-v3:9080 50%"));
        QCOMPARE(test::plottedValues(plot->shareMarkers()), QList<double>({ 5000.0, 5000.0 }));
        QCOMPARE(m_panel->convergencePlot()->seriesCount(), 2);
        m_doc->undoStack()->undo();
        QTRY_COMPARE(test::plottedValues(plot->shareMarkers()), QList<double>({ 9000.0, 1000.0 }));
    }

    // The canary plan on an HTTPRoute rule: targets are its backendRefs, steps write their
    // weights through SetBackendWeights (only the weight bytes change), previewed on the plot.
    void canaryPlanStepsWriteBackendRefWeights()
    {
        test::clickPreviewRow(m_panel, rowWithRule(ruleText(*reviews(), 1)));
        test::selectRequestCount(m_panel, 10000);
        m_panel->sideTabs()->setCurrentWidget(m_panel->planEditor());
        CanaryPlanEditor *plan = m_panel->planEditor();
        QTRY_COMPARE(plan->stepList()->count(), 5);
        QCOMPARE(plan->targetBox()->count(), 2);
        QCOMPARE(plan->targetBox()->currentText(), QStringLiteral("reviews-v3"));
        plan->stepsEdit()->selectAll();
        QTest::keyClicks(plan->stepsEdit(), QStringLiteral("20, 60, 100"));
        QTRY_COMPARE(plan->stepList()->count(), 3);
        QVERIFY2(
            plan->stepList()->item(1)->text().contains(QStringLiteral("60% to reviews-v3   (weights 40/60)")),
            qPrintable(plan->stepList()->item(1)->text()));

        const QRect item = plan->stepList()->visualItemRect(plan->stepList()->item(1));
        QTest::mouseClick(plan->stepList()->viewport(), Qt::LeftButton, Qt::NoModifier, item.center());
        QTRY_COMPARE(plan->previewedStep(), 1);
        QTRY_COMPARE(
            test::plottedValues(m_panel->splitPlot()->shareMarkers()), QList<double>({ 4000.0, 6000.0 }));
        // The live rows stay on the file's weights.
        QCOMPARE(cell(rowWithRule(ruleText(*reviews(), 1)), SampleRequestModel::Outcome),
            QStringLiteral("-> reviews-v1:9080 90% · reviews-v3:9080 10%"));

        QString error;
        QStringList written;
        QVERIFY2(
            plan->exportFiles(m_dir->filePath(QStringLiteral("plan")), &written, &error), qPrintable(error));
        QCOMPARE(written.size(), 3);
        const QList<QList<int>> expected = { { 80, 20 }, { 40, 60 }, { 0, 100 } };
        for (int i = 0; i < 3; ++i) {
            QByteArray current = m_doc->files()[0].text;
            current.replace(
                "weight: 90  # stable", "weight: " + QByteArray::number(expected[i][0]) + "  # stable");
            current.replace(
                "weight: 10  # canary", "weight: " + QByteArray::number(expected[i][1]) + "  # canary");
            QCOMPARE(readFile(written[i]), current);
        }
        QCOMPARE(m_doc->undoStack()->count(), 0); // the plan never edits the document
    }

    // "Save as routing test" names the Gateway API Gateway as kubectl shows it, and the file
    // passes `meshroute test` against the manifests.
    void savedRoutingTestPassesTheCli()
    {
        const QString test = m_dir->filePath(QStringLiteral("bookinfo-gateway-api.routing-test.yaml"));
        QString error;
        QVERIFY2(m_panel->saveRoutingTest(test, &error), qPrintable(error));
        const QByteArray text = readFile(test);
        QVERIFY2(text.contains("gateway: default/bookinfo-gateway\n"), text.constData());
        QTRY_COMPARE(m_panel->testBadge()->property("passing").toBool(), true);
        QProcess p;
        p.start(QStringLiteral(MESHROUTE_BINARY),
            { QStringLiteral("test"), test, QStringLiteral("--"), m_doc->files()[0].path });
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardOutput() + p.readAllStandardError());

        // A weight edit the saved test did not expect turns the badge red, as the CLI would fail.
        pushBackendWeights({ 50, 50 });
        QTRY_COMPARE(m_panel->testBadge()->property("passing").toBool(), false);
    }
};

QTEST_MAIN(TestPreviewGatewayApi)
#include "tst_previewgatewayapi.moc"
