// The editor's background work (checks, route table compiles, autosave) runs
// below the UI thread but is still scheduled under load: a nice value, not
// SCHED_IDLE, which starved the Problems dock for 35 to 60 s behind a nice-19
// compile.

#include "backgroundpool.h"

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
    // Every worker thread of the pool, whichever runs the task.
    QList<QFuture<Scheduling>> runs;
    for (int i = 0; i < 8; ++i)
        runs.append(
            QtConcurrent::run(backgroundPool(), inBackground([] { return schedulingOfThisThread(); })));
    for (QFuture<Scheduling> &f : runs) {
        const Scheduling s = f.result();
#ifdef Q_OS_LINUX
        QCOMPARE(s.policy, SCHED_OTHER); // not SCHED_IDLE
#endif
        QCOMPARE(s.nice, BackgroundNiceness);
    }
}

void TestBackgroundPool::theUiThreadKeepsItsPriority()
{
    const Scheduling before = schedulingOfThisThread();
    QtConcurrent::run(backgroundPool(), inBackground([] {})).waitForFinished();
    const Scheduling after = schedulingOfThisThread();
    QCOMPARE(after.nice, before.nice);
    QCOMPARE(after.policy, before.policy);
    QVERIFY(after.nice < BackgroundNiceness);
}

QTEST_MAIN(TestBackgroundPool)
#include "tst_backgroundpool.moc"
