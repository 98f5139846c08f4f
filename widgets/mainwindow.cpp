#include "mainwindow.h"

#include "basehashcache.h"
#include "diff/trafficdiffview.h"
#include "docklayout.h"
#include "document.h"
#include "graph/graphpanel.h"
#include "loadprogressbar.h"
#include "preview/canaryplaneditor.h"
#include "preview/previewpanel.h"
#include "preview/previewscrollarea.h"
#include "problems/problemsview.h"
#include "resources/inspector.h"
#include "resourcetree/resourceicons.h"
#include "resourcetree/resourcespanel.h"
#include "resourcetree/resourcetreeview.h"
#include "routeorder/routeorderview.h"
#include "selection.h"
#include "undostack.h"
#include "workspaceloadjob.h"
#include "yaml/yamlview.h"

#include <QAbstractButton>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLabel>
#include <QLockFile>
#include <QMimeData>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTimer>

namespace meshroute {

namespace {

constexpr int defaultAutosaveMs = 5000;
// The version of saveState()'s arrangement; raised when the docks change, so an arrangement
// saved for other docks is not restored.
constexpr int layoutVersion = 2;

MainWindow::Prompt &defaultPrompt()
{
    static MainWindow::Prompt prompt;
    return prompt;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new Document(this))
    , m_selection(new Selection(this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_externalTimer(new QTimer(this))
    , m_autosaveTimer(new QTimer(this))
    , m_baseHashes(std::make_shared<BaseHashCache>())
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
    m_loadProgress = new LoadProgressBar(this);
    statusBar()->addPermanentWidget(m_loadProgress);
    statusBar()->addPermanentWidget(m_counts);
    m_loadJob = new WorkspaceLoadJob(this);
    connect(m_loadJob, &WorkspaceLoadJob::progressed, m_loadProgress, &LoadProgressBar::setProgress);
    connect(m_loadJob, &WorkspaceLoadJob::finished, this, &MainWindow::adoptBackgroundLoad);

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
    // The default for this screen, then the user's own arrangement if one was saved by this
    // version of the layout (an older one, made for other docks, is not restored).
    applyDefaultLayout(screen() ? screen()->availableGeometry().size() : QSize(1600, 1000));
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray(), layoutVersion);
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
    // The Inspector and the YAML keep the whole height of the right side; the bottom docks
    // sit under the Resources and the graph.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    auto *resourcesPanel = new ResourcesPanel(m_document, m_selection, this);
    m_tree = resourcesPanel->tree();
    makeDock(tr("Resources"), QStringLiteral("resourcesDock"), resourcesPanel, Qt::LeftDockWidgetArea);

    m_inspector = new Inspector(m_document, m_selection, this);
    // Refused edits explain themselves in the status bar.
    connect(m_inspector, &Inspector::editFailed, statusBar(),
        [this](const QString &text) { statusBar()->showMessage(text); });
    QDockWidget *inspector
        = makeDock(tr("Inspector"), QStringLiteral("inspectorDock"), m_inspector, Qt::RightDockWidgetArea);

    m_yaml = new YamlView(m_document, m_selection, this);
    connect(m_yaml, &QPlainTextEdit::textChanged, this, [this] { m_recoveryDirty = true; });
    QDockWidget *yaml = makeDock(tr("YAML"), QStringLiteral("yamlDock"), m_yaml, Qt::RightDockWidgetArea);
    splitDockWidget(inspector, yaml, Qt::Vertical);

    m_problems = new ProblemsView(m_document, m_selection, this);
    QDockWidget *problems
        = makeDock(tr("Problems"), QStringLiteral("problemsDock"), m_problems, Qt::BottomDockWidgetArea);

    auto *previewScroll = new PreviewScrollArea(this);
    auto *previewPanel = new PreviewPanel(m_document, m_selection, this);
    previewScroll->setWidget(previewPanel);
    QDockWidget *preview
        = makeDock(tr("Preview"), QStringLiteral("previewDock"), previewScroll, Qt::BottomDockWidgetArea);
    tabifyDockWidget(problems, preview);
    m_diff = new TrafficDiffView(m_document, m_selection, m_graph, this);
    QDockWidget *diff
        = makeDock(tr("Traffic Diff"), QStringLiteral("trafficDiffDock"), m_diff, Qt::BottomDockWidgetArea);
    tabifyDockWidget(preview, diff);
    connect(diff, &QDockWidget::visibilityChanged, m_diff, &TrafficDiffView::setOnScreen);
    CanaryPlanEditor *plan = previewPanel->planEditor();
    connect(plan, &CanaryPlanEditor::diffRequested, this, [this, plan](int step) {
        if (step < 0 || step >= plan->steps().size())
            return;
        showTrafficDiff();
        const CanaryPlan::Step &s = plan->steps()[step];
        const Resource *rule = m_document->resource(plan->resourceId());
        m_diff->compareWithCanaryStep(s.workspace, s.label, rule ? rule->fileIndex : -1, s.fileText);
    });
    // Which route wins, in Envoy's order, for the selected listener or Service.
    auto *routeOrder = new RouteOrderView(m_document, m_selection, this);
    connect(routeOrder, &RouteOrderView::goToLine, this, &MainWindow::goToLine);
    tabifyDockWidget(preview,
        makeDock(tr("Route Order"), QStringLiteral("routeOrderDock"), routeOrder, Qt::BottomDockWidgetArea));
    problems->raise();
    // A tab behind Problems lights nothing in the graph; raised, it lights its request's path.
    previewPanel->setOnScreen(false);
    connect(preview, &QDockWidget::visibilityChanged, previewPanel, &PreviewPanel::setOnScreen);
    connect(preview, &QDockWidget::visibilityChanged, this, [this, preview](bool visible) {
        // Once the tab switch is laid out: resized during it, the dock's old height wins.
        QTimer::singleShot(0, preview, [this, preview, visible] {
            if (visible && !preview->isFloating() && preview->height() < previewDockHeight())
                resizeDocks({ preview }, { previewDockHeight() }, Qt::Vertical);
        });
    });
    m_pristineState = saveState(layoutVersion);
}

int MainWindow::previewDockHeight() const
{
    const auto *dock = findChild<QDockWidget *>(QStringLiteral("previewDock"));
    const auto *scroll = qobject_cast<QScrollArea *>(dock->widget());
    // The title bar and margins around the panel, as laid out now, and the tab bar below.
    int frame = std::max(0, dock->height() - scroll->height());
    for (const QTabBar *bar : findChildren<QTabBar *>(QString(), Qt::FindDirectChildrenOnly))
        for (int i = 0; i < bar->count() && bar->isVisible(); ++i)
            if (bar->tabText(i) == dock->windowTitle())
                frame += bar->height();
    const int needed = scroll->widget()->minimumSizeHint().height() + frame;
    return std::max(needed, int(height() * m_previewShare));
}

void MainWindow::applyDefaultLayout(const QSize &available)
{
    const DockLayout layout = DockLayout::forScreen(available);
    auto dock = [this](const char *name) { return findChild<QDockWidget *>(QLatin1String(name)); };
    QDockWidget *inspector = dock("inspectorDock");
    QDockWidget *yaml = dock("yamlDock");
    // Every dock back in its area and shown, Problems raised over the Preview.
    restoreState(m_pristineState, layoutVersion);
    for (QDockWidget *d : findChildren<QDockWidget *>()) {
        d->setFloating(false);
        d->show();
    }
    if (layout.yamlBehindInspector) {
        tabifyDockWidget(inspector, yaml);
        inspector->raise();
    }
    dock("problemsDock")->raise();
    m_previewShare = layout.previewShare;
    resize(layout.window);
    resizeDocks({ dock("resourcesDock"), inspector }, { layout.resourcesWidth, layout.inspectorWidth },
        Qt::Horizontal);
    if (!layout.yamlBehindInspector)
        resizeDocks({ inspector, yaml }, { layout.inspectorHeight, layout.yamlHeight }, Qt::Vertical);
    resizeDocks({ dock("problemsDock") }, { layout.problemsHeight }, Qt::Vertical);
}

void MainWindow::resetLayout()
{
    QSettings settings;
    settings.remove(QStringLiteral("window/geometry"));
    settings.remove(QStringLiteral("window/state"));
    applyDefaultLayout(screen() ? screen()->availableGeometry().size() : QSize(1600, 1000));
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
        name = files.first().path == QLatin1String("-")
            ? (m_inputs.isEmpty() ? tr("untitled") : tr("standard input"))
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState(layoutVersion));
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

} // namespace meshroute
