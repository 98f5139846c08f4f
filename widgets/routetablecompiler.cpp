#include "routetablecompiler.h"

#include "backgroundpool.h"
#include "document.h"

#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace meshroute {

RouteTableCompiler::RouteTableCompiler(Document *document, int synchronousUpTo, int settleMs, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_synchronousUpTo(synchronousUpTo)
    , m_settle(new QTimer(this))
    , m_watcher(new QFutureWatcher<RouteTable>(this))
{
    m_settle->setSingleShot(true);
    m_settle->setInterval(settleMs);
    connect(m_settle, &QTimer::timeout, this, [this] {
        if (m_watcher->isRunning())
            m_recompile = true; // once more when this one is done
        else
            startBackgroundCompile();
    });
    connect(m_watcher, &QFutureWatcher<RouteTable>::finished, this, &RouteTableCompiler::onFinished);
}

void RouteTableCompiler::request()
{
    if (m_document->workspace().resources.size() > m_synchronousUpTo) {
        // Once the edits pause: a snapshot taken mid-drag would make the next step copy
        // the whole workspace (the snapshot shares it until then).
        m_settle->start();
        return;
    }
    m_watcher->setFuture(QFuture<RouteTable>()); // a running compile's table is stale
    m_settle->stop();
    m_recompile = false;
    releaseInBackground(std::exchange(m_table, RouteTable::compile(m_document->workspace())));
    Q_EMIT compiled();
}

bool RouteTableCompiler::isCompiling() const
{
    return m_watcher->isRunning() || m_settle->isActive() || m_recompile;
}

void RouteTableCompiler::releaseInBackground(RouteTable table)
{
    backgroundPool()->start(atBackgroundPriority([stale = std::move(table)] {}));
}

void RouteTableCompiler::startBackgroundCompile()
{
    m_recompile = false;
    // A finished compile whose table was not taken yet (its signal still queued) is superseded.
    if (QFuture<RouteTable> previous = m_watcher->future();
        previous.isFinished() && previous.resultCount() > 0)
        releaseInBackground(previous.takeResult());
    // A copy shares the resources' data: cheap, and safe from the edits that follow.
    m_watcher->setFuture(
        QtConcurrent::run(backgroundPool(), atBackgroundPriority([snapshot = m_document->workspace()] {
            return RouteTable::compile(snapshot);
        })));
}

void RouteTableCompiler::onFinished()
{
    if (m_watcher->future().resultCount() == 0)
        return;
    if (m_recompile) {
        releaseInBackground(m_watcher->future().takeResult()); // edited meanwhile: already stale
        m_settle->start();
        return;
    }
    releaseInBackground(std::exchange(m_table, m_watcher->future().takeResult()));
    m_watcher->setFuture(QFuture<RouteTable>());
    Q_EMIT compiled();
}

} // namespace meshroute
