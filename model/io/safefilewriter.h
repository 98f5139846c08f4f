#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

namespace meshroute {

// The one way meshroute writes a file, so that no failure can lose data.
// A regular file is replaced by a complete, flushed and synced copy renamed
// over it, with its mode and (as root) owner and group; a file with several
// hard links is rewritten in place behind a backup; a device or FIFO gets a
// plain stream write; a symlink is followed and kept. Any failed step (a full
// disk included) leaves the old file as it was and says why with the OS text.
class SafeFileWriter
{
public:
    explicit SafeFileWriter(QString path);

    // Refuse to replace the file unless it still holds exactly these bytes
    // just before the replace: another program changed it since we read it.
    // A file that no longer exists is written again (nothing to lose).
    void setExpectedContent(const QByteArray &bytes) { m_expected = bytes; }

    // Writes all of `bytes`; false with errorString() set when nothing changed
    // (or, for a device or FIFO, when the stream write failed).
    bool write(const QByteArray &bytes);

    // The reason of the last failure, without the path ("No space left on device").
    QString errorString() const { return m_error; }

    // Writes `bytes` to `path`; on failure *error gets "cannot write PATH: reason".
    static bool writeFile(const QString &path, const QByteArray &bytes, QString *error);

    // Fault injection for tests: the disk accepts only this many more bytes
    // (over all writes of this writer), then fails with ENOSPC.
    void setSpaceLimitForTesting(qint64 bytes) { m_spaceLeft = bytes; }
    // Runs after the new text is complete on disk and before the old file is
    // replaced: tests change the file there to prove the race check.
    void setBeforeReplaceForTesting(std::function<void()> hook) { m_beforeReplace = std::move(hook); }

private:
    bool writeAll(int fd, const char *data, qint64 size, qint64 offset = -1);
    bool fail(const QString &reason);
    bool failErrno(const QString &what);
    bool changedOnDisk(const QString &target);
    bool writeStream(const QString &target, const QByteArray &bytes);
    // mode < 0: a new file (the umask decides); owner/group -1: keep ours.
    bool replaceRegular(const QString &target, const QByteArray &bytes, int mode, int owner, int group);
    bool rewriteInPlace(const QString &target, const QByteArray &bytes);

    QString m_path;
    QString m_error;
    std::optional<QByteArray> m_expected;
    qint64 m_spaceLeft = -1;
    std::function<void()> m_beforeReplace;
};

} // namespace meshroute
