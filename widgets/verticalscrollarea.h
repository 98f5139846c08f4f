#pragma once

#include <QScrollArea>

namespace meshroute {

// A scroll area that scrolls only up and down: it is never narrower than what
// its widget needs to show without clipping (its minimum width follows the
// widget's), so a dock holding it keeps every row whole and never shows a
// horizontal scroll bar.
class VerticalScrollArea : public QScrollArea
{
    Q_OBJECT

public:
    explicit VerticalScrollArea(QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace meshroute
