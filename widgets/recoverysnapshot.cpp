#include "recoverysnapshot.h"

#include "basehashcache.h"
#include "safefilewriter.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace meshroute {

QByteArray RecoverySnapshot::baseHash(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

bool RecoverySnapshot::write() const
{
    QJsonArray entries;
    QStringList written;
    QString error;
    for (int i = 0; i < files.size(); ++i) {
        const RecoverySnapshot::File &file = files[i];
        const QString name = QStringLiteral("file%1.yaml").arg(i);
        if (!SafeFileWriter::writeFile(directory + QLatin1Char('/') + name, file.text, &error))
            return false;
        written.append(name);
        QJsonObject entry { { QStringLiteral("path"), file.path }, { QStringLiteral("recovery"), name } };
        if (!file.base.isNull()) {
            // What the edits were based on, so that recovery sees a file changed on
            // disk since (hash) and can merge (text). Named by its hash: written once.
            const QByteArray hash = baseHashes ? baseHashes->hash(file.path, file.base) : baseHash(file.base);
            const QString baseName = QStringLiteral("base-%1.yaml").arg(QString::fromLatin1(hash.left(32)));
            if (!QFile::exists(directory + QLatin1Char('/') + baseName)
                && !SafeFileWriter::writeFile(directory + QLatin1Char('/') + baseName, file.base, &error))
                return false;
            written.append(baseName);
            entry.insert(QStringLiteral("base"), baseName);
            entry.insert(QStringLiteral("baseSha256"), QString::fromLatin1(hash));
            entry.insert(QStringLiteral("baseSize"), double(file.base.size()));
        }
        entries.append(entry);
    }
    QJsonArray inputList;
    for (const QString &input : inputs)
        inputList.append(input);
    const QJsonObject session { { QStringLiteral("version"), 1 },
        { QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) },
        { QStringLiteral("inputs"), inputList }, { QStringLiteral("files"), entries } };
    // The session file last: a crash in the middle leaves the previous complete set.
    if (!SafeFileWriter::writeFile(
            directory + QStringLiteral("/session.json"), QJsonDocument(session).toJson(), &error))
        return false;
    QDir dir(directory);
    for (const QString &name :
        dir.entryList({ QStringLiteral("file*.yaml"), QStringLiteral("base-*.yaml") }, QDir::Files))
        if (!written.contains(name))
            dir.remove(name);
    return true;
}

} // namespace meshroute
