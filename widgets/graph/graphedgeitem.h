#pragma once

#include "graphmodel.h"
#include "graphvizlayout.h"

#include <QGraphicsItem>
#include <QPainterPath>

namespace meshroute {

class GraphNodeItem;

// An arrow between two node items, thicker for a larger share of the rule's
// traffic, labelled with the share; dashed red when it leads to something
// missing. It is drawn along the route the layout gave it (around the other
// nodes, its label beside it) while both ends stay where the layout put them;
// once the user drags an end it follows as a plain curve (adjust()).
class GraphEdgeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };

    GraphEdgeItem(const GraphEdge &edge, GraphNodeItem *from, GraphNodeItem *to);

    int type() const override { return Type; }
    const GraphEdge &edge() const { return m_edge; }
    void setEdge(const GraphEdge &edge);
    GraphNodeItem *fromItem() const { return m_from; }
    GraphNodeItem *toItem() const { return m_to; }
    // Which of the source's outgoing edges this is, to spread their exits.
    void setExit(int slot, int slots);
    // The layout's route, valid for the ends' current positions.
    void setRoute(const GraphEdgeRoute &route);
    bool isRouted() const;

    void setLit(bool lit);
    bool isLit() const { return m_lit; }

    void adjust();
    QPointF labelPos() const { return m_labelPos; }
    // The label's box in scene coordinates (empty without a label).
    QRectF labelRect() const;
    const QPainterPath &path() const { return m_path; }

    // The box a label of `text` takes, measured with the font that draws it.
    static QSizeF labelSize(const QString &text);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    // 1 px plus up to 6 px by share: a 1% canary is a hairline, the stable 99% a band.
    double penWidth() const;

private:
    GraphEdge m_edge;
    GraphNodeItem *m_from;
    GraphNodeItem *m_to;
    bool m_lit = false;
    int m_slot = 0;
    int m_slots = 1;
    void adjustAsCurve();
    void adjustAlongRoute();
    void setArrow(const QPointF &tip, const QPointF &from);

    GraphEdgeRoute m_route;
    QPointF m_routedFrom; // the ends' positions the route was made for
    QPointF m_routedTo;
    QPainterPath m_path;
    QPolygonF m_arrow;
    QPointF m_labelPos;
    QRectF m_bounds;
};

} // namespace meshroute
