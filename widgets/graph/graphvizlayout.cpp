#include "graphvizlayout.h"

#include "graphmodel.h"

#include <QMutex>
#include <QMutexLocker>
#include <cmath>

#include <graphviz/gvc.h>
#include <graphviz/gvplugin.h>

// dot's layout, linked in (libgvplugin_dot_layout from libgraphviz-dev) rather
// than found through Graphviz's plugin config file at run time: a fresh install
// that never ran `dot -c`, or a relocated library folder, still lays out.
extern "C" gvplugin_library_t gvplugin_dot_layout_LTX_library;

namespace meshroute {

namespace {

// cgraph's API of this Graphviz takes `char *` for names and values it only reads.
char *cs(const char *s)
{
    return const_cast<char *>(s);
}

// Graphviz keeps state in globals (the context, its error level, dot's own
// statics): one layout at a time, on whichever thread.
QMutex &graphvizMutex()
{
    static QMutex mutex;
    return mutex;
}

GVC_t *context()
{
    static GVC_t *gvc = [] {
        static lt_symlist_t builtins[]
            = { { "gvplugin_dot_layout_LTX_library", &gvplugin_dot_layout_LTX_library },
                  { nullptr, nullptr } };
        agseterr(AGERR); // warnings about our own attributes are not the user's business
        return gvContextPlugins(builtins, 0);
    }();
    return gvc;
}

QByteArray inches(double points)
{
    return QByteArray::number(points / 72.0, 'f', 4);
}

// A label as an empty fixed-size table: dot then reserves exactly the box we draw.
QByteArray labelTable(const QSizeF &size)
{
    return QByteArray("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>"
                      "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"")
        + QByteArray::number(int(std::ceil(size.width()))) + "\" HEIGHT=\""
        + QByteArray::number(int(std::ceil(size.height()))) + "\"></TD></TR></TABLE>";
}

void setGraphAttributes(Agraph_t *g, qsizetype nodes)
{
    agattr(g, AGRAPH, cs("rankdir"), cs("LR"));
    agattr(g, AGRAPH, cs("splines"), cs("spline")); // curves routed around the nodes
    agattr(g, AGRAPH, cs("nodesep"), cs("0.15"));
    agattr(g, AGRAPH, cs("ranksep"), cs("0.45"));
    agattr(g, AGRAPH, cs("ordering"), cs("out"));
    if (nodes > 400) {
        // Fewer crossing-minimisation passes: seconds saved, little lost on a big mesh.
        agattr(g, AGRAPH, cs("mclimit"), cs("0.3"));
    }
    agattr(g, AGNODE, cs("shape"), cs("box"));
    agattr(g, AGNODE, cs("fixedsize"), cs("true"));
    agattr(g, AGNODE, cs("label"), cs(""));
    agattr(g, AGNODE, cs("width"), cs("1"));
    agattr(g, AGNODE, cs("height"), cs("0.5"));
    agattr(g, AGEDGE, cs("arrowsize"), cs("0.9"));
    // Out of the right side, into the left: the reading direction, and no edge
    // leaving a box steeply past its neighbour in the column.
    agattr(g, AGEDGE, cs("tailport"), cs("e"));
    agattr(g, AGEDGE, cs("headport"), cs("w"));
    agattr(g, AGEDGE, cs("label"), cs(""));
    agattr(g, AGEDGE, cs("style"), cs(""));
    agattr(g, AGEDGE, cs("weight"), cs("1"));
}

// One `rank=same` group per node kind, chained left to right by invisible
// edges between one invisible anchor per group, so each kind gets its own
// column even where no edge says which comes first.
QList<Agnode_t *> addNodes(Agraph_t *g, const GraphModel &graph, const QList<QSizeF> &sizes)
{
    constexpr int kinds = int(GraphNode::Kind::Workload) + 1;
    QList<Agraph_t *> ranks(kinds, nullptr);
    Agnode_t *previousAnchor = nullptr;
    QList<Agnode_t *> out;
    out.reserve(graph.nodes().size());
    for (const GraphNode &node : graph.nodes()) {
        const int kind = int(node.kind);
        if (!ranks[kind]) {
            ranks[kind] = agsubg(g, QByteArray("rank" + QByteArray::number(kind)).data(), 1);
            agsafeset(ranks[kind], cs("rank"), cs("same"), cs(""));
        }
    }
    for (int kind = 0; kind < kinds; ++kind) {
        if (!ranks[kind])
            continue;
        Agnode_t *anchor = agnode(ranks[kind], QByteArray("anchor" + QByteArray::number(kind)).data(), 1);
        agset(anchor, cs("width"), cs("0.01"));
        agset(anchor, cs("height"), cs("0.01"));
        agsafeset(anchor, cs("style"), cs("invis"), cs(""));
        if (previousAnchor) {
            Agedge_t *e = agedge(g, previousAnchor, anchor, nullptr, 1);
            agset(e, cs("style"), cs("invis"));
            agset(e, cs("weight"), cs("0"));
        }
        previousAnchor = anchor;
    }
    for (qsizetype i = 0; i < graph.nodes().size(); ++i) {
        Agnode_t *n
            = agnode(ranks[int(graph.nodes()[i].kind)], QByteArray("n" + QByteArray::number(i)).data(), 1);
        const QSizeF size = sizes.value(i, QSizeF(100, 40));
        agset(n, cs("width"), inches(size.width()).data());
        agset(n, cs("height"), inches(size.height()).data());
        out.append(n);
    }
    return out;
}

QList<Agedge_t *> addEdges(
    Agraph_t *g, const GraphModel &graph, const QList<Agnode_t *> &nodes, const QList<QSizeF> &labelSizes)
{
    QList<Agedge_t *> out;
    out.reserve(graph.edges().size());
    for (qsizetype i = 0; i < graph.edges().size(); ++i) {
        const GraphEdge &edge = graph.edges()[i];
        Agedge_t *e
            = agedge(g, nodes[edge.from], nodes[edge.to], QByteArray("e" + QByteArray::number(i)).data(), 1);
        const QSizeF label = labelSizes.value(i);
        if (!label.isEmpty()) {
            QByteArray table = labelTable(label);
            agset(e, cs("label"), agstrdup_html(g, table.data()));
        }
        out.append(e);
    }
    return out;
}

GraphEdgeRoute routeOf(Agedge_t *e, const auto &toScene)
{
    GraphEdgeRoute route;
    const splines *spl = ED_spl(e);
    if (!spl || spl->size == 0)
        return route;
    for (int b = 0; b < spl->size; ++b) {
        const bezier &bz = spl->list[b];
        if (bz.size < 1)
            continue;
        if (route.path.isEmpty())
            route.path.moveTo(toScene(bz.list[0]));
        else
            route.path.lineTo(toScene(bz.list[0]));
        for (int p = 1; p + 2 < bz.size; p += 3)
            route.path.cubicTo(toScene(bz.list[p]), toScene(bz.list[p + 1]), toScene(bz.list[p + 2]));
        route.tip = bz.eflag ? toScene(bz.ep) : toScene(bz.list[bz.size - 1]);
    }
    if (const textlabel_t *label = ED_label(e); label && label->set)
        route.labelCentre = toScene(label->pos);
    return route;
}

} // namespace

GraphLayoutResult GraphvizLayout::layout(
    const GraphModel &graph, const QList<QSizeF> &nodeSizes, const QList<QSizeF> &labelSizes)
{
    GraphLayoutResult result;
    if (graph.nodes().isEmpty()) {
        result.ok = true;
        return result;
    }
    QMutexLocker lock(&graphvizMutex());
    GVC_t *gvc = context();
    Agraph_t *g = agopen(cs("traffic"), Agdirected, nullptr);
    setGraphAttributes(g, graph.nodes().size());
    const QList<Agnode_t *> nodes = addNodes(g, graph, nodeSizes);
    const QList<Agedge_t *> edges = addEdges(g, graph, nodes, labelSizes);
    if (gvLayout(gvc, g, "dot") != 0) {
        agclose(g);
        return result;
    }
    // Graphviz's y grows upwards; one point is one scene unit.
    const boxf bb = GD_bb(g);
    const auto toScene = [&bb](pointf p) { return QPointF(p.x - bb.LL.x, bb.UR.y - p.y); };
    result.bounds = QRectF(0, 0, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);
    result.nodePositions.reserve(nodes.size());
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        const QSizeF size = nodeSizes.value(i, QSizeF(100, 40));
        result.nodePositions.append(
            toScene(ND_coord(nodes[i])) - QPointF(size.width() / 2, size.height() / 2));
    }
    result.edgeRoutes.reserve(edges.size());
    for (Agedge_t *e : edges)
        result.edgeRoutes.append(routeOf(e, toScene));
    result.ok = true;
    gvFreeLayout(gvc, g);
    agclose(g);
    return result;
}

} // namespace meshroute
