#pragma once

#include <QList>
#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

namespace meshroute {

class GraphModel;

// Where Graphviz put one edge, in scene coordinates.
struct GraphEdgeRoute
{
    QPainterPath path; // cubic Bézier pieces from the tail's border to the base of the arrowhead
    QPointF tip; // the arrowhead's point, on the head's border
    QPointF labelCentre; // meaningful only for an edge given a label size
};

// A finished layout: top-left corners of the nodes (parallel to the graph's
// nodes) and one route per edge (parallel to its edges).
struct GraphLayoutResult
{
    QList<QPointF> nodePositions;
    QList<GraphEdgeRoute> edgeRoutes;
    QRectF bounds;
    bool ok = false;
};

// Lays a traffic graph out with Graphviz's `dot`: layered left to right, one
// rank per node kind (gateway, VirtualService, rule, Service, subset,
// workload), crossings minimised, edges routed as splines around the nodes
// and each share label placed beside its own edge where nothing else is.
// Sizes are in scene units (one Graphviz point each), measured with the
// fonts that will draw the nodes and labels, so what dot reserves is what is
// drawn. Graphviz keeps global state: every call is serialised with one
// mutex, so this may run on any thread.
class GraphvizLayout
{
public:
    // `nodeSizes` is parallel to graph.nodes(), `labelSizes` to graph.edges()
    // (an empty size: the edge has no label).
    static GraphLayoutResult layout(
        const GraphModel &graph, const QList<QSizeF> &nodeSizes, const QList<QSizeF> &labelSizes);
};

} // namespace meshroute
