// Graph rebuild and YAML view update after a weight edit, for Bookinfo and a
// generated 5,000-VirtualService mesh (the shape of bench_yamlparser's file,
// plus a Service and a DestinationRule per host). Prints p50/p99 in ms.
//
//   QT_QPA_PLATFORM=offscreen bench_ui_graph [iterations]
#include "document.h"
#include "gatewayapimesh.h"
#include "graph/graphmodel.h"
#include "graph/graphpanel.h"
#include "graph/graphscene.h"
#include "graph/graphscope.h"
#include "loader.h"
#include "selection.h"
#include "setweights.h"
#include "undostack.h"
#include "yaml/yamlview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>

using namespace meshroute;

namespace {

QByteArray generateMesh(int count)
{
    QByteArray out;
    out.reserve(count * 3000);
    for (int i = 0; i < count; ++i) {
        const QByteArray n = QByteArray::number(i);
        const QByteArray ns = "ns" + QByteArray::number(i % 50);
        const QByteArray host = "svc" + n + "." + ns + ".svc.cluster.local";
        out += "---\napiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nmetadata:\n  name: vs-"
            + n + "\n  namespace: " + ns + "\nspec:\n  hosts:\n  - " + host
            + "\n  gateways:\n  - mesh\n  http:\n";
        for (int r = 0; r < 5; ++r) {
            const QByteArray rs = QByteArray::number(r);
            out += "  - name: rule-" + rs + "\n    match:\n    - uri:\n        prefix: /api/v" + rs + "/svc"
                + n + "\n      headers:\n        x-user:\n          exact: user" + rs
                + "\n    - uri:\n        regex: \"/items/[0-9]+/" + rs + "\"\n    route:\n";
            for (int v = 1; v <= 2; ++v)
                out += "    - destination:\n        host: " + host + "\n        subset: v"
                    + QByteArray::number(v) + "\n        port:\n          number: 9080\n      weight: "
                    + (v == 1 ? "90" : "10") + "\n";
            out += "    timeout: 5s\n    retries:\n      attempts: 3\n      perTryTimeout: 2s\n";
        }
        out += "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc" + n + "\n  namespace: " + ns
            + "\nspec:\n  selector:\n    app: svc" + n + "\n  ports:\n  - port: 9080\n    name: http\n";
        out += "---\napiVersion: networking.istio.io/v1beta1\nkind: DestinationRule\nmetadata:\n  name: svc"
            + n + "\n  namespace: " + ns + "\nspec:\n  host: " + host
            + "\n  subsets:\n  - name: v1\n    labels:\n      version: v1\n"
            + "  - name: v2\n    labels:\n      version: v2\n";
    }
    return out;
}

struct Stats
{
    double p50 = 0, p99 = 0, max = 0;
};

Stats stats(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    Stats s;
    s.p50 = ms[ms.size() / 2];
    s.p99 = ms[std::min<qsizetype>(ms.size() - 1, qsizetype(ms.size() * 0.99))];
    s.max = ms.last();
    return s;
}

void run(const char *name, LoadResult load, const QString &vsName, const QString &ns, int iterations)
{
    Document doc;
    QElapsedTimer t;
    t.start();
    doc.setLoadResult(std::move(load));
    Selection selection;
    GraphPanel panel(&doc, &selection);
    panel.resize(1200, 800);
    YamlView yaml(&doc, &selection);
    yaml.resize(600, 800);
    panel.show();
    yaml.show();
    const Resource *vs = doc.workspace().find(ResourceKind::VirtualService, ns, vsName);
    SelectionTarget target;
    target.resourceId = vs->id;
    target.routeIndex = 0;
    selection.select(target);
    const double setupMs = double(t.nsecsElapsed()) / 1e6;
    QApplication::processEvents();

    // Cost of the pure model: GraphModel::build + layout.
    QList<double> build;
    for (int i = 0; i < std::max(5, iterations / 10); ++i) {
        t.restart();
        const GraphModel g = GraphModel::build(doc.workspace());
        QList<QSizeF> sizes(g.nodes().size(), QSizeF(150, 50));
        (void)g.layout(sizes);
        build.append(double(t.nsecsElapsed()) / 1e6);
    }
    // The part of a large mesh the panel draws: computing it, and building its graph.
    QList<double> scopeMs, partMs;
    for (int i = 0; i < std::max(5, iterations / 4); ++i) {
        t.restart();
        const GraphScope scope = GraphScope::around(doc.workspace(), QString(), vs->id);
        scopeMs.append(double(t.nsecsElapsed()) / 1e6);
        t.restart();
        (void)GraphModel::build(doc.workspace(), scope);
        partMs.append(double(t.nsecsElapsed()) / 1e6);
    }
    // A slider drag: one SetWeights per step, every view following at once.
    QList<double> edit, graphOnly, yamlOnly;
    for (int i = 0; i < iterations; ++i) {
        const int w = 1 + i % 98;
        QString error;
        auto command = SetWeights::create(&doc, vs->id, 0, { 100 - w, w }, &error);
        if (!command) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return;
        }
        t.restart();
        doc.undoStack()->push(command.release()); // graph, YAML and tree update in Document::changed
        edit.append(double(t.nsecsElapsed()) / 1e6);
        t.restart();
        panel.refresh();
        graphOnly.append(double(t.nsecsElapsed()) / 1e6);
        t.restart();
        yaml.refresh();
        yamlOnly.append(double(t.nsecsElapsed()) / 1e6);
    }
    // Selecting a resource outside the drawn part moves the graph there.
    QList<double> refocus;
    const QList<const Resource *> others = doc.workspace().ofKind(ResourceKind::VirtualService);
    for (int i = 0; i < std::max(5, iterations / 4); ++i) {
        SelectionTarget other;
        other.resourceId = others[(i * 7919) % others.size()]->id;
        t.restart();
        selection.select(other);
        refocus.append(double(t.nsecsElapsed()) / 1e6);
    }
    const Stats b = stats(build), e = stats(edit), g = stats(graphOnly), y = stats(yamlOnly);
    const Stats sc = stats(scopeMs), pa = stats(partMs), rf = stats(refocus);
    std::printf("%s: %lld resources, %lld graph nodes drawn (%s); open + first build %.1f ms\n", name,
        qlonglong(doc.workspace().resources.size()), qlonglong(panel.scene()->graph().nodes().size()),
        panel.isPartial() ? "one neighbourhood" : "whole", setupMs);
    std::printf("  whole graph model build+layout p50 %8.2f ms  p99 %8.2f ms\n", b.p50, b.p99);
    std::printf("  neighbourhood scope           p50 %8.2f ms  p99 %8.2f ms\n", sc.p50, sc.p99);
    std::printf("  neighbourhood graph build     p50 %8.2f ms  p99 %8.2f ms\n", pa.p50, pa.p99);
    std::printf("  select another VS (redraw)    p50 %8.2f ms  p99 %8.2f ms\n", rf.p50, rf.p99);
    std::printf(
        "  weight edit, all views        p50 %8.2f ms  p99 %8.2f ms  max %8.2f\n", e.p50, e.p99, e.max);
    std::printf("  graph refresh (in place)      p50 %8.2f ms  p99 %8.2f ms\n", g.p50, g.p99);
    std::printf("  YAML view update              p50 %8.2f ms  p99 %8.2f ms\n", y.p50, y.p99);
}

// The 5,000-HTTPRoute mesh (bench/gatewayapimesh.h: one ingress Gateway every route
// attaches to, each route also a mesh route of its Service): the neighbourhood of one
// HTTPRoute, its graph, and moving the graph to another route.
void runGatewayApi(int iterations)
{
    QElapsedTimer t;
    t.start();
    Document doc;
    doc.setLoadResult(Loader::loadText(bench::gatewayApiMeshYaml(5000), QStringLiteral("routes.yaml")));
    Selection selection;
    GraphPanel panel(&doc, &selection);
    panel.resize(1200, 800);
    panel.show();
    const QList<const Resource *> routes = doc.workspace().ofKind(ResourceKind::HTTPRoute);
    SelectionTarget target;
    target.resourceId = routes[routes.size() / 2]->id;
    selection.select(target);
    const double setupMs = double(t.nsecsElapsed()) / 1e6;
    QApplication::processEvents();
    QList<double> scopeMs, partMs, refocus;
    for (int i = 0; i < iterations; ++i) {
        t.restart();
        const GraphScope scope = GraphScope::around(doc.workspace(), QString(), target.resourceId);
        scopeMs.append(double(t.nsecsElapsed()) / 1e6);
        t.restart();
        (void)GraphModel::build(doc.workspace(), scope);
        partMs.append(double(t.nsecsElapsed()) / 1e6);
        SelectionTarget other;
        other.resourceId = routes[(i * 7919) % routes.size()]->id;
        t.restart();
        selection.select(other);
        refocus.append(double(t.nsecsElapsed()) / 1e6);
    }
    const Stats sc = stats(scopeMs), pa = stats(partMs), rf = stats(refocus);
    std::printf("5000 HTTPRoutes: %lld resources, %lld graph nodes drawn (%s); open + first build %.1f ms\n",
        qlonglong(doc.workspace().resources.size()), qlonglong(panel.scene()->graph().nodes().size()),
        panel.isPartial() ? "one neighbourhood" : "whole", setupMs);
    std::printf("  neighbourhood scope           p50 %8.2f ms  p99 %8.2f ms\n", sc.p50, sc.p99);
    std::printf("  neighbourhood graph build     p50 %8.2f ms  p99 %8.2f ms\n", pa.p50, pa.p99);
    std::printf("  select another route (redraw) p50 %8.2f ms  p99 %8.2f ms\n", rf.p50, rf.p99);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int iterations = argc > 1 ? std::max(10, atoi(argv[1])) : 200;
    run("bookinfo", Loader::loadPaths({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml") }),
        QStringLiteral("reviews"), QStringLiteral("default"), iterations);
    QElapsedTimer t;
    t.start();
    const QByteArray mesh = generateMesh(5000);
    LoadResult load = Loader::loadText(mesh, QStringLiteral("big.yaml"));
    std::printf(
        "generated mesh: %.1f MB, loaded in %lld ms\n", mesh.size() / 1048576.0, qlonglong(t.elapsed()));
    run("5000 VirtualServices", std::move(load), QStringLiteral("vs-2500"), QStringLiteral("ns0"),
        std::max(10, iterations / 4));
    runGatewayApi(std::max(10, iterations / 4));

    // What "Draw everything" costs on the same mesh.
    Document doc;
    doc.setLoadResult(Loader::loadText(mesh, QStringLiteral("big.yaml")));
    Selection selection;
    GraphPanel panel(&doc, &selection);
    t.restart();
    panel.drawEverything();
    std::printf("draw everything: %lld nodes in %lld ms\n", qlonglong(panel.scene()->nodeItems().size()),
        qlonglong(t.elapsed()));
    return 0;
}
