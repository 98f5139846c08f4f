#pragma once

// Shared by the tests of saving (SafeFileWriter, the CLI's -o/--in-place, the
// window): raw file reads and writes that bypass the code under test, lstat,
// and a real full file system when the test may mount one.
#include "corpus.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

namespace meshroute::test {

inline void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// The file itself, not what a symlink points to.
inline struct stat statOf(const QString &path)
{
    struct stat st
    {
    };
    ::lstat(QFile::encodeName(path).constData(), &st);
    return st;
}

// A 64 KB tmpfs mounted on a temporary folder for the test's lifetime, when the
// test runs as root and the kernel allows it; the ENOSPC there is the kernel's.
class TinyTmpfs
{
public:
    TinyTmpfs()
    {
        m_mounted = ::geteuid() == 0
            && ::mount("tmpfs", QFile::encodeName(m_dir.path()).constData(), "tmpfs", 0, "size=64k") == 0;
    }
    ~TinyTmpfs()
    {
        if (m_mounted)
            ::umount(QFile::encodeName(m_dir.path()).constData());
    }
    bool isMounted() const { return m_mounted; }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    // Fills the file system with a "filler" file, leaving `free` bytes (whole pages).
    void fillLeaving(qint64 free)
    {
        QFile filler(filePath(QStringLiteral("filler")));
        QVERIFY(filler.open(QIODevice::Append | QIODevice::Unbuffered));
        const QByteArray page(4096, 'x');
        while (filler.write(page) == page.size()) { }
        QVERIFY(filler.resize(std::max<qint64>(0, filler.size() - free)));
    }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
};

} // namespace meshroute::test
