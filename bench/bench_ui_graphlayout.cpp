// The graph's layout with Graphviz's dot (GraphvizLayout): Bookinfo, the
// neighbourhood the panel draws of one VirtualService of big.yaml (5,000
// VirtualServices), and graphs of growing size up to the panel's whole-graph
// limit, to show where the layout leaves the frame and goes to the worker.
// Also the graph model build (it asks the checker about every rule in scope).
// Prints p50/p99 in ms.
//
//   QT_QPA_PLATFORM=offscreen bench_ui_graphlayout [iterations]
#include "bigmesh.h"
#include "graph/graphedgeitem.h"
#include "graph/graphmodel.h"
#include "graph/graphnodeitem.h"
#include "graph/graphscope.h"
#include "graph/graphvizlayout.h"
#include "loader.h"

#include <QApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>

using namespace meshroute;

namespace {

struct Stats
{
    double p50 = 0, p99 = 0;
};

Stats stats(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return { ms[ms.size() / 2], ms[std::min<qsizetype>(ms.size() - 1, qsizetype(ms.size() * 0.99))] };
}

// Build and lay out `graph` `iterations` times, as the scene does (sizes from the drawing fonts).
void measure(const char *name, const Workspace &ws, const GraphScope &scope, int iterations)
{
    QList<double> buildMs, layoutMs;
    qsizetype nodes = 0, edges = 0;
    for (int i = 0; i < iterations; ++i) {
        QElapsedTimer t;
        t.start();
        const GraphModel g = GraphModel::build(ws, scope);
        buildMs.append(double(t.nsecsElapsed()) / 1e6);
        QList<QSizeF> sizes, labels;
        for (const GraphNode &n : g.nodes())
            sizes.append(GraphNodeItem::measure(n));
        for (const GraphEdge &e : g.edges())
            labels.append(GraphEdgeItem::labelSize(e.label));
        t.restart();
        const GraphLayoutResult r = GraphvizLayout::layout(g, sizes, labels);
        layoutMs.append(double(t.nsecsElapsed()) / 1e6);
        if (!r.ok)
            std::fprintf(stderr, "%s: dot failed\n", name);
        nodes = g.nodes().size();
        edges = g.edges().size();
    }
    const Stats b = stats(buildMs), l = stats(layoutMs);
    std::printf("%-34s %5lld nodes %5lld edges  build p50 %7.2f p99 %7.2f ms  dot p50 %8.2f p99 %8.2f ms\n",
        name, qlonglong(nodes), qlonglong(edges), b.p50, b.p99, l.p50, l.p99);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int iterations = argc > 1 ? std::max(3, atoi(argv[1])) : 50;

    const LoadResult bookinfo
        = Loader::loadPaths({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml") });
    measure("bookinfo", bookinfo.workspace, GraphScope(), iterations);

    const LoadResult big = Loader::loadText(bench::bigMeshYaml(5000), QStringLiteral("big.yaml"));
    const Resource *vs
        = big.workspace.find(ResourceKind::VirtualService, QStringLiteral("ns0"), QStringLiteral("vs-2500"));
    measure("big.yaml: neighbourhood of vs-2500", big.workspace,
        GraphScope::around(big.workspace, QString(), vs->id), iterations);

    // Whole graphs of growing size, up to about the panel's whole-graph limit (1,500 nodes).
    for (const int count : { 10, 40, 100, 160 }) {
        const LoadResult mesh = Loader::loadText(bench::bigMeshYaml(count), QStringLiteral("mesh.yaml"));
        const QByteArray name = "whole mesh of " + QByteArray::number(count) + " VirtualServices";
        measure(name.constData(), mesh.workspace, GraphScope(), std::max(3, iterations / (count / 10 + 1)));
    }
    return 0;
}
