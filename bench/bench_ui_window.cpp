// The speed goal, measured on the whole window: with big.yaml open
// (5,000 VirtualServices) and a rule selected, each step of a weight-slider
// drag until every view has followed and the frame is painted (graph, YAML,
// resource tree, inspector, Preview), and how long after the drag the
// Problems dock shows the findings of the final text (its check runs on a
// worker). Bookinfo for comparison, and the same run on a 5,000-HTTPRoute mesh
// (gatewayapimesh.h) with the weighted rule of one HTTPRoute selected, whose
// backendRefs the same slider moves. Prints p50/p99/max in ms.
//
//   QT_QPA_PLATFORM=offscreen bench_ui_window [steps] [vs|httproute]
#include "bigmesh.h"
#include "document.h"
#include "gatewayapimesh.h"
#include "mainwindow.h"
#include "preview/previewpanel.h"
#include "problems/problemsview.h"
#include "routeorder/routeorderview.h"
#include "selection.h"
#include "undostack.h"
#include "weights/weightpanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSlider>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <functional>

using namespace meshroute;

namespace {

struct Stats
{
    double p50 = 0, p90 = 0, p99 = 0, max = 0;
};

// Runs the event loop until the Problems dock has the findings of the current
// text. Small workspaces are checked on the UI thread, inside each step.
void waitForCheck(ProblemsView *problems, const int *checks, qsizetype resources)
{
    if (resources <= ProblemsView::asyncThreshold)
        return;
    QElapsedTimer limit;
    limit.start();
    while ((*checks == 0 || problems->isChecking()) && limit.elapsed() < 60000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
}

// A user clicks a rule, then reaches for its slider: by then the views that compile route
// tables on a worker after a change (Preview, Route Order) have them. (A drag begun while they
// compile pays once for the edit that unshares the workspace from their snapshot.)
void waitForRouteTables(MainWindow &window)
{
    auto *preview = window.findChild<PreviewPanel *>();
    auto *order = window.findChild<RouteOrderView *>();
    QElapsedTimer limit;
    limit.start();
    while (
        ((preview && preview->isCompiling()) || (order && order->isCompiling())) && limit.elapsed() < 60000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    QApplication::processEvents();
}

Stats stats(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms[std::min<qsizetype>(ms.size() - 1, qsizetype(ms.size() * q))]; };
    return { at(0.5), at(0.9), at(0.99), ms.last() };
}

// The rule whose weights a drag moves: spec.http[0] of a VirtualService, or rules[rule] of an HTTPRoute.
struct DraggedRule
{
    ResourceKind kind = ResourceKind::VirtualService;
    QString ns, name;
    int rule = 0;
};

// One drag step: the weight panel's first slider, held down as a drag holds it (the steps merge
// into one undo command): SetWeights on a VirtualService, SetBackendWeights on an HTTPRoute.
std::function<bool(int)> dragStep(MainWindow &window)
{
    WeightPanel *weights = window.findChild<WeightPanel *>();
    QSlider *slider = weights ? weights->slider(0) : nullptr;
    if (!slider)
        return {};
    slider->setSliderDown(true);
    return [slider](int value) {
        slider->setValue(value);
        return true;
    };
}

void run(const char *name, const QString &path, const DraggedRule &what, int steps)
{
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QElapsedTimer t;
    t.start();
    window.openPaths({ path });
    QApplication::processEvents();
    // Big inputs load on a thread: the window answers at once, the workspace follows.
    const double answerMs = double(t.nsecsElapsed()) / 1e6;
    while (window.isLoading())
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    QApplication::processEvents();
    const double openMs = double(t.nsecsElapsed()) / 1e6;
    ProblemsView *problems = window.problemsView();
    int checks = 0;
    QObject::connect(problems, &ProblemsView::checked, [&checks] { ++checks; });
    const qsizetype resources = window.document()->workspace().resources.size();
    waitForCheck(problems, &checks, resources);

    const Resource *resource = window.document()->workspace().find(what.kind, what.ns, what.name);
    if (!resource) {
        std::fprintf(stderr, "no %s/%s\n", qPrintable(what.ns), qPrintable(what.name));
        return;
    }
    SelectionTarget target;
    target.resourceId = resource->id;
    target.routeIndex = what.rule;
    window.selection()->select(target);
    QApplication::processEvents();
    waitForRouteTables(window);
    const std::function<bool(int)> drag = dragStep(window);
    if (!drag) {
        std::fprintf(stderr, "no weight slider\n");
        return;
    }
    QList<double> step;
    for (int i = 0; i < steps; ++i) {
        t.restart();
        if (!drag(10 + (i * 7) % 80))
            return;
        QApplication::processEvents(); // and paint what changed: the frame the user sees
        step.append(double(t.nsecsElapsed()) / 1e6);
        if (qEnvironmentVariableIsSet("MESHROUTE_BENCH_SLOW")
            && step.last() > 50) // to line up with a profile
            std::fprintf(stderr, "slow step %d: %.1f ms ending at monotonic %.3f s\n", i, step.last(),
                double(t.msecsSinceReference()) / 1000.0);
    }
    checks = 0;
    t.restart();
    if (WeightPanel *weights = window.findChild<WeightPanel *>(); weights && weights->slider(0))
        weights->slider(0)->setSliderDown(false);
    QApplication::processEvents();
    waitForCheck(problems, &checks, resources);
    const double problemsMs = double(t.nsecsElapsed()) / 1e6;
    const Stats s = stats(step);
    std::printf("%s: %lld resources, window answering after %.0f ms, opened and drawn in %.0f ms\n", name,
        qlonglong(window.document()->workspace().resources.size()), answerMs, openMs);
    std::printf(
        "  slider step, every view + frame  p50 %7.2f  p90 %7.2f  p99 %7.2f  max %7.2f ms  (%d steps)\n",
        s.p50, s.p90, s.p99, s.max, steps);
    // The drag really moved the weights: the last step's value is in the model.
    if (const Resource *r = window.document()->workspace().find(what.kind, what.ns, what.name)) {
        qint64 first = -1;
        if (const VirtualService *vs = r->virtualService())
            first = vs->http[what.rule].route[0].weight.value;
        else if (const GatewayApiRoute *route = r->gatewayApiRoute())
            first = route->rules[what.rule].backendRefs[0].weight.value;
        std::printf("  after the drag the first weight is %lld (last step set %d)\n", qlonglong(first),
            10 + ((steps - 1) * 7) % 80);
    }
    std::printf("  Problems: whole-mesh findings of the final text %7.1f ms after the drag (each edited\n"
                "  resource's own findings follow every step); the drag is %d undo step(s)\n",
        problemsMs, window.document()->undoStack()->count());
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("meshroute-bench"));
    const int steps = argc > 1 ? std::max(10, atoi(argv[1])) : 200;
    const QString only = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString(); // "vs" or "httproute"
    if (only.isEmpty())
        run("bookinfo", QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml"),
            { ResourceKind::VirtualService, QStringLiteral("default"), QStringLiteral("reviews"), 0 }, steps);
    QTemporaryDir dir;
    if (only.isEmpty() || only == QLatin1String("vs")) {
        const QString big = dir.filePath(QStringLiteral("big.yaml"));
        if (!bench::writeBigMesh(big))
            return 1;
        run("big.yaml (5,000 VirtualServices)", big,
            { ResourceKind::VirtualService, QStringLiteral("ns0"), QStringLiteral("vs-2500"), 0 }, steps);
    }
    if (only.isEmpty() || only == QLatin1String("httproute")) {
        const QString gatewayApi = dir.filePath(QStringLiteral("gateway-api.yaml"));
        QFile f(gatewayApi);
        if (!f.open(QIODevice::WriteOnly) || f.write(bench::gatewayApiMeshYaml()) <= 0)
            return 1;
        f.close();
        run("gateway-api.yaml (5,000 HTTPRoutes)", gatewayApi,
            { ResourceKind::HTTPRoute, QStringLiteral("ns0"), QStringLiteral("svc2500"), 1 }, steps);
    }
    return 0;
}
