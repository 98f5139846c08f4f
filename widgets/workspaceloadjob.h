#pragma once

#include "loader.h"

#include <QObject>
#include <QStringList>

class QThread;

namespace meshroute {

// Reads manifests on a thread of their own, so the window paints at once and
// answers while a big mesh loads (a 14.6 MB file of 5,000 VirtualServices took
// 1.4 s on the UI thread, a black window until it was done). Progress and the
// result arrive on the UI thread, as signals of this object.
//
// A load cannot be stopped halfway (the loader only reads), so starting another
// one while a load runs lets it finish and drops its result.
class WorkspaceLoadJob : public QObject
{
    Q_OBJECT

public:
    // Inputs smaller than this load on the UI thread: under a frame or two, and
    // the window then shows them at once, with nothing in between.
    static constexpr qint64 backgroundThresholdBytes = 1024 * 1024;

    explicit WorkspaceLoadJob(QObject *parent = nullptr);
    ~WorkspaceLoadJob() override; // waits for a running load: it only reads

    // Whether `inputs` are worth a thread: a folder (of unknown size), or files
    // of backgroundThresholdBytes or more. Standard input loads where it is.
    static bool worthAThread(const QStringList &inputs);

    void start(const QStringList &inputs);
    // Drops the running load's progress and result: the window opened
    // something else on the UI thread (a small file, a recovered session).
    void discard();
    // Whether a load whose result will arrive is under way.
    bool isRunning() const;
    // Whether the thread still reads, even for a load whose result will be dropped.
    bool isBusy() const { return m_thread != nullptr; }
    // The inputs of the load that runs, or of the last one.
    QStringList inputs() const { return m_inputs; }
    // The result after finished(); empty after the first call.
    LoadResult takeResult() { return std::exchange(m_result, LoadResult {}); }

Q_SIGNALS:
    void progressed(const meshroute::LoadProgress &progress);
    void finished();

private:
    void run(const QStringList &inputs);
    quint64 m_runningGeneration = 0; // of the load the thread runs
    void onThreadFinished();

    QThread *m_thread = nullptr;
    quint64 m_generation = 0; // of the load whose progress and result count
    QStringList m_inputs;
    QStringList m_pending; // started while another load ran
    bool m_hasPending = false;
    LoadResult m_result;
    LoadResult m_threadResult; // written by the thread, read after it finished
};

} // namespace meshroute
