#pragma once

#include <QTreeView>

namespace meshroute {

class Document;
class ResourceTreeModel;
class Selection;
struct SelectionTarget;

// The Resources dock: the tree of resources, its current item kept in step
// with the shared Selection both ways.
class ResourceTreeView : public QTreeView
{
    Q_OBJECT

public:
    ResourceTreeView(Document *document, Selection *selection, QWidget *parent = nullptr);

    ResourceTreeModel *resourceModel() const { return m_model; }

protected:
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;

private:
    void onSelectionChanged(const SelectionTarget &target);
    void expandDefault();

    ResourceTreeModel *m_model;
    Selection *m_selection;
    bool m_syncing = false;
};

} // namespace meshroute
