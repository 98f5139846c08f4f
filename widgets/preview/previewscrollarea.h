#pragma once

#include <QScrollArea>

namespace meshroute {

// Holds the Preview in its dock. The Preview's plots need room, but only while
// it is shown: in a scroll area its minimum size does not push the graph aside
// while Problems is the raised tab. The panel gets the whole viewport and never
// less than its minimum size (QScrollArea's widgetResizable would give a
// panel with word-wrapped labels its preferred height for the width instead,
// and scroll when nothing needs to).
class PreviewScrollArea : public QScrollArea
{
    Q_OBJECT

public:
    explicit PreviewScrollArea(QWidget *parent = nullptr);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitWidget();
};

} // namespace meshroute
