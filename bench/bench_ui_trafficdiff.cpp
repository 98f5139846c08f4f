// Times the Traffic Diff dock on the 5,000-VirtualService mesh (bigmesh.h): one weight edit,
// then File > Compare with Saved: how long the UI thread is held by the action, and how long
// until the report is shown (the saved files read and the diff run on the worker); then a
// second edit while comparing: until the dock shows the new report.

#include "bigmesh.h"

#include "diff/comparisonsides.h"
#include "diff/trafficdiffjob.h"
#include "diff/trafficdiffmodel.h"
#include "diff/trafficdiffview.h"
#include "document.h"
#include "graph/graphpanel.h"
#include "selection.h"
#include "setweights.h"
#include "undostack.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <cstdio>

using namespace meshroute;

namespace {

bool setWeights(Document &doc, int v1, int v2)
{
    const Resource *vs
        = doc.workspace().find(ResourceKind::VirtualService, QStringLiteral("ns0"), QStringLiteral("vs-0"));
    QString error;
    auto command = vs ? SetWeights::create(&doc, vs->id, 0, { v1, v2 }, &error) : nullptr;
    if (!command) {
        std::printf("cannot edit: %s\n", qPrintable(error));
        return false;
    }
    doc.undoStack()->push(command.release());
    return true;
}

double waitForReport(TrafficDiffView &view, QElapsedTimer &timer)
{
    QEventLoop loop;
    QObject::connect(&view, &TrafficDiffView::compared, &loop, &QEventLoop::quit);
    if (view.isComparing())
        loop.exec();
    return timer.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.yaml"));
    if (!bench::writeBigMesh(path))
        return 1;
    Document doc;
    doc.open({ path });
    Selection selection;
    GraphPanel graph(&doc, &selection);
    TrafficDiffView view(&doc, &selection, &graph);
    std::printf("workspace: %lld resources\n", static_cast<long long>(doc.workspace().resources.size()));
    if (!setWeights(doc, 75, 25))
        return 1;

    QElapsedTimer timer;
    timer.start();
    view.compareWithSaved();
    const double held = timer.nsecsElapsed() / 1e6;
    const double shown = waitForReport(view, timer);
    std::printf("Compare with Saved: UI thread %.1f ms, report shown after %.0f ms: %s\n", held, shown,
        qPrintable(view.report() ? view.report()->summary() : QStringLiteral("no report")));

    timer.start();
    if (!setWeights(doc, 50, 50))
        return 1;
    const double edit = timer.nsecsElapsed() / 1e6;
    const double again = waitForReport(view, timer);
    std::printf("next edit: UI thread %.1f ms (the edit and the views), new report after %.0f ms: %s\n", edit,
        again,
        qPrintable(view.model()->rowTexts(TrafficDiffModel::Section::Splits, 0).join(QStringLiteral(" | "))));

    // Where the time goes: the engine alone on the same sides, and the dock's own additions.
    DiffSide saved;
    QString error;
    ComparisonSides::saved(doc.files(), &saved, &error);
    const DiffSide current = ComparisonSides::current(doc, QStringLiteral("unsaved"));
    timer.start();
    const DiffReport report = TrafficDiff::compare(saved, current);
    const double engine = timer.nsecsElapsed() / 1e6;
    timer.start();
    TrafficDiffResult::compute({ saved, current, {}, doc.workspace(), {} });
    std::printf("engine alone (TrafficDiff::compare) %.0f ms; the dock's whole run (engine, both route "
                "tables, the changed shares) %.0f ms\n",
        engine, timer.nsecsElapsed() / 1e6);
    return 0;
}
