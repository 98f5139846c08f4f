#pragma once

#include "routeordertarget.h"
#include "routetable.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTreeView;

namespace meshroute {

class Document;
class RouteOrderModel;
class RouteTableCompiler;
class Selection;
struct ChangeEvent;
struct SelectionTarget;

// The Effective route order dock: for the selected Gateway listener, Istio Gateway server
// or Service (or the listeners a selected route attaches to), the routes in the order Envoy
// tries them after Istio's merge and sort, whichever API wrote them. A row jumps to its
// YAML line and selects its rule. It compiles its own RouteTable, only while on screen, on a
// worker once the edits pause.
class RouteOrderView : public QWidget
{
    Q_OBJECT

public:
    RouteOrderView(Document *document, Selection *selection, QWidget *parent = nullptr);

    QComboBox *targets() const { return m_targets; }
    QTreeView *view() const { return m_view; }
    RouteOrderModel *model() const { return m_model; }
    QLabel *note() const { return m_note; }
    // True while its route table compiles (on a worker, for a big workspace).
    bool isCompiling() const;

Q_SIGNALS:
    void goToLine(int fileIndex, int line, int column);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onSelectionChanged(const SelectionTarget &target);
    void onDocumentChanged(const ChangeEvent &event);
    void recompile();
    void onCompiled();
    void updateTargets();
    void showTarget(int index);
    void activate(const QModelIndex &index);

    Document *m_document;
    Selection *m_selection;
    QComboBox *m_targets;
    QLabel *m_note;
    QTreeView *m_view;
    RouteOrderModel *m_model;
    RouteTableCompiler *m_compiler;
    RouteTable m_table;
    bool m_stale = true;
    bool m_selecting = false; // this view selects a rule: keep showing the same table
    int m_resourceId = -1; // the resource the targets came from
    QList<RouteOrderTarget> m_choices;
};

} // namespace meshroute
