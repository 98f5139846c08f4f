#pragma once

#include "graph/graphdiffoverlay.h"
#include "router.h"
#include "trafficdiff.h"

#include <QFutureWatcher>
#include <QObject>
#include <functional>
#include <optional>

class QTimer;

namespace meshroute {

// What one run compares. `loadBefore`, when set, reads the before side in the run itself (on
// the worker for a big mesh: reading and parsing 14 MB of saved files is no work for the UI
// thread); the side read comes back in the result, to be kept for the next runs.
struct TrafficDiffInputs
{
    DiffSide before;
    DiffSide after;
    DiffOptions options;
    Workspace shown; // the workspace the graph draws
    std::function<DiffSide()> loadBefore;
};

// One comparison's answer: the report, and what the window needs to show a
// changed request on both sides (each side's route table and workspace) and
// the changed shares on the graph.
struct TrafficDiffResult
{
    DiffReport report;
    Router before;
    Router after;
    Workspace beforeWorkspace;
    Workspace afterWorkspace;
    QList<GraphDiffOverlay::ShareChange> shareChanges; // named by the ids of inputs.shown
    std::optional<DiffSide> loadedBefore; // the side inputs.loadBefore read

    static TrafficDiffResult compute(const TrafficDiffInputs &inputs);
};

// Runs the traffic diff as the checker runs in the Problems dock: at once on
// a small workspace; above asyncThreshold resources on the background pool
// once the edits pause for settleMs, never more than one run queued behind
// the one in progress, and a result already stale on arrival dropped.
class TrafficDiffJob : public QObject
{
    Q_OBJECT

public:
    using Inputs = TrafficDiffInputs;
    // Called when a run starts: the sides as they are then (a drag is not copied per step).
    using InputProvider = std::function<Inputs()>;

    static constexpr int asyncThreshold = 500;
    static constexpr int settleMs = 120;

    explicit TrafficDiffJob(InputProvider provider, QObject *parent = nullptr);
    ~TrafficDiffJob() override;

    // Asks for a run on the current inputs; `resources` decides whether it runs here or on the pool.
    void request(qsizetype resources);
    // Drops a run in progress or waiting (the comparison was closed).
    void cancel();
    bool isRunning() const;
    bool hasResult() const { return m_hasResult; }
    const TrafficDiffResult &result() const { return m_result; }

Q_SIGNALS:
    void finished();

private:
    void startBackground();

    InputProvider m_provider;
    QFutureWatcher<TrafficDiffResult> *m_watcher;
    QTimer *m_settle;
    bool m_rerun = false;
    bool m_pending = false; // a run on the pool whose answer is not shown yet
    bool m_hasResult = false;
    TrafficDiffResult m_result;
};

} // namespace meshroute
