#pragma once

#include "graphmodel.h"

#include <QGraphicsItem>
#include <QPainterPath>

namespace meshroute {

class GraphNodeItem;

// An arrow between two node items, thicker for a larger share of the rule's
// traffic, labelled with the share; dashed red when it leads to something
// missing. It follows its nodes when they move (adjust()).
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

    void setLit(bool lit);
    bool isLit() const { return m_lit; }

    void adjust();
    QPointF labelPos() const { return m_labelPos; }

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
    QPainterPath m_path;
    QPolygonF m_arrow;
    QPointF m_labelPos;
    QRectF m_bounds;
};

} // namespace meshroute
