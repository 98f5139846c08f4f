#include "problemsview.h"

#include "backgroundpool.h"
#include "document.h"
#include "problemsmodel.h"
#include "selection.h"

#include <QAction>
#include <QDesktopServices>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QKeyEvent>
#include <QPromise>
#include <QRegularExpression>
#include <QThreadPool>
#include <QTimer>
#include <memory>

namespace meshroute {

ProblemsView::ProblemsView(Document *document, Selection *selection, QWidget *parent)
    : QTreeView(parent)
    , m_document(document)
    , m_selection(selection)
    , m_model(new ProblemsModel(this))
    , m_watcher(new QFutureWatcher<Checker::Parts>(this))
    , m_openDocs(new QAction(tr("Open Istio &Documentation"), this))
    , m_settle(new QTimer(this))
{
    setModel(m_model);
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
        &ProblemsView::updateDocumentationAction);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProblemsView::updateDocumentationAction);
    setUniformRowHeights(true);
    setRootIsDecorated(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(ProblemsModel::MessageColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(ProblemsModel::LocationColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(ProblemsModel::CodeColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(ProblemsModel::ResourceColumn, QHeaderView::Interactive);
    header()->resizeSection(ProblemsModel::ResourceColumn, 220);
    connect(this, &QTreeView::doubleClicked, this, &ProblemsView::activate);
    // The code column reads as a link: one click opens its page.
    connect(this, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == ProblemsModel::CodeColumn)
            openDocumentation(index);
    });
    m_openDocs->setObjectName(QStringLiteral("openDocumentationAction"));
    m_openDocs->setEnabled(false);
    connect(m_openDocs, &QAction::triggered, this, [this] { openDocumentation(currentIndex()); });
    addAction(m_openDocs);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(document, &Document::changed, this, &ProblemsView::onDocumentChanged);
    m_settle->setSingleShot(true);
    m_settle->setInterval(settleMs);
    connect(m_settle, &QTimer::timeout, this, [this] {
        if (m_watcher->isRunning())
            m_recheck = true; // once more when this one is done
        else
            startBackgroundCheck();
    });
    connect(m_watcher, &QFutureWatcher<Checker::Parts>::finished, this, [this] {
        if (m_watcher->future().resultCount() == 0)
            return;
        if (m_recheck) {
            // The text changed while this ran (a slider drag): its findings are already
            // stale, so check the latest text (once the edits pause) instead of showing them.
            m_settle->start();
            return;
        }
        m_parts = m_watcher->future().result();
        showDiagnostics();
        Q_EMIT checked();
    });
    refresh();
}

ProblemsView::~ProblemsView()
{
    m_watcher->disconnect(this);
}

bool ProblemsView::isChecking() const
{
    return m_watcher->isRunning() || m_settle->isActive() || m_recheck;
}

void ProblemsView::revalidate(const QList<int> &resourceIds)
{
    // Each edited resource's own findings (a bad regex, weights, names) at once; the
    // cross-resource analysis follows from the background check.
    const Workspace &workspace = m_document->workspace();
    bool changed = false;
    int found = 0;
    for (const Resource &r : workspace.resources) {
        if (!resourceIds.contains(r.id))
            continue;
        ++found;
        Diagnostics own = Checker::checkResource(workspace, r);
        const auto it = m_parts.perResource.constFind(r.id);
        if (it == m_parts.perResource.cend() ? own.isEmpty() : sameDiagnostics(*it, own))
            continue;
        m_parts.perResource.insert(r.id, std::move(own));
        changed = true;
    }
    if (found < resourceIds.size())
        for (int id : resourceIds)
            changed |= m_parts.perResource.remove(id) > 0 && !workspace.byId(id);
    if (changed)
        showDiagnostics();
}

void ProblemsView::onDocumentChanged(const ChangeEvent &event)
{
    if (event.type == ChangeEvent::Type::ResourcesChanged
        && m_document->workspace().resources.size() > asyncThreshold)
        revalidate(event.resourceIds);
    if (event.type == ChangeEvent::Type::Saved) {
        // Paths may have changed (Save As); the findings did not.
        refresh();
        return;
    }
    refresh();
}

void ProblemsView::refresh()
{
    const Workspace &workspace = m_document->workspace();
    if (workspace.resources.size() > asyncThreshold) {
        // The loader's findings now, beside the last check's; the new check's follow.
        // One check runs at a time, started when the edits pause: a drag asks for one
        // check of its final text, not one per step, so the worker never falls behind,
        // and no snapshot taken mid-drag makes the next step copy the whole workspace.
        // Comparing the loader's findings is cheap; comparing every checker finding on
        // each step of a drag over a large mesh is not, and they cannot have changed yet.
        if (!sameDiagnostics(m_document->loadDiagnostics(), m_shownLoad))
            showDiagnostics();
        m_settle->start();
        return;
    }
    m_watcher->setFuture(QFuture<Checker::Parts>()); // drop a running check's result
    m_settle->stop();
    m_recheck = false;
    m_parts = Checker::checkParts(workspace);
    showDiagnostics();
    Q_EMIT checked();
}

void ProblemsView::startBackgroundCheck()
{
    m_recheck = false;
    // A finished check whose result was not taken yet is freed on the worker, not here.
    if (QFuture<Checker::Parts> previous = m_watcher->future();
        previous.isFinished() && previous.resultCount() > 0)
        backgroundPool()->start(atBackgroundPriority([stale = previous.takeResult()] {}));
    auto promise = std::make_shared<QPromise<Checker::Parts>>();
    QFuture<Checker::Parts> future = promise->future();
    promise->start();
    Workspace snapshot
        = m_document->workspace(); // shares the resources' data: cheap, and safe from later edits
    backgroundPool()->start(atBackgroundPriority([promise, snapshot] {
        promise->addResult(Checker::checkParts(snapshot));
        promise->finish();
    }));
    m_watcher->setFuture(future);
}

void ProblemsView::showDiagnostics()
{
    m_shownLoad = m_document->loadDiagnostics();
    Diagnostics all = m_shownLoad;
    all.append(Checker::combine(m_document->workspace(), m_parts));
    if (m_model->rowCount() > 0 && sameDiagnostics(all, m_shown))
        return; // a weight step that changes no finding costs no model reset
    m_shown = all;
    setDiagnostics(all);
}

bool ProblemsView::sameDiagnostics(const Diagnostics &a, const Diagnostics &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const Diagnostic &x = a[i];
        const Diagnostic &y = b[i];
        if (x.line != y.line || x.column != y.column || x.severity != y.severity || x.code != y.code
            || x.file != y.file || x.message != y.message || x.path != y.path || x.resourceId != y.resourceId)
            return false;
    }
    return true;
}

void ProblemsView::setDiagnostics(const Diagnostics &diagnostics)
{
    // Keep the expansion of files across refreshes: collapsed stays collapsed.
    QSet<QString> collapsed;
    for (int i = 0; i < m_model->rowCount(); ++i) {
        const QModelIndex file = m_model->index(i, 0);
        if (!isExpanded(file))
            collapsed.insert(file.data(ProblemsModel::FileRole).toString());
    }
    const bool first = m_model->rowCount() == 0;
    m_model->setDiagnostics(diagnostics);
    for (int i = 0; i < m_model->rowCount(); ++i) {
        const QModelIndex file = m_model->index(i, 0);
        if (first || !collapsed.contains(file.data(ProblemsModel::FileRole).toString()))
            expand(file);
    }
    const int errors = m_model->count(Diagnostic::Severity::Error);
    const int warnings = m_model->count(Diagnostic::Severity::Warning);
    if (errors != m_errors || warnings != m_warnings || first) {
        m_errors = errors;
        m_warnings = warnings;
        Q_EMIT countsChanged(errors, warnings);
    }
}

SelectionTarget ProblemsView::targetFor(const Diagnostic &d) const
{
    SelectionTarget t;
    const Workspace &ws = m_document->workspace();
    const Resource *r = d.resourceId >= 0 ? ws.byId(d.resourceId) : nullptr;
    if (!r) {
        // No id (a loader finding): the resource whose document holds the line.
        for (const Resource &candidate : ws.resources)
            if (ws.fileOf(candidate) == d.file && candidate.baseLine <= d.line
                && (!r || candidate.baseLine >= r->baseLine))
                r = &candidate;
    }
    if (!r)
        return t;
    t.resourceId = r->id;
    // "spec.http[0].route[1].weight" -> rule 0, destination 1.
    static const QRegularExpression http(
        QStringLiteral("^spec\\.http\\[(\\d+)\\](?:\\.(route|match)\\[(\\d+)\\])?"));
    static const QRegularExpression subset(QStringLiteral("^spec\\.subsets\\[(\\d+)\\]"));
    if (const QRegularExpressionMatch m = http.match(d.path); m.hasMatch() && r->virtualService()) {
        t.routeIndex = m.captured(1).toInt();
        if (m.captured(2) == QLatin1String("route"))
            t.destinationIndex = m.captured(3).toInt();
        else if (m.captured(2) == QLatin1String("match"))
            t.matchIndex = m.captured(3).toInt();
    } else if (const QRegularExpressionMatch s = subset.match(d.path); s.hasMatch() && r->destinationRule()) {
        const int i = s.captured(1).toInt();
        if (i < r->destinationRule()->subsets.size())
            t.subset = r->destinationRule()->subsets[i].name.value;
    }
    return t;
}

void ProblemsView::activate(const QModelIndex &index)
{
    const Diagnostic *d = m_model->diagnostic(index);
    if (!d)
        return;
    const SelectionTarget t = targetFor(*d);
    if (t.resourceId >= 0)
        m_selection->select(t);
    int fileIndex = -1;
    const QList<SourceFile> &files = m_document->files();
    for (int i = 0; i < files.size(); ++i)
        if (files[i].path == d->file)
            fileIndex = i;
    if (fileIndex >= 0)
        Q_EMIT goToLine(fileIndex, d->line, d->column);
}

bool ProblemsView::openDocumentation(const QModelIndex &index)
{
    const QString url
        = index.siblingAtColumn(ProblemsModel::CodeColumn).data(ProblemsModel::DocsRole).toString();
    return !url.isEmpty() && QDesktopServices::openUrl(QUrl(url));
}

void ProblemsView::updateDocumentationAction()
{
    const QModelIndex index = currentIndex();
    const QString code = index.siblingAtColumn(ProblemsModel::CodeColumn).data().toString();
    const bool has = !index.data(ProblemsModel::DocsRole).toString().isEmpty();
    m_openDocs->setEnabled(has);
    m_openDocs->setText(
        has ? tr("Open Istio &Documentation of %1").arg(code) : tr("Open Istio &Documentation"));
}

void ProblemsView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid()) {
        activate(currentIndex());
        return;
    }
    QTreeView::keyPressEvent(event);
}

} // namespace meshroute
