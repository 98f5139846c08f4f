#include "mainwindow.h"

#include "document.h"
#include "filebytes.h"
#include "loader.h"
#include "loadprogressbar.h"
#include "replacedocumenttext.h"
#include "safefilewriter.h"
#include "selection.h"
#include "undostack.h"
#include "workspaceloadjob.h"
#include "yaml/exportdialog.h"
#include "yaml/yamlview.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QStatusBar>
#include <QTimer>

// MainWindow's file work: open, save with a check for changes on disk, export,
// and reloading when another program changes an open file.
namespace meshroute {

void MainWindow::openPaths(const QStringList &paths)
{
    m_selection->clear();
    m_inputs = paths;
    if (WorkspaceLoadJob::worthAThread(paths)) {
        // The old workspace goes now, not when the new one is in: the user chose
        // to leave it (maybeSave), and nothing may be edited that the load would drop.
        m_document->setLoadResult(LoadResult {});
        m_loadProgress->begin(paths);
        m_loadJob->start(paths);
        return;
    }
    stopBackgroundLoad();
    m_document->open(paths);
    finishOpening(paths);
}

void MainWindow::stopBackgroundLoad()
{
    m_loadJob->discard();
    m_loadProgress->end();
}

bool MainWindow::isLoading() const
{
    return m_loadJob->isRunning();
}

void MainWindow::adoptBackgroundLoad()
{
    m_loadProgress->end();
    m_document->setLoadResult(m_loadJob->takeResult());
    finishOpening(m_loadJob->inputs());
}

void MainWindow::finishOpening(const QStringList &paths)
{
    m_recoveryDirty = true;
    addRecent(paths);
    if (!m_document->files().isEmpty())
        statusBar()->showMessage(tr("Opened %n file(s)", nullptr, int(m_document->files().size())), 4000);
    Q_EMIT workspaceLoaded();
}

void MainWindow::openFile()
{
    if (!maybeSave())
        return;
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open"), QString(), tr("YAML (*.yaml *.yml);;All files (*)"));
    if (!files.isEmpty())
        openPaths(files);
}

void MainWindow::openFolder()
{
    if (!maybeSave())
        return;
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Folder"));
    if (!dir.isEmpty())
        openPaths({ dir });
}

void MainWindow::newFile()
{
    if (!maybeSave())
        return;
    m_selection->clear();
    m_inputs.clear();
    stopBackgroundLoad();
    // "-" has no file on disk: Save asks for a name, as for standard input.
    m_document->setLoadResult(Loader::loadText(QByteArray(), QStringLiteral("-")));
    m_recoveryDirty = true;
    updateTitle();
    statusBar()->showMessage(tr("New untitled file: add resources with Edit > New Resource"), 6000);
}

void MainWindow::closeFiles()
{
    if ((m_document->files().isEmpty() && !isLoading()) || !maybeSave())
        return;
    QStringList names;
    for (const SourceFile &f : m_document->files())
        names << (f.path == QLatin1String("-") ? tr("untitled") : QFileInfo(f.path).fileName());
    m_selection->clear();
    m_inputs.clear();
    stopBackgroundLoad();
    m_document->open({});
    m_recoveryDirty = true;
    updateTitle();
    statusBar()->showMessage(tr("Closed %1").arg(names.join(QLatin1String(", "))), 6000);
}

bool MainWindow::saveFileChecked(int fileIndex, const QString &path)
{
    // Never overwrite a file that changed on disk since we read or wrote it without asking.
    bool exists = false;
    const QByteArray disk = FileBytes::read(path, &exists);
    auto overwrite = Document::Overwrite::OnlyIfUnchanged;
    if (exists && m_diskText.contains(path) && disk != m_diskText.value(path)) {
        const auto answer = ask(tr("File changed on disk"),
            tr("%1 was changed on disk by another program since meshroute read it.\n\n"
               "Overwrite it with your version?")
                .arg(QDir::toNativeSeparators(path)),
            QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Save)
            return false;
        overwrite = Document::Overwrite::EvenIfChanged;
    }
    QString error;
    if (!m_document->saveFileAs(fileIndex, path, &error, overwrite)) {
        // The file on disk is as it was and the edits stay open (and modified).
        statusBar()->showMessage(tr("Could not save: %1").arg(error));
        ask(tr("Save failed"),
            tr("Could not save: %1.\n\nThe file on disk was not changed; your edits are still open.")
                .arg(error),
            QMessageBox::Ok, QMessageBox::Ok);
        return false;
    }
    return true;
}

bool MainWindow::save()
{
    m_yaml->applyPendingEdit(); // Ctrl+S while typing in the YAML view saves what was typed
    const QList<SourceFile> &files = m_document->files();
    int saved = 0;
    for (int i = 0; i < files.size(); ++i) {
        if (!m_document->isFileModified(i))
            continue;
        if (files[i].path == QLatin1String("-")) {
            if (!saveAs())
                return false;
            ++saved;
            continue;
        }
        if (!saveFileChecked(i, files[i].path))
            return false;
        ++saved;
    }
    if (!m_document->isModified())
        m_document->undoStack()->setClean();
    writeRecovery();
    updateTitle();
    statusBar()->showMessage(saved ? tr("Saved %n file(s)", nullptr, saved) : tr("Nothing to save"), 4000);
    return true;
}

bool MainWindow::saveAs()
{
    m_yaml->applyPendingEdit();
    const QList<SourceFile> &files = m_document->files();
    if (files.isEmpty())
        return false;
    int fileIndex = 0;
    if (const Resource *r = m_document->resource(m_selection->current().resourceId))
        fileIndex = r->fileIndex;
    const QString suggested = files[fileIndex].path == QLatin1String("-") ? QStringLiteral("untitled.yaml")
                                                                          : files[fileIndex].path;
    const QString path = m_savePathPrompt ? m_savePathPrompt(tr("Save As"), suggested)
                                          : QFileDialog::getSaveFileName(this, tr("Save As"), suggested,
                                              tr("YAML (*.yaml *.yml);;All files (*)"));
    if (path.isEmpty())
        return false;
    if (!saveFileChecked(fileIndex, path))
        return false;
    if (m_inputs.size() == 1 && files.size() == 1)
        m_inputs = { path };
    addRecent({ path });
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

bool MainWindow::maybeSave()
{
    m_yaml->applyPendingEdit();
    if (!m_document->isModified())
        return true;
    QStringList names;
    const QList<SourceFile> &files = m_document->files();
    for (int i = 0; i < files.size(); ++i)
        if (m_document->isFileModified(i))
            names.append(QFileInfo(files[i].path).fileName());
    const auto answer
        = ask(tr("Unsaved changes"), tr("Save your changes to %1?").arg(names.join(QLatin1String(", "))),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    if (answer == QMessageBox::Discard) {
        removeRecovery();
        return true;
    }
    return false;
}

void MainWindow::exportYaml()
{
    ExportDialog dialog(m_document, this);
    connect(&dialog, &ExportDialog::locationActivated, this,
        [this, &dialog](int fileIndex, int line, int column) {
            dialog.reject();
            goToLine(fileIndex, line, column);
        });
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(
            tr("Exported to %1").arg(QDir::toNativeSeparators(dialog.outputPath())), 5000);
}

void MainWindow::watchFiles()
{
    const QStringList watched = m_watcher->files();
    QStringList wanted;
    for (const SourceFile &f : m_document->files())
        if (f.path != QLatin1String("-") && QFileInfo::exists(f.path))
            wanted.append(f.path);
    for (const QString &p : watched)
        if (!wanted.contains(p))
            m_watcher->removePath(p);
    for (const QString &p : std::as_const(wanted))
        if (!watched.contains(p))
            m_watcher->addPath(p);
}

void MainWindow::onFileChanged(const QString &path)
{
    if (!m_changedPaths.contains(path))
        m_changedPaths.append(path);
    m_externalTimer->start();
}

void MainWindow::checkExternalChanges()
{
    if (m_askingExternal) {
        m_externalTimer->start();
        return;
    }
    const QStringList paths = std::exchange(m_changedPaths, {});
    watchFiles(); // a rename-replace drops the watch: put it back
    QStringList changedClean;
    QStringList changedModified;
    const QList<SourceFile> &files = m_document->files();
    for (const QString &path : paths) {
        bool exists = false;
        const QByteArray disk = FileBytes::read(path, &exists);
        if (!exists) {
            statusBar()->showMessage(tr("%1 was deleted or moved on disk; saving writes it again")
                                         .arg(QDir::toNativeSeparators(path)),
                8000);
            continue;
        }
        if (disk == m_diskText.value(path))
            continue; // our own save, or a touch
        for (int i = 0; i < files.size(); ++i)
            if (files[i].path == path)
                (m_document->isFileModified(i) ? changedModified : changedClean).append(path);
    }
    if (changedClean.isEmpty() && changedModified.isEmpty())
        return;
    if (!changedModified.isEmpty()) {
        m_askingExternal = true;
        const auto answer = ask(tr("File changed on disk"),
            tr("%1 changed on disk, and you have unsaved changes to it.\n\n"
               "Reload it and lose your changes to it?")
                .arg(changedModified.join(QLatin1String(", "))),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        m_askingExternal = false;
        if (answer != QMessageBox::Yes) {
            // Keep ours; saving will ask before overwriting.
            statusBar()->showMessage(
                tr("Kept your version; saving will ask before overwriting the file on disk"), 8000);
            if (changedClean.isEmpty())
                return;
            changedModified.clear();
        }
    }
    // Reload from disk, putting back the edits of every file that is not being replaced.
    QHash<QString, QByteArray> keep;
    for (int i = 0; i < files.size(); ++i)
        if (m_document->isFileModified(i) && !changedModified.contains(files[i].path)
            && !changedClean.contains(files[i].path))
            keep.insert(files[i].path, files[i].text);
    const SelectionTarget selected = m_selection->current();
    const Resource *r = m_document->resource(selected.resourceId);
    const QString selectedName = r ? r->displayName() : QString();
    const QStringList lost = openWithTexts(m_inputs, keep);
    if (!selectedName.isEmpty())
        for (const Resource &candidate : m_document->workspace().resources)
            if (candidate.displayName() == selectedName) {
                SelectionTarget t = selected;
                t.resourceId = candidate.id;
                m_selection->select(t);
                break;
            }
    statusBar()->showMessage(
        tr("Reloaded %1 (changed on disk)").arg((changedClean + changedModified).join(QLatin1String(", "))),
        8000);
    Q_UNUSED(lost);
}

void MainWindow::reload()
{
    if (m_inputs.isEmpty()) {
        // An untitled file (File > New) has nothing on disk to read again.
        statusBar()->showMessage(tr("Nothing to reload: no file of the workspace is on disk yet"), 4000);
        return;
    }
    QHash<QString, QByteArray> keep;
    const QList<SourceFile> &files = m_document->files();
    for (int i = 0; i < files.size(); ++i)
        if (m_document->isFileModified(i))
            keep.insert(files[i].path, files[i].text);
    openWithTexts(m_inputs, keep);
    statusBar()->showMessage(tr("Reloaded from disk"), 4000);
}

QStringList MainWindow::openWithTexts(const QStringList &inputs, const QHash<QString, QByteArray> &texts)
{
    m_selection->clear();
    m_inputs = inputs;
    stopBackgroundLoad();
    m_document->open(inputs);
    QStringList failed;
    if (texts.isEmpty())
        return failed;
    // The texts go back as edits on top of what is on disk, so the file shows
    // as modified, Undo returns to the disk version and Save writes them.
    UndoStack *stack = m_document->undoStack();
    bool macro = false;
    const QList<SourceFile> &files = m_document->files();
    for (int i = 0; i < files.size(); ++i) {
        const auto it = texts.constFind(files[i].path);
        if (it == texts.constEnd() || *it == files[i].text)
            continue;
        const LoadResult parsed = Loader::loadText(*it, files[i].path);
        if (parsed.files.isEmpty() || parsed.files.first().spans.size() != files[i].spans.size()) {
            // The documents do not line up one to one: keep the text beside the file rather than guess.
            QString ignored; // the dialog below names the file either way
            SafeFileWriter::writeFile(files[i].path + QStringLiteral(".recovered"), *it, &ignored);
            failed.append(files[i].path);
            continue;
        }
        const SourceFile &mine = parsed.files.first();
        for (int d = 0; d < int(mine.spans.size()); ++d) {
            const QByteArray after
                = mine.text.mid(mine.spans[std::size_t(d)].offset, mine.spans[std::size_t(d)].length);
            const QByteArray before = m_document->documentText(i, d);
            if (after == before)
                continue;
            if (!macro) {
                stack->beginMacro(tr("Recover unsaved changes"));
                macro = true;
            }
            stack->push(
                new ReplaceDocumentText(m_document, i, d, before, after, tr("Recover unsaved changes")));
        }
    }
    if (macro)
        stack->endMacro();
    if (!failed.isEmpty())
        ask(tr("Recovery"),
            tr("The unsaved text of %1 could not be applied document by document; it was saved beside the "
               "file as "
               "\"<name>.recovered\".")
                .arg(failed.join(QLatin1String(", "))),
            QMessageBox::Ok, QMessageBox::Ok);
    updateTitle();
    return failed;
}

} // namespace meshroute
