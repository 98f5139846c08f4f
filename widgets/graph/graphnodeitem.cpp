#include "graphnodeitem.h"

#include "graphedgeitem.h"
#include "resourcetree/resourceicons.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGuiApplication>
#include <QIcon>
#include <QPainter>
#include <QPalette>
#include <cmath>

namespace meshroute {

namespace {

constexpr double padding = 7;
constexpr double strip = 5;
constexpr double maxTextWidth = 300;
constexpr double iconGap = 4;

// The icon beside the title: as tall as the title's line.
double iconSize(const GraphNode &node)
{
    return node.icon.isEmpty() ? 0 : std::ceil(QFontMetricsF(QGuiApplication::font()).height());
}

QFont titleFont()
{
    QFont f = QGuiApplication::font();
    f.setBold(true);
    return f;
}

// The application's font: at the default zoom (1 or more) every line is at least as big as the
// rest of the window's text.
QFont detailFont()
{
    return QGuiApplication::font();
}

} // namespace

GraphNodeItem::GraphNodeItem(int index, const GraphNode &node)
    : m_index(index)
{
    setFlag(ItemIsMovable);
    setFlag(ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setZValue(1);
    setNode(index, node);
}

void GraphNodeItem::setNode(int index, const GraphNode &node)
{
    m_index = index;
    m_naturalSize = measure(node);
    const QSizeF size(std::max(m_naturalSize.width(), m_columnWidth), m_naturalSize.height());
    if (size != m_size)
        prepareGeometryChange();
    m_node = node;
    m_size = size;
    QString tip = node.missing ? node.missingReason : node.toolTip;
    if (!node.errors.isEmpty())
        tip += QLatin1String("\n\nThe API server rejects it:\n") + node.errors.join(QLatin1Char('\n'));
    setToolTip(tip);
    update();
}

void GraphNodeItem::setColumnWidth(double width)
{
    m_columnWidth = width;
    const QSizeF size(std::max(m_naturalSize.width(), m_columnWidth), m_naturalSize.height());
    if (size == m_size)
        return;
    prepareGeometryChange();
    m_size = size;
}

void GraphNodeItem::placeAt(const QPointF &position)
{
    setFlag(ItemSendsGeometryChanges, false);
    setPos(position);
    setFlag(ItemSendsGeometryChanges, true);
}

void GraphNodeItem::setCurrent(bool current)
{
    if (current == m_current)
        return;
    m_current = current;
    setZValue(current ? 2 : 1);
    update();
}

void GraphNodeItem::setLit(bool lit)
{
    if (lit == m_lit)
        return;
    m_lit = lit;
    update();
}

QSizeF GraphNodeItem::measure(const GraphNode &node)
{
    const QFontMetricsF title(titleFont());
    const QFontMetricsF detail(detailFont());
    const double icon = iconSize(node);
    double width = std::min(maxTextWidth, title.horizontalAdvance(node.title) + (icon ? icon + iconGap : 0));
    for (const QString &line : node.details)
        width = std::min(maxTextWidth, std::max(width, detail.horizontalAdvance(line)));
    const double height = title.height() + node.details.size() * detail.height();
    return QSizeF(std::ceil(width + 2 * padding + strip + 2), std::ceil(height + 2 * padding));
}

double GraphNodeItem::smallestTextHeight()
{
    return std::min(QFontMetricsF(titleFont()).height(), QFontMetricsF(detailFont()).height());
}

QColor GraphNodeItem::kindColor(GraphNode::Kind kind)
{
    // Mid-tone accents: readable against light and dark bases alike.
    switch (kind) {
    case GraphNode::Kind::Gateway:
        return QColor(0x9b, 0x59, 0xb6);
    case GraphNode::Kind::VirtualService:
        return QColor(0x2e, 0x86, 0xde);
    case GraphNode::Kind::Rule:
        return QColor(0x16, 0xa0, 0x85);
    case GraphNode::Kind::Service:
        return QColor(0xe6, 0x7e, 0x22);
    case GraphNode::Kind::Subset:
        return QColor(0xd3, 0x54, 0x9a);
    case GraphNode::Kind::Workload:
        return QColor(0x6a, 0x9f, 0x2e);
    }
    return Qt::gray;
}

QColor GraphNodeItem::accentColor() const
{
    if (m_node.missing || !m_node.errors.isEmpty())
        return errorColor();
    return kindColor(m_node.colourKind >= 0 ? GraphNode::Kind(m_node.colourKind) : m_node.kind);
}

QRectF GraphNodeItem::boundingRect() const
{
    return QRectF(QPointF(-2, -2), m_size + QSizeF(4, 4));
}

void GraphNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QPalette palette = scene() ? scene()->palette() : QGuiApplication::palette();
    const QColor missingColor = errorColor();
    const QColor accent = accentColor();
    const QRectF rect(QPointF(0, 0), m_size);

    painter->setRenderHint(QPainter::Antialiasing);
    QPen border(m_current ? palette.color(QPalette::Highlight)
            : m_lit       ? litColor()
                          : accent,
        m_current || m_lit ? 3 : 1.4);
    if (m_node.missing)
        border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(rect, 5, 5);

    // The kind's colour as a strip on the left edge.
    painter->setPen(Qt::NoPen);
    painter->setBrush(accent);
    painter->drawRoundedRect(QRectF(1.5, 1.5, strip, m_size.height() - 3), 2, 2);

    const double x = strip + padding;
    const double width = m_size.width() - x - padding;
    double y = padding;
    const QFont tf = titleFont();
    const QFontMetricsF tm(tf);
    painter->setFont(tf);
    painter->setPen(accent == missingColor ? missingColor : palette.color(QPalette::Text));
    double titleX = x;
    if (const double icon = iconSize(m_node); icon > 0) {
        ResourceIcons::ensureLoaded();
        QIcon(QStringLiteral(":/icons/%1.svg").arg(m_node.icon))
            .paint(painter, QRect(int(x), int(y + (tm.height() - icon) / 2), int(icon), int(icon)));
        titleX += icon + iconGap;
    }
    painter->drawText(QRectF(titleX, y, width - (titleX - x), tm.height()), Qt::AlignLeft | Qt::AlignVCenter,
        tm.elidedText(m_node.title, Qt::ElideRight, width - (titleX - x)));
    y += tm.height();
    const QFont df = detailFont();
    const QFontMetricsF dm(df);
    painter->setFont(df);
    QColor detailColor = palette.color(QPalette::Text);
    detailColor.setAlphaF(0.75);
    for (const QString &line : m_node.details) {
        painter->setPen(m_node.missing ? missingColor : detailColor);
        painter->drawText(QRectF(x, y, width, dm.height()), Qt::AlignLeft | Qt::AlignVCenter,
            dm.elidedText(line, Qt::ElideRight, width));
        y += dm.height();
    }
}

QVariant GraphNodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged)
        for (GraphEdgeItem *e : std::as_const(m_edges))
            e->adjust();
    return QGraphicsItem::itemChange(change, value);
}

} // namespace meshroute
