// Issue 13 section 5: a big mesh loads on a thread. The window answers and
// paints while it loads, the status bar shows which file and how far, and a
// load the user walked away from (another open, a recovered session) never
// replaces what they opened after it.
#include "corpus.h"
#include "document.h"
#include "loadprogressbar.h"
#include "mainwindow.h"
#include "workspaceloadjob.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace meshroute;

namespace {

const QString bookinfoPath = QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml");

// Bookinfo followed by `count` VirtualServices of their own: over a megabyte
// from about 9,000 of them.
QByteArray bigMesh(int count)
{
    QByteArray text = test::readFile(bookinfoPath);
    for (int i = 0; i < count; ++i) {
        const QByteArray n = "svc" + QByteArray::number(i);
        text += "\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: " + n
            + ", namespace: mesh}\nspec:\n  hosts: [" + n
            + "]\n  http:\n  - route:\n    - destination: {host: " + n + "}\n";
    }
    return text;
}

} // namespace

class TestBackgroundLoad : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_big;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("meshroute-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_backgroundload"));
        MainWindow::setDefaultPrompt([](const QString &title, const QString &text,
                                         QMessageBox::StandardButtons, QMessageBox::StandardButton) {
            qWarning("unexpected question: %s: %s", qPrintable(title), qPrintable(text));
            return QMessageBox::Cancel;
        });
        m_big = m_dir.filePath(QStringLiteral("big.yaml"));
        QFile f(m_big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray text = bigMesh(9000);
        QCOMPARE(f.write(text), text.size());
        f.close();
        QVERIFY(QFileInfo(m_big).size() >= WorkspaceLoadJob::backgroundThresholdBytes);
    }

    void smallInputsLoadAtOnce()
    {
        QVERIFY(!WorkspaceLoadJob::worthAThread({ bookinfoPath }));
        QVERIFY(WorkspaceLoadJob::worthAThread({ m_big }));
        QVERIFY(WorkspaceLoadJob::worthAThread({ m_dir.path() })); // a folder: its size is unknown
        QVERIFY(!WorkspaceLoadJob::worthAThread({ QStringLiteral("-") }));
        MainWindow w;
        w.show();
        w.openPaths({ bookinfoPath });
        QVERIFY(!w.isLoading());
        QCOMPARE(w.document()->workspace().resources.size(), 14);
        QVERIFY(!w.loadProgressBar()->isVisible());
    }

    void bigInputLoadsWhileTheWindowAnswers()
    {
        MainWindow w;
        w.resize(1366, 768);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy loaded(&w, &MainWindow::workspaceLoaded);
        w.openPaths({ m_big });
        // openPaths returned before the file was read: the window can paint.
        QVERIFY(w.isLoading());
        QVERIFY(w.loadProgressBar()->isVisible());
        QCOMPARE(w.loadProgressBar()->text(), QStringLiteral("Loading big.yaml…"));
        QCOMPARE(w.document()->workspace().resources.size(), 0);
        // The event loop runs while it loads: progress arrives, in steps.
        QStringList texts;
        QList<int> values;
        QElapsedTimer guard;
        guard.start();
        while (w.isLoading() && guard.elapsed() < 60000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            if (texts.isEmpty() || texts.last() != w.loadProgressBar()->text()) {
                texts << w.loadProgressBar()->text();
                values << w.loadProgressBar()->value();
            }
        }
        QVERIFY(!w.isLoading());
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(w.document()->workspace().resources.size(), 14 + 9000);
        QVERIFY(!w.loadProgressBar()->isVisible());
        QCOMPARE(w.statusBar()->currentMessage(), QStringLiteral("Opened 1 file(s)"));
        QVERIFY2(texts.size() >= 2, qPrintable(texts.join(QLatin1Char('|'))));
        bool sawBytes = false;
        for (const QString &t : std::as_const(texts))
            sawBytes
                |= t.startsWith(QLatin1String("Loading big.yaml: ")) && t.contains(QLatin1String(" of "));
        QVERIFY2(sawBytes, qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(std::is_sorted(values.begin(), values.end()));
    }

    // The user opened Bookinfo while the big mesh loaded: Bookinfo stays.
    void aLaterOpenWinsOverARunningLoad()
    {
        MainWindow w;
        w.show();
        w.openPaths({ m_big });
        QVERIFY(w.isLoading());
        w.openPaths({ bookinfoPath });
        QVERIFY(!w.isLoading());
        QVERIFY(!w.loadProgressBar()->isVisible());
        QCOMPARE(w.document()->workspace().resources.size(), 14);
        // After the big load has ended on its thread, nothing replaced Bookinfo.
        QSignalSpy loaded(&w, &MainWindow::workspaceLoaded);
        const WorkspaceLoadJob *job = w.findChild<WorkspaceLoadJob *>();
        QVERIFY(job && job->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!job->isBusy(), 60000);
        QCoreApplication::processEvents();
        QCOMPARE(w.document()->workspace().resources.size(), 14);
        QCOMPARE(w.inputs(), QStringList({ bookinfoPath }));
        QCOMPARE(loaded.size(), 0);
    }

    // Two big opens in a row: the second one's workspace is the one shown.
    void aSecondBigOpenReplacesTheFirst()
    {
        const QString other = m_dir.filePath(QStringLiteral("other.yaml"));
        QVERIFY(QFile::copy(m_big, other));
        QFile f(other);
        QVERIFY(f.open(QIODevice::Append));
        f.write("\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: extra}\n");
        f.close();
        MainWindow w;
        w.show();
        QSignalSpy loaded(&w, &MainWindow::workspaceLoaded);
        w.openPaths({ m_big });
        w.openPaths({ other });
        QVERIFY(loaded.wait(60000));
        QVERIFY(!w.findChild<WorkspaceLoadJob *>()->isBusy());
        QCoreApplication::processEvents();
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(w.document()->files().size(), 1);
        QCOMPARE(w.document()->files().first().path, other);
        QCOMPARE(w.document()->workspace().resources.size(), 14 + 9000 + 1);
    }
};

QTEST_MAIN(TestBackgroundLoad)
#include "tst_backgroundload.moc"
