// Reading inputs: every byte of a stream, the size limit applied while
// reading (devices and FIFOs report size 0), FIFOs named explicitly read as
// streams, and folder entries that cannot be read as files skipped with a
// warning instead of blocking or vanishing without a word.
#include "bytesize.h"
#include "inputfixtures.h"
#include "loader.h"
#include "resourcereader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <sys/stat.h>

using namespace meshroute;
using meshroute::test::dump;
using meshroute::test::services;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Writes to a FIFO in pieces with pauses, as a slow producer behind <(...) does.
class SlowWriter : public QThread
{
public:
    SlowWriter(QString path, QByteArray bytes)
        : m_path(std::move(path))
        , m_bytes(std::move(bytes))
    { }

protected:
    void run() override
    {
        QFile f(m_path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return;
        const qsizetype piece = m_bytes.size() / 5 + 1;
        for (qsizetype at = 0; at < m_bytes.size(); at += piece) {
            f.write(m_bytes.mid(at, piece));
            QThread::msleep(50);
        }
    }

private:
    QString m_path;
    QByteArray m_bytes;
};

} // namespace

class TestInputReading : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sizes_data();
    void sizes();
    void badSizesAreRefused_data();
    void badSizesAreRefused();
    void deviceStopsAtTheLimit();
    void regularFileOverTheLimitIsRefusedUnread();
    void fifoNamedExplicitlyIsReadToItsEnd();
    void fifoInAFolderIsSkippedWithoutBlocking();
    void danglingAndLoopingLinksInAFolderAreReported();
};

void TestInputReading::sizes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("shown");
    QTest::newRow("bytes") << "1000" << qint64(1000) << "1000 bytes";
    QTest::newRow("K") << "512K" << qint64(512) * 1024 << "512 KB";
    QTest::newRow("M") << "64M" << qint64(64) * 1024 * 1024 << "64 MB";
    QTest::newRow("MB") << "64MB" << qint64(64) * 1024 * 1024 << "64 MB";
    QTest::newRow("MiB") << "64MiB" << qint64(64) * 1024 * 1024 << "64 MB";
    QTest::newRow("lower case g") << "1g" << qint64(1024) * 1024 * 1024 << "1 GB";
    QTest::newRow("odd bytes") << "1025" << qint64(1025) << "1025 bytes";
}

void TestInputReading::sizes()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    QFETCH(QString, shown);
    qint64 parsed = 0;
    QVERIFY(ByteSize::parse(text, &parsed));
    QCOMPARE(parsed, bytes);
    QCOMPARE(ByteSize::text(parsed), shown);
}

void TestInputReading::badSizesAreRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("zero") << "0";
    QTest::newRow("negative") << "-5M";
    QTest::newRow("unit only") << "M";
    QTest::newRow("unknown unit") << "5X";
    QTest::newRow("fraction") << "1.5G";
    QTest::newRow("past 1024G") << "2000G";
}

void TestInputReading::badSizesAreRefused()
{
    QFETCH(QString, text);
    qint64 parsed = 7;
    QVERIFY(!ByteSize::parse(text, &parsed));
    QCOMPARE(parsed, qint64(7));
}

void TestInputReading::deviceStopsAtTheLimit()
{
    // /dev/zero never ends and reports size 0: only the limit applied while reading stops it.
    if (!QFile::exists(QStringLiteral("/dev/zero")))
        QSKIP("no /dev/zero on this system");
    LoadOptions options;
    options.maxFileBytes = 1024 * 1024;
    const LoadResult r = Loader::loadPaths({ QStringLiteral("/dev/zero") }, options);
    QVERIFY(r.inputError);
    QCOMPARE(r.diagnostics.size(), 1);
    const Diagnostic &d = r.diagnostics.first();
    QCOMPARE(d.code, QString::fromLatin1(ResourceReader::CodeFileTooLarge));
    QCOMPARE(d.toText().left(17), QStringLiteral("/dev/zero:1:1: er"));
    QVERIFY2(d.message.contains(QLatin1String("1 MB limit")) && d.message.contains(QLatin1String("--max-file-size")),
        qPrintable(d.message));
    QVERIFY(r.files.isEmpty());
}

void TestInputReading::regularFileOverTheLimitIsRefusedUnread()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.yaml"));
    QVERIFY(writeFile(path, services(40)));
    LoadOptions options;
    options.maxFileBytes = 1000;
    const LoadResult refused = Loader::loadPaths({ path }, options);
    QVERIFY(refused.inputError);
    QCOMPARE(refused.diagnostics.first().code, QString::fromLatin1(ResourceReader::CodeFileTooLarge));
    QVERIFY2(refused.diagnostics.first().message.contains(QLatin1String("1000 bytes")),
        qPrintable(refused.diagnostics.first().message));
    options.maxFileBytes = QFileInfo(path).size(); // exactly at the limit is allowed
    const LoadResult read = Loader::loadPaths({ path }, options);
    QVERIFY2(!read.inputError, qPrintable(dump(read.diagnostics)));
    QCOMPARE(read.workspace.resources.size(), 40);
}

void TestInputReading::fifoNamedExplicitlyIsReadToItsEnd()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("manifests.yaml"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QByteArray yaml = services(300);
    SlowWriter writer(fifo, yaml);
    writer.start();
    const LoadResult r = Loader::loadPaths({ fifo });
    writer.wait();
    QVERIFY2(!r.inputError, qPrintable(dump(r.diagnostics)));
    QCOMPARE(r.files.size(), 1);
    QCOMPARE(r.files.first().text.size(), yaml.size());
    QCOMPARE(r.workspace.resources.size(), 300);
}

void TestInputReading::fifoInAFolderIsSkippedWithoutBlocking()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("a.yaml")), services(2)));
    const QString fifo = dir.filePath(QStringLiteral("b.yaml"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    // Nobody writes to the FIFO: opening it would wait forever.
    const LoadResult r = Loader::loadPaths({ dir.path() });
    QVERIFY(!r.inputError);
    QCOMPARE(r.workspace.resources.size(), 2);
    QCOMPARE(r.diagnostics.size(), 1);
    const Diagnostic &d = r.diagnostics.first();
    QCOMPARE(d.file, fifo);
    QCOMPARE(d.severity, Diagnostic::Severity::Warning);
    QCOMPARE(d.code, QString::fromLatin1(ResourceReader::CodeUnreadable));
    QVERIFY2(d.message.contains(QLatin1String("FIFO")), qPrintable(d.message));
}

void TestInputReading::danglingAndLoopingLinksInAFolderAreReported()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("a.yaml")), services(1)));
    const QString dangling = dir.filePath(QStringLiteral("gone.yaml"));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("nowhere.yaml")), dangling));
    const QString loop1 = dir.filePath(QStringLiteral("loop1.yaml"));
    const QString loop2 = dir.filePath(QStringLiteral("loop2.yaml"));
    QVERIFY(QFile::link(loop2, loop1));
    QVERIFY(QFile::link(loop1, loop2));
    const QString good = dir.filePath(QStringLiteral("z.yaml"));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("a.yaml")), good));

    const LoadResult r = Loader::loadPaths({ dir.path() });
    QVERIFY(!r.inputError);
    QCOMPARE(r.workspace.resources.size(), 2); // a.yaml and the working link to it
    QStringList reported;
    for (const Diagnostic &d : r.diagnostics) {
        QCOMPARE(d.code, QString::fromLatin1(ResourceReader::CodeUnreadable));
        QCOMPARE(d.severity, Diagnostic::Severity::Warning);
        QVERIFY2(d.message.contains(QLatin1String("symbolic link")), qPrintable(d.message));
        reported.append(d.file);
    }
    reported.sort();
    QCOMPARE(reported, (QStringList { dangling, loop1, loop2 }));
}

QTEST_GUILESS_MAIN(TestInputReading)
#include "tst_inputreading.moc"
