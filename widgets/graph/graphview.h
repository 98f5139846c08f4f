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
    // Shows every visible node, never magnified beyond 100%.
    void fit();
    // Fit again on every resize until the user zooms (a new workspace turns it back on).
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

    GraphScene *m_scene;
    GraphNodeItem *m_pressed = nullptr;
    QPointF m_pressedPos;
    bool m_autoFit = true;
};

} // namespace meshroute
