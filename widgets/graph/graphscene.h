#pragma once

#include "graphmodel.h"
#include "graphvizlayout.h"
#include "selection.h"

#include <QFutureWatcher>
#include <QGraphicsScene>
#include <QHash>

namespace meshroute {

class GraphEdgeItem;
class GraphNodeItem;

// The scene of the traffic graph: a projection of a GraphModel. It keeps
// one item per node and per edge (node index -> item), updates them in
// place when an edit leaves the graph's shape alone (a weight changed) and
// lays out again when it does not.
//
// Node positions are view state, not document data: they come from the
// layout, or from where the user dragged a node, and are kept here by node
// key for the session only. Nothing of them is written to the YAML.
//
// The layout is Graphviz's dot (GraphvizLayout). A graph small enough to lay
// out within a frame is laid out at once; a bigger one is drawn first with
// GraphModel's quick layered layout and moved to dot's when the worker is
// done; past graphvizNodeLimit (dot would take minutes) the quick one stays.
class GraphScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit GraphScene(QObject *parent = nullptr);

    void setGraph(GraphModel graph);
    const GraphModel &graph() const { return m_graph; }

    GraphNodeItem *nodeItem(int index) const { return m_nodeItems.value(index); }
    GraphNodeItem *nodeItem(const QString &key) const { return m_nodeItems.value(m_graph.indexOf(key)); }
    const QList<GraphNodeItem *> &nodeItems() const { return m_nodeItems; }
    const QList<GraphEdgeItem *> &edgeItems() const { return m_edgeItems; }
    // The edge item from node key `from` to node key `to`, or nullptr.
    GraphEdgeItem *edgeItem(const QString &from, const QString &to) const;

    void setCurrentNode(int index);
    int currentNode() const { return m_current; }

    // Lights the path of one request and dims the rest; an empty path lights nothing.
    void setHighlight(const TrafficPath &path);
    const TrafficPath &highlight() const { return m_highlight; }

    // Shows only one host's neighbourhood (GraphModel::neighbourhood); empty shows all.
    void setFilter(const QString &text);
    QString filter() const { return m_filter; }
    QRectF visibleBounds() const;

    // A node the user dragged stays where it was put across edits.
    void rememberPosition(GraphNodeItem *item);
    // Forgets dragged positions and lays the graph out again.
    void relayout();

    // Graphs up to this many nodes and edges are laid out on the spot.
    static constexpr int synchronousLayoutLimit = 100;
    // Graphs over this many nodes keep the quick layout.
    static constexpr int graphvizNodeLimit = 1000;
    // Whether dot's layout is still being computed in the background.
    bool isLayoutPending() const { return m_layoutPending; }

Q_SIGNALS:
    void rebuilt();
    // Nodes and edges moved to a new layout (after rebuilt(), or later from the worker).
    void layoutChanged();

private:
    void rebuild();
    // Same nodes, edges and node sizes: only texts, shares and marks changed.
    bool canUpdateInPlace(const GraphModel &graph) const;
    void updateInPlace(GraphModel graph);
    void startLayout(const QList<QSizeF> &sizes);
    void applyQuickLayout(const QList<QSizeF> &sizes);
    void applyLayout(const GraphLayoutResult &result);
    void fitSceneRect();
    void applyFilter();
    void applyHighlight();

    GraphModel m_graph;
    QList<GraphNodeItem *> m_nodeItems;
    QList<GraphEdgeItem *> m_edgeItems;
    QHash<QString, QPointF> m_userPositions;
    QFutureWatcher<GraphLayoutResult> *m_layoutWatcher;
    bool m_layoutPending = false;
    int m_current = -1;
    QString m_filter;
    TrafficPath m_highlight;
};

} // namespace meshroute
