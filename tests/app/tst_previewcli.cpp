// What the Preview saves, run by the command line: a routing test made in the
// GUI passes with `meshroute test`, fails once the split changes, and a
// canary step's file routes with the step's weights.
#include "preview/canaryplaneditor.h"
#include "preview/previewpanel.h"

#include "document.h"
#include "loader.h"
#include "routingtestwriter.h"
#include "selection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "clirunner.h"

using namespace meshroute;

namespace {

using meshroute::test::Run;
using meshroute::test::runMeshroute;

const QString kBookinfo = QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml");

} // namespace

class TestPreviewCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The writer alone: Bookinfo's samples as a test file, run by the CLI.
    void writtenTestPassesWithMeshrouteTest()
    {
        QTemporaryDir dir;
        const QString tests = dir.filePath(QStringLiteral("bookinfo.routing-test.yaml"));
        const Router router(RouteTable::compile(Loader::loadPaths({ kBookinfo }).workspace));
        QString error;
        QVERIFY2(RoutingTestWriter::writeFile(tests, SampleRequest::bookinfoDefaults(), router, &error),
            qPrintable(error));
        const Run run = runMeshroute({ QStringLiteral("test"), tests, QStringLiteral("--"), kBookinfo });
        QVERIFY2(run.exitCode == 0, run.out + run.err);
        QVERIFY2(run.out.contains("8 passed, 0 failed"), run.out);
    }

    // The GUI's button path: the panel saves the test, the CLI runs it, with coverage.
    void testSavedFromThePanelPasses()
    {
        QTemporaryDir dir;
        const QString manifest = dir.filePath(QStringLiteral("bookinfo.yaml"));
        QVERIFY(QFile::copy(kBookinfo, manifest));
        Document doc;
        Selection selection;
        doc.open({ manifest });
        PreviewPanel panel(&doc, &selection);
        const QString tests = dir.filePath(QStringLiteral("bookinfo.routing-test.yaml"));
        QString error;
        QVERIFY2(panel.saveRoutingTest(tests, &error), qPrintable(error));

        Run run = runMeshroute({ QStringLiteral("test"), QStringLiteral("--json"),
            QStringLiteral("--coverage"), tests, QStringLiteral("--"), manifest });
        QVERIFY2(run.exitCode == 0, run.out + run.err);
        const QJsonObject o = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(o.value(QStringLiteral("passed")).toInt(), 8);
        QCOMPARE(o.value(QStringLiteral("failed")).toInt(), 0);
        QCOMPARE(o.value(QStringLiteral("coverage"))
                     .toObject()
                     .value(QStringLiteral("uncovered"))
                     .toArray()
                     .size(),
            panel.testReport().uncovered.size());

        // The same file guards the split: another canary weight fails it, exit 1.
        QByteArray text;
        {
            QFile f(manifest);
            QVERIFY(f.open(QIODevice::ReadOnly));
            text = f.readAll();
        }
        text.replace("weight: 99  # stable", "weight: 95  # stable")
            .replace("weight: 1   # canary", "weight: 5   # canary");
        const QString changed = dir.filePath(QStringLiteral("changed.yaml"));
        QFile out(changed);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text);
        out.close();
        run = runMeshroute({ QStringLiteral("test"), tests, QStringLiteral("--"), changed });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("6 passed, 2 failed"), run.out);
    }

    // A canary step exported from the panel is a manifest the CLI routes with that step's weights.
    void exportedCanaryStepRoutesWithItsWeights()
    {
        QTemporaryDir dir;
        const QString manifest = dir.filePath(QStringLiteral("bookinfo.yaml"));
        QVERIFY(QFile::copy(kBookinfo, manifest));
        Document doc;
        Selection selection;
        doc.open({ manifest });
        PreviewPanel panel(&doc, &selection);
        panel.resize(1000, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.selectRow(6); // reviews from productpage
        panel.sideTabs()->setCurrentWidget(panel.planEditor());
        QTRY_COMPARE(panel.planEditor()->steps().size(), 5);
        QStringList written;
        QString error;
        QVERIFY2(panel.planEditor()->exportFiles(dir.filePath(QStringLiteral("steps")), &written, &error),
            qPrintable(error));
        QCOMPARE(written.size(), 5);
        const Run run = runMeshroute({ QStringLiteral("route"), QStringLiteral("--json"),
            QStringLiteral("--request"), QStringLiteral("GET http://reviews:9080/reviews/0"), written[2] });
        QCOMPARE(run.exitCode, 0);
        const QJsonArray dests
            = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("destinations")).toArray();
        QCOMPARE(dests.size(), 2);
        QCOMPARE(dests[0].toObject().value(QStringLiteral("weight")).toDouble(), 75.0);
        QCOMPARE(dests[1].toObject().value(QStringLiteral("weight")).toDouble(), 25.0);
    }
};

QTEST_MAIN(TestPreviewCli)
#include "tst_previewcli.moc"
