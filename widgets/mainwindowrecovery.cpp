#include "mainwindow.h"

#include "backgroundpool.h"
#include "basehashcache.h"
#include "crashedsession.h"
#include "document.h"
#include "documentmerge.h"
#include "filebytes.h"
#include "recoverysnapshot.h"
#include "yaml/yamlview.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QLocale>
#include <QLockFile>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

// MainWindow's crash recovery: autosave of the modified files into this
// session's folder, and the offer to recover a session that crashed.
namespace meshroute {

QString MainWindow::recoveryRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
}

void MainWindow::setAutosaveInterval(int milliseconds)
{
    m_autosaveTimer->setInterval(milliseconds);
}

bool MainWindow::ensureSessionDirectory()
{
    if (!m_sessionDir.isEmpty())
        return true;
    const QString dir
        = recoveryRoot() + QLatin1Char('/') + QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!QDir().mkpath(dir))
        return false;
    auto lock = std::make_unique<QLockFile>(dir + QStringLiteral("/lock"));
    lock->setStaleLockTime(0); // only a dead owner makes it stale, never age
    if (!lock->tryLock(0))
        return false;
    m_sessionLock = std::move(lock);
    m_sessionDir = dir;
    return true;
}

void MainWindow::removeRecovery()
{
    m_recoveryWrite.waitForFinished(); // a write in flight would bring the files back
    if (m_sessionDir.isEmpty())
        return;
    QDir dir(m_sessionDir);
    for (const QString &name : dir.entryList(QDir::Files))
        if (name != QLatin1String("lock"))
            dir.remove(name);
}

bool MainWindow::writeRecovery()
{
    return startRecoveryWrite(false);
}

bool MainWindow::startRecoveryWrite(bool inBackground)
{
    m_recoveryDirty = false;
    if (!m_document->isModified() && !m_yaml->hasPendingEdit()) {
        m_recoveryWrite.waitForFinished();
        removeRecovery();
        return true;
    }
    if (!ensureSessionDirectory())
        return false;
    RecoverySnapshot snapshot;
    snapshot.directory = m_sessionDir;
    snapshot.baseHashes = m_baseHashes;
    const QList<SourceFile> &files = m_document->files();
    for (int i = 0; i < files.size(); ++i) {
        // Text typed in the YAML view and not applied yet is recovered too.
        const QByteArray pending = m_yaml->pendingFileText(i);
        if (!m_document->isFileModified(i) && pending.isNull())
            continue;
        const auto disk = m_diskText.constFind(files[i].path);
        snapshot.files.append(
            { QFileInfo(files[i].path).absoluteFilePath(), pending.isNull() ? files[i].text : pending,
                disk == m_diskText.constEnd() ? QByteArray() : *disk });
    }
    for (const QString &input : std::as_const(m_inputs))
        snapshot.inputs.append(input == QLatin1String("-") ? input : QFileInfo(input).absoluteFilePath());
    // One write at a time, in order: the last one started leaves the newest set.
    m_recoveryWrite.waitForFinished();
    if (!inBackground)
        return snapshot.write();
    m_recoveryWrite
        = QtConcurrent::run(backgroundPool(), atBackgroundPriority([snapshot] { return snapshot.write(); }));
    return true;
}

bool MainWindow::offerRecovery()
{
    m_recoveryChecked = true;
    std::optional<CrashedSession> crashed = CrashedSession::newest(recoveryRoot(), m_sessionDir);
    if (!crashed)
        return false;
    const CrashedSession &c = *crashed;
    if (c.texts.isEmpty() || c.inputs.isEmpty()) {
        QDir(c.directory).removeRecursively();
        return false;
    }
    const auto answer = ask(tr("Recover unsaved changes"),
        tr("meshroute did not close properly%1. Unsaved changes to these files were kept:\n\n%2\n\n"
           "Recover them? (No discards them.)")
            .arg(c.saved.isValid() ? tr(" (last autosave %1)")
                                         .arg(QLocale().toString(c.saved.toLocalTime(), QLocale::ShortFormat))
                                   : QString(),
                c.names.join(QLatin1Char('\n'))),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) {
        QDir(c.directory).removeRecursively();
        return false;
    }
    if (m_document->isModified() && !maybeSave())
        return false; // keep the recovery files for the next start
    QHash<QString, QByteArray> texts = c.texts;
    if (!resolveChangedOnDisk(c.directory, c.bases, &texts))
        return false; // keep the recovery files for the next start
    openWithTexts(c.inputs, texts);
    addRecent(c.inputs);
    QDir(c.directory).removeRecursively();
    writeRecovery();
    statusBar()->showMessage(tr("Recovered unsaved changes; save to keep them"), 8000);
    return true;
}

bool MainWindow::resolveChangedOnDisk(
    const QString &sessionDir, const QList<QJsonObject> &bases, QHash<QString, QByteArray> *texts)
{
    for (const QJsonObject &entry : bases) {
        const QString path = entry.value(QStringLiteral("path")).toString();
        bool exists = false;
        const QByteArray disk = FileBytes::read(path, &exists);
        if (!exists || !texts->contains(path)
            || RecoverySnapshot::baseHash(disk)
                == entry.value(QStringLiteral("baseSha256")).toString().toLatin1())
            continue; // unchanged since the autosave (a deleted file is written again on save)
        bool haveBase = false;
        const QByteArray base = FileBytes::read(
            sessionDir + QLatin1Char('/') + entry.value(QStringLiteral("base")).toString(), &haveBase);
        QByteArray merged;
        const DocumentMerge::Result merge = haveBase
            ? DocumentMerge::merge(base, texts->value(path), disk, &merged)
            : DocumentMerge::Result::NotAligned;
        QString text
            = tr("%1 was changed on disk after the last autosave.\n\n"
                 "Keep Recovered: your recovered text replaces it; saving overwrites the change on disk.\n"
                 "Take Disk Version: drop the recovered edits of this file.\n")
                  .arg(QDir::toNativeSeparators(path));
        QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel;
        if (merge == DocumentMerge::Result::Merged) {
            text += tr(
                "Merge: the documents you edited get your text, the ones changed on disk keep theirs.\n");
            buttons |= QMessageBox::Apply;
        } else {
            text += merge == DocumentMerge::Result::Conflict
                ? tr("(No merge: the same document was changed on both sides.)\n")
                : tr("(No merge: the documents of the two versions do not line up.)\n");
        }
        text += tr("Cancel: decide later (the recovered text is kept).");
        const auto answer = ask(tr("File changed on disk since the autosave"), text, buttons,
            merge == DocumentMerge::Result::Merged ? QMessageBox::Apply : QMessageBox::Cancel,
            { { QMessageBox::Yes, tr("Keep Recovered") }, { QMessageBox::No, tr("Take Disk Version") },
                { QMessageBox::Apply, tr("Merge") } });
        if (answer == QMessageBox::Apply && merge == DocumentMerge::Result::Merged)
            texts->insert(path, merged);
        else if (answer == QMessageBox::No)
            texts->remove(path);
        else if (answer != QMessageBox::Yes)
            return false;
    }
    return true;
}

} // namespace meshroute
