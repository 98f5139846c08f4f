// SafeFileWriter, the one writer behind every save and export: a failed write
// (a full disk, a read-only file, a change on disk meanwhile) leaves the old
// file byte for byte; devices and FIFOs are written as streams, never
// replaced; a file keeps its mode, owner, hard links and symlinks.
#include "safefilewriter.h"

#include "filetest.h"

#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

using namespace meshroute;
using namespace meshroute::test;

namespace {

// A manifest-sized text, different for each seed.
QByteArray manifest(int seed, int bytes = 5374)
{
    QByteArray text;
    for (int i = 0; text.size() < bytes; ++i)
        text += QByteArray("- destination: {host: reviews, subset: v") + QByteArray::number(seed) + "}  # "
            + QByteArray::number(i) + '\n';
    return text.left(bytes);
}

// Nothing but the named files: no temporary or backup file was left behind.
QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestSafeFileWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replacesAFileAndKeepsItsMode()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vs.yaml"));
        writeBytes(path, manifest(1));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
        QString error;
        QVERIFY2(SafeFileWriter::writeFile(path, manifest(2), &error), qPrintable(error));
        QCOMPARE(readFile(path), manifest(2));
        QCOMPARE(int(statOf(path).st_mode & 07777), 0640);
        QCOMPARE(entries(dir.path()), QStringList { QStringLiteral("vs.yaml") });
    }

    void newFileIsCreated()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.yaml"));
        QString error;
        QVERIFY2(SafeFileWriter::writeFile(path, "a: 1\n", &error), qPrintable(error));
        QCOMPARE(readFile(path), QByteArray("a: 1\n"));
    }

    // The full disk of issue 11: the write stops part way, yet the file keeps all its bytes.
    void fullDiskKeepsTheOldFile_data()
    {
        QTest::addColumn<qint64>("space");
        QTest::newRow("no space") << qint64(0);
        QTest::newRow("4 KB free") << qint64(4096);
        QTest::newRow("one byte short") << qint64(5373);
    }
    void fullDiskKeepsTheOldFile()
    {
        QFETCH(qint64, space);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bookinfo.yaml"));
        writeBytes(path, manifest(1));
        SafeFileWriter writer(path);
        writer.setSpaceLimitForTesting(space);
        QVERIFY(!writer.write(manifest(2)));
        QCOMPARE(writer.errorString(), qt_error_string(ENOSPC));
        QCOMPARE(readFile(path), manifest(1));
        QCOMPARE(entries(dir.path()), QStringList { QStringLiteral("bookinfo.yaml") });
    }

    // The kernel's own ENOSPC: /dev/full is a device, written as a stream, and the failure is reported.
    void devFullReportsNoSpace()
    {
        if (!QFile::exists(QStringLiteral("/dev/full")))
            QSKIP("this system has no /dev/full");
        QString error;
        QVERIFY(!SafeFileWriter::writeFile(QStringLiteral("/dev/full"), manifest(1), &error));
        QCOMPARE(error, QStringLiteral("cannot write /dev/full: %1").arg(qt_error_string(ENOSPC)));
        QVERIFY(S_ISCHR(statOf(QStringLiteral("/dev/full")).st_mode));
    }

    // -o /dev/null writes into the device; the device node stays (as root a rename would replace it).
    void deviceIsWrittenNotReplaced()
    {
        const struct stat before = statOf(QStringLiteral("/dev/null"));
        QString error;
        QVERIFY2(
            SafeFileWriter::writeFile(QStringLiteral("/dev/null"), manifest(1), &error), qPrintable(error));
        const struct stat after = statOf(QStringLiteral("/dev/null"));
        QVERIFY(S_ISCHR(after.st_mode));
        QCOMPARE(after.st_rdev, before.st_rdev);
        QCOMPARE(after.st_ino, before.st_ino);
    }

    void fifoIsWrittenAsAStream()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("pipe"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        QFuture<QByteArray> reader = QtConcurrent::run([fifo] { return readFile(fifo); });
        QString error;
        QVERIFY2(SafeFileWriter::writeFile(fifo, manifest(3), &error), qPrintable(error));
        QCOMPARE(reader.result(), manifest(3));
        QVERIFY(S_ISFIFO(statOf(fifo).st_mode));
    }

    void directoryIsRefused()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!SafeFileWriter::writeFile(dir.path(), "a: 1\n", &error));
        QCOMPARE(error, QStringLiteral("cannot write %1: it is a directory").arg(dir.path()));
        QVERIFY(QFileInfo(dir.path()).isDir());
    }

    // A 444 file is protected on purpose: refused even as root (who could
    // rename over it), with its text and mode untouched.
    void readOnlyFileIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("locked.yaml"));
        writeBytes(path, manifest(1));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0444) == 0);
        QString error;
        QVERIFY(!SafeFileWriter::writeFile(path, manifest(2), &error));
        QCOMPARE(error,
            QStringLiteral("cannot write %1: it is read-only (mode 0444); make it writable to save over it")
                .arg(path));
        QCOMPARE(readFile(path), manifest(1));
        QCOMPARE(int(statOf(path).st_mode & 07777), 0444);
    }

    // As root, the file keeps its owner and group (a rename of root's temporary file made it root's).
    void ownerAndGroupAreKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("owned.yaml"));
        writeBytes(path, manifest(1));
        if (::geteuid() == 0)
            QVERIFY(::chown(QFile::encodeName(path).constData(), 65534, 65534) == 0);
        const struct stat before = statOf(path);
        QString error;
        QVERIFY2(SafeFileWriter::writeFile(path, manifest(2), &error), qPrintable(error));
        const struct stat after = statOf(path);
        QCOMPARE(after.st_uid, before.st_uid);
        QCOMPARE(after.st_gid, before.st_gid);
        QCOMPARE(readFile(path), manifest(2));
    }

    void hardLinksStayLinked()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.yaml"));
        const QString link = dir.filePath(QStringLiteral("b.yaml"));
        writeBytes(path, manifest(1));
        QVERIFY(::link(QFile::encodeName(path).constData(), QFile::encodeName(link).constData()) == 0);
        const ino_t inode = statOf(path).st_ino;
        QString error;
        for (const QByteArray &text : { manifest(2, 9000), manifest(3, 100) }) { // longer, then shorter
            QVERIFY2(SafeFileWriter::writeFile(path, text, &error), qPrintable(error));
            QCOMPARE(readFile(link), text);
            QCOMPARE(statOf(path).st_ino, inode);
            QCOMPARE(int(statOf(path).st_nlink), 2);
        }
        QCOMPARE(entries(dir.path()), (QStringList { QStringLiteral("a.yaml"), QStringLiteral("b.yaml") }));
    }

    // In place behind a backup: a full disk part way through puts the old text back and removes the backup.
    void hardLinkedFileSurvivesAFullDisk()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.yaml"));
        const QString link = dir.filePath(QStringLiteral("b.yaml"));
        writeBytes(path, manifest(1));
        QVERIFY(::link(QFile::encodeName(path).constData(), QFile::encodeName(link).constData()) == 0);
        for (qint64 space :
            { qint64(0), qint64(100), qint64(5374 + 100) }) { // backup fails; in-place write fails
            SafeFileWriter writer(path);
            writer.setSpaceLimitForTesting(space);
            QVERIFY(!writer.write(manifest(2, 8000)));
            QCOMPARE(writer.errorString(), qt_error_string(ENOSPC));
            QCOMPARE(readFile(path), manifest(1));
            QCOMPARE(readFile(link), manifest(1));
            QCOMPARE(
                entries(dir.path()), (QStringList { QStringLiteral("a.yaml"), QStringLiteral("b.yaml") }));
        }
    }

    void symlinkIsFollowedAndKept()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("real")));
        const QString target = dir.filePath(QStringLiteral("real/vs.yaml"));
        const QString link = dir.filePath(QStringLiteral("vs.yaml"));
        writeBytes(target, manifest(1));
        QVERIFY(::symlink("real/vs.yaml", QFile::encodeName(link).constData()) == 0);
        QString error;
        QVERIFY2(SafeFileWriter::writeFile(link, manifest(2), &error), qPrintable(error));
        QVERIFY(S_ISLNK(statOf(link).st_mode));
        QCOMPARE(readFile(target), manifest(2));
        // A dangling link creates its target.
        const QString dangling = dir.filePath(QStringLiteral("later.yaml"));
        QVERIFY(::symlink("real/later.yaml", QFile::encodeName(dangling).constData()) == 0);
        QVERIFY2(SafeFileWriter::writeFile(dangling, "a: 1\n", &error), qPrintable(error));
        QVERIFY(S_ISLNK(statOf(dangling).st_mode));
        QCOMPARE(readFile(dir.filePath(QStringLiteral("real/later.yaml"))), QByteArray("a: 1\n"));
    }

    // Another program writes the file between our read and our replace: refused, its text kept.
    void changeOnDiskBeforeTheReplaceIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("raced.yaml"));
        writeBytes(path, manifest(1));
        SafeFileWriter writer(path);
        writer.setExpectedContent(manifest(1));
        writer.setBeforeReplaceForTesting([&] { writeBytes(path, manifest(9)); });
        QVERIFY(!writer.write(manifest(2)));
        QCOMPARE(writer.errorString(), QStringLiteral("it changed on disk since it was read; not replaced"));
        QCOMPARE(readFile(path), manifest(9));
        QCOMPARE(entries(dir.path()), QStringList { QStringLiteral("raced.yaml") });

        // Unchanged: written.
        SafeFileWriter again(path);
        again.setExpectedContent(manifest(9));
        QVERIFY2(again.write(manifest(2)), qPrintable(again.errorString()));
        QCOMPARE(readFile(path), manifest(2));
    }

    // The same on a real full file system, where the kernel says ENOSPC (needs root to mount a tmpfs).
    void realFullTmpfs()
    {
        TinyTmpfs fs;
        if (!fs.isMounted())
            QSKIP("mounting a 64 KB tmpfs needs root; the same paths are covered by fault injection above");
        const QString path = fs.filePath(QStringLiteral("bookinfo.yaml"));
        writeBytes(path, manifest(1));
        QString error;
        for (const qint64 free : { 4096, 0 }) {
            fs.fillLeaving(free);
            QVERIFY(!SafeFileWriter::writeFile(path, manifest(2), &error));
            QCOMPARE(error, QStringLiteral("cannot write %1: %2").arg(path, qt_error_string(ENOSPC)));
            QCOMPARE(readFile(path), manifest(1));
        }
        QCOMPARE(entries(QFileInfo(path).absolutePath()),
            (QStringList { QStringLiteral("bookinfo.yaml"), QStringLiteral("filler") }));
    }
};

QTEST_GUILESS_MAIN(TestSafeFileWriter)
#include "tst_safefilewriter.moc"
