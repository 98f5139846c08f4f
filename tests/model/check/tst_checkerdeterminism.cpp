// The checker's output does not depend on hash order: Qt seeds its hashes at
// random in every process, so a finding or a list of names taken from a
// QHash's iteration order would differ from one run of `check` to the next
// (it did, for IST0109's list of VirtualServices and MR2003's order).

#include "checker.h"
#include "corpus.h"
#include "loader.h"

#include <QHashSeed>
#include <QtTest>

using namespace meshroute;
using namespace meshroute::test;

class TestCheckerDeterminism : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameFindingsWhateverTheHashSeed_data();
    void sameFindingsWhateverTheHashSeed();
};

namespace {

QStringList checkWithSeed(const Workspace &ws, int seed)
{
    if (seed == 0)
        QHashSeed::setDeterministicGlobalSeed();
    else
        QHashSeed::resetRandomGlobalSeed();
    QStringList out;
    for (const Diagnostic &d : Checker::check(ws))
        out.append(d.toText());
    return out;
}

} // namespace

void TestCheckerDeterminism::sameFindingsWhateverTheHashSeed_data()
{
    addSweepRows(60, 250);
}

void TestCheckerDeterminism::sameFindingsWhateverTheHashSeed()
{
    QFETCH(QString, path);
    const LoadResult load = Loader::loadPaths({ path });
    const QStringList first = checkWithSeed(load.workspace, 0);
    for (int run = 1; run <= 3; ++run)
        QCOMPARE(checkWithSeed(load.workspace, run), first);
}

QTEST_GUILESS_MAIN(TestCheckerDeterminism)
#include "tst_checkerdeterminism.moc"
