#include "trafficdiffjob.h"

#include "backgroundpool.h"
#include "diff/sharechanges.h"

#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace meshroute {

TrafficDiffResult TrafficDiffResult::compute(const TrafficDiffInputs &in)
{
    TrafficDiffResult r;
    if (in.loadBefore)
        r.loadedBefore = in.loadBefore();
    const DiffSide &before = r.loadedBefore ? *r.loadedBefore : in.before;
    const DiffSide &after = in.after;
    const Workspace &shown = in.shown;
    const DiffOptions &options = in.options;
    r.report = TrafficDiff::compare(before, after, options);
    // Each side's table routes a selected request again: only needed when one changed.
    if (!r.report.traffic.isEmpty()) {
        r.before.setTable(RouteTable::compile(before.workspace));
        r.after.setTable(RouteTable::compile(after.workspace));
    }
    r.beforeWorkspace = before.workspace;
    r.afterWorkspace = after.workspace;
    QStringList splitResources;
    for (const SplitChange &s : r.report.splits)
        if (!splitResources.contains(s.resource))
            splitResources << s.resource;
    r.shareChanges = ShareChanges::between(before.workspace, after.workspace, shown, splitResources);
    return r;
}

TrafficDiffJob::TrafficDiffJob(InputProvider provider, QObject *parent)
    : QObject(parent)
    , m_provider(std::move(provider))
    , m_watcher(new QFutureWatcher<TrafficDiffResult>(this))
    , m_settle(new QTimer(this))
{
    m_settle->setSingleShot(true);
    m_settle->setInterval(settleMs);
    connect(m_settle, &QTimer::timeout, this, [this] {
        if (m_watcher->isRunning())
            m_rerun = true; // once more when this one is done
        else
            startBackground();
    });
    connect(m_watcher, &QFutureWatcher<TrafficDiffResult>::finished, this, [this] {
        if (m_watcher->future().resultCount() == 0)
            return;
        // Edited meanwhile: this answer is already stale (and freed on the worker).
        TrafficDiffResult done = m_watcher->future().takeResult();
        m_watcher->setFuture(QFuture<TrafficDiffResult>());
        m_pending = false;
        if (m_rerun) {
            QtConcurrent::run(backgroundPool(), atBackgroundPriority([stale = std::move(done)] {}));
            m_rerun = false;
            m_settle->start();
            return;
        }
        std::swap(m_result, done);
        QtConcurrent::run(backgroundPool(), atBackgroundPriority([old = std::move(done)] {}));
        m_hasResult = true;
        Q_EMIT finished();
    });
}

TrafficDiffJob::~TrafficDiffJob()
{
    m_watcher->disconnect(this);
}

bool TrafficDiffJob::isRunning() const
{
    // Pending until the answer is shown: a finished run's signal may still be queued.
    return m_pending || m_settle->isActive() || m_rerun;
}

void TrafficDiffJob::request(qsizetype resources)
{
    if (resources > asyncThreshold) {
        m_settle->start();
        return;
    }
    cancel();
    const Inputs in = m_provider();
    m_result = TrafficDiffResult::compute(in);
    m_hasResult = true;
    Q_EMIT finished();
}

void TrafficDiffJob::cancel()
{
    m_settle->stop();
    m_rerun = false;
    m_pending = false;
    m_watcher->setFuture(QFuture<TrafficDiffResult>()); // a running diff's answer is stale
}

void TrafficDiffJob::startBackground()
{
    m_rerun = false;
    m_pending = true;
    m_watcher->setFuture(QtConcurrent::run(backgroundPool(),
        atBackgroundPriority([in = m_provider()] { return TrafficDiffResult::compute(in); })));
}

} // namespace meshroute
