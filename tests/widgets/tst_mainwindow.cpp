// The window as a user drives it: open Bookinfo, the tree, the YAML and the
// graph follow one selection; save and reload; the unsaved-changes prompt;
// changes on disk; recovery after a crash (and of a file changed on disk
// since the autosave); a failed save keeps the edits; drop; export with its diff.
#include "basehashcache.h"
#include "corpus.h"
#include "document.h"
#include "fixturelines.h"
#include "graph/graphnodeitem.h"
#include "graph/graphpanel.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "mainwindow.h"
#include "problems/problemsview.h"
#include "renameresource.h"
#include "resourcetree/resourcetreemodel.h"
#include "resourcetree/resourcetreeview.h"
#include "routeorder/routeordermodel.h"
#include "routeorder/routeorderview.h"
#include "selection.h"
#include "setbackendweights.h"
#include "setweights.h"
#include "undostack.h"
#include "yaml/exportdialog.h"
#include "yaml/yamlview.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

#include <sys/stat.h>

using namespace meshroute;
using meshroute::test::readFile;

namespace {

const QString bookinfoPath = QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml");

void writeAll(const QString &path, const QByteArray &text)
{
    QSaveFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
    QVERIFY(f.commit());
}

int idOf(const Document *doc, ResourceKind kind, const QString &name)
{
    const Resource *r = doc->workspace().find(kind, QStringLiteral("default"), name);
    return r ? r->id : -1;
}

void setReviewsWeights(MainWindow &w, int v1, int v2)
{
    QString error;
    auto command = SetWeights::create(w.document(),
        idOf(w.document(), ResourceKind::VirtualService, QStringLiteral("reviews")), 0, { v1, v2 }, &error);
    QVERIFY2(command, qPrintable(error));
    w.document()->undoStack()->push(command.release());
}

// What a crash leaves behind: the recovery files in `dir` copied to `crashed`, as those of a
// session whose process is gone.
void leaveAsCrashed(const QString &dir, const QString &crashed)
{
    QDir().mkpath(crashed);
    for (const QString &name : QDir(dir).entryList(QDir::Files))
        if (name != QLatin1String("lock"))
            QVERIFY(QFile::copy(dir + QLatin1Char('/') + name, crashed + QLatin1Char('/') + name));
}

// Records the questions asked and answers them from a script.
struct Answers
{
    QList<QMessageBox::StandardButton> script;
    QStringList asked;
    QStringList texts;
    QList<QMessageBox::StandardButtons> offered;
    MainWindow::Prompt prompt()
    {
        return [this](const QString &title, const QString &text, QMessageBox::StandardButtons buttons,
                   QMessageBox::StandardButton) {
            asked.append(title);
            texts.append(text);
            offered.append(buttons);
            return script.isEmpty() ? QMessageBox::Cancel : script.takeFirst();
        };
    }
};

// The reviews weights as the recovery tests leave them, and as another program changes them.
const QByteArray stable99 = "weight: 99  # stable";
const QByteArray stable70 = "weight: 70  # stable";
const QByteArray stable98 = "weight: 98  # stable";

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString copyOfBookinfo(const QString &name = QStringLiteral("bookinfo.yaml"))
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        QFile::copy(bookinfoPath, path);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        return path;
    }

    // Edits reviews to 70/30, autosaves, and leaves the recovery files as a crash would.
    void crashWithEdits(const QString &path)
    {
        const QString crashed
            = MainWindow::recoveryRoot() + QStringLiteral("/crashed-") + QFileInfo(path).baseName();
        MainWindow w;
        w.openPaths({ path });
        setReviewsWeights(w, 70, 30);
        QVERIFY(w.writeRecovery());
        leaveAsCrashed(w.recoveryDirectory(), crashed);
        Answers quiet;
        quiet.script = { QMessageBox::Discard };
        w.setPrompt(quiet.prompt());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("meshroute-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QDir(MainWindow::recoveryRoot()).removeRecursively();
        // No window may ever block on a real dialog.
        MainWindow::setDefaultPrompt([](const QString &title, const QString &text,
                                         QMessageBox::StandardButtons, QMessageBox::StandardButton) {
            qWarning("unexpected question: %s: %s", qPrintable(title), qPrintable(text));
            return QMessageBox::Cancel;
        });
    }

    void cleanupTestCase() { QDir(MainWindow::recoveryRoot()).removeRecursively(); }

    void opensBookinfoTreeAndYaml()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openPaths({ bookinfoPath });
        QCOMPARE(w.windowTitle(), QStringLiteral("bookinfo.yaml[*] \u2014 meshroute"));
        QVERIFY(!w.isWindowModified());
        QVERIFY(w.statusCounts()->text().contains(QStringLiteral("14 resources")));
        QVERIFY(w.statusCounts()->text().contains(QStringLiteral("0 errors")));

        ResourceTreeModel *tree = w.resourceTree()->resourceModel();
        QCOMPARE(tree->rowCount(), 5);
        const int details = idOf(w.document(), ResourceKind::Service, QStringLiteral("details"));
        const QModelIndex index = tree->indexForResource(details);
        w.resourceTree()->scrollTo(index);
        QTest::mouseClick(
            w.resourceTree()->viewport(), Qt::LeftButton, {}, w.resourceTree()->visualRect(index).center());
        QCOMPARE(w.selection()->current().resourceId, details);
        YamlView *yaml = w.yamlView();
        QCOMPARE(yaml->lineText(yaml->highlightFirst()), QStringLiteral("apiVersion: v1"));
        QCOMPARE(yaml->lineText(yaml->highlightFirst() + 3), QStringLiteral("  name: details"));
        QVERIFY(yaml->isLineVisible(yaml->highlightFirst()));
        // The graph follows too.
        QCOMPARE(w.graphPanel()->scene()->currentNode(),
            w.graphPanel()->scene()->graph().indexOf(
                QStringLiteral("svc:details.default.svc.cluster.local")));
        // The docks are there, the preview waiting for its issue.
        QVERIFY(w.findChild<QDockWidget *>(QStringLiteral("previewDock")));
        QVERIFY(w.findChild<QDockWidget *>(QStringLiteral("inspectorDock"))->widget());
    }

    void graphClickSelectsEverywhere()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openPaths({ bookinfoPath });
        GraphScene *scene = w.graphPanel()->scene();
        GraphView *view = w.graphPanel()->view();
        const int reviewsVs = idOf(w.document(), ResourceKind::VirtualService, QStringLiteral("reviews"));
        GraphNodeItem *node = scene->nodeItem(QStringLiteral("rule:%1:http:0").arg(reviewsVs));
        view->centerOn(node);
        QTest::mouseClick(
            view->viewport(), Qt::LeftButton, {}, view->mapFromScene(node->sceneBoundingRect().center()));
        QCOMPARE(w.selection()->current().resourceId, reviewsVs);
        QCOMPARE(w.selection()->current().routeIndex, 0);
        QCOMPARE(
            w.resourceTree()->currentIndex(), w.resourceTree()->resourceModel()->indexForResource(reviewsVs));
        QCOMPARE(w.yamlView()->lineText(w.yamlView()->highlightFirst()), QStringLiteral("  - name: canary"));

        // Back: a click in the YAML on the DestinationRule's v3 subset selects its graph node.
        const int line = w.yamlView()->highlightFirst() + 20; // inside the DestinationRule below
        const SelectionTarget t = w.yamlView()->targetAt(0, line);
        QVERIFY(t.resourceId >= 0);
        w.selection()->select(t);
        QCOMPARE(scene->currentNode(), scene->graph().nodeFor(t));
    }

    void saveAndReload()
    {
        const QString path = copyOfBookinfo();
        {
            MainWindow w;
            w.openPaths({ path });
            setReviewsWeights(w, 75, 25);
            QVERIFY(w.isWindowModified());
            QVERIFY(w.save());
            QVERIFY(!w.isWindowModified());
            const QByteArray saved = readFile(path);
            QVERIFY(saved.contains("weight: 75  # stable"));
            QVERIFY(saved.contains("weight: 25   # canary"));
            // Nothing else changed.
            QByteArray expected = readFile(bookinfoPath);
            expected.replace("weight: 99  # stable", "weight: 75  # stable")
                .replace("weight: 1   # canary", "weight: 25   # canary");
            QCOMPARE(saved, expected);
        }
        MainWindow again;
        again.openPaths({ path });
        const int reviewsVs = idOf(again.document(), ResourceKind::VirtualService, QStringLiteral("reviews"));
        GraphScene *scene = again.graphPanel()->scene();
        const int rule = scene->graph().indexOf(QStringLiteral("rule:%1:http:0").arg(reviewsVs));
        bool found = false;
        for (int e : scene->graph().outgoing(rule))
            found |= scene->graph().edges()[e].label == QLatin1String("75%");
        QVERIFY(found);
    }

    void unsavedChangesPrompt()
    {
        const QString path = copyOfBookinfo();
        MainWindow w;
        Answers answers;
        w.setPrompt(answers.prompt());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openPaths({ path });
        setReviewsWeights(w, 60, 40);

        answers.script = { QMessageBox::Cancel };
        QVERIFY(!w.close());
        QVERIFY(w.isVisible());
        QCOMPARE(answers.asked, QStringList { QStringLiteral("Unsaved changes") });

        answers.script = { QMessageBox::Save };
        QVERIFY(w.close());
        QVERIFY(readFile(path).contains("weight: 60  # stable"));

        MainWindow discard;
        discard.setPrompt(answers.prompt());
        discard.show();
        discard.openPaths({ path });
        setReviewsWeights(discard, 10, 90);
        answers.script = { QMessageBox::Discard };
        QVERIFY(discard.close());
        QVERIFY(readFile(path).contains("weight: 60  # stable"));
    }

    void externalChangeReloadsOrAsks()
    {
        const QString path = copyOfBookinfo(QStringLiteral("watched.yaml"));
        MainWindow w;
        Answers answers;
        w.setPrompt(answers.prompt());
        w.openPaths({ path });

        // Not modified here: reloaded silently.
        QByteArray text = readFile(path);
        text.replace("weight: 99  # stable", "weight: 98  # stable")
            .replace("weight: 1   # canary", "weight: 2   # canary");
        writeAll(path, text);
        QTRY_VERIFY(w.document()->files().first().text.contains("weight: 98"));
        QVERIFY(answers.asked.isEmpty());

        // Modified here and on disk: asked; keeping ours, saving asks before overwriting.
        setReviewsWeights(w, 50, 50);
        text.replace("weight: 98  # stable", "weight: 97  # stable")
            .replace("weight: 2   # canary", "weight: 3   # canary");
        answers.script = { QMessageBox::No, QMessageBox::Cancel };
        writeAll(path, text);
        QTRY_COMPARE(answers.asked.size(), 1);
        QCOMPARE(answers.asked.first(), QStringLiteral("File changed on disk"));
        QVERIFY(w.document()->files().first().text.contains("weight: 50"));
        QVERIFY(!w.save());
        QCOMPARE(answers.asked.size(), 2);
        QCOMPARE(readFile(path), text); // not overwritten
    }

    void recoveryAfterACrash()
    {
        const QString path = copyOfBookinfo(QStringLiteral("crashed.yaml"));
        const QString crashed = MainWindow::recoveryRoot() + QStringLiteral("/crashed-session");
        {
            MainWindow w;
            w.openPaths({ path });
            setReviewsWeights(w, 70, 30);
            QVERIFY(w.writeRecovery());
            const QString dir = w.recoveryDirectory();
            QVERIFY(QFile::exists(dir + QStringLiteral("/session.json")));
            leaveAsCrashed(dir, crashed);
            Answers quiet;
            quiet.script = { QMessageBox::Discard };
            w.setPrompt(quiet.prompt());
        }
        QVERIFY(readFile(path).contains("weight: 99  # stable")); // the crash lost nothing on disk either

        MainWindow next;
        Answers answers;
        answers.script = { QMessageBox::Yes };
        next.setPrompt(answers.prompt());
        QVERIFY(next.offerRecovery());
        QCOMPARE(answers.asked, QStringList { QStringLiteral("Recover unsaved changes") });
        QCOMPARE(next.document()->files().size(), 1);
        QCOMPARE(QFileInfo(next.document()->files().first().path).fileName(), QStringLiteral("crashed.yaml"));
        QVERIFY(next.document()->files().first().text.contains("weight: 70  # stable"));
        QVERIFY(next.isWindowModified());
        QVERIFY(
            next.document()->undoStack()->canUndo()); // the recovered edit can be undone to the disk version
        QVERIFY(!QDir(crashed).exists());
        answers.script = { QMessageBox::Discard };
    }

    // A save that cannot be written (here: the file was made read-only) is a dialog, not a lost edit.
    void failedSaveKeepsTheEdits()
    {
        const QString path = copyOfBookinfo(QStringLiteral("locked.yaml"));
        MainWindow w;
        Answers answers;
        w.setPrompt(answers.prompt());
        w.openPaths({ path });
        setReviewsWeights(w, 60, 40);
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0444) == 0);
        QVERIFY(!w.save());
        QCOMPARE(answers.asked, QStringList { QStringLiteral("Save failed") });
        QVERIFY2(answers.texts.first().contains(QStringLiteral("cannot write %1: it is read-only").arg(path)),
            qPrintable(answers.texts.first()));
        QVERIFY(w.isWindowModified());
        QVERIFY(w.document()->isModified());
        QVERIFY(w.document()->files().first().text.contains("weight: 60  # stable"));
        QCOMPARE(readFile(path), readFile(bookinfoPath));
        // Writable again: the same edits save.
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        QVERIFY(w.save());
        QVERIFY(readFile(path).contains("weight: 60  # stable"));
        QVERIFY(!w.isWindowModified());
    }

    void recoveryAfterADiskChange_data()
    {
        QTest::addColumn<QByteArray>("diskFrom"); // the change another program makes on disk
        QTest::addColumn<QByteArray>("diskTo");
        QTest::addColumn<int>("choice"); // the answer to "changed on disk since the autosave"
        QTest::addColumn<bool>("mergeOffered");
        QTest::addColumn<bool>("expectOurs"); // the recovered weights are in the window
        QTest::addColumn<bool>("expectTheirs"); // the disk change is in the window
        const QByteArray port = "number: 9080";
        const QByteArray port2 = "number: 9081";
        QTest::newRow("merge: another document changed")
            << port << port2 << int(QMessageBox::Apply) << true << true << true;
        QTest::newRow("keep recovered") << port << port2 << int(QMessageBox::Yes) << true << true << false;
        QTest::newRow("take disk version") << port << port2 << int(QMessageBox::No) << true << false << true;
        QTest::newRow("same document changed: no merge")
            << stable99 << stable98 << int(QMessageBox::No) << false << false << true;
    }
    void recoveryAfterADiskChange()
    {
        QFETCH(QByteArray, diskFrom);
        QFETCH(QByteArray, diskTo);
        QFETCH(int, choice);
        QFETCH(bool, mergeOffered);
        QFETCH(bool, expectOurs);
        QFETCH(bool, expectTheirs);
        const QString path = copyOfBookinfo(QStringLiteral("changed.yaml"));
        QVERIFY(readFile(path).contains(diskFrom));
        crashWithEdits(path);
        // Another program changes the file while meshroute is down.
        QByteArray disk = readFile(path);
        disk.replace(diskFrom, diskTo);
        writeAll(path, disk);

        MainWindow next;
        Answers answers;
        answers.script = { QMessageBox::Yes, QMessageBox::StandardButton(choice) };
        next.setPrompt(answers.prompt());
        QVERIFY(next.offerRecovery());
        QCOMPARE(answers.asked,
            (QStringList { QStringLiteral("Recover unsaved changes"),
                QStringLiteral("File changed on disk since the autosave") }));
        QCOMPARE(answers.offered[1].testFlag(QMessageBox::Apply), mergeOffered);
        const QByteArray text = next.document()->files().first().text;
        QCOMPARE(text.contains(stable70), expectOurs);
        QCOMPARE(text.contains(diskTo), expectTheirs);
        QCOMPARE(next.isWindowModified(), expectOurs);

        // Save writes what the window shows, and only that.
        answers.script = {};
        QVERIFY(next.save());
        QCOMPARE(readFile(path), text);
        QCOMPARE(answers.asked.size(), 2); // no further question
    }

    // Cancel at the disk-change question: nothing opened, the recovery kept for later.
    void recoveryCanWait()
    {
        const QString path = copyOfBookinfo(QStringLiteral("later.yaml"));
        crashWithEdits(path);
        QByteArray disk = readFile(path);
        writeAll(path, disk.replace("number: 9080", "number: 9082"));
        {
            MainWindow next;
            Answers answers;
            answers.script = { QMessageBox::Yes, QMessageBox::Cancel };
            next.setPrompt(answers.prompt());
            QVERIFY(!next.offerRecovery());
            QVERIFY(next.document()->files().isEmpty());
        }
        MainWindow again;
        Answers answers;
        answers.script = { QMessageBox::Yes, QMessageBox::Yes };
        again.setPrompt(answers.prompt());
        QVERIFY(again.offerRecovery());
        QVERIFY(again.document()->files().first().text.contains(stable70));
        answers.script = { QMessageBox::Discard };
    }

    // Unchanged on disk: recovered as before, with no extra question.
    void unchangedFileIsRecoveredWithoutAQuestion()
    {
        const QString path = copyOfBookinfo(QStringLiteral("unchanged.yaml"));
        crashWithEdits(path);
        MainWindow next;
        Answers answers;
        answers.script = { QMessageBox::Yes };
        next.setPrompt(answers.prompt());
        QVERIFY(next.offerRecovery());
        QCOMPARE(answers.asked, QStringList { QStringLiteral("Recover unsaved changes") });
        QVERIFY(next.document()->files().first().text.contains(stable70));
        answers.script = { QMessageBox::Discard };
    }

    // The autosave timer writes the recovery files on a worker thread: they appear
    // without the UI thread writing them, and hold the latest edit.
    void autosaveWritesInTheBackground()
    {
        const QString path = copyOfBookinfo(QStringLiteral("autosaved.yaml"));
        MainWindow w;
        w.openPaths({ path });
        w.setAutosaveInterval(20);
        setReviewsWeights(w, 60, 40);
        auto recovered = [&w] { return readFile(w.recoveryDirectory() + QStringLiteral("/file0.yaml")); };
        QTRY_VERIFY(recovered().contains("weight: 60  # stable"));
        QTRY_VERIFY(QFile::exists(w.recoveryDirectory() + QStringLiteral("/session.json")));
        setReviewsWeights(w, 55, 45);
        QTRY_VERIFY(recovered().contains("weight: 55  # stable"));
        // The base on disk did not change between the two autosaves: hashed once.
        QCOMPARE(w.baseHashes().computations(), 1);
        // A save makes a new base: the next autosave hashes that one, once.
        QVERIFY(w.save());
        setReviewsWeights(w, 50, 50);
        QTRY_VERIFY(recovered().contains("weight: 50  # stable"));
        setReviewsWeights(w, 45, 55);
        QTRY_VERIFY(recovered().contains("weight: 45  # stable"));
        QCOMPARE(w.baseHashes().computations(), 2);
        Answers quiet;
        quiet.script = { QMessageBox::Discard };
        w.setPrompt(quiet.prompt());
    }

    // The Preview's request path is lit in the graph only while its tab is raised.
    void graphLitOnlyWhilePreviewIsRaised()
    {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openPaths({ copyOfBookinfo(QStringLiteral("lit.yaml")) });
        QDockWidget *preview = w.findChild<QDockWidget *>(QStringLiteral("previewDock"));
        QDockWidget *problems = w.findChild<QDockWidget *>(QStringLiteral("problemsDock"));
        QVERIFY(preview && problems);
        QVERIFY(w.selection()->highlight().isEmpty());
        GraphScene *scene = w.graphPanel()->scene();
        for (GraphNodeItem *item : scene->nodeItems())
            QCOMPARE(item->opacity(), 1.0);

        preview->raise();
        QTRY_VERIFY(!w.selection()->highlight().isEmpty());
        int lit = 0;
        for (GraphNodeItem *item : scene->nodeItems())
            lit += item->isLit() ? 1 : 0;
        QVERIFY(lit >= 3);

        problems->raise();
        QTRY_VERIFY(w.selection()->highlight().isEmpty());
        for (GraphNodeItem *item : scene->nodeItems())
            QVERIFY(!item->isLit());
    }

    // The Resources dock's context menu offers New Resource... and Delete.
    void treeContextMenuOffersNewAndDelete()
    {
        MainWindow w;
        w.openPaths({ copyOfBookinfo(QStringLiteral("menu.yaml")) });
        QStringList names;
        for (QAction *a : w.resourceTree()->actions())
            names.append(a->objectName().isEmpty() ? a->text() : a->objectName());
        QCOMPARE(
            names, QStringList({ QStringLiteral("newResourceAction"), QStringLiteral("&Delete Resource") }));
        QCOMPARE(w.resourceTree()->contextMenuPolicy(), Qt::ActionsContextMenu);
    }

    void dropOpensFiles()
    {
        const QString path = copyOfBookinfo(QStringLiteral("dropped.yaml"));
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QMimeData mime;
        mime.setUrls({ QUrl::fromLocalFile(path) });
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QTRY_COMPARE(w.inputs(), QStringList { path });
        QCOMPARE(w.document()->workspace().resources.size(), 14);
    }

    void exportShowsTheDiff()
    {
        MainWindow w;
        w.openPaths({ bookinfoPath });
        const QString out = m_dir.filePath(QStringLiteral("export.yaml"));
        QFile::remove(out);
        ExportDialog dialog(w.document());
        dialog.setOutputPath(out);
        QVERIFY(dialog.summary().startsWith(QStringLiteral("New file")));
        QVERIFY(dialog.write());
        QCOMPARE(readFile(out), dialog.exportedText());
        dialog.refresh();
        QVERIFY(dialog.summary().contains(QStringLiteral("already has exactly this content")));
        dialog.setApiVersion(QStringLiteral("v1beta1"));
        QVERIFY(dialog.diffText().contains(QStringLiteral("-apiVersion: networking.istio.io/v1\n")));
        QVERIFY(dialog.diffText().contains(QStringLiteral("+apiVersion: networking.istio.io/v1beta1\n")));
        QVERIFY(!dialog.diffText().contains(QStringLiteral("-apiVersion: apps/v1")));
    }

    void brokenInputShowsProblems()
    {
        const QString path = m_dir.filePath(QStringLiteral("broken.yaml"));
        writeAll(path, "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  ports: [ {port: 80\n");
        MainWindow w;
        w.show();
        w.openPaths({ path });
        QVERIFY(w.problemsView()->errorCount() >= 1);
        QVERIFY(w.statusCounts()->text().contains(QStringLiteral("error")));
        QVERIFY(!w.statusCounts()->text().contains(QStringLiteral(" 0 errors")));
    }
    // View > Route Order lists the dock; its tab shows the selected Gateway's listener, and a
    // double-click on a route shows that route's line in the YAML dock.
    void routeOrderDockJumpsToTheYaml()
    {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QString path = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/gatewayapi/mixed-api.yaml");
        w.openPaths({ path });
        QStringList viewMenu;
        for (QAction *menu : w.menuBar()->actions())
            if (menu->text() == QLatin1String("&View"))
                for (QAction *a : menu->menu()->actions())
                    viewMenu << a->text();
        QVERIFY2(viewMenu.contains(QLatin1String("Route Order")), qPrintable(viewMenu.join(u',')));
        for (QTabBar *bar : w.findChildren<QTabBar *>())
            for (int i = 0; i < bar->count(); ++i)
                if (bar->tabText(i) == QLatin1String("Route Order"))
                    QTest::mouseClick(bar, Qt::LeftButton, Qt::NoModifier, bar->tabRect(i).center());
        auto *view = qobject_cast<RouteOrderView *>(
            w.findChild<QDockWidget *>(QStringLiteral("routeOrderDock"))->widget());
        QTRY_VERIFY(view->isVisible());
        SelectionTarget gateway;
        gateway.resourceId = w.document()
                                 ->workspace()
                                 .find(ResourceKind::KubernetesGateway, QStringLiteral("shop"),
                                     QStringLiteral("shop-gateway"))
                                 ->id;
        w.selection()->select(gateway);
        QTRY_COMPARE(view->model()->rowCount(view->model()->index(0, 0)), 3);
        QTreeView *tree = view->view();
        const QModelIndex api
            = view->model()->index(1, RouteOrderModel::SourceColumn, view->model()->index(0, 0));
        QCOMPARE(api.data().toString(), QStringLiteral("HTTPRoute shop/storefront-api rule 0"));
        const QPoint at = tree->visualRect(api).center();
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        QTRY_COMPARE(
            w.yamlView()->textCursor().blockNumber() + 1, test::lineOf(readFile(path), "value: /api"));
    }
    // The graph keeps the names Gateway API references resolve by across edits (a weight drag
    // redraws it on every step): after a weight step it must still see a rename of the Service a
    // backendRef names, draw that reference broken, and draw it whole again on undo.
    void graphFollowsARenamedBackendService()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openPaths({ QStringLiteral(MESHROUTE_TEST_DATA_DIR "/gatewayapi/mixed-api.yaml") });
        Document *doc = w.document();
        const QString shop = QStringLiteral("shop");
        const int route
            = doc->workspace().find(ResourceKind::HTTPRoute, shop, QStringLiteral("storefront"))->id;
        const int frontend
            = doc->workspace().find(ResourceKind::Service, shop, QStringLiteral("frontend"))->id;
        auto backend = [&] {
            const GraphModel &g = w.graphPanel()->scene()->graph();
            const int e = g.edgeBetween(g.indexOf(QStringLiteral("rule:%1:http:1").arg(route)),
                g.indexOf(QStringLiteral("svc:frontend.shop.svc.cluster.local")));
            return e >= 0 ? g.edges()[e] : GraphEdge {};
        };
        QVERIFY(backend().from >= 0 && !backend().missing);
        QString error;
        auto step = SetBackendWeights::create(doc, route, 0, { 60, 40 }, &error);
        QVERIFY2(step, qPrintable(error));
        doc->undoStack()->push(step.release());
        QVERIFY(!backend().missing);
        auto rename = RenameResource::create(doc, frontend, QStringLiteral("web"), &error);
        QVERIFY2(rename, qPrintable(error));
        doc->undoStack()->push(rename.release());
        QVERIFY(backend().missing);
        QVERIFY2(backend().toolTip.contains(QLatin1String("Service shop/frontend is not in the workspace")),
            qPrintable(backend().toolTip));
        doc->undoStack()->undo();
        QVERIFY(!backend().missing);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
