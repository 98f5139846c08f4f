#pragma once

#include "graphmodel.h"
#include "selection.h"

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

Q_SIGNALS:
    void rebuilt();

private:
    void rebuild();
    void applyFilter();
    void applyHighlight();

    GraphModel m_graph;
    QList<GraphNodeItem *> m_nodeItems;
    QList<GraphEdgeItem *> m_edgeItems;
    QHash<QString, QPointF> m_userPositions;
    int m_current = -1;
    QString m_filter;
    TrafficPath m_highlight;
};

} // namespace meshroute
