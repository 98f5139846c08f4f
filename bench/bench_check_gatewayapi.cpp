// `check` on 5,000 HTTPRoutes against `check` on the same mesh written as 5,000 VirtualServices
// (bench/bigmesh.h): the Gateway API checks (CRD rules, RE2, never-winning matches, HTTPRoute and
// VirtualService on one host) should cost no more than 1.2x the VirtualService checks. Each route
// says what its VirtualService says: a Service parent (the mesh), five rules of two matches (a
// prefix with a header, and a regex), two weighted backends, a timeout; the Services,
// DestinationRules and Deployments are bigmesh.h's.
//
//   bench_check_gatewayapi            generate both in memory, load each, check each 5 times,
//                                     print the median check time of each and their ratio
//   BENCH_ANALYZERS=1 bench_check_gatewayapi   also time each check of the registry alone (one
//                                     thread) on each workspace, the slowest first

#include "analyzerregistry.h"
#include "bigmesh.h"
#include "checkcontext.h"
#include "checker.h"
#include "loader.h"

#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>

using namespace meshroute;

namespace {

// bigMeshYaml's VirtualServices, written as HTTPRoutes with a Service parent.
QByteArray httpRouteMesh(int routes, int rulesPerRoute = 5)
{
    QByteArray out;
    out.reserve(qsizetype(routes) * 2500);
    for (int i = 0; i < routes; ++i) {
        const QByteArray n = QByteArray::number(i);
        const QByteArray ns = "ns" + QByteArray::number(i % 50);
        if (i)
            out += "---\n";
        out += "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: route-" + n
            + "\n  namespace: " + ns + "\n  labels:\n    app: svc" + n
            + "\nspec:\n  parentRefs:\n  - group: \"\"\n    kind: Service\n    name: svc" + n
            + "\n    port: 9080\n  rules:\n";
        for (int r = 0; r < rulesPerRoute; ++r) {
            const QByteArray rn = QByteArray::number(r);
            out += "  - name: rule-" + rn
                + "\n    matches:\n    - path:\n        type: PathPrefix\n        value: /api/v" + rn + "/svc"
                + n + "\n      headers:\n      - name: x-user\n        value: user" + rn
                + "\n    - path:\n        type: RegularExpression\n        value: \"/items/[0-9]+/" + rn
                + "\"\n    backendRefs:\n";
            for (const char *subset : { "v1", "v2" })
                out += "    - name: svc" + n + "-" + subset + "\n      port: 9080\n      weight: "
                    + (QByteArray(subset) == "v1" ? "90" : "10") + "\n";
            out += "    timeouts:\n      request: 5s\n";
        }
    }
    return out;
}

// The Services, DestinationRules and Deployments of bigMeshYaml, after its VirtualServices.
QByteArray meshObjects(const QByteArray &bigMesh)
{
    const qsizetype at = bigMesh.indexOf("\n---\napiVersion: v1\nkind: Service\n");
    return at < 0 ? QByteArray() : bigMesh.mid(at + 1);
}

struct Figures
{
    qint64 loadMs = 0;
    qint64 checkMs = 0; // median of the runs
    qsizetype resources = 0;
    qsizetype findings = 0;
};

// Each check of the registry run alone on one thread, as tst_analyzerregistry runs them.
void timeEachAnalyzer(const Workspace &ws, const char *label)
{
    QList<QPair<qint64, QString>> times;
    for (const Analyzer &a : AnalyzerRegistry::all()) {
        Diagnostics found;
        CheckContext ctx(ws, found);
        QElapsedTimer t;
        t.start();
        if (a.checkMesh)
            a.checkMesh(ctx);
        else
            for (const Resource &r : ws.resources)
                if (r.kind == a.reads.first())
                    a.checkResource(ctx, r);
        times.append({ t.nsecsElapsed() / 1000000, a.name });
    }
    std::sort(times.begin(), times.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (int i = 0; i < qMin(8, int(times.size())); ++i)
        std::printf("  %s: %-45s %lld ms\n", label, qPrintable(times[i].second), qlonglong(times[i].first));
}

Figures measure(const QByteArray &yaml, int runs, const char *label)
{
    Figures f;
    QElapsedTimer t;
    t.start();
    const LoadResult load = Loader::loadText(yaml, QStringLiteral("big.yaml"));
    f.loadMs = t.elapsed();
    f.resources = load.workspace.resources.size();
    QList<qint64> times;
    for (int i = 0; i < runs; ++i) {
        t.restart();
        f.findings = Checker::check(load.workspace).size();
        times.append(t.elapsed());
    }
    std::sort(times.begin(), times.end());
    f.checkMs = times[times.size() / 2];
    if (qEnvironmentVariableIsSet("BENCH_ANALYZERS"))
        timeEachAnalyzer(load.workspace, label);
    return f;
}

} // namespace

int main()
{
    const QByteArray vsMesh = bench::bigMeshYaml(5000);
    const QByteArray routeMesh = httpRouteMesh(5000) + "---\n" + meshObjects(vsMesh);
    const int runs = 5;
    const Figures vs = measure(vsMesh, runs, "VirtualService");
    const Figures gw = measure(routeMesh, runs, "HTTPRoute");
    std::printf("VirtualService file: %.1f MB, %lld resources, load %lld ms, check %lld ms (median of %d), "
                "%lld findings\n",
        vsMesh.size() / 1048576.0, qlonglong(vs.resources), qlonglong(vs.loadMs), qlonglong(vs.checkMs), runs,
        qlonglong(vs.findings));
    std::printf("HTTPRoute file:      %.1f MB, %lld resources, load %lld ms, check %lld ms (median of %d), "
                "%lld findings\n",
        routeMesh.size() / 1048576.0, qlonglong(gw.resources), qlonglong(gw.loadMs), qlonglong(gw.checkMs),
        runs, qlonglong(gw.findings));
    std::printf("check HTTPRoute / VirtualService: %.2fx (target 1.2x or less)\n",
        vs.checkMs > 0 ? double(gw.checkMs) / double(vs.checkMs) : 0.0);
    return 0;
}
