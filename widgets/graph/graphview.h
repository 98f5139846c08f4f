#pragma once

#include <QGraphicsView>

namespace meshroute {

class GraphNodeItem;
class GraphScene;

// The view of the traffic graph: wheel and Ctrl+=/- zoom, drag on the
// background pans, drag a node to move it, click a node to select it.
class GraphView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit GraphView(GraphScene *scene, QWidget *parent = nullptr);

    GraphScene *graphScene() const { return m_scene; }
    double zoom() const { return transform().m11(); }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    // Shows every visible node as large as the view allows (the Fit button),
    // and keeps doing so on resizes and new layouts until the user zooms.
    void fit();
    // The default view: fit, but never below 100%, so node text is at least the
    // application's font size; a graph bigger than the view shows its top left
    // (where traffic enters) and scrolls. Kept on resizes until the user zooms
    // (a new workspace turns it back on).
    void setAutoFit(bool autoFit);
    void ensureNodeVisible(int index);

Q_SIGNALS:
    void nodeClicked(int index);
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void scaleBy(double factor);
    enum class FitMode { None, Readable, Fill };
    void applyFit();
    // The zoom at which `bounds` fills the viewport.
    double fillZoom(const QRectF &bounds) const;

    GraphScene *m_scene;
    GraphNodeItem *m_pressed = nullptr;
    QPointF m_pressedPos;
    FitMode m_fitMode = FitMode::Readable;
};

} // namespace meshroute
