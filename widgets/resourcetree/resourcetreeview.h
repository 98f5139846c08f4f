#pragma once

#include <QTreeView>

class QAction;

namespace meshroute {

class Document;
class ResourceTreeModel;
class Selection;
struct SelectionTarget;

// The Resources dock: the tree of resources, its current item kept in step
// with the shared Selection both ways. Its context menu holds the actions the
// window adds (New Resource...) and its own Delete (the Delete key too).
class ResourceTreeView : public QTreeView
{
    Q_OBJECT

public:
    ResourceTreeView(Document *document, Selection *selection, QWidget *parent = nullptr);

    ResourceTreeModel *resourceModel() const { return m_model; }
    QAction *deleteAction() const { return m_delete; }
    // Shows only the resources whose name, namespace, kind or file location contains
    // `text` (any case), with the groups that hold them; empty shows everything.
    void setFilterText(const QString &text);
    QString filterText() const { return m_filter; }

Q_SIGNALS:
    // An edit the model refused, for the status bar.
    void editFailed(const QString &message);
    // A resource was deleted ("VirtualService default/reviews"), for the status bar to say how to undo.
    void resourceDeleted(const QString &displayName);

protected:
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void onSelectionChanged(const SelectionTarget &target);
    // The Location column as wide as its text, but never more than 40% of the
    // view: sized to contents alone, a long file name ("bookinfo-gateway-api.yaml:124")
    // left the names one letter wide in a 270-pixel dock.
    void fitLocationColumn();
    void expandDefault();
    void deleteCurrent();
    // Hides the rows under `parent` that do not match the filter; true when one is left shown.
    bool applyFilter(const QModelIndex &parent, bool parentMatches);

    Document *m_document;
    ResourceTreeModel *m_model;
    QAction *m_delete;
    Selection *m_selection;
    bool m_syncing = false;
    QString m_filter;
};

} // namespace meshroute
