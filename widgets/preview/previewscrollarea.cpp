#include "preview/previewscrollarea.h"

#include <QEvent>

namespace meshroute {

PreviewScrollArea::PreviewScrollArea(QWidget *parent)
    : QScrollArea(parent)
{
    setWidgetResizable(false);
    setFrameShape(QFrame::NoFrame);
}

void PreviewScrollArea::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    fitWidget();
}

bool PreviewScrollArea::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == widget() && event->type() == QEvent::LayoutRequest)
        fitWidget();
    return QScrollArea::eventFilter(watched, event);
}

void PreviewScrollArea::fitWidget()
{
    if (QWidget *w = widget())
        w->resize(viewport()->size().expandedTo(w->minimumSizeHint()));
}

} // namespace meshroute
