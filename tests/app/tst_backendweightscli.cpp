// `meshroute weights --http-route|--grpc-route`: the weights of one Gateway API
// rule's backendRefs from the command line. Only the weight bytes change; every
// mistake in what is named (route, rule, backend, weight) exits 2 and leaves the
// file byte for byte.
#include <QTemporaryDir>
#include <QtTest>

#include "clirunner.h"
#include "corpus.h"

namespace {

using meshroute::test::readFile;
using meshroute::test::Run;
using meshroute::test::runMeshroute;

const QString fixture = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/gatewayapi/canary-route.yaml");

// A copy of the fixture to edit; its path.
QString copyOfFixture(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("canary-route.yaml"));
    QFile::copy(fixture, path);
    QFile(path).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

} // namespace

class TestBackendWeightsCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inPlaceChangesOnlyTheWeights();
    void ruleByIndexAndNameWithPort();
    void insertsAMissingWeightInFlowStyle();
    void errorsExitTwoAndLeaveTheFile_data();
    void errorsExitTwoAndLeaveTheFile();
};

void TestBackendWeightsCli::inPlaceChangesOnlyTheWeights()
{
    QTemporaryDir dir;
    const QString path = copyOfFixture(dir);
    const Run r = runMeshroute(
        { QStringLiteral("weights"), path, QStringLiteral("--http-route"), QStringLiteral("web/cart"),
            QStringLiteral("cart-v1=75"), QStringLiteral("cart-v2=25"), QStringLiteral("--in-place") });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QByteArray expected = readFile(fixture);
    expected.replace("weight: 90   # stable", "weight: 75   # stable");
    expected.replace("weight: 10   # canary", "weight: 25   # canary");
    QCOMPARE(readFile(path), expected);
}

void TestBackendWeightsCli::ruleByIndexAndNameWithPort()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("next.yaml"));
    // Two backendRefs named "web": NAME:PORT tells them apart; the input stays as it was.
    const Run r = runMeshroute({ QStringLiteral("weights"), fixture, QStringLiteral("--http-route"),
        QStringLiteral("cart"), QStringLiteral("--rule"), QStringLiteral("1"), QStringLiteral("web:8080=5"),
        QStringLiteral("-o"), out });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QByteArray expected = readFile(fixture);
    expected.replace("      port: 8080\n      weight: 0\n", "      port: 8080\n      weight: 5\n");
    QCOMPARE(readFile(out), expected);
    const Run named = runMeshroute({ QStringLiteral("weights"), fixture, QStringLiteral("--http-route"),
        QStringLiteral("cart"), QStringLiteral("--rule"), QStringLiteral("split"),
        QStringLiteral("cart-v2=0"), QStringLiteral("-o"), out });
    QVERIFY2(named.exitCode == 0, named.err.constData());
    QVERIFY(readFile(out).contains("weight: 0   # canary"));
}

void TestBackendWeightsCli::insertsAMissingWeightInFlowStyle()
{
    QTemporaryDir dir;
    const QString path = copyOfFixture(dir);
    const Run r = runMeshroute(
        { QStringLiteral("weights"), path, QStringLiteral("--grpc-route"), QStringLiteral("catalog"),
            QStringLiteral("catalog=3"), QStringLiteral("catalog-next=1"), QStringLiteral("--in-place") });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QByteArray expected = readFile(fixture);
    // catalog-next has no weight and keeps the default 1: nothing is written for it.
    expected.replace("{name: catalog, port: 9090, weight: 1}", "{name: catalog, port: 9090, weight: 3}");
    QCOMPARE(readFile(path), expected);
    const Run inserted = runMeshroute({ QStringLiteral("weights"), path, QStringLiteral("--grpc-route"),
        QStringLiteral("web/catalog"), QStringLiteral("catalog-next=7"), QStringLiteral("--in-place") });
    QVERIFY2(inserted.exitCode == 0, inserted.err.constData());
    QVERIFY2(
        readFile(path).contains("{name: catalog-next, port: 9090, weight: 7}"), readFile(path).constData());
}

void TestBackendWeightsCli::errorsExitTwoAndLeaveTheFile_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString route = QStringLiteral("--http-route");
    const QString inPlace = QStringLiteral("--in-place");
    QTest::newRow("unknown route") << QStringList { route, QStringLiteral("nope"), QStringLiteral("a=1"),
        inPlace } << "has no HTTPRoute \"nope\"";
    QTest::newRow("wrong namespace") << QStringList { route, QStringLiteral("edge/cart"),
        QStringLiteral("a=1"), inPlace }
                                     << "has no HTTPRoute \"edge/cart\"";
    QTest::newRow("a GRPCRoute is not an HTTPRoute") << QStringList { route, QStringLiteral("catalog"),
        QStringLiteral("catalog=1"), inPlace } << "has no HTTPRoute \"catalog\"";
    QTest::newRow("unknown rule") << QStringList { route, QStringLiteral("cart"), QStringLiteral("--rule"),
        QStringLiteral("7"), QStringLiteral("web=1"), inPlace }
                                  << "has no rule 7 (it has 2 rules)";
    QTest::newRow("unknown backend") << QStringList { route, QStringLiteral("cart"), QStringLiteral("--rule"),
        QStringLiteral("0"), QStringLiteral("cart-v9=1"), inPlace }
                                     << "no backendRef \"cart-v9\" (it has: cart-v1:8080, cart-v2:8080)";
    QTest::newRow("no rule has them all") << QStringList {
        route, QStringLiteral("cart"), QStringLiteral("cart-v1=1"), QStringLiteral("web=1"), inPlace
    } << "no rule of HTTPRoute web/cart has backendRefs for all of the backends";
    QTest::newRow("ambiguous name") << QStringList { route, QStringLiteral("cart"), QStringLiteral("--rule"),
        QStringLiteral("1"), QStringLiteral("web=1"), inPlace }
                                    << "names 2 backendRefs of rule 1: write NAME:PORT";
    // gateway.networking.k8s.io_httproutes.yaml: weight minimum 0, maximum 1000000.
    QTest::newRow("weight past the CRD maximum")
        << QStringList { route, QStringLiteral("cart"), QStringLiteral("cart-v1=1000001"), inPlace }
        << "a backendRef weight is 0 to 1000000";
    QTest::newRow("negative weight") << QStringList { route, QStringLiteral("cart"),
        QStringLiteral("cart-v1=-1"), inPlace }
                                     << "a backendRef weight is 0 to 1000000";
    QTest::newRow("not backend=weight")
        << QStringList { route, QStringLiteral("cart"), QStringLiteral("cart-v1"), inPlace }
        << "\"cart-v1\" is not BACKEND=WEIGHT";
    QTest::newRow("weight not a number")
        << QStringList { route, QStringLiteral("cart"), QStringLiteral("cart-v1=1.5"), inPlace }
        << "\"cart-v1=1.5\" is not BACKEND=WEIGHT";
    QTest::newRow("both route options") << QStringList { route, QStringLiteral("cart"),
        QStringLiteral("--grpc-route"), QStringLiteral("catalog"), QStringLiteral("a=1"), inPlace }
                                        << "exactly one of --http-route and --grpc-route";
}

void TestBackendWeightsCli::errorsExitTwoAndLeaveTheFile()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = copyOfFixture(dir);
    const Run r = runMeshroute(QStringList { QStringLiteral("weights"), path } + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QVERIFY(r.err.contains("file untouched"));
    QCOMPARE(readFile(path), readFile(fixture));
}

QTEST_MAIN(TestBackendWeightsCli)
#include "tst_backendweightscli.moc"
