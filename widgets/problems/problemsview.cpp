#include "problemsview.h"

#include "document.h"
#include "problemsmodel.h"
#include "selection.h"

#include <QFutureWatcher>
#include <QHeaderView>
#include <QKeyEvent>
#include <QPromise>
#include <QRegularExpression>
#include <QThreadPool>
#include <memory>

#if __has_include("checker.h")
#include "checker.h"
#define MESHROUTE_HAVE_CHECKER 1
#endif

namespace meshroute {

namespace {

Diagnostics runChecks(const Workspace &workspace)
{
#ifdef MESHROUTE_HAVE_CHECKER
    return Checker::check(workspace, CheckOptions {});
#else
    Q_UNUSED(workspace);
    return {};
#endif
}

} // namespace

ProblemsView::ProblemsView(Document *document, Selection *selection, QWidget *parent)
    : QTreeView(parent)
    , m_document(document)
    , m_selection(selection)
    , m_model(new ProblemsModel(this))
    , m_watcher(new QFutureWatcher<Diagnostics>(this))
{
    setModel(m_model);
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
    connect(document, &Document::changed, this, &ProblemsView::onDocumentChanged);
    connect(m_watcher, &QFutureWatcher<Diagnostics>::finished, this, [this] {
        // Only the latest check reports: setFuture() on a newer one disconnects the older.
        if (m_watcher->future().resultCount() > 0) {
            Diagnostics all = m_document->loadDiagnostics();
            all.append(m_watcher->future().result());
            setDiagnostics(all);
        }
    });
    refresh();
}

ProblemsView::~ProblemsView()
{
    m_watcher->disconnect(this);
}

bool ProblemsView::isChecking() const
{
    return m_watcher->isRunning();
}

void ProblemsView::onDocumentChanged(const ChangeEvent &event)
{
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
#ifdef MESHROUTE_HAVE_CHECKER
    if (workspace.resources.size() > asyncThreshold) {
        // Show the loader's findings now; the checker's follow.
        setDiagnostics(m_document->loadDiagnostics());
        auto promise = std::make_shared<QPromise<Diagnostics>>();
        QFuture<Diagnostics> future = promise->future();
        promise->start();
        Workspace snapshot = workspace; // shares the resources' data: cheap, and safe from later edits
        QThreadPool::globalInstance()->start([promise, snapshot] {
            promise->addResult(runChecks(snapshot));
            promise->finish();
        });
        m_watcher->setFuture(future);
        return;
    }
#endif
    m_watcher->setFuture(QFuture<Diagnostics>()); // drop a running check's result
    Diagnostics all = m_document->loadDiagnostics();
    all.append(runChecks(workspace));
    setDiagnostics(all);
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

void ProblemsView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid()) {
        activate(currentIndex());
        return;
    }
    QTreeView::keyPressEvent(event);
}

} // namespace meshroute
