#include "workspaceloadjob.h"

#include <QFileInfo>
#include <QThread>

namespace meshroute {

WorkspaceLoadJob::WorkspaceLoadJob(QObject *parent)
    : QObject(parent)
{ }

WorkspaceLoadJob::~WorkspaceLoadJob()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool WorkspaceLoadJob::worthAThread(const QStringList &inputs)
{
    qint64 bytes = 0;
    for (const QString &input : inputs) {
        if (input == QLatin1String("-"))
            return false;
        const QFileInfo info(input);
        if (info.isDir())
            return true;
        if (info.isFile())
            bytes += info.size();
    }
    return bytes >= backgroundThresholdBytes;
}

void WorkspaceLoadJob::start(const QStringList &inputs)
{
    ++m_generation;
    m_inputs = inputs;
    if (m_thread) {
        m_pending = inputs;
        m_hasPending = true;
        return;
    }
    run(inputs);
}

bool WorkspaceLoadJob::isRunning() const
{
    return m_thread && (m_hasPending || m_runningGeneration == m_generation);
}

void WorkspaceLoadJob::discard()
{
    ++m_generation;
    m_hasPending = false;
    m_pending.clear();
}

void WorkspaceLoadJob::run(const QStringList &inputs)
{
    const quint64 generation = m_generation;
    m_runningGeneration = generation;
    LoadOptions options;
    // Called on the loader's threads: queued to this object, dropped when a
    // newer load started or this object is gone.
    options.progress = [this, generation](const LoadProgress &progress) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, progress] {
                if (generation == m_generation)
                    Q_EMIT progressed(progress);
            },
            Qt::QueuedConnection);
    };
    m_thread
        = QThread::create([this, inputs, options] { m_threadResult = Loader::loadPaths(inputs, options); });
    m_thread->setObjectName(QStringLiteral("meshroute load"));
    connect(m_thread, &QThread::finished, this, &WorkspaceLoadJob::onThreadFinished);
    m_thread->start();
}

void WorkspaceLoadJob::onThreadFinished()
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    if (m_hasPending) {
        // A newer load was asked for while this one ran: its result is stale.
        m_hasPending = false;
        m_threadResult = LoadResult {};
        run(std::exchange(m_pending, {}));
        return;
    }
    LoadResult result = std::exchange(m_threadResult, LoadResult {});
    if (m_runningGeneration != m_generation)
        return; // discarded
    m_result = std::move(result);
    Q_EMIT finished();
}

} // namespace meshroute
