#include "graphscene.h"

#include "graphedgeitem.h"
#include "graphnodeitem.h"

#include "backgroundpool.h"

#include <QPromise>
#include <memory>

namespace meshroute {

GraphScene::GraphScene(QObject *parent)
    : QGraphicsScene(parent)
    , m_layoutWatcher(new QFutureWatcher<GraphLayoutResult>(this))
{
    // Items are added and removed in bulk on every rebuild; a BSP index
    // would be rebuilt each time for little gain on a few thousand items.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    // Only the last layout started is applied: setFuture() forgets the one before.
    connect(m_layoutWatcher, &QFutureWatcher<GraphLayoutResult>::finished, this, [this] {
        const QFuture<GraphLayoutResult> future = m_layoutWatcher->future();
        if (!m_layoutPending || future.resultCount() == 0)
            return;
        m_layoutPending = false;
        applyLayout(future.result());
        fitSceneRect();
        Q_EMIT layoutChanged();
    });
}

void GraphScene::setGraph(GraphModel graph)
{
    if (canUpdateInPlace(graph)) {
        updateInPlace(std::move(graph));
        return;
    }
    m_graph = std::move(graph);
    rebuild();
}

bool GraphScene::canUpdateInPlace(const GraphModel &graph) const
{
    if (m_nodeItems.isEmpty() || !graph.sameShape(m_graph))
        return false;
    for (int i = 0; i < m_nodeItems.size(); ++i)
        if (!(m_nodeItems[i]->node() == graph.nodes()[i])
            && GraphNodeItem::measure(graph.nodes()[i]) != m_nodeItems[i]->naturalSize())
            return false; // a node grew: lay out again rather than let it cover its neighbours
    return true;
}

// Refreshes texts, shares and marks where they are: a weight edit keeps every
// position and route. Only the items whose data differ are touched: a weight
// drag on a 5,000-VirtualService mesh changes one rule's edges, not 50,000 items.
void GraphScene::updateInPlace(GraphModel graph)
{
    m_graph = std::move(graph);
    for (int i = 0; i < m_nodeItems.size(); ++i)
        if (!(m_nodeItems[i]->node() == m_graph.nodes()[i]))
            m_nodeItems[i]->setNode(i, m_graph.nodes()[i]);
    for (int i = 0; i < m_edgeItems.size(); ++i)
        if (!(m_edgeItems[i]->edge() == m_graph.edges()[i]))
            m_edgeItems[i]->setEdge(m_graph.edges()[i]);
    applyHighlight();
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
    m_nodeItems.reserve(nodes.size());
    constexpr int kinds = int(GraphNode::Kind::Workload) + 1;
    QList<double> columnWidth(kinds, 0.0);
    for (int i = 0; i < nodes.size(); ++i) {
        auto *item = new GraphNodeItem(i, nodes[i]);
        columnWidth[int(nodes[i].kind)] = std::max(columnWidth[int(nodes[i].kind)], item->size().width());
        m_nodeItems.append(item);
    }
    // One width per column: a steep edge then leaves its box past no wider neighbour's.
    QList<QSizeF> sizes;
    sizes.reserve(nodes.size());
    for (GraphNodeItem *item : std::as_const(m_nodeItems)) {
        item->setColumnWidth(columnWidth[int(item->node().kind)]);
        sizes.append(item->size());
    }
    const QList<GraphEdge> &edges = m_graph.edges();
    m_edgeItems.reserve(edges.size());
    for (const GraphEdge &e : edges) {
        auto *item = new GraphEdgeItem(e, m_nodeItems[e.from], m_nodeItems[e.to]);
        m_edgeItems.append(item);
    }
    // Placed before they join the scene: 45,000 items moved inside it cost seconds of bookkeeping.
    startLayout(sizes);
    for (GraphNodeItem *item : std::as_const(m_nodeItems))
        addItem(item);
    for (GraphEdgeItem *item : std::as_const(m_edgeItems))
        addItem(item);
    fitSceneRect();
    applyFilter();
    applyHighlight();
    if (!currentKey.isEmpty())
        setCurrentNode(m_graph.indexOf(currentKey));
    Q_EMIT rebuilt();
    Q_EMIT layoutChanged();
}

void GraphScene::startLayout(const QList<QSizeF> &sizes)
{
    m_layoutPending = false;
    m_layoutWatcher->setFuture(QFuture<GraphLayoutResult>()); // a running layout is stale now
    const qsizetype nodes = m_graph.nodes().size();
    if (nodes > graphvizNodeLimit) {
        applyQuickLayout(sizes);
        return;
    }
    QList<QSizeF> labels;
    labels.reserve(m_graph.edges().size());
    for (const GraphEdge &e : m_graph.edges())
        labels.append(GraphEdgeItem::labelSize(e.label));
    if (nodes + m_graph.edges().size() <= synchronousLayoutLimit) {
        applyLayout(GraphvizLayout::layout(m_graph, sizes, labels));
        return;
    }
    // Something to look at at once; dot's drawing replaces it when the worker is done.
    applyQuickLayout(sizes);
    m_layoutPending = true;
    auto promise = std::make_shared<QPromise<GraphLayoutResult>>();
    QFuture<GraphLayoutResult> future = promise->future();
    promise->start();
    backgroundPool()->start(atBackgroundPriority([promise, graph = m_graph, sizes, labels] {
        promise->addResult(GraphvizLayout::layout(graph, sizes, labels));
        promise->finish();
    }));
    m_layoutWatcher->setFuture(future);
}

// Room around the graph to pan a little past its edges.
void GraphScene::fitSceneRect()
{
    setSceneRect(itemsBoundingRect().adjusted(-200, -200, 200, 200));
}

void GraphScene::applyQuickLayout(const QList<QSizeF> &sizes)
{
    const QList<QPointF> positions = m_graph.layout(sizes);
    for (GraphNodeItem *item : std::as_const(m_nodeItems))
        item->placeAt(m_userPositions.value(item->node().key, positions[item->index()]));
    // Spread the exits of a node's outgoing edges over its height, in the
    // order of their targets, so they do not cross on the way out.
    const QList<GraphEdge> &edges = m_graph.edges();
    for (int i = 0; i < m_nodeItems.size(); ++i) {
        QList<int> out = m_graph.outgoing(i);
        std::stable_sort(out.begin(), out.end(), [&](int a, int b) {
            return m_nodeItems[edges[a].to]->pos().y() < m_nodeItems[edges[b].to]->pos().y();
        });
        for (int slot = 0; slot < out.size(); ++slot)
            m_edgeItems[out[slot]]->setExit(slot, int(out.size()));
    }
    for (GraphEdgeItem *item : std::as_const(m_edgeItems))
        item->adjust();
}

void GraphScene::applyLayout(const GraphLayoutResult &result)
{
    if (!result.ok || result.nodePositions.size() != m_nodeItems.size()) {
        QList<QSizeF> sizes;
        for (GraphNodeItem *item : std::as_const(m_nodeItems))
            sizes.append(item->size());
        applyQuickLayout(sizes);
        return;
    }
    for (GraphNodeItem *item : std::as_const(m_nodeItems))
        item->placeAt(m_userPositions.value(item->node().key, result.nodePositions[item->index()]));
    for (int i = 0; i < m_edgeItems.size(); ++i) {
        GraphEdgeItem *item = m_edgeItems[i];
        // A route is good only between the places dot chose; a moved end gets a curve.
        if (m_userPositions.contains(item->fromItem()->node().key)
            || m_userPositions.contains(item->toItem()->node().key))
            item->adjust();
        else
            item->setRoute(result.edgeRoutes.value(i));
    }
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
