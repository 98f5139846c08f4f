#pragma once

#include "graphscope.h"
#include "referentindexcache.h"
#include "ruleerrors.h"

#include <QHash>
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
struct TrafficPath;

// The centre of the window: the traffic graph with its host filter. Rebuilds
// the graph from the document on every change and keeps the graph's current
// node and the shared Selection in step, both ways.
//
// A workspace whose graph would exceed wholeGraphLimit() nodes (a mesh of
// thousands of VirtualServices) is not drawn whole: the panel draws the
// neighbourhood of the filter text, or else of the selected resource
// (GraphScope), and says so above the graph, with a link to draw everything.
class GraphPanel : public QWidget
{
    Q_OBJECT

public:
    GraphPanel(Document *document, Selection *selection, QWidget *parent = nullptr);

    GraphScene *scene() const { return m_scene; }
    GraphView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    // The notice shown above the graph when a large mesh is drawn in part.
    QLabel *notice() const { return m_notice; }

    static constexpr int defaultWholeGraphLimit = 1500;
    int wholeGraphLimit() const { return m_wholeGraphLimit; }
    void setWholeGraphLimit(int nodes);
    // Whether only a neighbourhood is drawn (the workspace is over the limit).
    bool isPartial() const { return m_partial; }
    // Draws the whole graph even over the limit (the notice's link).
    void drawEverything();

public Q_SLOTS:
    void fit();
    // Brings the graph up to date with the document (cheap when nothing changed).
    void refresh();

private:
    void onDocumentChanged(const ChangeEvent &event);
    void onSelectionChanged(const SelectionTarget &target);
    void onHighlightChanged(const TrafficPath &path);
    void updateStatus();
    void updateNotice(int estimatedNodes, const QString &why);
    // Chooses what to draw: everything, or one neighbourhood of a large mesh.
    void updateScope();
    // The whole graph's size estimate, kept up to date per changed resource.
    void countNodes(const ChangeEvent &event);

    Document *m_document;
    Selection *m_selection;
    GraphScene *m_scene;
    GraphView *m_view;
    QLineEdit *m_filter;
    QLabel *m_status;
    QLabel *m_notice;
    int m_wholeGraphLimit = defaultWholeGraphLimit;
    bool m_partial = false;
    bool m_drawEverything = false; // the user asked for the whole graph of a large mesh
    int m_focus = -1; // the resource whose neighbourhood a partial graph shows
    GraphScope m_scope;
    ReferentIndexCache m_referents; // kept across edits that leave Gateways and Services alone
    RuleErrors m_ruleErrors; // the checker's findings about rules, per resource until it changes
    bool m_scopeStale = true; // the filter, the focus or the resources it read changed
    QString m_scopeText; // the notice's explanation of the scope
    QHash<int, int> m_nodesPerResource;
    int m_wholeNodes = 0;
};

} // namespace meshroute
