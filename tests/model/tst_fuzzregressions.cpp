// Replays every fuzz target's seed corpus (tests/data/fuzz-seeds/<target>/)
// and every input a fuzzer once failed on (tests/data/fuzz-regressions/<target>/)
// through the same entry functions the libFuzzer drivers call, so the default
// suite keeps the findings fixed without clang.
#include "fuzztargets.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace meshroute;

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTargetHasSeeds_data();
    void everyTargetHasSeeds();
    void replay_data();
    void replay();
};

namespace {

QString dataDir(const QString &kind, const char *target)
{
    return QStringLiteral(MESHROUTE_TEST_DATA_DIR "/%1/%2").arg(kind, QLatin1String(target));
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

} // namespace

void TestFuzzRegressions::everyTargetHasSeeds_data()
{
    QTest::addColumn<QString>("dir");
    for (const fuzz::Target &t : fuzz::kTargets)
        QTest::newRow(t.name) << dataDir(QStringLiteral("fuzz-seeds"), t.name);
}

// A fuzzer without seeds starts from nothing; a renamed folder would silently replay nothing.
void TestFuzzRegressions::everyTargetHasSeeds()
{
    QFETCH(QString, dir);
    QVERIFY2(!filesIn(dir).isEmpty(), qPrintable(dir + QStringLiteral(" has no seed inputs")));
}

void TestFuzzRegressions::replay_data()
{
    QTest::addColumn<int>("target");
    QTest::addColumn<QString>("path");
    for (int i = 0; i < int(std::size(fuzz::kTargets)); ++i)
        for (const QString &kind : { QStringLiteral("fuzz-seeds"), QStringLiteral("fuzz-regressions") }) {
            const QString dir = dataDir(kind, fuzz::kTargets[i].name);
            for (const QString &file : filesIn(dir))
                QTest::addRow("%s/%s/%s", fuzz::kTargets[i].name, qPrintable(kind), qPrintable(file))
                    << i << dir + QLatin1Char('/') + file;
        }
}

void TestFuzzRegressions::replay()
{
    QFETCH(int, target);
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QString failure = fuzz::kTargets[target].entry(file.readAll());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
