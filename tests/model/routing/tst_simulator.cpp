// Seeded simulation of weighted splits, and the Kubernetes baseline by pods.
#include "loader.h"
#include "request.h"
#include "simulator.h"

#include <QtTest>

using namespace meshroute;

namespace {

QString dataPath(const QString &name)
{
    return QStringLiteral(MESHROUTE_TEST_DATA_DIR "/routing/") + name;
}

Router load(const QStringList &names)
{
    QStringList paths;
    for (const QString &n : names)
        paths << dataPath(n);
    return Router(RouteTable::compile(Loader::loadPaths(paths).workspace));
}

Request request(const QString &line)
{
    Request r;
    r.setRequestLine(line);
    return r;
}

QString baselineText(const QList<SimulationResult::BaselineRow> &rows)
{
    QStringList parts;
    for (const SimulationResult::BaselineRow &b : rows)
        parts << QStringLiteral("%1 [%2] %3 %4")
                     .arg(b.workload, b.subsets.join(QLatin1Char(',')))
                     .arg(b.pods)
                     .arg(b.share);
    parts.sort();
    return parts.join(QStringLiteral("; "));
}

} // namespace

class TestSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pickWeighted_data();
    void pickWeighted();
    void canarySplit();
    void sameSeedSameCounts();
    void baseline_data();
    void baseline();
    void baselineIsTheCalledServiceWhenRoutesSplitServices();
    void zeroWeightNeverDrawn();
    void faultsAndMirrors();
    void notForwarded();
};

void TestSimulator::pickWeighted_data()
{
    QTest::addColumn<quint64>("random");
    QTest::addColumn<int>("expected");
    // Envoy's router_check example: 30/30/40 picked by random values 115, 445, 560.
    QTest::newRow("115 -> first") << quint64(115) << 0;
    QTest::newRow("445 -> second") << quint64(445) << 1;
    QTest::newRow("560 -> third") << quint64(560) << 2;
    QTest::newRow("boundary 29 -> first") << quint64(29) << 0;
    QTest::newRow("boundary 30 -> second") << quint64(30) << 1;
    QTest::newRow("boundary 99 -> third") << quint64(99) << 2;
}

void TestSimulator::pickWeighted()
{
    QFETCH(quint64, random);
    const quint64 weights[] = { 30, 30, 40 };
    QTEST(Simulator::pickWeighted(weights, 3, 100, random), "expected");
}

void TestSimulator::canarySplit()
{
    const Router router = load({ QStringLiteral("canary.yaml") });
    const SimulationResult sim = Simulator::simulate(
        router, request(QStringLiteral("GET http://reviews:9080/reviews/0")), 200000, 42);
    QCOMPARE(sim.clusters.size(), 2);
    QCOMPARE(sim.clusters[0].cluster, QStringLiteral("outbound|9080|v1|reviews.default.svc.cluster.local"));
    QCOMPARE(sim.clusters[0].expectedShare, 99.0);
    QCOMPARE(sim.clusters[1].expectedShare, 1.0);
    QCOMPARE(sim.clusters[0].count + sim.clusters[1].count, quint64(200000));
    // 1% of 200,000 is 2,000 with a standard deviation of about 44.
    QVERIFY2(sim.clusters[1].count > 1700 && sim.clusters[1].count < 2300,
        qPrintable(QString::number(sim.clusters[1].count)));
    QVERIFY(std::abs(sim.clusters[1].share - 1.0) < 0.15);
}

void TestSimulator::sameSeedSameCounts()
{
    const Router router = load({ QStringLiteral("canary.yaml") });
    const Request req = request(QStringLiteral("GET http://reviews:9080/"));
    const SimulationResult a = Simulator::simulate(router, req, 50000, 7);
    const SimulationResult b = Simulator::simulate(router, req, 50000, 7);
    const SimulationResult c = Simulator::simulate(router, req, 50000, 8);
    QCOMPARE(a.clusters[1].count, b.clusters[1].count);
    QCOMPARE(a.clusters[0].count, b.clusters[0].count);
    QVERIFY(a.clusters[1].count != c.clusters[1].count || a.clusters[0].count != c.clusters[0].count);
}

void TestSimulator::baseline_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("expected");
    QTest::newRow("3 v1 pods + 1 v2 pod = 75/25")
        << QStringList { QStringLiteral("canary.yaml") }
        << QStringLiteral("default/reviews-v1 [v1] 3 75; default/reviews-v2 [v2] 1 25");
    QTest::newRow("3/1/1 pods = 60/20/20")
        << QStringList { QStringLiteral("canary.yaml"), QStringLiteral("canary-v3.yaml") }
        << QStringLiteral(
               "default/reviews-v1 [v1] 3 60; default/reviews-v2 [v2] 1 20; default/reviews-v3 [v3] 1 20");
}

void TestSimulator::baseline()
{
    QFETCH(QStringList, files);
    const Router router = load(files);
    const SimulationResult sim
        = Simulator::simulate(router, request(QStringLiteral("GET http://reviews:9080/")), 1000, 1);
    QTEST(baselineText(sim.baseline), "expected");
    // The VirtualService's split is not the pods' split: that is the lesson.
    QCOMPARE(sim.clusters[0].expectedShare, 99.0);
}

// A Gateway API canary splits between one Service per version; plain
// Kubernetes would balance the Service the client calls (reviews) by its pods,
// not each version's Service at 100%.
void TestSimulator::baselineIsTheCalledServiceWhenRoutesSplitServices()
{
    const Router router = Router(RouteTable::compile(
        Loader::loadPaths({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo-gateway-api.yaml") })
            .workspace));
    const SimulationResult sim
        = Simulator::simulate(router, request(QStringLiteral("GET http://reviews:9080/")), 1000, 1);
    QCOMPARE(sim.clusters.size(), 2);
    QCOMPARE(sim.clusters[0].expectedShare, 90.0);
    QCOMPARE(baselineText(sim.baseline),
        QStringLiteral("default/reviews-v1 [] 3 60; default/reviews-v2 [] 1 20; default/reviews-v3 [] 1 20"));
    // From a gateway the host is no Service: the baseline is where the request ends up.
    Request fromGateway = request(QStringLiteral("GET http://bookinfo.app/productpage"));
    fromGateway.setGateway(QStringLiteral("default/bookinfo-gateway"));
    const SimulationResult atGateway = Simulator::simulate(router, fromGateway, 100, 1);
    QCOMPARE(baselineText(atGateway.baseline), QStringLiteral("default/productpage-v1 [] 1 100"));
}

void TestSimulator::zeroWeightNeverDrawn()
{
    const Router router = load({ QStringLiteral("semantics.yaml") });
    const SimulationResult sim = Simulator::simulate(
        router, request(QStringLiteral("GET http://actions.example.com/weights")), 40000, 3);
    QCOMPARE(sim.clusters.size(), 3);
    QCOMPARE(sim.clusters[2].count, quint64(0));
    QVERIFY(std::abs(sim.clusters[0].share - 75.0) < 1.5);
    QVERIFY(std::abs(sim.clusters[1].share - 25.0) < 1.5);
    QCOMPARE(sim.baselineNote.isEmpty(), false); // no Service for backend in that file
}

void TestSimulator::faultsAndMirrors()
{
    const Router router = load({ QStringLiteral("semantics.yaml") });
    const SimulationResult sim = Simulator::simulate(
        router, request(QStringLiteral("GET http://actions.example.com/mirror")), 100000, 11);
    // abort 10%: aborted requests never reach a cluster; 25% of the others are mirrored.
    QVERIFY2(sim.aborted > 9000 && sim.aborted < 11000, qPrintable(QString::number(sim.aborted)));
    QCOMPARE(sim.clusters[0].count + sim.aborted, quint64(100000));
    QCOMPARE(sim.mirrors.size(), 1);
    const double mirrored = double(sim.mirrors[0].count) / double(sim.clusters[0].count);
    QVERIFY2(std::abs(mirrored - 0.25) < 0.02, qPrintable(QString::number(mirrored)));
}

void TestSimulator::notForwarded()
{
    const Router router = load({ QStringLiteral("semantics.yaml") });
    const SimulationResult sim = Simulator::simulate(
        router, request(QStringLiteral("GET http://actions.example.com/moved")), 1000, 1);
    QCOMPARE(sim.route.status, RouteResult::Status::Redirect);
    QCOMPARE(sim.notForwarded, quint64(1000));
    QVERIFY(sim.clusters.isEmpty());
}

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
