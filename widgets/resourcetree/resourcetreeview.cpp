#include "resourcetreeview.h"

#include "deleteresource.h"
#include "document.h"
#include "resourcetreemodel.h"
#include "selection.h"
#include "undostack.h"

#include <QAction>
#include <QHeaderView>

#include <algorithm>

namespace meshroute {

ResourceTreeView::ResourceTreeView(Document *document, Selection *selection, QWidget *parent)
    : QTreeView(parent)
    , m_document(document)
    , m_model(new ResourceTreeModel(document, this))
    , m_delete(new QAction(tr("&Delete Resource"), this))
    , m_selection(selection)
{
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetShortcut); // Delete in the YAML view deletes text, not resources
    m_delete->setToolTip(tr("Delete the selected resource's YAML document (undo brings it back)"));
    m_delete->setEnabled(false);
    connect(m_delete, &QAction::triggered, this, &ResourceTreeView::deleteCurrent);
    addAction(m_delete);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    setModel(m_model);
    setUniformRowHeights(true); // thousands of rows stay fast
    setAlternatingRowColors(false);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(ResourceTreeModel::NameColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(ResourceTreeModel::LocationColumn, QHeaderView::Interactive);
    setTextElideMode(Qt::ElideMiddle); // a cut location keeps its line number: "bookin…yaml:124"
    connect(selection, &Selection::changed, this, &ResourceTreeView::onSelectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        expandDefault();
        applyFilter({}, false);
        onSelectionChanged(m_selection->current());
        fitLocationColumn();
    });
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_model, signal, this, [this] { applyFilter({}, false); });
    expandDefault();
    fitLocationColumn();
}

void ResourceTreeView::resizeEvent(QResizeEvent *event)
{
    QTreeView::resizeEvent(event);
    fitLocationColumn();
}

void ResourceTreeView::fitLocationColumn()
{
    const int wanted = std::max(sizeHintForColumn(ResourceTreeModel::LocationColumn),
        header()->sectionSizeHint(ResourceTreeModel::LocationColumn));
    const int cap = viewport()->width() * 2 / 5;
    header()->resizeSection(ResourceTreeModel::LocationColumn, std::min(wanted, std::max(cap, 1)));
}

void ResourceTreeView::expandDefault()
{
    // Everything open for a small workspace; only the kinds for a big one,
    // where expanding thousands of rows would bury the structure.
    int leaves = 0;
    for (int k = 0; k < m_model->rowCount(); ++k) {
        const QModelIndex kind = m_model->index(k, 0);
        for (int n = 0; n < m_model->rowCount(kind); ++n)
            leaves += m_model->rowCount(m_model->index(n, 0, kind));
    }
    if (leaves <= 300)
        expandAll();
    else
        expandToDepth(0);
}

void ResourceTreeView::setFilterText(const QString &text)
{
    if (text.trimmed() == m_filter)
        return;
    m_filter = text.trimmed();
    applyFilter({}, false);
    if (m_filter.isEmpty())
        expandDefault();
    else
        expandAll(); // every match in sight
}

bool ResourceTreeView::applyFilter(const QModelIndex &parent, bool parentMatches)
{
    bool anyShown = false;
    for (int row = 0; row < m_model->rowCount(parent); ++row) {
        const QModelIndex index = m_model->index(row, ResourceTreeModel::NameColumn, parent);
        const QString location
            = m_model->index(row, ResourceTreeModel::LocationColumn, parent).data().toString();
        // A kind or namespace that matches shows all it holds.
        const bool matches = parentMatches || m_filter.isEmpty()
            || index.data().toString().contains(m_filter, Qt::CaseInsensitive)
            || location.contains(m_filter, Qt::CaseInsensitive);
        const bool childShown = applyFilter(index, matches);
        const bool shown = matches || childShown;
        setRowHidden(row, parent, !shown);
        anyShown |= shown;
    }
    return anyShown;
}

void ResourceTreeView::deleteCurrent()
{
    const int id = m_model->resourceId(currentIndex());
    if (id < 0)
        return;
    QString error;
    auto command = DeleteResource::create(m_document, id, &error);
    if (!command) {
        Q_EMIT editFailed(error);
        return;
    }
    const QString name = m_document->resource(id)->displayName();
    m_document->undoStack()->push(command.release());
    Q_EMIT resourceDeleted(name);
}

void ResourceTreeView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QTreeView::currentChanged(current, previous);
    m_delete->setEnabled(m_model->resourceId(current) >= 0);
    if (m_syncing)
        return;
    const int id = m_model->resourceId(current);
    if (id < 0 || id == m_selection->current().resourceId)
        return;
    SelectionTarget t;
    t.resourceId = id;
    m_selection->select(t);
}

void ResourceTreeView::onSelectionChanged(const SelectionTarget &target)
{
    const QModelIndex index = m_model->indexForResource(target.resourceId);
    if (index == currentIndex())
        return;
    m_syncing = true;
    if (index.isValid()) {
        setCurrentIndex(index);
        scrollTo(index);
    } else {
        clearSelection();
        setCurrentIndex({});
    }
    m_syncing = false;
}

} // namespace meshroute
