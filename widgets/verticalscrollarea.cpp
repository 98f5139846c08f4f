#include "verticalscrollarea.h"

#include <QEvent>
#include <QScrollBar>

namespace meshroute {

VerticalScrollArea::VerticalScrollArea(QWidget *parent)
    : QScrollArea(parent)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

QSize VerticalScrollArea::minimumSizeHint() const
{
    const QSize own = QScrollArea::minimumSizeHint();
    if (!widget())
        return own;
    // Room for the vertical scroll bar too: it may appear whenever the dock is short.
    const int width
        = widget()->minimumSizeHint().width() + verticalScrollBar()->sizeHint().width() + 2 * frameWidth();
    return { std::max(own.width(), width), own.height() };
}

bool VerticalScrollArea::eventFilter(QObject *watched, QEvent *event)
{
    // The widget's layout changed (another item selected): its minimum width may have too.
    if (watched == widget() && event->type() == QEvent::LayoutRequest)
        updateGeometry();
    return QScrollArea::eventFilter(watched, event);
}

} // namespace meshroute
