#pragma once

#include "graphmodel.h"

#include <QColor>
#include <QGraphicsItem>

namespace meshroute {

class GraphEdgeItem;

// One node of the graph scene. It draws a copy of the GraphNode it was
// given and owns nothing of the model; the scene replaces its data on every
// model change. Colours come from the palette, so a dark palette works.
class GraphNodeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };

    GraphNodeItem(int index, const GraphNode &node);

    int type() const override { return Type; }
    int index() const { return m_index; }
    const GraphNode &node() const { return m_node; }
    void setNode(int index, const GraphNode &node);

    // Highlighted as the current selection (kept apart from QGraphicsItem's
    // own selection so the shared Selection stays the only source).
    void setCurrent(bool current);
    bool isCurrent() const { return m_current; }
    // On the path of the request selected in the Preview.
    void setLit(bool lit);
    bool isLit() const { return m_lit; }
    // The colour of a lit path: the Preview's "routed" green, clear on light and dark bases.
    static QColor litColor() { return QColor(0x1e, 0x9e, 0x4a); }
    // Missing and invalid things: clear on light and dark bases.
    static QColor errorColor() { return QColor(0xd9, 0x30, 0x25); }
    // The colour of the border and the strip: the kind's, or the error colour.
    QColor accentColor() const;

    void addEdge(GraphEdgeItem *edge) { m_edges.append(edge); }
    void clearEdges() { m_edges.clear(); }
    const QList<GraphEdgeItem *> &edges() const { return m_edges; }

    QSizeF size() const { return m_size; }
    // The size its text needs; size() is as wide as the widest node of its column.
    QSizeF naturalSize() const { return m_naturalSize; }
    void setColumnWidth(double width);
    // Moves the node without dragging its edges along: a layout places every
    // node, then adjusts every edge once.
    void placeAt(const QPointF &position);
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    static QColor kindColor(GraphNode::Kind kind);
    static QSizeF measure(const GraphNode &node);
    // The height of the smallest line of text a node draws, in scene units (pixels at zoom 1).
    static double smallestTextHeight();

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    int m_index;
    GraphNode m_node;
    QSizeF m_size;
    QSizeF m_naturalSize;
    double m_columnWidth = 0;
    bool m_current = false;
    bool m_lit = false;
    QList<GraphEdgeItem *> m_edges;
};

} // namespace meshroute
