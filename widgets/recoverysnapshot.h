#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace meshroute {

class BaseHashCache;

// What one autosave writes: taken on the UI thread (the texts are shared, not
// copied), written on a worker, so a 14 MB file never stalls a slider drag.
struct RecoverySnapshot
{
    QString directory;
    struct File
    {
        QString path; // absolute, as recovery offers it
        QByteArray text;
        QByteArray base; // the bytes on disk the edits started from (null: unknown)
    };
    QList<File> files;
    QStringList inputs;
    std::shared_ptr<BaseHashCache> baseHashes; // the window's; null: hash every base

    // Writes the files, their bases and session.json (last) into `directory`,
    // and removes what an earlier snapshot wrote there and this one did not.
    bool write() const;

    // The hash session.json records of a base ("baseSha256").
    static QByteArray baseHash(const QByteArray &bytes);
};

} // namespace meshroute
