#pragma once

#include <QWidget>

namespace meshroute {

class YamlView;

// The gutter of the YAML view; the view paints it, so the numbers follow
// the file's own line numbers even when only one document is shown.
class LineNumberArea : public QWidget
{
    Q_OBJECT

public:
    explicit LineNumberArea(YamlView *view);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    YamlView *m_view;
};

} // namespace meshroute
