#pragma once

#include "resource.h"

#include <QAbstractItemModel>

namespace meshroute {

class Document;
struct ChangeEvent;

// The workspace's resources as a tree: kind, then namespace, then name.
// Read-only: renaming and deleting go through commands elsewhere. Follows
// the document: an edit that keeps the tree's shape only refreshes data,
// anything else resets the model.
class ResourceTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role { ResourceIdRole = Qt::UserRole + 1 };
    enum Column { NameColumn, LocationColumn, ColumnCount };

    explicit ResourceTreeModel(Document *document, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QModelIndex indexForResource(int resourceId) const;
    int resourceId(const QModelIndex &index) const;

private:
    struct Node
    {
        int parent = -1; // node index, -1 for top level
        int row = 0;
        QString text;
        QString location;
        QString toolTip;
        ResourceKind kind = ResourceKind::Other;
        int resourceId = -1;
        QList<int> children;

        bool sameAs(const Node &o) const
        {
            return parent == o.parent && row == o.row && text == o.text && resourceId == o.resourceId
                && children == o.children;
        }
    };

    void onDocumentChanged(const ChangeEvent &event);
    QList<Node> buildNodes(QList<int> *roots) const;
    Node leafFor(const Resource &resource, ResourceKind kind) const;
    // Refreshes only the changed resources' leaves when the tree keeps its shape; false otherwise.
    bool updateLeavesInPlace(const ChangeEvent &event);
    void rememberLastDocumentLines();

    Document *m_document;
    QList<Node> m_nodes;
    QList<int> m_roots;
    QHash<int, int> m_nodeOfResource;
    QList<int> m_lastDocumentLine; // per file: the first line of its last document
};

} // namespace meshroute
