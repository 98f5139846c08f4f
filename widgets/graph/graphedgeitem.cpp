#include "graphedgeitem.h"

#include "graphnodeitem.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPalette>
#include <cmath>

namespace meshroute {

namespace {

const QColor missingColor(0xd9, 0x30, 0x25);
constexpr double arrowSize = 7;
constexpr double labelDistance = 30; // from the target's entry

QFont labelFont()
{
    QFont f = QGuiApplication::font();
    f.setBold(true);
    return f;
}

} // namespace

GraphEdgeItem::GraphEdgeItem(const GraphEdge &edge, GraphNodeItem *from, GraphNodeItem *to)
    : m_edge(edge)
    , m_from(from)
    , m_to(to)
{
    setZValue(0);
    setAcceptedMouseButtons(Qt::NoButton);
    setToolTip(edge.toolTip);
    from->addEdge(this);
    to->addEdge(this);
}

void GraphEdgeItem::setEdge(const GraphEdge &edge)
{
    m_edge = edge;
    setToolTip(edge.toolTip);
    adjust();
}

void GraphEdgeItem::setLit(bool lit)
{
    if (lit == m_lit)
        return;
    m_lit = lit;
    update();
}

void GraphEdgeItem::setExit(int slot, int slots)
{
    m_slot = slot;
    m_slots = std::max(1, slots);
}

double GraphEdgeItem::penWidth() const
{
    // Thickness by share: a 1% canary is a hairline, the stable 99% a band.
    if (m_edge.share >= 0)
        return 1.0 + 6.0 * m_edge.share;
    return 1.3;
}

void GraphEdgeItem::setRoute(const GraphEdgeRoute &route)
{
    m_route = route;
    m_routedFrom = m_from->pos();
    m_routedTo = m_to->pos();
    adjust();
}

bool GraphEdgeItem::isRouted() const
{
    return !m_route.path.isEmpty() && m_from->pos() == m_routedFrom && m_to->pos() == m_routedTo;
}

QSizeF GraphEdgeItem::labelSize(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QFontMetricsF fm(labelFont());
    return QSizeF(std::ceil(fm.horizontalAdvance(text) + 10), std::ceil(fm.height() + 4));
}

QRectF GraphEdgeItem::labelRect() const
{
    const QSizeF size = labelSize(m_edge.label);
    return size.isEmpty() ? QRectF()
                          : QRectF(m_labelPos - QPointF(size.width() / 2, size.height() / 2), size);
}

void GraphEdgeItem::adjust()
{
    prepareGeometryChange();
    if (isRouted())
        adjustAlongRoute();
    else
        adjustAsCurve();
    m_bounds = m_path.boundingRect().united(m_arrow.boundingRect()).adjusted(-8, -8, 8, 8);
    if (!m_edge.label.isEmpty())
        m_bounds = m_bounds.united(labelRect().adjusted(-2, -2, 2, 2));
}

void GraphEdgeItem::setArrow(const QPointF &tip, const QPointF &from)
{
    QLineF back(tip, from);
    if (back.length() < 0.01)
        back = QLineF(tip, tip - QPointF(1, 0));
    // A band of a 99% share gets a head wider than itself.
    const double halfWidth = arrowSize / 2 + 1 + penWidth() / 3;
    back.setLength(arrowSize + 2 + penWidth() / 3);
    const QPointF base = back.p2();
    const QPointF side = QPointF(-(base - tip).y(), (base - tip).x()) * (halfWidth / back.length());
    m_arrow = QPolygonF({ tip, base + side, base - side });
}

void GraphEdgeItem::adjustAlongRoute()
{
    m_path = m_route.path;
    setArrow(m_route.tip, m_path.currentPosition());
    m_labelPos = m_route.labelCentre;
}

// Where the user moved an end: a curve from the source's right to the target's left.
void GraphEdgeItem::adjustAsCurve()
{
    const QRectF a(m_from->pos(), m_from->size());
    const QRectF b(m_to->pos(), m_to->size());
    const double exitY = a.top() + a.height() * (m_slot + 1) / (m_slots + 1);
    QPointF start(a.right(), exitY);
    QPointF end(b.left() - 1, b.center().y());
    const double dx = std::max(40.0, std::abs(end.x() - start.x()) / 2);
    m_path = QPainterPath(start);
    m_path.cubicTo(start + QPointF(dx, 0), end - QPointF(dx, 0), end - QPointF(arrowSize, 0));
    setArrow(end, end - QPointF(arrowSize, 0));
    if (!m_edge.label.isEmpty()) {
        // Near the target: targets never overlap, so neither do the labels
        // of a rule's destinations, however close their exits are.
        const double length = m_path.length();
        const double at = std::max(length / 2, length - labelDistance);
        m_labelPos = m_path.pointAtPercent(m_path.percentAtLength(at));
    }
}

QRectF GraphEdgeItem::boundingRect() const
{
    return m_bounds;
}

QPainterPath GraphEdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(penWidth() + 6);
    return stroker.createStroke(m_path);
}

void GraphEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette palette = scene() ? scene()->palette() : QGuiApplication::palette();
    QColor color = palette.color(QPalette::Text);
    color.setAlphaF(0.55);
    const bool current = m_from->isCurrent() || m_to->isCurrent();
    if (current)
        color = palette.color(QPalette::Highlight);
    if (m_lit)
        color = GraphNodeItem::litColor();
    if (m_edge.missing)
        color = missingColor;
    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(color, m_lit ? std::max(3.0, penWidth()) : penWidth(), Qt::SolidLine, Qt::FlatCap);
    if (m_edge.missing)
        pen.setStyle(Qt::DashLine);
    if (m_edge.kind == GraphEdge::Kind::Mirror)
        pen.setStyle(Qt::DotLine);
    if (m_edge.share == 0)
        pen.setStyle(Qt::DotLine);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(m_arrow);

    if (!m_edge.label.isEmpty()) {
        const QFont f = labelFont();
        const QRectF box = labelRect();
        painter->setBrush(palette.color(QPalette::Base));
        painter->setPen(QPen(color, 1));
        painter->drawRoundedRect(box, 4, 4);
        painter->setFont(f);
        painter->setPen(m_edge.missing ? missingColor : palette.color(QPalette::Text));
        painter->drawText(box, Qt::AlignCenter, m_edge.label);
    }
}

} // namespace meshroute
