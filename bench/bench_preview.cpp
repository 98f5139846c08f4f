// The Preview's refresh during a weight drag, for Bookinfo: target <= 16 ms
// (one frame). Two figures:
//   engine: compile the route tables, route every sample request, simulate
//           100,000 requests of the selected one (what any refresh costs);
//   panel:  a SetWeights push as the slider sends it, with everything the
//           panel does on Document::changed (table, why list, both plots'
//           data and a replot) at 100,000 simulated requests.
#include "document.h"
#include "loader.h"
#include "preview/convergenceplot.h"
#include "preview/previewpanel.h"
#include "preview/splitplot.h"
#include "request.h"
#include "router.h"
#include "samplerequest.h"
#include "selection.h"
#include "setweights.h"
#include "simulator.h"
#include "undostack.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace meshroute;

namespace {

struct Stats
{
    double p50, p99, max;
};

// CPU time of this thread: on a shared machine wall time includes waiting for a core.
double threadCpuMs()
{
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

Stats stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    auto at = [&](double q) { return v[std::min(v.size() - 1, std::size_t(q * double(v.size())))]; };
    return { at(0.50), at(0.99), v.back() };
}

void print(const char *what, const Stats &s, int runs)
{
    std::printf("%-58s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%d runs)  %s\n", what, s.p50, s.p99, s.max,
        runs, s.p99 <= 16.0 ? "<= 16 ms: ok" : "OVER 16 ms");
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QString path = QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml");
    const int runs = 300;
    const quint64 n = 100000;

    // Engine only.
    {
        const LoadResult loaded = Loader::loadPaths({ path });
        const QList<SampleRequest> samples = SampleRequest::bookinfoDefaults();
        std::vector<double> times, cpu;
        quint64 sink = 0;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer t;
            const double c0 = threadCpuMs();
            t.start();
            const Router router(RouteTable::compile(loaded.workspace));
            Request selected;
            for (const SampleRequest &s : samples) {
                Request r;
                s.toRequest(&r);
                sink += quint64(router.route(r).destinations.size());
                selected = r;
            }
            const SimulationResult sim = Simulator::simulate(router, selected, n, 1);
            sink += sim.clusters.value(0).count;
            times.push_back(double(t.nsecsElapsed()) / 1e6);
            cpu.push_back(threadCpuMs() - c0);
        }
        print("engine: compile + route 8 samples + simulate 100k (wall)", stats(times), runs);
        print("engine: compile + route 8 samples + simulate 100k (cpu)", stats(cpu), runs);
        if (sink == 0)
            std::printf("(nothing routed)\n");
    }

    // The panel, driven as a drag drives it.
    {
        Document doc;
        Selection selection;
        doc.open({ path });
        int reviews = -1;
        for (const Resource &r : doc.workspace().resources)
            if (r.kind == ResourceKind::VirtualService && r.name() == QLatin1String("reviews"))
                reviews = r.id;
        PreviewPanel panel(&doc, &selection);
        panel.resize(1400, 900);
        panel.show();
        panel.selectRow(6); // reviews from productpage: the rule being dragged
        panel.requestCountBox()->setCurrentIndex(panel.requestCountBox()->findData(QVariant::fromValue(n)));
        std::vector<double> times, cpu;
        for (int i = 0; i < runs; ++i) {
            const int v2 = 1 + (i % 50);
            QString error;
            auto command = SetWeights::create(&doc, reviews, 0, { 100 - v2, v2 }, &error);
            QElapsedTimer t;
            const double c0 = threadCpuMs();
            t.start();
            doc.undoStack()->push(command.release());
            // Paint what a frame would show.
            panel.splitPlot()->replot(QCustomPlot::rpImmediateRefresh);
            panel.convergencePlot()->replot(QCustomPlot::rpImmediateRefresh);
            times.push_back(double(t.nsecsElapsed()) / 1e6);
            cpu.push_back(threadCpuMs() - c0);
            app.processEvents();
        }
        print("panel: SetWeights -> refresh + replot, 100k (wall)", stats(times), runs);
        print("panel: SetWeights -> refresh + replot, 100k (cpu)", stats(cpu), runs);
    }
    return 0;
}
