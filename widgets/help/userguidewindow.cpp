#include "userguidewindow.h"

#include <QEvent>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace meshroute {

UserGuideWindow::UserGuideWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("userGuideWindow"));
    setWindowTitle(tr("meshroute User Guide"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    // Anchors inside the guide scroll; http(s) links go to the desktop's browser.
    m_browser->setOpenExternalLinks(true);
    m_browser->setSource(QUrl(QLatin1String(source)));
    resize(760, 640);
}

void UserGuideWindow::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        const int at = m_browser->verticalScrollBar()->value();
        m_browser->reload();
        m_browser->verticalScrollBar()->setValue(at);
    }
}

} // namespace meshroute
