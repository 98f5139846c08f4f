#include "linenumberarea.h"

#include "yamlview.h"

namespace meshroute {

LineNumberArea::LineNumberArea(YamlView *view)
    : QWidget(view)
    , m_view(view)
{ }

QSize LineNumberArea::sizeHint() const
{
    return QSize(m_view->lineNumberAreaWidth(), 0);
}

void LineNumberArea::paintEvent(QPaintEvent *event)
{
    m_view->paintLineNumbers(event);
}

} // namespace meshroute
