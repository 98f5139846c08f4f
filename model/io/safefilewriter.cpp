#include "safefilewriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace meshroute {

namespace {

QString osError(int code)
{
    return qt_error_string(code);
}

// Follows symlinks to the file that is really written, so that a save keeps
// the link and changes what it points to. A dangling link names a new file.
QString resolveLinks(const QString &path, QString *error)
{
    QString target = path;
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st;
        if (::lstat(QFile::encodeName(target).constData(), &st) != 0 || !S_ISLNK(st.st_mode))
            return target;
        QByteArray link(4096, Qt::Uninitialized);
        const ssize_t n = ::readlink(QFile::encodeName(target).constData(), link.data(), link.size());
        if (n < 0) {
            *error = osError(errno);
            return {};
        }
        const QString next = QFile::decodeName(link.left(n));
        target = QDir::cleanPath(
            QFileInfo(next).isAbsolute() ? next : QFileInfo(target).absolutePath() + '/' + next);
    }
    *error = osError(ELOOP);
    return {};
}

// Creates a new, empty file beside `target` that nobody else opens (O_EXCL).
int createTemporary(const QString &target, int mode, QString *tempPath)
{
    const QFileInfo info(target);
    for (int attempt = 0; attempt < 100; ++attempt) {
        *tempPath = info.absolutePath() + QStringLiteral("/.") + info.fileName()
            + QStringLiteral(".meshroute-%1")
                  .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
        const int fd
            = ::open(QFile::encodeName(*tempPath).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

void syncDirectory(const QString &target)
{
    const int fd
        = ::open(QFile::encodeName(QFileInfo(target).absolutePath()).constData(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd); // best effort: the rename is done; this only hurries it to the disk
        ::close(fd);
    }
}

} // namespace

SafeFileWriter::SafeFileWriter(QString path)
    : m_path(std::move(path))
{ }

bool SafeFileWriter::writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    SafeFileWriter writer(path);
    if (writer.write(bytes))
        return true;
    *error = QStringLiteral("cannot write %1: %2").arg(path, writer.errorString());
    return false;
}

bool SafeFileWriter::fail(const QString &reason)
{
    m_error = reason;
    return false;
}

bool SafeFileWriter::failErrno(const QString &what)
{
    const QString reason = osError(errno);
    return fail(what.isEmpty() ? reason : what + QStringLiteral(": ") + reason);
}

bool SafeFileWriter::writeAll(int fd, const char *data, qint64 size, qint64 offset)
{
    qint64 done = 0;
    while (done < size) {
        qint64 chunk = size - done;
        if (m_spaceLeft >= 0) {
            if (m_spaceLeft == 0) {
                errno = ENOSPC;
                return false;
            }
            chunk = std::min(chunk, m_spaceLeft);
        }
        const ssize_t n = offset < 0 ? ::write(fd, data + done, size_t(chunk))
                                     : ::pwrite(fd, data + done, size_t(chunk), off_t(offset + done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        if (m_spaceLeft >= 0)
            m_spaceLeft -= n;
        done += n;
    }
    return true;
}

bool SafeFileWriter::changedOnDisk(const QString &target)
{
    if (!m_expected)
        return false;
    QFile file(target);
    if (!file.exists())
        return false;
    if (!file.open(QIODevice::ReadOnly))
        return true; // cannot tell: do not risk it
    return file.readAll() != *m_expected;
}

bool SafeFileWriter::write(const QByteArray &bytes)
{
    m_error.clear();
    // /dev/stdout, /dev/fd/N and /proc/self/fd/N are links to whatever the
    // descriptor is (a pipe has no path to rename over): always a stream.
    const bool descriptorName = m_path == QLatin1String("/dev/stdout")
        || m_path == QLatin1String("/dev/stderr") || m_path.startsWith(QLatin1String("/dev/fd/"))
        || m_path.startsWith(QLatin1String("/proc/"));
    struct stat followed;
    if (descriptorName && ::stat(QFile::encodeName(m_path).constData(), &followed) == 0)
        return writeStream(m_path, bytes);
    QString error;
    const QString target = resolveLinks(m_path, &error);
    if (target.isEmpty())
        return fail(error);
    struct stat st;
    if (::stat(QFile::encodeName(target).constData(), &st) != 0) {
        if (errno != ENOENT)
            return failErrno({});
        return replaceRegular(target, bytes, -1, -1, -1);
    }
    if (S_ISDIR(st.st_mode))
        return fail(QStringLiteral("it is a directory"));
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) || S_ISFIFO(st.st_mode))
        return writeStream(target, bytes);
    if (!S_ISREG(st.st_mode))
        return fail(QStringLiteral("it is not a regular file, a device or a FIFO"));
    // A read-only file says "do not change me": honour it even as root, who
    // could otherwise rename over it, rather than quietly drop the protection.
    if ((st.st_mode & 0222) == 0 || ::access(QFile::encodeName(target).constData(), W_OK) != 0)
        return fail(QStringLiteral("it is read-only (mode %1); make it writable to save over it")
                        .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0')));
    if (st.st_nlink > 1)
        return rewriteInPlace(target, bytes);
    const bool root = ::geteuid() == 0;
    return replaceRegular(
        target, bytes, int(st.st_mode & 07777), root ? int(st.st_uid) : -1, root ? int(st.st_gid) : -1);
}

// A device or FIFO is a stream the user points us at (-o /dev/stdout, a pipe):
// write into it; renaming a file over it would replace the device node.
bool SafeFileWriter::writeStream(const QString &target, const QByteArray &bytes)
{
    const int fd = ::open(QFile::encodeName(target).constData(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return failErrno({});
    const bool ok = writeAll(fd, bytes.constData(), bytes.size());
    const int writeErrno = errno;
    if (::close(fd) != 0 && ok)
        return failErrno({});
    if (!ok) {
        errno = writeErrno;
        return failErrno({});
    }
    return true;
}

// Write a complete copy beside the file, sync it, give it the file's mode and
// owner, then rename it over the file: at every moment the name holds either
// the whole old text or the whole new one.
bool SafeFileWriter::replaceRegular(
    const QString &target, const QByteArray &bytes, int mode, int owner, int group)
{
    QString tempPath;
    const int fd = createTemporary(target, mode < 0 ? 0666 : 0600, &tempPath);
    if (fd < 0)
        return failErrno(QStringLiteral("cannot create a temporary file in %1")
                             .arg(QDir::toNativeSeparators(QFileInfo(target).absolutePath())));
    const QByteArray temp = QFile::encodeName(tempPath);
    auto abandon = [&](bool closeIt) {
        const int saved = errno;
        if (closeIt)
            ::close(fd);
        ::unlink(temp.constData());
        errno = saved;
        return failErrno({});
    };
    if (!writeAll(fd, bytes.constData(), bytes.size()) || ::fsync(fd) != 0)
        return abandon(true);
    if (mode >= 0 && ::fchmod(fd, mode_t(mode)) != 0)
        return abandon(true);
    if (owner >= 0 && ::fchown(fd, uid_t(owner), gid_t(group)) != 0)
        return abandon(true);
    if (::close(fd) != 0)
        return abandon(false);
    if (m_beforeReplace)
        m_beforeReplace();
    if (changedOnDisk(target)) {
        ::unlink(temp.constData());
        return fail(QStringLiteral("it changed on disk since it was read; not replaced"));
    }
    if (::rename(temp.constData(), QFile::encodeName(target).constData()) != 0)
        return abandon(false);
    syncDirectory(target);
    return true;
}

// A file with several hard links must keep its inode, so it is rewritten in
// place. That is the one write that can leave a half-written file, so: first a
// backup copy of the old text beside it (a full disk fails here, harmlessly),
// then the space for a longer text is reserved (fallocate), then the new text
// goes in. If writing still fails, the old text is written back from memory
// into blocks the file already owns; only if even that fails is the backup
// kept, and the message names it. After a crash mid-write the backup is there.
bool SafeFileWriter::rewriteInPlace(const QString &target, const QByteArray &bytes)
{
    QFile original(target);
    if (!original.open(QIODevice::ReadOnly))
        return fail(original.errorString());
    const QByteArray old = original.readAll();
    original.close();
    if (m_expected && old != *m_expected)
        return fail(QStringLiteral("it changed on disk since it was read; not replaced"));

    QString backupPath;
    const int backupFd = createTemporary(target, 0600, &backupPath);
    if (backupFd < 0)
        return failErrno(QStringLiteral("cannot create a backup in %1")
                             .arg(QDir::toNativeSeparators(QFileInfo(target).absolutePath())));
    const QByteArray backup = QFile::encodeName(backupPath);
    const bool backedUp = writeAll(backupFd, old.constData(), old.size()) && ::fsync(backupFd) == 0;
    const int backupErrno = errno;
    if (::close(backupFd) != 0 || !backedUp) {
        errno = backedUp ? errno : backupErrno;
        const QString reason = osError(errno);
        ::unlink(backup.constData());
        return fail(reason);
    }

    const int fd = ::open(QFile::encodeName(target).constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        const QString reason = osError(errno);
        ::unlink(backup.constData());
        return fail(reason);
    }
    bool ok = true;
    if (bytes.size() > old.size()) {
        const int rc = ::posix_fallocate(fd, 0, off_t(bytes.size()));
        if (rc != 0 && rc != EOPNOTSUPP && rc != EINVAL) {
            ::ftruncate(fd, off_t(old.size())); // undo a partial reservation
            errno = rc;
            ok = false;
        }
    }
    ok = ok && writeAll(fd, bytes.constData(), bytes.size(), 0) && ::ftruncate(fd, off_t(bytes.size())) == 0
        && ::fsync(fd) == 0;
    if (!ok) {
        const QString reason = osError(errno);
        m_spaceLeft = -1; // the old text fits in the blocks it came from
        const bool restored = writeAll(fd, old.constData(), old.size(), 0)
            && ::ftruncate(fd, off_t(old.size())) == 0 && ::fsync(fd) == 0;
        ::close(fd);
        if (!restored)
            return fail(reason
                + QStringLiteral("; the old text is kept in %1").arg(QDir::toNativeSeparators(backupPath)));
        ::unlink(backup.constData());
        return fail(reason);
    }
    if (::close(fd) != 0) {
        const QString reason = osError(errno);
        return fail(reason
            + QStringLiteral("; the old text is kept in %1").arg(QDir::toNativeSeparators(backupPath)));
    }
    ::unlink(backup.constData());
    return true;
}

} // namespace meshroute
