#include "graphview.h"

#include "graphnodeitem.h"
#include "graphscene.h"

#include <QKeyEvent>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace meshroute {

namespace {
constexpr double minZoom = 0.05;
constexpr double maxZoom = 4.0;
constexpr double step = 1.2;
} // namespace

GraphView::GraphView(GraphScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundRole(QPalette::Window);
    connect(scene, &GraphScene::rebuilt, this, [this] {
        if (m_pressed && !m_scene->nodeItems().contains(m_pressed))
            m_pressed = nullptr;
    });
}

void GraphView::scaleBy(double factor)
{
    const double target = std::clamp(zoom() * factor, minZoom, maxZoom);
    if (qFuzzyCompare(target, zoom()))
        return;
    const double f = target / zoom();
    scale(f, f);
    Q_EMIT zoomChanged(zoom());
}

void GraphView::zoomIn()
{
    m_autoFit = false;
    scaleBy(step);
}

void GraphView::zoomOut()
{
    m_autoFit = false;
    scaleBy(1 / step);
}

void GraphView::setAutoFit(bool autoFit)
{
    m_autoFit = autoFit;
    if (autoFit)
        fit();
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_autoFit)
        fit();
}

void GraphView::resetZoom()
{
    m_autoFit = false;
    setTransform(QTransform());
    Q_EMIT zoomChanged(zoom());
}

void GraphView::fit()
{
    const QRectF bounds = m_scene->visibleBounds();
    if (bounds.isEmpty())
        return;
    fitInView(bounds.adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
    if (zoom() > 1.0)
        setTransform(QTransform());
    if (zoom() < minZoom)
        setTransform(QTransform::fromScale(minZoom, minZoom));
    centerOn(bounds.center());
    Q_EMIT zoomChanged(zoom());
}

void GraphView::ensureNodeVisible(int index)
{
    if (GraphNodeItem *item = m_scene->nodeItem(index); item && item->isVisible())
        ensureVisible(item, 40, 40);
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    m_autoFit = false;
    scaleBy(std::pow(step, delta / 120.0));
    event->accept();
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    m_pressed = nullptr;
    if (event->button() == Qt::LeftButton) {
        for (QGraphicsItem *item : items(event->position().toPoint()))
            if (item->type() == GraphNodeItem::Type) {
                m_pressed = static_cast<GraphNodeItem *>(item);
                m_pressedPos = m_pressed->pos();
                break;
            }
    }
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent *event)
{
    QGraphicsView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || !m_pressed)
        return;
    GraphNodeItem *item = m_pressed;
    m_pressed = nullptr;
    if ((item->pos() - m_pressedPos).manhattanLength() > 2)
        m_scene->rememberPosition(item); // a drag moves the node; it is not a click
    else
        Q_EMIT nodeClicked(item->index());
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::ZoomIn)
        || (event->modifiers() & Qt::ControlModifier && event->key() == Qt::Key_Equal)) {
        zoomIn();
        return;
    }
    if (event->matches(QKeySequence::ZoomOut)) {
        zoomOut();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

} // namespace meshroute
