#pragma once

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

#include <utility>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace meshroute {

// The pool for the editor's slow work off the UI thread (the checker, route
// table compiles, freeing big tables). Not the global pool: Qt's raster
// painting splits large fills over that one, and a 300 ms check queued there
// would stall the frame it was meant to keep smooth. One core is left to the
// UI thread, and the work runs at low priority (see atBackgroundPriority).
inline QThreadPool *backgroundPool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
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

// The niceness of the background work: below the UI thread (nice 0), so a
// drag's frames come first, but not idle. The workers ran at SCHED_IDLE, and
// behind any other load, even a nice-19 compile, the Problems dock waited 35
// to 60 s after a drag; at nice 10 they get most of a core against nice 19.
inline constexpr int BackgroundNiceness = 10;

// Lowers the calling thread to BackgroundNiceness, once per thread. Linux
// gives each thread its own nice value (setpriority on a thread id); Qt's
// thread priorities other than idle do nothing under SCHED_OTHER. Never the
// UI thread: QFuture::waitForFinished() runs a task that has not started yet
// in the waiting thread, and a nice value cannot be raised back unprivileged.
inline void lowerThisThreadForBackgroundWork()
{
#ifdef Q_OS_LINUX
    thread_local bool lowered = false;
    if (lowered)
        return;
    const QCoreApplication *app = QCoreApplication::instance();
    if (app && QThread::currentThread() == app->thread())
        return;
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), BackgroundNiceness);
    lowered = true;
#endif
}

// `task`, to run on backgroundPool() at background priority:
// backgroundPool()->start(atBackgroundPriority(f)), QtConcurrent::run(backgroundPool(),
// atBackgroundPriority(f)).
template <typename Task> auto atBackgroundPriority(Task task)
{
    return [task = std::move(task)]() mutable {
        lowerThisThreadForBackgroundWork();
        return task();
    };
}

} // namespace meshroute
