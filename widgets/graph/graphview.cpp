#include "graphview.h"

#include "graphnodeitem.h"
#include "graphscene.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace meshroute {

namespace {
constexpr double minZoom = 0.05;
constexpr double maxZoom = 4.0;
constexpr double step = 1.2;
constexpr double maxReadableZoom = 2.0; // a small graph is enlarged this much by default
constexpr double fitMargin = 16; // pixels around the graph
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
    connect(scene, &GraphScene::layoutChanged, this, &GraphView::applyFit);
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
    m_fitMode = FitMode::None;
    scaleBy(step);
}

void GraphView::zoomOut()
{
    m_fitMode = FitMode::None;
    scaleBy(1 / step);
}

void GraphView::setAutoFit(bool autoFit)
{
    m_fitMode = autoFit ? FitMode::Readable : FitMode::None;
    applyFit();
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    applyFit();
}

void GraphView::resetZoom()
{
    m_fitMode = FitMode::None;
    setTransform(QTransform());
    Q_EMIT zoomChanged(zoom());
}

void GraphView::fit()
{
    m_fitMode = FitMode::Fill;
    applyFit();
}

double GraphView::fillZoom(const QRectF &bounds) const
{
    // Room for both scroll bars, whether or not they show: the fit must not depend on them.
    const QSizeF viewport = maximumViewportSize()
        - QSize(verticalScrollBar()->sizeHint().width(), horizontalScrollBar()->sizeHint().height())
        - QSizeF(2 * fitMargin, 2 * fitMargin);
    return std::min(viewport.width() / bounds.width(), viewport.height() / bounds.height());
}

void GraphView::applyFit()
{
    const QRectF bounds = m_scene->visibleBounds();
    if (m_fitMode == FitMode::None || bounds.isEmpty())
        return;
    double z = fillZoom(bounds);
    // Fit shows everything, however small that makes it; the wheel stops at minZoom.
    z = m_fitMode == FitMode::Readable ? std::clamp(z, 1.0, maxReadableZoom) : std::clamp(z, 0.001, maxZoom);
    setTransform(QTransform::fromScale(z, z));
    // What does not fit shows from its top left, where the traffic enters.
    const QSizeF shown = QSizeF(viewport()->size()) / z;
    const double margin = fitMargin / z;
    const double x = bounds.width() + 2 * margin <= shown.width()
        ? bounds.center().x()
        : bounds.left() - margin + shown.width() / 2;
    const double y = bounds.height() + 2 * margin <= shown.height()
        ? bounds.center().y()
        : bounds.top() - margin + shown.height() / 2;
    centerOn(x, y);
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
    m_fitMode = FitMode::None;
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
