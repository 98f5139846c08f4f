#include "weightrebalance.h"

#include <QTest>
#include <numeric>

using namespace meshroute;

using Weights = QList<int>;
using Locks = QList<bool>;

class TestWeightRebalance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drag_data()
    {
        QTest::addColumn<Weights>("base");
        QTest::addColumn<Locks>("locked");
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("value");
        QTest::addColumn<Weights>("expected");
        QTest::newRow("two: the other takes the rest")
            << Weights { 99, 1 } << Locks {} << 0 << 50 << Weights { 50, 50 };
        QTest::newRow("three: others keep 3:2")
            << Weights { 50, 30, 20 } << Locks {} << 0 << 0 << Weights { 0, 60, 40 };
        QTest::newRow("proportional, not Kiali's squeeze")
            << Weights { 40, 40, 20 } << Locks {} << 0 << 60 << Weights { 60, 27, 13 };
        QTest::newRow("largest remainder, ties to the lower index")
            << Weights { 10, 30, 30, 30 } << Locks {} << 0 << 0 << Weights { 0, 34, 33, 33 };
        QTest::newRow("locked stays")
            << Weights { 50, 30, 20 } << Locks { false, false, true } << 0 << 70 << Weights { 70, 10, 20 };
        QTest::newRow("clamped by locks")
            << Weights { 50, 30, 20 } << Locks { false, false, true } << 0 << 95 << Weights { 80, 0, 20 };
        QTest::newRow("locked one does not move")
            << Weights { 50, 50 } << Locks { true, false } << 0 << 10 << Weights { 50, 50 };
        QTest::newRow("only free one cannot move")
            << Weights { 50, 30, 20 } << Locks { false, true, true } << 0 << 10 << Weights { 50, 30, 20 };
        QTest::newRow("others at 0 share evenly")
            << Weights { 100, 0, 0 } << Locks {} << 0 << 40 << Weights { 40, 30, 30 };
        QTest::newRow("relative weights normalised")
            << Weights { 1, 3 } << Locks {} << 0 << 26 << Weights { 26, 74 };
        QTest::newRow("value clamped to 100")
            << Weights { 50, 50 } << Locks {} << 1 << 130 << Weights { 0, 100 };
    }
    void drag()
    {
        QFETCH(Weights, base);
        QFETCH(Locks, locked);
        QFETCH(Weights, expected);
        QFETCH(int, index);
        QFETCH(int, value);
        const Weights out = WeightRebalance::drag(base, locked, index, value);
        QCOMPARE(out, expected);
        QCOMPARE(std::accumulate(out.begin(), out.end(), 0), 100);
    }
    void dragFromBaseKeepsProportions()
    {
        // Through 100 and back: the others come back in their old 3:2, since a drag works from its start.
        const Weights base { 50, 30, 20 };
        QCOMPARE(WeightRebalance::drag(base, {}, 0, 100), Weights({ 100, 0, 0 }));
        QCOMPARE(WeightRebalance::drag(base, {}, 0, 50), base);
    }
    void normalise_data()
    {
        QTest::addColumn<Weights>("weights");
        QTest::addColumn<Weights>("expected");
        QTest::newRow("already 100") << Weights { 99, 1 } << Weights { 99, 1 };
        QTest::newRow("relative") << Weights { 1, 1, 1 } << Weights { 34, 33, 33 };
        QTest::newRow("all zero") << Weights { 0, 0 } << Weights { 50, 50 };
        QTest::newRow("one") << Weights { 7 } << Weights { 100 };
        QTest::newRow("sevenths") << Weights { 1, 2, 4 } << Weights { 14, 29, 57 };
    }
    void normalise()
    {
        QFETCH(Weights, weights);
        QFETCH(Weights, expected);
        QCOMPARE(WeightRebalance::normalise(weights), expected);
    }
    void evenSplit()
    {
        QCOMPARE(WeightRebalance::evenSplit({ 99, 1 }, {}), Weights({ 50, 50 }));
        QCOMPARE(WeightRebalance::evenSplit({ 10, 20, 70 }, {}), Weights({ 34, 33, 33 }));
        QCOMPARE(WeightRebalance::evenSplit({ 10, 20, 70 }, { false, false, true }), Weights({ 15, 15, 70 }));
    }
    void promote()
    {
        QCOMPARE(WeightRebalance::promote({ 99, 1 }, {}, 1), Weights({ 0, 100 }));
        QCOMPARE(WeightRebalance::promote({ 50, 30, 20 }, { false, false, true }, 1), Weights({ 0, 80, 20 }));
        QCOMPARE(WeightRebalance::maximum({ 50, 30, 20 }, { false, false, true }, 0), 80);
    }
    void shares()
    {
        QCOMPARE(WeightRebalance::shares({ 1, 3 }), QList<double>({ 25.0, 75.0 }));
        QCOMPARE(WeightRebalance::shares({ 0 }), QList<double>({ 100.0 }));
        QCOMPARE(WeightRebalance::shares({ 0, 0 }), QList<double>({ 0.0, 0.0 }));
    }
    void deterministic()
    {
        // Every input gives the same output, and every output sums to 100.
        for (int a = 0; a <= 100; a += 7)
            for (int b = 0; b <= 100 - a; b += 11) {
                const Weights base { a, b, 100 - a - b };
                for (int v = 0; v <= 100; v += 13) {
                    const Weights out = WeightRebalance::drag(base, {}, 1, v);
                    QCOMPARE(out, WeightRebalance::drag(base, {}, 1, v));
                    QCOMPARE(std::accumulate(out.begin(), out.end(), 0), 100);
                    QCOMPARE(out[1], v);
                }
            }
    }
};

QTEST_GUILESS_MAIN(TestWeightRebalance)
#include "tst_weightrebalance.moc"
