#pragma once

#include <QWidget>

class QLineEdit;

namespace meshroute {

class Document;
class ResourceTreeView;
class Selection;

// The Resources dock: a filter field (Edit > Find when the YAML view is not
// shown) above the tree of resources.
class ResourcesPanel : public QWidget
{
    Q_OBJECT

public:
    ResourcesPanel(Document *document, Selection *selection, QWidget *parent = nullptr);

    ResourceTreeView *tree() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }

private:
    QLineEdit *m_filter;
    ResourceTreeView *m_tree;
};

} // namespace meshroute
