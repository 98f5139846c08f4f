#include "graphscene.h"

#include "graphedgeitem.h"
#include "graphnodeitem.h"

namespace meshroute {

GraphScene::GraphScene(QObject *parent)
    : QGraphicsScene(parent)
{
    // Items are added and removed in bulk on every rebuild; a BSP index
    // would be rebuilt each time for little gain on a few thousand items.
    setItemIndexMethod(QGraphicsScene::NoIndex);
}

void GraphScene::setGraph(GraphModel graph)
{
    if (!m_nodeItems.isEmpty() && graph.sameShape(m_graph)) {
        // Same nodes and edges: refresh texts, shares and marks where they are.
        // Only the items whose data differ are touched: a weight drag on a
        // 5,000-VirtualService mesh changes one rule's edges, not 50,000 items.
        m_graph = std::move(graph);
        QSet<GraphNodeItem *> resized;
        for (int i = 0; i < m_nodeItems.size(); ++i) {
            GraphNodeItem *item = m_nodeItems[i];
            if (item->node() == m_graph.nodes()[i])
                continue;
            const QSizeF before = item->size();
            item->setNode(i, m_graph.nodes()[i]);
            if (item->size() != before)
                resized.insert(item);
        }
        for (int i = 0; i < m_edgeItems.size(); ++i) {
            GraphEdgeItem *item = m_edgeItems[i];
            if (!(item->edge() == m_graph.edges()[i]) || resized.contains(item->fromItem())
                || resized.contains(item->toItem()))
                item->setEdge(m_graph.edges()[i]);
        }
        applyHighlight();
        return;
    }
    m_graph = std::move(graph);
    rebuild();
}

void GraphScene::rebuild()
{
    const QString currentKey
        = m_current >= 0 && m_current < m_nodeItems.size() ? m_nodeItems[m_current]->node().key : QString();
    clear();
    m_nodeItems.clear();
    m_edgeItems.clear();
    m_current = -1;

    const QList<GraphNode> &nodes = m_graph.nodes();
    QList<QSizeF> sizes;
    sizes.reserve(nodes.size());
    m_nodeItems.reserve(nodes.size());
    for (int i = 0; i < nodes.size(); ++i) {
        auto *item = new GraphNodeItem(i, nodes[i]);
        sizes.append(item->size());
        m_nodeItems.append(item);
    }
    const QList<QPointF> positions = m_graph.layout(sizes);
    for (int i = 0; i < nodes.size(); ++i) {
        m_nodeItems[i]->setPos(m_userPositions.value(nodes[i].key, positions[i]));
        addItem(m_nodeItems[i]);
    }
    const QList<GraphEdge> &edges = m_graph.edges();
    m_edgeItems.reserve(edges.size());
    for (const GraphEdge &e : edges) {
        auto *item = new GraphEdgeItem(e, m_nodeItems[e.from], m_nodeItems[e.to]);
        m_edgeItems.append(item);
    }
    // Spread the exits of a node's outgoing edges over its height, in the
    // order of their targets, so they do not cross on the way out.
    for (int i = 0; i < nodes.size(); ++i) {
        QList<int> out = m_graph.outgoing(i);
        std::stable_sort(out.begin(), out.end(), [&](int a, int b) {
            return m_nodeItems[edges[a].to]->pos().y() < m_nodeItems[edges[b].to]->pos().y();
        });
        for (int slot = 0; slot < out.size(); ++slot)
            m_edgeItems[out[slot]]->setExit(slot, int(out.size()));
    }
    for (GraphEdgeItem *item : std::as_const(m_edgeItems)) {
        item->adjust();
        addItem(item);
    }
    applyFilter();
    applyHighlight();
    if (!currentKey.isEmpty())
        setCurrentNode(m_graph.indexOf(currentKey));
    setSceneRect(itemsBoundingRect().adjusted(-200, -200, 200, 200));
    Q_EMIT rebuilt();
}

GraphEdgeItem *GraphScene::edgeItem(const QString &from, const QString &to) const
{
    const int a = m_graph.indexOf(from);
    const int b = m_graph.indexOf(to);
    for (GraphEdgeItem *e : m_edgeItems)
        if (e->edge().from == a && e->edge().to == b)
            return e;
    return nullptr;
}

void GraphScene::setCurrentNode(int index)
{
    if (index == m_current)
        return;
    if (GraphNodeItem *old = m_nodeItems.value(m_current))
        old->setCurrent(false);
    m_current = index;
    if (GraphNodeItem *item = m_nodeItems.value(m_current)) {
        item->setCurrent(true);
        // Edges take the highlight colour of a current end.
        for (GraphEdgeItem *e : item->edges())
            e->update();
    }
    update();
}

void GraphScene::setHighlight(const TrafficPath &path)
{
    m_highlight = path;
    applyHighlight();
}

void GraphScene::applyHighlight()
{
    const GraphModel::PathItems lit = m_graph.pathItems(m_highlight);
    const bool dimOthers = !lit.nodes.isEmpty();
    for (GraphNodeItem *item : std::as_const(m_nodeItems)) {
        const bool on = lit.nodes.contains(item->index());
        item->setLit(on);
        item->setOpacity(dimOthers && !on ? 0.35 : 1.0);
    }
    for (int i = 0; i < m_edgeItems.size(); ++i) {
        const bool on = lit.edges.contains(i);
        m_edgeItems[i]->setLit(on);
        m_edgeItems[i]->setOpacity(dimOthers && !on ? 0.25 : 1.0);
    }
}

void GraphScene::setFilter(const QString &text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    applyFilter();
}

void GraphScene::applyFilter()
{
    const QSet<int> keep = m_graph.neighbourhood(m_filter);
    for (GraphNodeItem *item : std::as_const(m_nodeItems))
        item->setVisible(keep.contains(item->index()));
    for (GraphEdgeItem *item : std::as_const(m_edgeItems))
        item->setVisible(keep.contains(item->edge().from) && keep.contains(item->edge().to));
}

QRectF GraphScene::visibleBounds() const
{
    QRectF bounds;
    for (GraphNodeItem *item : m_nodeItems)
        if (item->isVisible())
            bounds = bounds.united(item->sceneBoundingRect());
    return bounds;
}

void GraphScene::rememberPosition(GraphNodeItem *item)
{
    m_userPositions.insert(item->node().key, item->pos());
}

void GraphScene::relayout()
{
    m_userPositions.clear();
    rebuild();
}

} // namespace meshroute
