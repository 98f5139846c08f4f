#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

namespace meshroute {

// The SHA-256 of each file's base (the bytes on disk its edits started from),
// computed once per base instead of on every autosave: hashing a 14.6 MB base
// cost about 30 ms of a worker every 5 s while the user edited.
//
// An entry keeps its base alive, so a base with the same data pointer and size
// is the same bytes (a QByteArray's shared data never changes; writing to it
// detaches). Used from the autosave worker and the UI thread.
class BaseHashCache
{
public:
    QByteArray hash(const QString &path, const QByteArray &base);
    int computations() const;

private:
    struct Entry
    {
        QByteArray base;
        QByteArray hash;
    };
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    int m_computations = 0;
};

} // namespace meshroute
