#include "crashedsession.h"

#include "filebytes.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <algorithm>

namespace meshroute {

namespace {

struct Candidate
{
    QString dir;
    QDateTime saved;
    QJsonObject session;
};

// The folders under `root` no running meshroute owns, with a session that lists files.
QList<Candidate> unlockedSessions(const QString &root, const QString &ownDirectory)
{
    QList<Candidate> candidates;
    const QDir rootDir(root);
    for (const QString &name : rootDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString dir = rootDir.filePath(name);
        if (dir == ownDirectory)
            continue;
        QLockFile lock(dir + QStringLiteral("/lock"));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue; // a running meshroute owns it
        lock.unlock();
        bool ok = false;
        const QJsonObject session
            = QJsonDocument::fromJson(FileBytes::read(dir + QStringLiteral("/session.json"), &ok)).object();
        if (!ok || session.value(QStringLiteral("files")).toArray().isEmpty()) {
            QDir(dir).removeRecursively(); // nothing left to recover
            continue;
        }
        candidates.append({ dir,
            QDateTime::fromString(session.value(QStringLiteral("saved")).toString(), Qt::ISODate), session });
    }
    return candidates;
}

} // namespace

std::optional<CrashedSession> CrashedSession::newest(const QString &root, const QString &ownDirectory)
{
    if (!QDir(root).exists())
        return std::nullopt;
    QList<Candidate> candidates = unlockedSessions(root, ownDirectory);
    if (candidates.isEmpty())
        return std::nullopt;
    std::sort(candidates.begin(), candidates.end(),
        [](const Candidate &a, const Candidate &b) { return a.saved > b.saved; });
    const Candidate &c = candidates.first();

    CrashedSession s;
    s.directory = c.dir;
    s.saved = c.saved;
    for (const QJsonValue &v : c.session.value(QStringLiteral("files")).toArray()) {
        const QJsonObject entry = v.toObject();
        bool ok = false;
        const QByteArray text = FileBytes::read(
            c.dir + QLatin1Char('/') + entry.value(QStringLiteral("recovery")).toString(), &ok);
        if (!ok)
            continue;
        const QString path = entry.value(QStringLiteral("path")).toString();
        s.texts.insert(path, text);
        s.names.append(QDir::toNativeSeparators(path));
        if (entry.contains(QStringLiteral("baseSha256")))
            s.bases.append(entry);
    }
    for (const QJsonValue &v : c.session.value(QStringLiteral("inputs")).toArray())
        s.inputs.append(v.toString());
    return s;
}

} // namespace meshroute
