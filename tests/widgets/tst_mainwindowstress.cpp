// Opens and closes the main window many times, on Bookinfo and on a
// 1,000-VirtualService mesh, closing it at different moments of its
// background work (a check waiting for the edits to pause, a check running on
// the worker pool, an autosave being written), and lets the process exit
// while a worker is still busy. It hunts a SIGABRT seen once in about 50
// starts: workers that outlive the window or the application.
//
// MESHROUTE_STRESS_CYCLES sets the number of windows (scripts/test --sanitize
// uses 200); a plain run uses fewer to stay within the default suite's time.
#include "backgroundpool.h"
#include "checker.h"
#include "document.h"
#include "mainwindow.h"
#include "problems/problemsview.h"
#include "setweights.h"
#include "undostack.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace meshroute;

namespace {

const QString bookinfoPath = QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml");
constexpr int kVirtualServices = 1000;

// 1,000 VirtualServices with a two-way split and their DestinationRules:
// 2,000 resources, above ProblemsView::asyncThreshold, so checks run on the pool.
QByteArray largeMesh()
{
    QByteArray out;
    for (int i = 0; i < kVirtualServices; ++i) {
        const QByteArray n = QByteArray::number(i);
        out += "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: vs-" + n
            + "\n  namespace: default\nspec:\n  hosts: [svc-" + n
            + "]\n  http:\n  - match:\n    - uri: {prefix: /api}\n    route:\n    - destination: {host: svc-"
            + n + ", subset: v1}\n      weight: 90\n    - destination: {host: svc-" + n
            + ", subset: v2}\n      weight: 10\n---\napiVersion: networking.istio.io/v1\nkind: "
              "DestinationRule\n"
              "metadata:\n  name: svc-"
            + n + "\n  namespace: default\nspec:\n  host: svc-" + n
            + "\n  subsets:\n  - name: v1\n    labels: {version: v1}\n  - name: v2\n    labels: {version: "
              "v2}\n";
    }
    return out;
}

int cyclesFromEnvironment(int plainDefault)
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("MESHROUTE_STRESS_CYCLES", &ok);
    return ok && n > 0 ? n : plainDefault;
}

// A weight edit on the first split of the workspace, as the weight panel pushes it.
bool editWeights(Document *document, const QString &name, int v1, int v2)
{
    const Resource *r
        = document->workspace().find(ResourceKind::VirtualService, QStringLiteral("default"), name);
    QString error;
    auto command = r ? SetWeights::create(document, r->id, 0, { v1, v2 }, &error) : nullptr;
    if (!command) {
        qWarning("no weight edit on %s: %s", qPrintable(name), qPrintable(error));
        return false;
    }
    document->undoStack()->push(command.release());
    return true;
}

void setUpApplication()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("meshroute-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowstress"));
    // Closing with unsaved edits asks; the answer here is to discard them.
    MainWindow::setDefaultPrompt([](const QString &, const QString &, QMessageBox::StandardButtons,
                                     QMessageBox::StandardButton) { return QMessageBox::Discard; });
}

// The child process of exitWhileWorkersRun(): opens the mesh, edits it, and
// returns from main() as soon as a worker of the pool is busy with the check,
// so the window, the application and the statics go while it runs.
int exitWhileChecking(int argc, char **argv)
{
    QApplication app(argc, argv);
    setUpApplication();
    MainWindow window;
    window.show();
    window.openPaths({ QString::fromLocal8Bit(argv[2]) });
    if (!editWeights(window.document(), QStringLiteral("vs-0"), 50, 50))
        return 3;
    QDeadlineTimer deadline(60000);
    while (backgroundPool()->activeThreadCount() == 0 && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    if (backgroundPool()->activeThreadCount() == 0)
        return 4;
    // Keeps the workers busy through the whole exit, as a check of a larger mesh
    // would: the window's own check alone often ends before the statics go.
    const Workspace snapshot = window.document()->workspace();
    for (int i = 0; i < 2 * backgroundPool()->maxThreadCount(); ++i)
        backgroundPool()->start([snapshot] { Checker::checkParts(snapshot); });
    return 0;
}

} // namespace

class TestMainWindowStress : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_largePath;

private Q_SLOTS:
    void initTestCase()
    {
        setUpApplication();
        QDir(MainWindow::recoveryRoot()).removeRecursively();
        QVERIFY(m_dir.isValid());
        m_largePath = m_dir.filePath(QStringLiteral("mesh-1000.yaml"));
        QFile f(m_largePath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.write(largeMesh()) > 0);
    }

    void cleanupTestCase() { QDir(MainWindow::recoveryRoot()).removeRecursively(); }

    void openAndCloseRepeatedly()
    {
        const int cycles = cyclesFromEnvironment(16);
        for (int cycle = 0; cycle < cycles; ++cycle) {
            const bool large = cycle % 2 == 1;
            const QString name = large ? QStringLiteral("vs-0") : QStringLiteral("reviews");
            auto *window = new MainWindow;
            window->setAutosaveInterval(1); // an autosave worker on every tick after an edit
            window->show();
            QVERIFY(QTest::qWaitForWindowExposed(window));
            window->openPaths({ large ? m_largePath : bookinfoPath });
            QCOMPARE(window->document()->workspace().resources.size(), large ? 2 * kVirtualServices : 14);

            // Where the window is when it goes: 0 just opened (a large check waits on its
            // timer), 1 edited, 2 a check running on the pool or an autosave being written,
            // 3 everything settled.
            const int moment = (cycle / 2) % 4;
            if (moment >= 1)
                QVERIFY(editWeights(window->document(), name, 30 + cycle % 40, 70 - cycle % 40));
            if (moment == 2 && large)
                QTRY_VERIFY(
                    backgroundPool()->activeThreadCount() > 0 || !window->problemsView()->isChecking());
            if (moment == 2 && !large)
                QTRY_VERIFY(!window->recoveryDirectory().isEmpty()
                    && QFileInfo::exists(window->recoveryDirectory() + QStringLiteral("/session.json")));
            if (moment == 3)
                QTRY_VERIFY_WITH_TIMEOUT(!window->problemsView()->isChecking(), 30000);

            const QString session = window->recoveryDirectory();
            if (cycle % 3 == 0) {
                QVERIFY(window->close()); // the user closes it: prompt, then the event loop deletes it
                QPointer<MainWindow> closed = window;
                window->deleteLater();
                QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
                QVERIFY(closed.isNull());
            } else {
                delete window; // as main() does at exit, without a close event
            }
            // A window that went away cleanly leaves nothing to recover.
            if (!session.isEmpty())
                QVERIFY2(!QFileInfo::exists(session), qPrintable(session));
        }
        QVERIFY(QDir(MainWindow::recoveryRoot()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
    }

    void exitWhileWorkersRun()
    {
        const int runs = std::max(3, cyclesFromEnvironment(16) / 10);
        for (int run = 0; run < runs; ++run) {
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            child.start(QCoreApplication::applicationFilePath(),
                { QStringLiteral("--exit-while-checking"), m_largePath });
            QVERIFY(child.waitForFinished(120000));
            QCOMPARE(child.exitStatus(), QProcess::NormalExit);
            QCOMPARE(child.exitCode(), 0);
        }
    }
};

int main(int argc, char **argv)
{
    if (argc >= 3 && qstrcmp(argv[1], "--exit-while-checking") == 0)
        return exitWhileChecking(argc, argv);
    QApplication app(argc, argv);
    TestMainWindowStress test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mainwindowstress.moc"
