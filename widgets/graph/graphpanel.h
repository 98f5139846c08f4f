#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace meshroute {

class Document;
class GraphScene;
class GraphView;
class Selection;
struct ChangeEvent;
struct SelectionTarget;

// The centre of the window: the traffic graph with its host filter. Rebuilds
// the graph from the document on every change and keeps the graph's current
// node and the shared Selection in step, both ways.
class GraphPanel : public QWidget
{
    Q_OBJECT

public:
    GraphPanel(Document *document, Selection *selection, QWidget *parent = nullptr);

    GraphScene *scene() const { return m_scene; }
    GraphView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }

public Q_SLOTS:
    void fit();
    void refresh();

private:
    void onDocumentChanged(const ChangeEvent &event);
    void onSelectionChanged(const SelectionTarget &target);
    void updateStatus();

    Document *m_document;
    Selection *m_selection;
    GraphScene *m_scene;
    GraphView *m_view;
    QLineEdit *m_filter;
    QLabel *m_status;
};

} // namespace meshroute
