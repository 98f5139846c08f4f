// meshroute route / simulate / test as a user runs them: JSON keys, exit
// codes, determinism, and routing test files in istio-config-validator's
// format through `test` (ours in tests/data/routing/icv, ICV's own with the corpus).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include "clirunner.h"
#include "corpus.h"

namespace {

using meshroute::test::Run;

using meshroute::test::runMeshroute;

QString example()
{
    return QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml");
}

// Our hand-made routing test files in istio-config-validator's (ICV) format.
QString ours(const QString &name)
{
    return meshroute::test::dataPath(QStringLiteral("routing/icv/") + name);
}

// ICV's own examples, in the optional corpus (empty without it).
QString icv(const QString &name)
{
    const QString dir
        = meshroute::test::corpusPath(QStringLiteral("getyourguide-istio-config-validator/examples"));
    return dir.isEmpty() ? QString() : dir + QLatin1Char('/') + name;
}

// The manifests beside a test file: every YAML file of its folder that is not a test file.
QStringList manifestsBeside(const QString &testFile)
{
    const QDir dir = QFileInfo(testFile).dir();
    QStringList out;
    for (const QString &f :
        dir.entryList({ QStringLiteral("*.yml"), QStringLiteral("*.yaml") }, QDir::Files, QDir::Name))
        if (!f.endsWith(QLatin1String("_test.yml")))
            out << dir.filePath(f);
    return out;
}

} // namespace

class TestRouteCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routeJsonKeys();
    void routeText();
    void routeExitCodes_data();
    void routeExitCodes();
    void simulateIsDeterministic();
    void icvTestFiles_data();
    void icvTestFiles();
    void testCoverage_data();
    void testCoverage();
    void testAdditions();
    void testUsageErrors();
};

void TestRouteCli::routeJsonKeys()
{
    const Run r = runMeshroute({ QStringLiteral("route"), QStringLiteral("--json"),
        QStringLiteral("--request"), QStringLiteral("GET http://bookinfo.app/productpage"),
        QStringLiteral("--gateway"), QStringLiteral("default/bookinfo-gateway"), example() });
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    for (const char *key : { "status", "virtualService", "routeIndex", "routeName", "matchIndex",
             "destinations", "rewrite", "redirect", "directResponse", "warnings", "trace" })
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("routed"));
    QCOMPARE(o.value(QStringLiteral("virtualService")).toString(), QStringLiteral("default/bookinfo"));
    QCOMPARE(o.value(QStringLiteral("routeIndex")).toInt(), 0);
    QCOMPARE(o.value(QStringLiteral("matchIndex")).toInt(), 0);
    const QJsonObject d = o.value(QStringLiteral("destinations")).toArray().at(0).toObject();
    for (const char *key : { "host", "subset", "port", "weight", "cluster" })
        QVERIFY2(d.contains(QLatin1String(key)), key);
    QCOMPARE(
        d.value(QStringLiteral("host")).toString(), QStringLiteral("productpage.default.svc.cluster.local"));
    QCOMPARE(d.value(QStringLiteral("port")).toInt(), 9080);
    QCOMPARE(d.value(QStringLiteral("weight")).toDouble(), 100.0);
    QCOMPARE(d.value(QStringLiteral("cluster")).toString(),
        QStringLiteral("outbound|9080||productpage.default.svc.cluster.local"));
}

void TestRouteCli::routeText()
{
    const Run r = runMeshroute({ QStringLiteral("route"), QStringLiteral("--request"),
        QStringLiteral("GET http://reviews.default.svc.cluster.local:9080/reviews/0?x=1"),
        QStringLiteral("-H"), QStringLiteral("end-user: jason"), QStringLiteral("--source-labels"),
        QStringLiteral("app=productpage,version=v1"), example() });
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(text.contains(QStringLiteral("status: routed")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("99%")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("outbound|9080|v2|reviews.default.svc.cluster.local")),
        qPrintable(text));
}

void TestRouteCli::routeExitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("routed") << QStringList { QStringLiteral("--request"),
        QStringLiteral("GET http://reviews:9080/"), example() }
                            << 0;
    QTest::newRow("404 NR is 1") << QStringList { QStringLiteral("--request"),
        QStringLiteral("GET http://bookinfo.app/nope"), QStringLiteral("--gateway"),
        QStringLiteral("default/bookinfo-gateway"), example() }
                                 << 1;
    QTest::newRow("missing --request is 2") << QStringList { example() } << 2;
    QTest::newRow("bad URL is 2") << QStringList { QStringLiteral("--request"), QStringLiteral("GET reviews"),
        example() } << 2;
    QTest::newRow("bad header is 2") << QStringList { QStringLiteral("--request"),
        QStringLiteral("GET http://a/"), QStringLiteral("-H"), QStringLiteral("novalue"), example() }
                                     << 2;
    QTest::newRow("unreadable input is 2") << QStringList { QStringLiteral("--request"),
        QStringLiteral("GET http://a/"), QStringLiteral("/nonexistent/x.yaml") }
                                           << 2;
    QTest::newRow("no input is 2") << QStringList { QStringLiteral("--request"),
        QStringLiteral("GET http://a/") }
                                   << 2;
}

void TestRouteCli::routeExitCodes()
{
    QFETCH(QStringList, args);
    const Run r = runMeshroute(QStringList { QStringLiteral("route") } + args);
    QTEST(r.exitCode, "exitCode");
}

void TestRouteCli::simulateIsDeterministic()
{
    const QStringList args { QStringLiteral("simulate"), QStringLiteral("--json"),
        QStringLiteral("--request"), QStringLiteral("GET http://reviews:9080/"), QStringLiteral("-n"),
        QStringLiteral("100000"), QStringLiteral("--seed"), QStringLiteral("5"), example() };
    const Run a = runMeshroute(args);
    const Run b = runMeshroute(args);
    QCOMPARE(a.exitCode, 0);
    QCOMPARE(a.out, b.out);
    const QJsonObject o = QJsonDocument::fromJson(a.out).object();
    const QJsonArray clusters = o.value(QStringLiteral("clusters")).toArray();
    QCOMPARE(clusters.size(), 2);
    QCOMPARE(clusters.at(0).toObject().value(QStringLiteral("count")).toDouble()
            + clusters.at(1).toObject().value(QStringLiteral("count")).toDouble(),
        100000.0);
    QVERIFY(std::abs(clusters.at(1).toObject().value(QStringLiteral("share")).toDouble() - 1.0) < 0.2);
    QVERIFY(!o.value(QStringLiteral("baseline")).toArray().isEmpty());

    const Run text = runMeshroute(
        { QStringLiteral("simulate"), QStringLiteral("--request"), QStringLiteral("GET http://reviews:9080/"),
            QStringLiteral("-n"), QStringLiteral("1000"), example() });
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("Kubernetes baseline"), text.out.constData());
    QCOMPARE(runMeshroute({ QStringLiteral("simulate"), QStringLiteral("--request"),
                              QStringLiteral("GET http://reviews:9080/"), example() })
                 .exitCode,
        2);
}

void TestRouteCli::icvTestFiles_data()
{
    QTest::addColumn<QString>("testFile");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("failed");
    QTest::addColumn<int>("folderPassed");
    QTest::addColumn<int>("folderFailed");
    // Under Envoy semantics delegate cases may not hold (see tst_routingtest:
    // istiod drops delegate rules whose uri conflicts with the root's regex,
    // and a delegate that does not exist routes nothing).
    QTest::newRow("data: store_test.yml passes")
        << ours(QStringLiteral("store_test.yml")) << 0 << 0 << 7 << 2;
    QTest::newRow("data: delegate_test.yml fails: Envoy drops two delegate rules")
        << ours(QStringLiteral("delegate_test.yml")) << 1 << 2 << 7 << 2;
    if (meshroute::test::corpusDir().isEmpty())
        return;
    QTest::newRow("corpus: virtualservice_test.yml passes as in ICV")
        << icv(QStringLiteral("virtualservice_test.yml")) << 0 << 0 << 6 << 3;
    QTest::newRow("corpus: virtualservice_delegate_test.yml fails: Envoy drops the delegate rules")
        << icv(QStringLiteral("virtualservice_delegate_test.yml")) << 1 << 3 << 6 << 3;
}

void TestRouteCli::icvTestFiles()
{
    QFETCH(QString, testFile);
    const Run r = runMeshroute(
        QStringList { QStringLiteral("test"), QStringLiteral("--json"), testFile, QStringLiteral("--") }
        + manifestsBeside(testFile));
    QTEST(r.exitCode, "exitCode");
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QTEST(o.value(QStringLiteral("failed")).toInt(), "failed");

    // Without "--", test files and manifests are told apart by content, as ICV's -t does.
    const Run folder
        = runMeshroute({ QStringLiteral("test"), QStringLiteral("--json"), QFileInfo(testFile).path() });
    QCOMPARE(folder.exitCode, 1);
    const QJsonObject all = QJsonDocument::fromJson(folder.out).object();
    QTEST(all.value(QStringLiteral("passed")).toInt(), "folderPassed");
    QTEST(all.value(QStringLiteral("failed")).toInt(), "folderFailed");
}

void TestRouteCli::testCoverage_data()
{
    QTest::addColumn<QString>("testFile");
    QTest::addColumn<QString>("manifest");
    QTest::addColumn<QString>("reached");
    QTest::addColumn<QString>("notReached");
    QTest::newRow("data") << ours(QStringLiteral("store_test.yml")) << ours(QStringLiteral("store.yaml"))
                          << QStringLiteral("coverage: 5 of 6 rules reached")
                          << QStringLiteral("not reached: VirtualService store/store rule \"admin-read\"");
    if (meshroute::test::corpusDir().isEmpty())
        return;
    QTest::newRow("corpus") << icv(QStringLiteral("virtualservice_test.yml"))
                            << icv(QStringLiteral("virtualservice.yml"))
                            << QStringLiteral("coverage: 5 of 6 rules reached")
                            << QStringLiteral("not reached: VirtualService example/example rule #2");
}

void TestRouteCli::testCoverage()
{
    QFETCH(QString, testFile);
    QFETCH(QString, manifest);
    QFETCH(QString, reached);
    QFETCH(QString, notReached);
    const Run r = runMeshroute(
        { QStringLiteral("test"), QStringLiteral("--coverage"), testFile, QStringLiteral("--"), manifest });
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(text.contains(QStringLiteral("6 passed, 0 failed")), qPrintable(text));
    QVERIFY2(text.contains(reached), qPrintable(text));
    QVERIFY2(text.contains(notReached), qPrintable(text));
}

void TestRouteCli::testAdditions()
{
    const Run r = runMeshroute(
        { QStringLiteral("test"), meshroute::test::dataPath(QStringLiteral("routing/bookinfo_test.yml")),
            QStringLiteral("--"), example() });
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QVERIFY(r.out.contains("6 passed, 0 failed"));
}

void TestRouteCli::testUsageErrors()
{
    QCOMPARE(runMeshroute({ QStringLiteral("test"), QStringLiteral("--"), example() }).exitCode, 2);
    QCOMPARE(runMeshroute({ QStringLiteral("test"),
                              meshroute::test::dataPath(QStringLiteral("routing/invalid_test.yml")),
                              QStringLiteral("--"), example() })
                 .exitCode,
        2);
}

QTEST_GUILESS_MAIN(TestRouteCli)
#include "tst_routecli.moc"
