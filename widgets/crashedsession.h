#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace meshroute {

// The recovery files of a meshroute session that crashed, as read back from
// its folder under MainWindow::recoveryRoot(). A folder is a crashed
// session's when no running window holds its lock.
struct CrashedSession
{
    QString directory;
    QDateTime saved; // the last autosave (invalid when unknown)
    QHash<QString, QByteArray> texts; // file path -> recovered text
    QStringList names; // the recovered files, for the user
    QList<QJsonObject> bases; // entries that know the disk bytes their edits started from
    QStringList inputs; // what the session had opened

    // The newest crashed session under `root` other than `ownDirectory`.
    // Sessions with nothing left to recover are removed on the way.
    static std::optional<CrashedSession> newest(const QString &root, const QString &ownDirectory);
};

} // namespace meshroute
