#include "graphdiffoverlay.h"

#include "graphedgeitem.h"
#include "graphnodeitem.h"
#include "graphscene.h"

#include <QFontMetricsF>
#include <QGraphicsObject>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPen>

namespace meshroute {

namespace {

// Above the graph's nodes and edges (which use z 0 and below).
constexpr double overlayZ = 10;

// The parent of the marks: no picture of its own, never in the way of a click.
class OverlayRoot : public QGraphicsObject
{
public:
    OverlayRoot()
    {
        setZValue(overlayZ);
        setAcceptedMouseButtons(Qt::NoButton);
    }
    QRectF boundingRect() const override { return {}; }
    void paint(QPainter *, const QStyleOptionGraphicsItem *, QWidget *) override { }
};

// "99% → 75%" in a box over the edge's own share label, which it covers.
class ShareChangeLabel : public QGraphicsItem
{
public:
    ShareChangeLabel(const QString &text, QGraphicsItem *parent)
        : QGraphicsItem(parent)
        , m_text(text)
    {
        QFont f = QGuiApplication::font();
        f.setBold(true);
        m_font = f;
        const QFontMetricsF fm(m_font);
        m_box = QRectF(0, 0, std::ceil(fm.horizontalAdvance(text) + 12), std::ceil(fm.height() + 4));
        m_box.moveCenter(QPointF(0, 0));
        setAcceptedMouseButtons(Qt::NoButton);
    }
    QRectF boundingRect() const override { return m_box.adjusted(-2, -2, 2, 2); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        const QPalette palette = scene() ? scene()->palette() : QGuiApplication::palette();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setBrush(palette.color(QPalette::Base));
        painter->setPen(QPen(GraphDiffOverlay::oldPathColor(), 2));
        painter->drawRoundedRect(m_box, 4, 4);
        painter->setFont(m_font);
        painter->setPen(palette.color(QPalette::Text));
        painter->drawText(m_box, Qt::AlignCenter, m_text);
    }

private:
    QString m_text;
    QFont m_font;
    QRectF m_box;
};

} // namespace

GraphDiffOverlay::GraphDiffOverlay(GraphScene *scene, QObject *parent)
    : QObject(parent)
    , m_scene(scene)
{
    // A rebuild deletes the marks with the rest of the scene; a new layout moves the edges.
    connect(scene, &GraphScene::rebuilt, this, &GraphDiffOverlay::place);
    connect(scene, &GraphScene::layoutChanged, this, &GraphDiffOverlay::place);
}

GraphDiffOverlay::~GraphDiffOverlay()
{
    removeItems();
}

QColor GraphDiffOverlay::newPathColor()
{
    return GraphNodeItem::litColor();
}

void GraphDiffOverlay::setShareChanges(const QList<ShareChange> &changes)
{
    m_changes = changes;
    place();
}

void GraphDiffOverlay::setOldPath(const TrafficPath &path)
{
    m_oldPath = path;
    place();
}

void GraphDiffOverlay::clear()
{
    m_changes.clear();
    m_oldPath = TrafficPath {};
    place();
}

QStringList GraphDiffOverlay::labelTexts() const
{
    return m_labels;
}

void GraphDiffOverlay::removeItems()
{
    delete m_root.data();
    m_root.clear();
    m_oldEdges.clear();
    m_oldNodes.clear();
    m_labels.clear();
}

void GraphDiffOverlay::place()
{
    removeItems();
    if (m_changes.isEmpty() && m_oldPath.isEmpty())
        return;
    auto *root = new OverlayRoot;
    m_root = root;
    m_scene->addItem(root);
    const GraphModel &graph = m_scene->graph();
    const QList<GraphEdgeItem *> &edges = m_scene->edgeItems();

    // The old path: a dashed stroke along each of its edges and a frame around each of its
    // nodes, thinner than the lit new path, so an edge on both shows both colours.
    const GraphModel::PathItems old = graph.pathItems(m_oldPath);
    QPen pen(oldPathColor(), 2.5, Qt::DashLine, Qt::FlatCap);
    for (int e : old.edges) {
        if (e < 0 || e >= edges.size() || !edges[e]->isVisible())
            continue;
        auto *stroke = new QGraphicsPathItem(edges[e]->path(), root);
        stroke->setPen(pen);
        stroke->setAcceptedMouseButtons(Qt::NoButton);
        m_oldEdges << e;
    }
    for (int n : old.nodes) {
        const GraphNodeItem *node = m_scene->nodeItem(n);
        if (!node || !node->isVisible())
            continue;
        auto *frame = new QGraphicsRectItem(node->sceneBoundingRect().adjusted(-4, -4, 4, 4), root);
        frame->setPen(pen);
        frame->setAcceptedMouseButtons(Qt::NoButton);
        m_oldNodes << n;
    }
    std::sort(m_oldEdges.begin(), m_oldEdges.end());
    std::sort(m_oldNodes.begin(), m_oldNodes.end());

    // The changed shares, over the edges' own labels.
    for (const ShareChange &change : std::as_const(m_changes)) {
        for (GraphEdgeItem *item : edges) {
            const GraphEdge &e = item->edge();
            if (e.kind != GraphEdge::Kind::RuleToDestination || e.resourceId != change.resourceId
                || e.routeIndex != change.routeIndex || e.destinationIndex != change.destinationIndex
                || !item->isVisible())
                continue;
            auto *label = new ShareChangeLabel(change.text, root);
            // An edge without a share label of its own (a single destination) has no place for
            // one from the layout: the label goes on the edge itself.
            label->setPos(e.label.isEmpty() ? item->path().pointAtPercent(0.6) : item->labelPos());
            m_labels << change.text;
        }
    }
}

} // namespace meshroute
