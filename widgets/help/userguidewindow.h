#pragma once

#include <QWidget>

class QTextBrowser;

namespace meshroute {

// Help > User Guide: the guide shipped in the resources (:/help/user-guide.html),
// shown in a window of its own next to the editor. The contents links scroll
// within the guide; links to other sites open in the browser.
class UserGuideWindow : public QWidget
{
    Q_OBJECT

public:
    static constexpr const char *source = "qrc:/help/user-guide.html";

    explicit UserGuideWindow(QWidget *parent = nullptr);

    QTextBrowser *browser() const { return m_browser; }

protected:
    // The guide's links take the palette's Link colour when it is read: read it again.
    void changeEvent(QEvent *event) override;

private:
    QTextBrowser *m_browser;
};

} // namespace meshroute
