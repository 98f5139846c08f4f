#include "mainwindow.h"

#include "backgroundpool.h"
#include "document.h"
#include "documentmerge.h"
#include "graph/graphpanel.h"
#include "graph/graphview.h"
#include "loader.h"
#include "preview/previewpanel.h"
#include "problems/problemsview.h"
#include "replacedocumenttext.h"
#include "resourcetree/resourceicons.h"
#include "resourcetree/resourcetreeview.h"
#include "safefilewriter.h"
#include "selection.h"
#include "undostack.h"
#include "yaml/exportdialog.h"
#include "yaml/yamlview.h"

#include "weights/weightpanel.h"
#include "matches/rulelisteditor.h"
#include "resources/resourceeditor.h"
#include "resources/newresourcedialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLockFile>
#include <QMenuBar>
#include <QMimeData>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace meshroute {

namespace {

constexpr int maxRecentFiles = 10;
constexpr int defaultAutosaveMs = 5000;
// Height the Preview dock takes when raised: its table and one plot, readable.
constexpr int previewHeight = 430;

MainWindow::Prompt &defaultPrompt()
{
    static MainWindow::Prompt prompt;
    return prompt;
}

QByteArray readFile(const QString &path, bool *ok = nullptr)
{
    QFile f(path);
    const bool opened = f.open(QIODevice::ReadOnly);
    if (ok)
        *ok = opened;
    return opened ? f.readAll() : QByteArray();
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new Document(this))
    , m_selection(new Selection(this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_externalTimer(new QTimer(this))
    , m_autosaveTimer(new QTimer(this))
    , m_prompt(defaultPrompt())
{
    ResourceIcons::ensureLoaded();
    setWindowIcon(QIcon(QStringLiteral(":/icons/meshroute.svg")));
    setAcceptDrops(true);
    setDockOptions(
        QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks | QMainWindow::AllowNestedDocks);

    m_graph = new GraphPanel(m_document, m_selection, this);
    setCentralWidget(m_graph);
    createDocks();
    createActions();

    m_counts = new QLabel(this);
    statusBar()->addPermanentWidget(m_counts);

    connect(m_document, &Document::changed, this, &MainWindow::onDocumentChanged);
    connect(m_document->undoStack(), &UndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_problems, &ProblemsView::countsChanged, this, &MainWindow::updateStatus);
    connect(m_problems, &ProblemsView::goToLine, this, &MainWindow::goToLine);

    // Editors write a file in several steps (or replace it by a rename):
    // wait for them to finish before reading it.
    m_externalTimer->setSingleShot(true);
    m_externalTimer->setInterval(250);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &MainWindow::onFileChanged);
    connect(m_externalTimer, &QTimer::timeout, this, &MainWindow::checkExternalChanges);

    m_autosaveTimer->setInterval(defaultAutosaveMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, [this] {
        // Still writing the last set (a slow disk): try again on the next tick.
        if (m_recoveryDirty && !m_recoveryWrite.isRunning())
            startRecoveryWrite(true);
    });
    m_autosaveTimer->start();

    QSettings settings;
    // Most of the screen by default: the graph, the inspector and the YAML all need width.
    const QSize available = screen() ? screen()->availableGeometry().size() : QSize(1600, 1000);
    resize(std::min(1800, available.width() * 94 / 100), std::min(1100, available.height() * 94 / 100));
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateRecentMenu();
    updateTitle();
    updateStatus();

    // After the event loop starts (and after main() opened its inputs), look
    // for a session that crashed.
    QTimer::singleShot(0, this, [this] {
        if (!m_recoveryChecked)
            offerRecovery();
    });
}

MainWindow::~MainWindow()
{
    // A clean exit: nothing to recover.
    removeRecovery();
    if (m_sessionLock)
        m_sessionLock->unlock();
    if (!m_sessionDir.isEmpty())
        QDir(m_sessionDir).removeRecursively();
}

void MainWindow::setDefaultPrompt(Prompt prompt)
{
    defaultPrompt() = std::move(prompt);
}

void MainWindow::createDocks()
{
    auto makeDock
        = [this](const QString &title, const QString &name, QWidget *widget, Qt::DockWidgetArea area) {
              auto *dock = new QDockWidget(title, this);
              dock->setObjectName(name);
              dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable
                  | QDockWidget::DockWidgetClosable);
              dock->setWidget(widget);
              addDockWidget(area, dock);
              return dock;
          };

    m_tree = new ResourceTreeView(m_document, m_selection, this);
    QDockWidget *resources
        = makeDock(tr("Resources"), QStringLiteral("resourcesDock"), m_tree, Qt::LeftDockWidgetArea);

    // The inspector: the editors of the selected item, each showing itself
    // for what it edits (a rule's weights, a VirtualService's rules, a resource).
    m_inspector = new QWidget(this);
    auto *inspectorLayout = new QVBoxLayout(m_inspector);
    inspectorLayout->setContentsMargins(6, 6, 6, 6);
    int editors = 0;
    inspectorLayout->addWidget(new ResourceEditor(m_document, m_selection, m_inspector));
    ++editors;
    inspectorLayout->addWidget(new WeightPanel(m_document, m_selection, m_inspector));
    ++editors;
    inspectorLayout->addWidget(new RuleListEditor(m_document, m_selection, m_inspector));
    ++editors;
    if (editors == 0) {
        auto *placeholder
            = new QLabel(tr("Select a rule, a VirtualService or a resource to edit it here."), m_inspector);
        placeholder->setWordWrap(true);
        inspectorLayout->addWidget(placeholder);
    }
    inspectorLayout->addStretch(1);
    // Refused edits explain themselves in the status bar.
    for (QWidget *editor : m_inspector->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly))
        if (editor->metaObject()->indexOfSignal("editFailed(QString)") >= 0)
            connect(editor, SIGNAL(editFailed(QString)), statusBar(), SLOT(showMessage(QString)));
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_inspector);
    QDockWidget *inspector
        = makeDock(tr("Inspector"), QStringLiteral("inspectorDock"), scroll, Qt::RightDockWidgetArea);

    m_yaml = new YamlView(m_document, m_selection, this);
    connect(m_yaml, &QPlainTextEdit::textChanged, this, [this] { m_recoveryDirty = true; });
    QDockWidget *yaml = makeDock(tr("YAML"), QStringLiteral("yamlDock"), m_yaml, Qt::RightDockWidgetArea);
    splitDockWidget(inspector, yaml, Qt::Vertical);

    m_problems = new ProblemsView(m_document, m_selection, this);
    QDockWidget *problems
        = makeDock(tr("Problems"), QStringLiteral("problemsDock"), m_problems, Qt::BottomDockWidgetArea);

    // The Preview's plots need room, but only while it is shown: in a scroll area its
    // minimum size does not push the graph aside while Problems is the raised tab.
    auto *previewScroll = new QScrollArea(this);
    previewScroll->setWidgetResizable(true);
    previewScroll->setFrameShape(QFrame::NoFrame);
    auto *previewPanel = new PreviewPanel(m_document, m_selection, this);
    previewScroll->setWidget(previewPanel);
    QDockWidget *preview
        = makeDock(tr("Preview"), QStringLiteral("previewDock"), previewScroll, Qt::BottomDockWidgetArea);
    tabifyDockWidget(problems, preview);
    problems->raise();
    // A tab behind Problems lights nothing in the graph; raised, it lights its request's path.
    previewPanel->setOnScreen(false);
    connect(preview, &QDockWidget::visibilityChanged, previewPanel, &PreviewPanel::setOnScreen);
    connect(preview, &QDockWidget::visibilityChanged, this, [this, preview](bool visible) {
        if (visible && !preview->isFloating() && preview->height() < previewHeight)
            resizeDocks({ preview }, { previewHeight }, Qt::Vertical);
    });

    resizeDocks({ resources }, { 300 }, Qt::Horizontal);
    resizeDocks({ inspector }, { 500 }, Qt::Horizontal);
    resizeDocks({ inspector, yaml }, { 420, 480 }, Qt::Vertical);
    resizeDocks({ problems }, { 170 }, Qt::Vertical);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(
        QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open File..."), this, &MainWindow::openFile);
    open->setShortcut(QKeySequence::Open);
    QAction *openFolder = file->addAction(QIcon::fromTheme(QStringLiteral("folder-open")),
        tr("Open &Folder..."), this, &MainWindow::openFolder);
    openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    QAction *save = file->addAction(
        QIcon::fromTheme(QStringLiteral("document-save")), tr("&Save"), this, &MainWindow::save);
    save->setShortcut(QKeySequence::Save);
    save->setToolTip(tr("Save every modified file, changing only the bytes that were edited"));
    QAction *saveAs = file->addAction(
        QIcon::fromTheme(QStringLiteral("document-save-as")), tr("Save &As..."), this, &MainWindow::saveAs);
    saveAs->setShortcut(QKeySequence::SaveAs);
    QAction *exportAction = file->addAction(tr("&Export..."), this, &MainWindow::exportYaml);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setToolTip(tr("Write kubectl-ready YAML of the workspace, cleaned of cluster noise"));
    QAction *reload = file->addAction(tr("Re&load"), this, &MainWindow::reload);
    reload->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QAction *quit = file->addAction(
        QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    UndoStack *stack = m_document->undoStack();
    // Typing not yet applied in the YAML view is undone there first (its own history).
    QAction *undo = edit->addAction(QIcon::fromTheme(QStringLiteral("edit-undo")), tr("&Undo"), this,
        [this, stack] { m_yaml->document()->isUndoAvailable() ? m_yaml->undo() : stack->undo(); });
    undo->setShortcut(QKeySequence::Undo);
    undo->setEnabled(stack->canUndo());
    connect(stack, &UndoStack::canUndoChanged, undo, &QAction::setEnabled);
    connect(stack, &UndoStack::undoTextChanged, undo, [undo](const QString &text) {
        undo->setText(text.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(text));
    });
    QAction *redo = edit->addAction(QIcon::fromTheme(QStringLiteral("edit-redo")), tr("&Redo"), this,
        [this, stack] { m_yaml->document()->isRedoAvailable() ? m_yaml->redo() : stack->redo(); });
    redo->setShortcuts({ QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::Key_Y) });
    redo->setEnabled(stack->canRedo());
    connect(stack, &UndoStack::canRedoChanged, redo, &QAction::setEnabled);
    connect(stack, &UndoStack::redoTextChanged, redo, [redo](const QString &text) {
        redo->setText(text.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(text));
    });
    undo->setObjectName(QStringLiteral("undoAction"));
    redo->setObjectName(QStringLiteral("redoAction"));
    save->setObjectName(QStringLiteral("saveAction"));
    edit->addSeparator();
    QAction *newResource = edit->addAction(
        QIcon::fromTheme(QStringLiteral("document-new")), tr("&New Resource..."), this, [this] {
            NewResourceDialog dialog(m_document, m_selection, this);
            if (dialog.exec() == QDialog::Accepted)
                statusBar()->showMessage(m_document->undoStack()->undoText(), 4000);
        });
    newResource->setShortcut(QKeySequence::New);
    newResource->setObjectName(QStringLiteral("newResourceAction"));
    newResource->setToolTip(
        tr("Add a VirtualService, DestinationRule, Gateway or canary split from a template"));
    // The tree's context menu: New Resource... above its own Delete.
    m_tree->insertAction(m_tree->deleteAction(), newResource);
    connect(m_tree, &ResourceTreeView::editFailed, statusBar(), [this](const QString &text) {
        statusBar()->showMessage(text, 6000);
    });

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    QAction *fit = m_viewMenu->addAction(tr("&Fit Graph"), m_graph, &GraphPanel::fit);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction *zoomIn = m_viewMenu->addAction(QIcon::fromTheme(QStringLiteral("zoom-in")), tr("Zoom &In"),
        m_graph->view(), [this] { m_graph->view()->zoomIn(); });
    zoomIn->setShortcuts({ QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal) });
    QAction *zoomOut = m_viewMenu->addAction(QIcon::fromTheme(QStringLiteral("zoom-out")), tr("Zoom &Out"),
        m_graph->view(), [this] { m_graph->view()->zoomOut(); });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *filter = m_viewMenu->addAction(tr("Filter Graph by &Host"), this, [this] {
        m_graph->filterEdit()->setFocus();
        m_graph->filterEdit()->selectAll();
    });
    filter->setShortcut(QKeySequence::Find);
    fit->setObjectName(QStringLiteral("fitAction"));
    zoomIn->setObjectName(QStringLiteral("zoomInAction"));
    zoomOut->setObjectName(QStringLiteral("zoomOutAction"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About meshroute"), this, &MainWindow::about);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About meshroute"),
        tr("<h3>meshroute %1</h3><p>An editor for Istio traffic policy: see where requests go, "
           "change weights and rules, and save without losing a byte of what you wrote.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(QStringLiteral(MESHROUTE_VERSION), QString::fromLatin1(qVersion())));
}

QMessageBox::StandardButton MainWindow::ask(const QString &title, const QString &text,
    QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton,
    const QHash<QMessageBox::StandardButton, QString> &labels)
{
    if (m_prompt)
        return m_prompt(title, text, buttons, defaultButton);
    QMessageBox box(QMessageBox::Question, title, text, buttons, this);
    box.setDefaultButton(defaultButton);
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it)
        if (QAbstractButton *button = box.button(it.key()))
            button->setText(it.value());
    return QMessageBox::StandardButton(box.exec());
}

void MainWindow::openPaths(const QStringList &paths)
{
    m_selection->clear();
    m_inputs = paths;
    m_document->open(paths);
    m_recoveryDirty = true;
    addRecent(paths);
    if (!m_document->files().isEmpty())
        statusBar()->showMessage(tr("Opened %n file(s)", nullptr, int(m_document->files().size())), 4000);
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

void MainWindow::addRecent(const QStringList &paths)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &p : paths) {
        if (p == QLatin1String("-"))
            continue;
        const QString absolute = QFileInfo(p).absoluteFilePath();
        recent.removeAll(absolute);
        recent.prepend(absolute);
    }
    while (recent.size() > maxRecentFiles)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent[i];
        QAction *a = m_recentMenu->addAction(
            QStringLiteral("&%1 %2").arg((i + 1) % 10).arg(QFileInfo(path).fileName()), this, [this, path] {
                if (maybeSave())
                    openPaths({ path });
            });
        a->setToolTip(path);
        a->setStatusTip(path);
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear Recent Files"), this, [this] {
        QSettings().remove(QStringLiteral("recentFiles"));
        updateRecentMenu();
    });
}

void MainWindow::onDocumentChanged(const ChangeEvent &event)
{
    if (event.type == ChangeEvent::Type::Reset) {
        m_diskText.clear();
        for (const SourceFile &f : m_document->files())
            if (f.path != QLatin1String("-"))
                m_diskText.insert(f.path, f.text);
        watchFiles();
    } else if (event.type == ChangeEvent::Type::Saved) {
        const QList<SourceFile> &files = m_document->files();
        if (event.fileIndex >= 0 && event.fileIndex < files.size())
            m_diskText.insert(files[event.fileIndex].path, files[event.fileIndex].text);
        watchFiles();
    }
    m_recoveryDirty = true;
    updateTitle();
    updateStatus();
}

void MainWindow::updateTitle()
{
    const QList<SourceFile> &files = m_document->files();
    QString name;
    if (m_inputs.size() == 1 && QFileInfo(m_inputs.first()).isDir())
        name = QFileInfo(m_inputs.first()).fileName();
    else if (files.size() == 1)
        name = files.first().path == QLatin1String("-") ? tr("standard input")
                                                        : QFileInfo(files.first().path).fileName();
    else if (files.size() > 1)
        name = tr("%1 and %n more", nullptr, int(files.size()) - 1)
                   .arg(QFileInfo(files.first().path).fileName());
    setWindowTitle(
        name.isEmpty() ? QStringLiteral("meshroute[*]") : QStringLiteral("%1[*] \u2014 meshroute").arg(name));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateStatus()
{
    const int resources = int(m_document->workspace().resources.size());
    const int errors = m_problems ? m_problems->errorCount() : 0;
    const int warnings = m_problems ? m_problems->warningCount() : 0;
    auto count = [](int n, const char *one, const char *many) {
        return QString::number(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? one : many);
    };
    m_counts->setText(count(resources, "resource", "resources") + QStringLiteral("   ")
        + count(errors, "error", "errors") + QStringLiteral("   ") + count(warnings, "warning", "warnings"));
}

void MainWindow::goToLine(int fileIndex, int line, int column)
{
    if (QWidget *dock = m_yaml->parentWidget(); dock && !dock->isVisible())
        dock->show();
    m_yaml->goToLine(fileIndex, line, column);
}

bool MainWindow::saveFileChecked(int fileIndex, const QString &path)
{
    // Never overwrite a file that changed on disk since we read or wrote it without asking.
    bool exists = false;
    const QByteArray disk = readFile(path, &exists);
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    m_autosaveTimer->stop();
    removeRecovery();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty()
        && std::all_of(urls.begin(), urls.end(), [](const QUrl &u) { return u.isLocalFile(); }))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    // Let the drop finish before a possible question.
    QTimer::singleShot(0, this, [this, paths] {
        if (maybeSave())
            openPaths(paths);
    });
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

// --- Files changed on disk ---------------------------------------------------

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
        const QByteArray disk = readFile(path, &exists);
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

// --- Crash recovery -----------------------------------------------------------

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

namespace {

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
};

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

bool writeRecoverySnapshot(const RecoverySnapshot &snapshot)
{
    QJsonArray entries;
    QStringList written;
    QString error;
    for (int i = 0; i < snapshot.files.size(); ++i) {
        const RecoverySnapshot::File &file = snapshot.files[i];
        const QString name = QStringLiteral("file%1.yaml").arg(i);
        if (!SafeFileWriter::writeFile(snapshot.directory + QLatin1Char('/') + name, file.text, &error))
            return false;
        written.append(name);
        QJsonObject entry { { QStringLiteral("path"), file.path }, { QStringLiteral("recovery"), name } };
        if (!file.base.isNull()) {
            // What the edits were based on, so that recovery sees a file changed on
            // disk since (hash) and can merge (text). Named by its hash: written once.
            const QByteArray hash = sha256Hex(file.base);
            const QString baseName = QStringLiteral("base-%1.yaml").arg(QString::fromLatin1(hash.left(32)));
            if (!QFile::exists(snapshot.directory + QLatin1Char('/') + baseName)
                && !SafeFileWriter::writeFile(
                    snapshot.directory + QLatin1Char('/') + baseName, file.base, &error))
                return false;
            written.append(baseName);
            entry.insert(QStringLiteral("base"), baseName);
            entry.insert(QStringLiteral("baseSha256"), QString::fromLatin1(hash));
            entry.insert(QStringLiteral("baseSize"), double(file.base.size()));
        }
        entries.append(entry);
    }
    QJsonArray inputs;
    for (const QString &input : snapshot.inputs)
        inputs.append(input);
    const QJsonObject session { { QStringLiteral("version"), 1 },
        { QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) },
        { QStringLiteral("inputs"), inputs }, { QStringLiteral("files"), entries } };
    // The session file last: a crash in the middle leaves the previous complete set.
    if (!SafeFileWriter::writeFile(
            snapshot.directory + QStringLiteral("/session.json"), QJsonDocument(session).toJson(), &error))
        return false;
    QDir dir(snapshot.directory);
    for (const QString &name :
        dir.entryList({ QStringLiteral("file*.yaml"), QStringLiteral("base-*.yaml") }, QDir::Files))
        if (!written.contains(name))
            dir.remove(name);
    return true;
}

} // namespace

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
        return writeRecoverySnapshot(snapshot);
    m_recoveryWrite = QtConcurrent::run(backgroundPool(), [snapshot] { return writeRecoverySnapshot(snapshot); });
    return true;
}

bool MainWindow::offerRecovery()
{
    m_recoveryChecked = true;
    QDir root(recoveryRoot());
    if (!root.exists())
        return false;
    struct Candidate
    {
        QString dir;
        QDateTime saved;
        QJsonObject session;
    };
    QList<Candidate> candidates;
    for (const QString &name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString dir = root.filePath(name);
        if (dir == m_sessionDir)
            continue;
        QLockFile lock(dir + QStringLiteral("/lock"));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue; // a running meshroute owns it
        lock.unlock();
        bool ok = false;
        const QJsonObject session
            = QJsonDocument::fromJson(readFile(dir + QStringLiteral("/session.json"), &ok)).object();
        if (!ok || session.value(QStringLiteral("files")).toArray().isEmpty()) {
            QDir(dir).removeRecursively(); // nothing left to recover
            continue;
        }
        candidates.append({ dir,
            QDateTime::fromString(session.value(QStringLiteral("saved")).toString(), Qt::ISODate), session });
    }
    if (candidates.isEmpty())
        return false;
    std::sort(candidates.begin(), candidates.end(),
        [](const Candidate &a, const Candidate &b) { return a.saved > b.saved; });
    const Candidate &c = candidates.first();

    QHash<QString, QByteArray> texts;
    QStringList names;
    QList<QJsonObject> bases; // entries that know the disk bytes their edits started from
    for (const QJsonValue &v : c.session.value(QStringLiteral("files")).toArray()) {
        const QJsonObject entry = v.toObject();
        bool ok = false;
        const QByteArray text
            = readFile(c.dir + QLatin1Char('/') + entry.value(QStringLiteral("recovery")).toString(), &ok);
        if (!ok)
            continue;
        const QString path = entry.value(QStringLiteral("path")).toString();
        texts.insert(path, text);
        names.append(QDir::toNativeSeparators(path));
        if (entry.contains(QStringLiteral("baseSha256")))
            bases.append(entry);
    }
    QStringList inputs;
    for (const QJsonValue &v : c.session.value(QStringLiteral("inputs")).toArray())
        inputs.append(v.toString());
    if (texts.isEmpty() || inputs.isEmpty()) {
        QDir(c.dir).removeRecursively();
        return false;
    }
    const auto answer = ask(tr("Recover unsaved changes"),
        tr("meshroute did not close properly%1. Unsaved changes to these files were kept:\n\n%2\n\n"
           "Recover them? (No discards them.)")
            .arg(c.saved.isValid() ? tr(" (last autosave %1)")
                                         .arg(QLocale().toString(c.saved.toLocalTime(), QLocale::ShortFormat))
                                   : QString(),
                names.join(QLatin1Char('\n'))),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) {
        QDir(c.dir).removeRecursively();
        return false;
    }
    if (m_document->isModified() && !maybeSave())
        return false; // keep the recovery files for the next start
    if (!resolveChangedOnDisk(c.dir, bases, &texts))
        return false; // keep the recovery files for the next start
    openWithTexts(inputs, texts);
    addRecent(inputs);
    QDir(c.dir).removeRecursively();
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
        const QByteArray disk = readFile(path, &exists);
        if (!exists || !texts->contains(path)
            || sha256Hex(disk) == entry.value(QStringLiteral("baseSha256")).toString().toLatin1())
            continue; // unchanged since the autosave (a deleted file is written again on save)
        bool haveBase = false;
        const QByteArray base = readFile(
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
