#pragma once

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

namespace meshroute {

// The pool for the editor's slow work off the UI thread (the checker, route
// table compiles, freeing big tables). Not the global pool: Qt's raster
// painting splits large fills over that one, and a 300 ms check queued there
// would stall the frame it was meant to keep smooth. One core is left to the
// UI thread, and the workers run at idle priority.
inline QThreadPool *backgroundPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
        // Below everything else (SCHED_IDLE on Linux): a drag's frames come first.
        p->setThreadPriority(QThread::IdlePriority);
        // Joined when the application object is destroyed, as Qt joins its global
        // pool: a check still running when main() returns would read statics (Qt's,
        // the checker's tables) while exit() destroys them, and the process died at
        // exit now and then (SIGSEGV/SIGABRT; tst_mainwindowstress::exitWhileWorkersRun).
        // Queued tasks run too: clear() would leave their futures unfinished forever.
        qAddPostRoutine([] { backgroundPool()->waitForDone(); });
        return p;
    }();
    return pool;
}

} // namespace meshroute
