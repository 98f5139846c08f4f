#include "mainwindow.h"

#include "convert/convertdialog.h"
#include "document.h"
#include "graph/graphpanel.h"
#include "graph/graphview.h"
#include "help/shortcutsdialog.h"
#include "help/userguidewindow.h"
#include "matches/rulelisteditor.h"
#include "preview/previewpanel.h"
#include "resources/inspector.h"
#include "resources/newresourcedialog.h"
#include "resourcetree/resourcespanel.h"
#include "resourcetree/resourcetreeview.h"
#include "theme/thememanager.h"
#include "undostack.h"
#include "yaml/yamlview.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTextDocument>

// MainWindow's menus and actions, and the list of recent files.
namespace meshroute {

namespace {

constexpr int maxRecentFiles = 10;

} // namespace

void MainWindow::createActions()
{
    createFileMenu();
    createEditMenu();
    createViewMenu();
    createHelpMenu();
}

void MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newFile = file->addAction(
        QIcon::fromTheme(QStringLiteral("document-new")), tr("&New File"), this, &MainWindow::newFile);
    newFile->setShortcut(QKeySequence::New);
    newFile->setObjectName(QStringLiteral("newFileAction"));
    newFile->setToolTip(tr("Start an empty untitled file; add resources to it with Edit > New Resource"));
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
    save->setObjectName(QStringLiteral("saveAction"));
    QAction *saveAs = file->addAction(
        QIcon::fromTheme(QStringLiteral("document-save-as")), tr("Save &As..."), this, &MainWindow::saveAs);
    saveAs->setShortcut(QKeySequence::SaveAs);
    QAction *exportAction = file->addAction(tr("&Export..."), this, &MainWindow::exportYaml);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setToolTip(tr("Write kubectl-ready YAML of the workspace, cleaned of cluster noise"));
    QAction *reload = file->addAction(tr("Re&load"), this, &MainWindow::reload);
    reload->setShortcut(QKeySequence::Refresh);
    createCompareActions(file);
    QAction *close = file->addAction(
        QIcon::fromTheme(QStringLiteral("document-close")), tr("&Close"), this, &MainWindow::closeFiles);
    close->setShortcut(QKeySequence::Close);
    close->setObjectName(QStringLiteral("closeAction"));
    close->setToolTip(tr("Close the open files (asks to save unsaved changes); the window stays"));
    file->addSeparator();
    QAction *quit = file->addAction(
        QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
}

void MainWindow::createEditMenu()
{
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
    edit->addSeparator();
    QAction *newResource = edit->addAction(
        QIcon::fromTheme(QStringLiteral("document-new")), tr("&New Resource..."), this, [this] {
            NewResourceDialog dialog(m_document, m_selection, this);
            if (dialog.exec() == QDialog::Accepted)
                statusBar()->showMessage(m_document->undoStack()->undoText(), 4000);
        });
    // Ctrl+N is File > New; a resource goes into a file that is open.
    newResource->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    newResource->setObjectName(QStringLiteral("newResourceAction"));
    newResource->setToolTip(
        tr("Add a VirtualService, DestinationRule, Gateway or canary split from a template, or their "
           "Gateway API counterparts (Gateway, HTTPRoute, mesh HTTPRoute, canary HTTPRoute)"));
    QAction *convert
        = edit->addAction(tr("Con&vert to Gateway API..."), this, &MainWindow::convertToGatewayApi);
    convert->setObjectName(QStringLiteral("convertToGatewayApiAction"));
    convert->setToolTip(tr("HTTPRoutes and Gateways for the selected VirtualService (all when none is "
                           "selected), with the requests whose answer would change"));
    edit->addSeparator();
    QAction *find = edit->addAction(
        QIcon::fromTheme(QStringLiteral("edit-find")), tr("&Find..."), this, &MainWindow::find);
    find->setShortcut(QKeySequence::Find);
    find->setObjectName(QStringLiteral("findAction"));
    find->setToolTip(tr("Find in the YAML view, or filter the resources when the focus is there"));
    // The tree's context menu: New Resource... above its own Delete.
    m_tree->insertAction(m_tree->deleteAction(), newResource);
    connect(m_tree, &ResourceTreeView::editFailed, statusBar(),
        [this](const QString &text) { statusBar()->showMessage(text, 6000); });
    // The Delete key acts at once: say what went and how to get it back.
    connect(m_tree, &ResourceTreeView::resourceDeleted, statusBar(), [this, undo](const QString &name) {
        statusBar()->showMessage(
            tr("Deleted %1 \u2014 %2 to undo").arg(name, undo->shortcut().toString(QKeySequence::NativeText)),
            10000);
    });
    if (auto *rules = m_inspector->findChild<RuleListEditor *>())
        connect(rules, &RuleListEditor::statusMessage, statusBar(),
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
}

void MainWindow::createViewMenu()
{
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        m_viewMenu->addAction(dock->toggleViewAction());
    QAction *resetLayout = m_viewMenu->addAction(tr("&Reset Layout"), this, &MainWindow::resetLayout);
    resetLayout->setObjectName(QStringLiteral("resetLayoutAction"));
    resetLayout->setToolTip(tr("Show every dock in its place, sized for this screen"));
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
    filter->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)); // Ctrl+F is Edit > Find
    fit->setObjectName(QStringLiteral("fitAction"));
    zoomIn->setObjectName(QStringLiteral("zoomInAction"));
    zoomOut->setObjectName(QStringLiteral("zoomOutAction"));
    // View > Theme: System, Light, Dark; the manager applies the choice and remembers it.
    m_viewMenu->addSeparator();
    m_viewMenu->addMenu((new ThemeManager(this))->createMenu(m_viewMenu));
}

void MainWindow::find()
{
    QWidget *focus = QApplication::focusWidget();
    auto *resources = findChild<ResourcesPanel *>();
    const bool inResources = focus && resources && resources->isAncestorOf(focus);
    const bool inGraph = focus && m_graph->isAncestorOf(focus);
    const bool yamlShown = m_yaml->isVisible() && !m_yaml->visibleRegion().isEmpty();
    if (inGraph) {
        m_graph->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        m_graph->filterEdit()->selectAll();
    } else if (!inResources && (yamlShown || m_yaml->isAncestorOf(focus) || focus == m_yaml)) {
        m_yaml->showFindBar();
    } else if (resources) {
        if (QWidget *dock = resources->parentWidget(); dock && !dock->isVisible())
            dock->show();
        resources->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        resources->filterEdit()->selectAll();
    }
}

void MainWindow::convertToGatewayApi()
{
    if (m_document->workspace().ofKind(ResourceKind::VirtualService).isEmpty()) {
        statusBar()->showMessage(tr("No VirtualService to convert"), 5000);
        return;
    }
    const Resource *selected = m_document->resource(m_selection->current().resourceId);
    ConvertDialog dialog(m_document,
        selected && selected->virtualService() ? QList<int> { selected->id } : QList<int> {}, this);
    connect(&dialog, &ConvertDialog::locationActivated, this,
        [this, &dialog](int fileIndex, int line, int column) {
            dialog.reject();
            goToLine(fileIndex, line, column);
        });
    // A request whose answer changes is routed in the Preview, which comes to the front.
    if (auto *preview = findChild<PreviewPanel *>())
        connect(&dialog, &ConvertDialog::requestActivated, preview,
            [this, preview](const SampleRequest &request) {
                if (auto *dock = findChild<QDockWidget *>(QStringLiteral("previewDock")))
                    dock->raise();
                preview->showRequest(request);
            });
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(m_document->undoStack()->undoText(), 4000);
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    // One guide window per main window, raised again when asked twice.
    QAction *guide
        = help->addAction(QIcon::fromTheme(QStringLiteral("help-contents")), tr("&User Guide"), this, [this] {
              auto *window = findChild<UserGuideWindow *>();
              if (!window)
                  window = new UserGuideWindow(this);
              window->show();
              window->raise();
              window->activateWindow();
          });
    guide->setShortcut(QKeySequence::HelpContents);
    guide->setObjectName(QStringLiteral("userGuideAction"));
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        auto *dialog = new ShortcutsDialog(this, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    shortcuts->setObjectName(QStringLiteral("keyboardShortcutsAction"));
    help->addSeparator();
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

} // namespace meshroute
