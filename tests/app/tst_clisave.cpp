// Issue 11 through the command line: `weights` and `export` never lose the
// file they write (full disk, read-only file, change on disk), write into a
// device or FIFO instead of replacing it, keep hard links and symlinks, keep
// the rest of the document after a flow-pair weight, and refuse to change a
// route that an anchor shares.
#include "clirunner.h"
#include "filetest.h"

#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

using namespace meshroute::test;

namespace {

const QString bookinfo = QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml");

QStringList setReviews(const QString &file, const QStringList &output)
{
    return QStringList { QStringLiteral("weights"), file, QStringLiteral("--virtual-service"),
        QStringLiteral("reviews"), QStringLiteral("v1=75"), QStringLiteral("v2=25") }
    + output;
}

QByteArray expectedBookinfo()
{
    QByteArray expected = readFile(bookinfo);
    expected.replace("weight: 99  # stable", "weight: 75  # stable");
    expected.replace("weight: 1   # canary", "weight: 25   # canary");
    return expected;
}

} // namespace

class TestCliSave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullDeviceIsAnErrorNotASuccess_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("weights -o") << setReviews(
            bookinfo, { QStringLiteral("-o"), QStringLiteral("/dev/full") });
        QTest::newRow("export -o") << QStringList { QStringLiteral("export"), bookinfo, QStringLiteral("-o"),
            QStringLiteral("/dev/full") };
    }
    void fullDeviceIsAnErrorNotASuccess()
    {
        QFETCH(QStringList, args);
        if (!QFile::exists(QStringLiteral("/dev/full")))
            QSKIP("this system has no /dev/full");
        const Run r = runMeshroute(args);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(QString::fromUtf8(r.err),
            QStringLiteral("meshroute: cannot write /dev/full: %1\n").arg(qt_error_string(ENOSPC)));
        QVERIFY(S_ISCHR(statOf(QStringLiteral("/dev/full")).st_mode));
    }

    void devNullStaysADevice()
    {
        const struct stat before = statOf(QStringLiteral("/dev/null"));
        const Run r
            = runMeshroute(setReviews(bookinfo, { QStringLiteral("-o"), QStringLiteral("/dev/null") }));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(S_ISCHR(statOf(QStringLiteral("/dev/null")).st_mode));
        QCOMPARE(statOf(QStringLiteral("/dev/null")).st_ino, before.st_ino);
    }

    // A pipe behind /dev/stdout has no path to rename over: written as a stream.
    void devStdoutIsTheStream()
    {
        const Run r
            = runMeshroute(setReviews(bookinfo, { QStringLiteral("-o"), QStringLiteral("/dev/stdout") }));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, expectedBookinfo());
    }

    void fifoGetsTheOutput()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("out"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        QFuture<QByteArray> reader = QtConcurrent::run([fifo] { return readFile(fifo); });
        const Run r = runMeshroute(setReviews(bookinfo, { QStringLiteral("-o"), fifo }));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(reader.result(), expectedBookinfo());
        QVERIFY(S_ISFIFO(statOf(fifo).st_mode));
    }

    void directoryIsAClearError()
    {
        QTemporaryDir dir;
        const Run r = runMeshroute(setReviews(bookinfo, { QStringLiteral("-o"), dir.path() }));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err,
            QStringLiteral("meshroute: cannot write %1: it is a directory\n").arg(dir.path()).toUtf8());
    }

    // Decided: a 444 file is not saved over, even as root; the user makes it writable first.
    void readOnlyFileIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bookinfo.yaml"));
        writeBytes(path, readFile(bookinfo));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0444) == 0);
        const Run r = runMeshroute(setReviews(path, { QStringLiteral("--in-place") }));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("it is read-only (mode 0444)"), r.err.constData());
        QCOMPARE(readFile(path), readFile(bookinfo));
        QCOMPARE(int(statOf(path).st_mode & 07777), 0444);
    }

    void linksAndModeAreKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bookinfo.yaml"));
        const QString hardLink = dir.filePath(QStringLiteral("also.yaml"));
        const QString symLink = dir.filePath(QStringLiteral("link.yaml"));
        writeBytes(path, readFile(bookinfo));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
        QVERIFY(::link(QFile::encodeName(path).constData(), QFile::encodeName(hardLink).constData()) == 0);
        QVERIFY(::symlink("bookinfo.yaml", QFile::encodeName(symLink).constData()) == 0);
        const Run r = runMeshroute(setReviews(symLink, { QStringLiteral("--in-place") }));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(S_ISLNK(statOf(symLink).st_mode));
        QCOMPARE(readFile(hardLink), expectedBookinfo());
        QCOMPARE(int(statOf(path).st_nlink), 2);
        QCOMPARE(int(statOf(path).st_mode & 07777), 0640);
    }

    // The issue's own numbers: bookinfo.yaml (5,374 bytes) on a 64 KB tmpfs with 4 KB free, then none.
    void fullTmpfsKeepsTheFile()
    {
        TinyTmpfs fs;
        if (!fs.isMounted())
            QSKIP("mounting a 64 KB tmpfs needs root; tst_safefilewriter covers the same paths by fault "
                  "injection");
        const QString path = fs.filePath(QStringLiteral("bookinfo.yaml"));
        writeBytes(path, readFile(bookinfo));
        for (const qint64 free : { 4096, 0 }) {
            fs.fillLeaving(free);
            const Run r = runMeshroute(setReviews(path, { QStringLiteral("--in-place") }));
            QCOMPARE(r.exitCode, 1);
            QCOMPARE(QString::fromUtf8(r.err),
                QStringLiteral("meshroute: cannot write %1: %2\n").arg(path, qt_error_string(ENOSPC)));
            QCOMPARE(readFile(path), readFile(bookinfo));
        }
    }

    // `weight: [a: b]` ended at the end of the document: the rest was replaced.
    void flowPairWeightKeepsTheRest_data()
    {
        QTest::addColumn<QByteArray>("weight");
        for (const char *w : { "[a: b]", "[x: 1, y: 2]", "[[a: b]]", "{a: [b: c]}" })
            QTest::newRow(w) << QByteArray(w);
    }
    void flowPairWeightKeepsTheRest()
    {
        QFETCH(QByteArray, weight);
        const QByteArray head = "apiVersion: networking.istio.io/v1\n"
                                "kind: VirtualService\n"
                                "metadata: {name: reviews}\n"
                                "spec:\n"
                                "  hosts: [reviews]\n"
                                "  http:\n"
                                "  - route:\n"
                                "    - destination: {host: reviews, subset: v1}\n"
                                "      weight: &w ";
        const QByteArray tail = "\n"
                                "    - destination: {host: reviews, subset: v2}\n"
                                "      weight: 50\n"
                                "  tcp:\n"
                                "  - route:\n"
                                "    - destination: {host: reviews}\n"
                                "---\n"
                                "apiVersion: v1\n"
                                "kind: Service\n"
                                "metadata: {name: reviews}\n";
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vs.yaml"));
        writeBytes(path, head + weight + tail); // the anchor sends the document to the yaml-cpp parser
        const Run r = runMeshroute({ QStringLiteral("weights"), path, QStringLiteral("--virtual-service"),
            QStringLiteral("reviews"), QStringLiteral("--route"), QStringLiteral("0"),
            QStringLiteral("v1=10"), QStringLiteral("v2=90"), QStringLiteral("--in-place") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QByteArray expected = head + "10" + tail;
        expected.replace("weight: 50", "weight: 90");
        QCOMPARE(readFile(path), expected);
    }

    void anchoredRouteIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vs.yaml"));
        const QByteArray text = readFile(dataPath(QStringLiteral("save/shared-route.yaml")));
        writeBytes(path, text);
        const Run r = runMeshroute({ QStringLiteral("weights"), path, QStringLiteral("--virtual-service"),
            QStringLiteral("reviews"), QStringLiteral("--route"), QStringLiteral("canary"),
            QStringLiteral("v1=50"), QStringLiteral("v2=50"), QStringLiteral("--in-place") });
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err,
            QByteArray("meshroute weights: spec.http[0].route is shared through the anchor &split with "
                       "spec.http[1].route; edit the anchor or expand it; file untouched\n"));
        QCOMPARE(readFile(path), text);
    }
};

QTEST_GUILESS_MAIN(TestCliSave)
#include "tst_clisave.moc"
