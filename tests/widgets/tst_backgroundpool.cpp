// The editor's background work (checks, route table compiles, autosave) runs
// below the UI thread but is still scheduled under load: a nice value, not
// SCHED_IDLE, which starved the Problems dock for 35 to 60 s behind a nice-19
// compile.

#include "backgroundpool.h"

#include <QMutex>
#include <QSemaphore>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

#ifdef Q_OS_LINUX
#include <sched.h>
#endif

using namespace meshroute;

class TestBackgroundPool : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void workRunsNiceButNotIdle();
    void theUiThreadKeepsItsPriority();
};

namespace {

struct Scheduling
{
    int policy = -1;
    int nice = 0;
};

Scheduling schedulingOfThisThread()
{
    Scheduling s;
#ifdef Q_OS_LINUX
    s.policy = sched_getscheduler(0);
    errno = 0;
    s.nice = getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
#endif
    return s;
}

} // namespace

void TestBackgroundPool::workRunsNiceButNotIdle()
{
#ifndef Q_OS_LINUX
    QSKIP("thread nice values are Linux's");
#endif
    // Waited for with a semaphore, not the futures: waiting on a future may run the
    // task in this thread instead (see below), and this is about the pool's threads.
    constexpr int tasks = 8;
    QSemaphore done;
    QMutex lock;
    QList<Scheduling> seen;
    for (int i = 0; i < tasks; ++i)
        backgroundPool()->start(atBackgroundPriority([&] {
            const Scheduling s = schedulingOfThisThread();
            {
                QMutexLocker locker(&lock);
                seen.append(s);
            }
            done.release(); // last: the test may return (and free the mutex) at once
        }));
    QVERIFY(done.tryAcquire(tasks, 60000));
    QCOMPARE(seen.size(), tasks);
    for (const Scheduling &s : std::as_const(seen)) {
#ifdef Q_OS_LINUX
        QCOMPARE(s.policy, SCHED_OTHER); // not SCHED_IDLE
#endif
        // BackgroundNiceness, or more when the whole test already runs niced
        // (`nice scripts/test`): a thread cannot be raised above its process unprivileged.
        QVERIFY2(s.nice >= BackgroundNiceness, qPrintable(QString::number(s.nice)));
    }
}

// waitForFinished() runs a task that has not started yet in the waiting thread
// (Qt steals it from the pool): the UI thread must not come out of it lowered.
void TestBackgroundPool::theUiThreadKeepsItsPriority()
{
    const Scheduling before = schedulingOfThisThread();
    QtConcurrent::run(backgroundPool(), atBackgroundPriority([] {})).waitForFinished();
    const Scheduling after = schedulingOfThisThread();
    QCOMPARE(after.nice, before.nice);
    QCOMPARE(after.policy, before.policy);
    // Under `nice scripts/test` the UI thread starts at BackgroundNiceness or more
    // and the comparison above is all there is to check; otherwise it must stay below.
    if (before.nice < BackgroundNiceness)
        QVERIFY(after.nice < BackgroundNiceness);
}

QTEST_MAIN(TestBackgroundPool)
#include "tst_backgroundpool.moc"
