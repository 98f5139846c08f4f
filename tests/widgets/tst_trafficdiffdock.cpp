// The Traffic Diff dock as a user drives it: edit a weight, File > Compare with Saved,
// read the changed requests; select one and see both outcomes and both paths in the
// graph with the changed shares; Compare with Git revision in a real repository (and
// the message outside one); a canary step's "Diff against current".
#include "diff/trafficdiffjob.h"
#include "diff/trafficdiffmodel.h"
#include "diff/trafficdiffview.h"
#include "diffreport.h"
#include "document.h"
#include "graph/graphdiffoverlay.h"
#include "graph/graphpanel.h"
#include "graph/graphscene.h"
#include "mainwindow.h"
#include "preview/canaryplaneditor.h"
#include "preview/previewpanel.h"
#include "resources/inspector.h"
#include "resourcetree/resourcetreemodel.h"
#include "resourcetree/resourcetreeview.h"
#include "selection.h"
#include "undostack.h"
#include "weights/weightpanel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDockWidget>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

using namespace meshroute;

namespace {

const QString bookinfoPath = QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml");
using Section = TrafficDiffModel::Section;

QAction *actionNamed(QWidget *w, const QString &name)
{
    return w->findChild<QAction *>(name);
}

int idOf(const Document *doc, ResourceKind kind, const QString &name)
{
    const Resource *r = doc->workspace().find(kind, QStringLiteral("default"), name);
    return r ? r->id : -1;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

bool git(const QString &dir, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("git"),
        QStringList { QStringLiteral("-c"), QStringLiteral("user.name=test"), QStringLiteral("-c"),
            QStringLiteral("user.email=test@example.com") }
            + args);
    return p.waitForFinished(30000) && p.exitCode() == 0;
}

// Every text of the traffic section's rows, one string per row: "item | before | after".
QStringList trafficRows(TrafficDiffView *view)
{
    QStringList rows;
    for (int i = 0; i < view->model()->rowCount(Section::Traffic); ++i)
        rows << view->model()->rowTexts(Section::Traffic, i).join(QStringLiteral(" | "));
    return rows;
}

// The first changed request sent to reviews (the canary rule's host).
int reviewsRow(TrafficDiffView *view)
{
    for (int i = 0; i < view->model()->rowCount(Section::Traffic); ++i)
        if (view->model()->rowTexts(Section::Traffic, i).value(0).contains(QLatin1String("reviews")))
            return i;
    return -1;
}

} // namespace

class TestTrafficDiffDock : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString copyOfBookinfo(const QString &dir)
    {
        const QString path = dir + QStringLiteral("/bookinfo.yaml");
        QFile::remove(path);
        QFile::copy(bookinfoPath, path);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        return path;
    }

    void open(MainWindow &w, const QString &path)
    {
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openPaths({ path });
        const QModelIndex index = w.resourceTree()->resourceModel()->indexForResource(
            idOf(w.document(), ResourceKind::VirtualService, QStringLiteral("reviews")));
        QVERIFY(index.isValid());
        w.resourceTree()->scrollTo(index);
        QTest::mouseClick(
            w.resourceTree()->viewport(), Qt::LeftButton, {}, w.resourceTree()->visualRect(index).center());
    }

    // Types `value` into the v2 (canary) number box of the reviews split, as a user does.
    void typeCanaryWeight(MainWindow &w, int value)
    {
        auto *panel = w.inspector()->findChild<WeightPanel *>();
        QVERIFY(panel);
        QTRY_COMPARE(panel->rowCount(), 2);
        QSpinBox *box = panel->spinBox(1);
        box->setFocus();
        box->selectAll();
        QTest::keyClicks(box, QString::number(value));
        QTest::keyClick(box, Qt::Key_Return);
        QTRY_COMPARE(panel->displayedWeights().value(1), value);
    }

    // Bookinfo with the reviews canary typed to 25% and compared with the saved file.
    void editCanaryAndCompare(MainWindow &w)
    {
        open(w, copyOfBookinfo(m_dir.path()));
        typeCanaryWeight(w, 25);
        actionNamed(&w, QStringLiteral("compareWithSavedAction"))->trigger();
        TrafficDiffView *view = w.trafficDiffView();
        QTRY_VERIFY(!view->isComparing() && view->model()->rowCount(Section::Traffic) > 0);
    }

    void clickRow(TrafficDiffView *view, int row)
    {
        const QModelIndex index = view->model()->index(row, 0, view->model()->sectionIndex(Section::Traffic));
        view->tree()->scrollTo(index);
        QTest::mouseClick(
            view->tree()->viewport(), Qt::LeftButton, {}, view->tree()->visualRect(index).center());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("meshroute-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_trafficdiffdock"));
        MainWindow::setDefaultPrompt([](const QString &title, const QString &text,
                                         QMessageBox::StandardButtons, QMessageBox::StandardButton) {
            qWarning("unexpected question: %s: %s", qPrintable(title), qPrintable(text));
            return QMessageBox::Discard;
        });
        QVERIFY(m_dir.isValid());
    }

    void compareWithSavedFollowsTheEdits()
    {
        const QString path = copyOfBookinfo(m_dir.path());
        const QByteArray onDisk = readAll(path);
        MainWindow w;
        open(w, path);
        TrafficDiffView *view = w.trafficDiffView();
        QAbstractItemModelTester tester(view->model());
        typeCanaryWeight(w, 25);

        actionNamed(&w, QStringLiteral("compareWithSavedAction"))->trigger();
        auto *dock = w.findChild<QDockWidget *>(QStringLiteral("trafficDiffDock"));
        QTRY_VERIFY(dock->isVisible() && !dock->visibleRegion().isEmpty());
        QTRY_VERIFY(!view->isComparing());
        // The saved file still says 99/1: the comparison read it and wrote nothing.
        QCOMPARE(readAll(path), onDisk);
        QVERIFY2(view->summaryLabel()->text().contains(QStringLiteral("saved \u2192 unsaved")),
            qPrintable(view->summaryLabel()->text()));
        QVERIFY(view->summaryLabel()->text().contains(QLatin1String("change")));
        const int row = reviewsRow(view);
        QVERIFY2(row >= 0, qPrintable(trafficRows(view).join(QLatin1Char('\n'))));
        const QStringList texts = view->model()->rowTexts(Section::Traffic, row);
        QCOMPARE(texts.value(1), QStringLiteral("reviews v1 99%, reviews v2 1%"));
        QCOMPARE(texts.value(2), QStringLiteral("reviews v1 75%, reviews v2 25%"));
        // The split, by weights as written.
        QCOMPARE(view->model()->rowCount(Section::Splits), 1);
        QCOMPARE(view->model()->rowTexts(Section::Splits, 0),
            QStringList({ QStringLiteral("VirtualService default/reviews \"canary\""),
                QStringLiteral("reviews v1 99, reviews v2 1"),
                QStringLiteral("reviews v1 75, reviews v2 25") }));
        // No other host's requests change with the reviews weights.
        for (const QString &r : trafficRows(view))
            QVERIFY2(r.contains(QLatin1String("reviews")), qPrintable(r));

        // Another edit: the dock follows it.
        typeCanaryWeight(w, 50);
        QTRY_COMPARE(view->model()->rowTexts(Section::Traffic, reviewsRow(view)).value(2),
            QStringLiteral("reviews v1 50%, reviews v2 50%"));

        // Saved: nothing differs from the disk any more.
        actionNamed(&w, QStringLiteral("saveAction"))->trigger();
        QTRY_COMPARE(view->model()->rowCount(Section::Traffic), 0);
        QVERIFY2(view->summaryLabel()->text().contains(QLatin1String("no traffic change")),
            qPrintable(view->summaryLabel()->text()));
    }

    // A deleted VirtualService: the structure section says so, and its host's requests go
    // where Kubernetes alone sends them.
    void deletedResourceIsAStructureChange()
    {
        MainWindow w;
        open(w, copyOfBookinfo(m_dir.path()));
        w.resourceTree()->setFocus();
        QTest::keyClick(w.resourceTree(), Qt::Key_Delete);
        QCOMPARE(idOf(w.document(), ResourceKind::VirtualService, QStringLiteral("reviews")), -1);
        actionNamed(&w, QStringLiteral("compareWithSavedAction"))->trigger();
        TrafficDiffView *view = w.trafficDiffView();
        QTRY_VERIFY(!view->isComparing() && view->model()->rowCount(Section::Traffic) > 0);
        QStringList structure;
        for (int i = 0; i < view->model()->rowCount(Section::Structure); ++i)
            structure << view->model()->rowTexts(Section::Structure, i).join(QStringLiteral(" | "));
        // Where it was: the first line of its YAML document in the saved file.
        const QByteArray saved = readAll(w.document()->files().first().path);
        const qsizetype at = saved.lastIndexOf(
            "apiVersion:", saved.indexOf("kind: VirtualService\nmetadata:\n  name: reviews"));
        const int line = int(saved.left(at).count('\n')) + 1;
        QVERIFY2(structure.contains(QStringLiteral("removed VirtualService default/reviews | %1:%2 | ")
                                        .arg(w.document()->files().first().path)
                                        .arg(line)),
            qPrintable(structure.join(QLatin1Char('\n'))));
        const QStringList texts = view->model()->rowTexts(Section::Traffic, reviewsRow(view));
        QCOMPARE(texts.value(1), QStringLiteral("reviews v1 99%, reviews v2 1%"));
        QVERIFY2(!texts.value(2).contains(QLatin1String("v1")), qPrintable(texts.value(2)));
    }

    // A deleted DestinationRule: the subsets the canary names are gone, which the checker
    // reports; the finding is new in the findings section, at the VirtualService's line.
    void newFindingIsListed()
    {
        MainWindow w;
        open(w, copyOfBookinfo(m_dir.path()));
        const QModelIndex rule = w.resourceTree()->resourceModel()->indexForResource(
            idOf(w.document(), ResourceKind::DestinationRule, QStringLiteral("reviews")));
        w.resourceTree()->scrollTo(rule);
        QTest::mouseClick(
            w.resourceTree()->viewport(), Qt::LeftButton, {}, w.resourceTree()->visualRect(rule).center());
        QTest::keyClick(w.resourceTree(), Qt::Key_Delete);
        QCOMPARE(idOf(w.document(), ResourceKind::DestinationRule, QStringLiteral("reviews")), -1);
        actionNamed(&w, QStringLiteral("compareWithSavedAction"))->trigger();
        TrafficDiffView *view = w.trafficDiffView();
        QTRY_VERIFY(!view->isComparing() && view->report());
        QStringList findings;
        for (int i = 0; i < view->model()->rowCount(Section::Findings); ++i)
            findings << view->model()->rowTexts(Section::Findings, i).join(QStringLiteral(" | "));
        const QString path = w.document()->files().first().path;
        const QByteArray saved = readAll(path);
        auto lineOf
            = [&saved](const char *text) { return int(saved.left(saved.indexOf(text)).count('\n')) + 1; };
        QCOMPARE(findings.size(), 2);
        QVERIFY2(findings[0].startsWith(
                     QStringLiteral("new: IST0101 %1:%2 |  | ").arg(path).arg(lineOf("subset: v1"))),
            qPrintable(findings[0]));
        QVERIFY(findings[0].contains(QLatin1String("defines subset v1")));
        QVERIFY2(findings[1].startsWith(
                     QStringLiteral("new: IST0101 %1:%2 |  | ").arg(path).arg(lineOf("subset: v2"))),
            qPrintable(findings[1]));
        // The canary's requests now fail: the status says so, beside the same destinations.
        const QStringList texts = view->model()->rowTexts(Section::Traffic, reviewsRow(view));
        QCOMPARE(texts.value(1), QStringLiteral("reviews v1 99%, reviews v2 1%"));
        QVERIFY2(texts.value(2).startsWith(QLatin1String("routed 503")), qPrintable(texts.value(2)));
    }

    void selectedRequestShowsBothSides()
    {
        MainWindow w;
        editCanaryAndCompare(w);
        TrafficDiffView *view = w.trafficDiffView();
        const int row = reviewsRow(view);
        QVERIFY(row >= 0);
        clickRow(view, row);

        // Both outcomes, worded as the Preview words them.
        QStringList detail;
        for (int i = 0; i < view->detailList()->count(); ++i)
            detail << view->detailList()->item(i)->text();
        const QString all = detail.join(QLatin1Char('\n'));
        QVERIFY2(
            all.contains(QStringLiteral("Before (saved): -> reviews v1 99% \u00b7 v2 1%")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("After (unsaved): -> reviews v1 75% \u00b7 v2 25%")),
            qPrintable(all));

        // The graph: the new path lit (the Preview's highlight), the old one drawn over it in
        // its own colour, and the shares that changed labelled old -> new.
        const int reviews = idOf(w.document(), ResourceKind::VirtualService, QStringLiteral("reviews"));
        QTRY_COMPARE(w.selection()->highlight().virtualServiceId, reviews);
        QCOMPARE(w.selection()->highlight().routeIndex, 0);
        GraphDiffOverlay *overlay = view->overlay();
        QCOMPARE(overlay->oldPath().virtualServiceId, reviews);
        QVERIFY(!overlay->oldPathEdges().isEmpty());
        const GraphModel &graph = w.graphPanel()->scene()->graph();
        const GraphModel::PathItems lit = graph.pathItems(w.selection()->highlight());
        for (int e : overlay->oldPathEdges())
            QVERIFY(lit.edges.contains(e)); // a weight change keeps the path: both colours on each edge
        QStringList labels = overlay->labelTexts();
        labels.sort();
        QCOMPARE(labels, QStringList({ QStringLiteral("1% \u2192 25%"), QStringLiteral("99% \u2192 75%") }));

        // The marks follow the graph when it is laid out again (its items are all new then).
        QSignalSpy rebuilt(w.graphPanel()->scene(), &GraphScene::rebuilt);
        QTest::mouseClick(
            w.graphPanel()->findChild<QToolButton *>(QStringLiteral("relayoutButton")), Qt::LeftButton);
        QCOMPARE(rebuilt.count(), 1);
        labels = overlay->labelTexts();
        labels.sort();
        QCOMPARE(labels, QStringList({ QStringLiteral("1% \u2192 25%"), QStringLiteral("99% \u2192 75%") }));
        QVERIFY(!overlay->oldPathEdges().isEmpty());

        // Behind another tab the graph is the Preview's again: no marks of the diff.
        w.findChild<QDockWidget *>(QStringLiteral("problemsDock"))->raise();
        QTRY_VERIFY(overlay->labelTexts().isEmpty());
        QVERIFY(overlay->oldPathEdges().isEmpty());
    }

    void markdownIsShownInTheDock()
    {
        MainWindow w;
        editCanaryAndCompare(w);
        TrafficDiffView *view = w.trafficDiffView();
        QTest::mouseClick(view->markdownButton(), Qt::LeftButton);
        QVERIFY(view->markdownView()->isVisible());
        QVERIFY(!view->tree()->isVisible());
        const QString text = view->markdownView()->toPlainText();
        // The report as `meshroute diff --format markdown` writes it, rendered: the summary line
        // first, then the tables (the changed request's line among them).
        const DiffReport *report = view->report();
        QVERIFY(report && !report->traffic.isEmpty());
        QVERIFY2(text.section(QLatin1Char('\n'), 0, 0).endsWith(report->summary()), qPrintable(text));
        QVERIFY2(text.contains(report->traffic.first().request.requestLine()), qPrintable(text));
        QTest::mouseClick(view->markdownButton(), Qt::LeftButton);
        QVERIFY(view->tree()->isVisible());
    }

    // Above TrafficDiffJob::asyncThreshold resources the diff runs on the background pool: the
    // action returns before the answer, which follows, and follows the next edit too.
    void bigWorkspaceIsComparedOffTheUiThread()
    {
        QByteArray text = readAll(bookinfoPath);
        for (int i = 0; i < TrafficDiffJob::asyncThreshold; ++i)
            text += QStringLiteral(
                "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n"
                "  name: svc-%1\n  namespace: default\nspec:\n  hosts:\n  - svc-%1\n  http:\n"
                "  - route:\n    - destination:\n        host: svc-%1\n")
                        .arg(i)
                        .toUtf8();
        const QString path = m_dir.filePath(QStringLiteral("big.yaml"));
        QVERIFY(writeAll(path, text));
        MainWindow w;
        open(w, path);
        QVERIFY(w.document()->workspace().resources.size() > TrafficDiffJob::asyncThreshold);
        TrafficDiffView *view = w.trafficDiffView();
        typeCanaryWeight(w, 25);

        actionNamed(&w, QStringLiteral("compareWithSavedAction"))->trigger();
        QVERIFY(view->isComparing());
        QCOMPARE(view->summaryLabel()->text(), QStringLiteral("Comparing\u2026"));
        QTRY_VERIFY_WITH_TIMEOUT(!view->isComparing(), 60000);
        QVERIFY2(reviewsRow(view) >= 0, qPrintable(view->summaryLabel()->text()));
        QCOMPARE(view->model()->rowTexts(Section::Traffic, reviewsRow(view)).value(2),
            QStringLiteral("reviews v1 75%, reviews v2 25%"));
        QCOMPARE(view->model()->rowCount(Section::Traffic), 1);

        typeCanaryWeight(w, 50);
        QVERIFY(view->isComparing());
        QTRY_VERIFY_WITH_TIMEOUT(!view->isComparing(), 60000);
        QCOMPARE(view->model()->rowTexts(Section::Traffic, reviewsRow(view)).value(2),
            QStringLiteral("reviews v1 50%, reviews v2 50%"));
    }

    void compareWithGitRevision()
    {
        QTemporaryDir repo;
        QVERIFY(git(repo.path(), { QStringLiteral("init"), QStringLiteral("-q") }));
        const QString path = copyOfBookinfo(repo.path());
        QVERIFY(git(repo.path(), { QStringLiteral("add"), QStringLiteral("bookinfo.yaml") }));
        QVERIFY(git(repo.path(),
            { QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"),
                QStringLiteral("99/1") }));
        // The file as saved after the commit: a canary at 10%.
        QByteArray text = readAll(path);
        QVERIFY(text.contains("weight: 99  # stable") && text.contains("weight: 1   # canary"));
        text.replace("weight: 99  # stable", "weight: 90  # stable")
            .replace("weight: 1   # canary", "weight: 10  # canary");
        QVERIFY(writeAll(path, text));

        MainWindow w;
        open(w, path);
        TrafficDiffView *view = w.trafficDiffView();
        QString offered;
        // The dialog asks for the revision, HEAD already filled in; Enter accepts it.
        QTimer::singleShot(0, this, [&offered] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QCOMPARE(dialog->objectName(), QStringLiteral("gitRevisionDialog"));
            auto *edit = dialog->findChild<QLineEdit *>();
            offered = edit->text();
            QTest::keyClick(edit, Qt::Key_Return);
        });
        actionNamed(&w, QStringLiteral("compareWithGitAction"))->trigger();
        QCOMPARE(offered, QStringLiteral("HEAD"));
        QTRY_VERIFY(!view->isComparing() && view->model()->rowCount(Section::Traffic) > 0);
        QVERIFY2(view->summaryLabel()->text().contains(QStringLiteral("HEAD \u2192")),
            qPrintable(view->summaryLabel()->text()));
        const QStringList texts = view->model()->rowTexts(Section::Traffic, reviewsRow(view));
        QCOMPARE(texts.value(1), QStringLiteral("reviews v1 99%, reviews v2 1%"));
        QCOMPARE(texts.value(2), QStringLiteral("reviews v1 90%, reviews v2 10%"));
    }

    void gitRevisionOutsideARepositorySaysSo()
    {
        QTemporaryDir plain;
        const QString path = copyOfBookinfo(plain.path());
        QProcess probe;
        probe.setWorkingDirectory(plain.path());
        probe.start(
            QStringLiteral("git"), { QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel") });
        QVERIFY(probe.waitForFinished());
        if (probe.exitCode() == 0)
            QFAIL("the temporary folder is inside a git repository: set TMPDIR outside one");
        MainWindow w;
        open(w, path);
        TrafficDiffView *view = w.trafficDiffView();
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            QTest::keyClick(dialog->findChild<QLineEdit *>(), Qt::Key_Return);
        });
        actionNamed(&w, QStringLiteral("compareWithGitAction"))->trigger();
        QCOMPARE(view->summaryLabel()->text(),
            QStringLiteral(
                "bookinfo.yaml is not in a git repository: Compare with Git revision needs the open "
                "files to be in one (use Compare with Saved instead)"));
        QCOMPARE(view->model()->rowCount(), 0);
    }

    void canaryStepDiffLeavesTheDocumentAlone()
    {
        const QString path = copyOfBookinfo(m_dir.path());
        MainWindow w;
        open(w, path);
        const QByteArray before = w.document()->files().first().text;
        w.findChild<QDockWidget *>(QStringLiteral("previewDock"))->raise();
        auto *preview = w.findChild<PreviewPanel *>();
        // A request that reaches the reviews canary rule.
        const QList<int> rows = preview->rowsReaching(
            idOf(w.document(), ResourceKind::VirtualService, QStringLiteral("reviews")), 0);
        QVERIFY(!rows.isEmpty());
        preview->selectRow(rows.first());
        preview->sideTabs()->setCurrentWidget(preview->planEditor());
        CanaryPlanEditor *plan = preview->planEditor();
        QTRY_COMPARE(plan->stepList()->count(), 5);
        QVERIFY(!plan->diffButton()->isEnabled());
        QListWidget *steps = plan->stepList();
        QTest::mouseClick(
            steps->viewport(), Qt::LeftButton, {}, steps->visualItemRect(steps->item(2)).center());
        QVERIFY(plan->diffButton()->isEnabled());
        QTest::mouseClick(plan->diffButton(), Qt::LeftButton);

        TrafficDiffView *view = w.trafficDiffView();
        QTRY_VERIFY(!view->isComparing() && view->model()->rowCount(Section::Traffic) > 0);
        QCOMPARE(view->mode(), TrafficDiffView::Mode::CanaryStep);
        const QStringList texts = view->model()->rowTexts(Section::Traffic, reviewsRow(view));
        QCOMPARE(texts.value(1), QStringLiteral("reviews v1 99%, reviews v2 1%"));
        QCOMPARE(texts.value(2), QStringLiteral("reviews v1 75%, reviews v2 25%"));
        QVERIFY(view->summaryLabel()->text().contains(plan->steps()[2].label));
        // The step's file text goes with it: only the host it touches (reviews) is routed again.
        QCOMPARE(view->report()->requests, 1);
        // The step was applied to a copy: the document and its history are as they were.
        QCOMPARE(w.document()->files().first().text, before);
        QCOMPARE(w.document()->undoStack()->count(), 0);
    }
};

QTEST_MAIN(TestTrafficDiffDock)
#include "tst_trafficdiffdock.moc"
