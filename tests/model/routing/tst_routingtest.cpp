// Routing test files: istio-config-validator's format read unchanged and run
// through the Envoy-faithful engine, meshroute's additions, and coverage.
#include "corpus.h"
#include "loader.h"
#include "routingtest.h"

#include <QDir>
#include <QtTest>

using namespace meshroute;

namespace {

// istio-config-validator's (ICV) own examples, in the optional corpus.
QString icv(const QString &name)
{
    return test::corpusPath(QStringLiteral("getyourguide-istio-config-validator/") + name);
}

// Our hand-made VirtualServices and test files in ICV's format.
QString ours(const QString &name)
{
    return test::dataPath(QStringLiteral("routing/icv/") + name);
}

// ICV runs every test file against every VirtualService file it is given.
Router routerForDir(const QString &dir)
{
    QStringList manifests;
    for (const QString &f :
        QDir(dir).entryList({ QStringLiteral("*.yml"), QStringLiteral("*.yaml") }, QDir::Files, QDir::Name))
        if (!f.endsWith(QLatin1String("_test.yml")))
            manifests << dir + QLatin1Char('/') + f;
    return Router(RouteTable::compile(Loader::loadPaths(manifests).workspace));
}

QList<RoutingTestCase> read(const QString &path)
{
    QList<RoutingTestCase> cases;
    QString error;
    if (!RoutingTest::readFile(path, &cases, &error))
        qWarning() << error;
    return cases;
}

QString failures(const RoutingTestReport &report)
{
    QStringList out;
    for (const RoutingTestCaseResult &r : report.results)
        out += r.failures;
    return out.join(QLatin1Char('\n'));
}

// Rows of the ICV sweeps: every case of our test file, then, with the corpus,
// every case of ICV's own.
void addCaseRows(const QString &ourFile, const QString &icvFile)
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("index");
    for (const QString &file : { ours(ourFile), test::corpusDir().isEmpty() ? QString() : icv(icvFile) }) {
        if (file.isEmpty())
            continue;
        const QList<RoutingTestCase> cases = read(file);
        QVERIFY2(!cases.isEmpty(), qPrintable(file));
        for (int i = 0; i < cases.size(); ++i)
            QTest::newRow(qPrintable(test::sweepRowName(file) + QStringLiteral(": ") + cases[i].description))
                << file << i;
    }
}

} // namespace

class TestRoutingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsIcvFormat_data();
    void readsIcvFormat();
    void icvVirtualServiceTestsPass_data();
    void icvVirtualServiceTestsPass();
    void icvDelegateTestsFollowEnvoy_data();
    void icvDelegateTestsFollowEnvoy();
    void rejectsUnknownFields_data();
    void rejectsUnknownFields();
    void meshrouteAdditions();
    void coverage();
    void coverageOfTheCorpus();
    void canonical_data();
    void canonical();
    void isTestFile();
};

void TestRoutingTest::readsIcvFormat_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QStringList>("authorities");
    QTest::addColumn<QStringList>("uris");
    QTest::addColumn<QString>("header");
    QTest::newRow("data") << ours(QStringLiteral("store_test.yml"))
                          << QStringLiteral("the cart takes both hosts and a trailing slash")
                          << QStringList { QStringLiteral("shop.example.net"),
                                 QStringLiteral("www.shop.example.net") }
                          << QStringList { QStringLiteral("/cart"), QStringLiteral("/cart/") }
                          << QStringLiteral("x-session");
    if (test::corpusDir().isEmpty())
        return;
    QTest::newRow("corpus") << icv(QStringLiteral("examples/virtualservice_test.yml"))
                            << QStringLiteral("happy path users")
                            << QStringList { QStringLiteral("www.example.com"),
                                   QStringLiteral("example.com") }
                            << QStringList { QStringLiteral("/users"), QStringLiteral("/users/") }
                            << QStringLiteral("x-user-id");
}

void TestRoutingTest::readsIcvFormat()
{
    QFETCH(QString, file);
    const QList<RoutingTestCase> cases = read(file);
    QCOMPARE(cases.size(), 6); // two YAML documents: 2 + 4 cases
    QTEST(cases[0].description, "description");
    QCOMPARE(cases[0].wantMatch, true);
    QTEST(cases[0].authorities, "authorities");
    QCOMPARE(cases[0].methods.size(), 2);
    QTEST(cases[0].uris, "uris");
    QTEST(cases[0].headers.value(0).first, "header");
    QVERIFY(cases[0].route.isArray());
    QVERIFY(cases[0].headerOps.isObject());
    QCOMPARE(cases[1].wantMatch, false);
    QVERIFY(cases[2].redirect.isObject());
    QVERIFY(cases[3].rewrite.isObject());
    QVERIFY(cases[5].fault.isObject());
    QVERIFY(cases[2].line > cases[1].line);
}

void TestRoutingTest::icvVirtualServiceTestsPass_data()
{
    addCaseRows(QStringLiteral("store_test.yml"), QStringLiteral("examples/virtualservice_test.yml"));
}

void TestRoutingTest::icvVirtualServiceTestsPass()
{
    // Every case of these files holds under Envoy's semantics too: the hosts are
    // literal, the VirtualServices are mesh-bound and the requests use port 80.
    QFETCH(QString, file);
    QFETCH(int, index);
    const QList<RoutingTestCase> cases = read(file);
    const RoutingTestReport report = RoutingTest::run(routerForDir(QFileInfo(file).path()), { cases[index] });
    QVERIFY2(report.failed == 0, qPrintable(failures(report)));
    QVERIFY(report.results[0].inputs > 0);
}

void TestRoutingTest::icvDelegateTestsFollowEnvoy_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("failure");
    // ICV matches a delegate's rules on their own; istiod first merges each
    // delegate match into the root match and drops the delegate rule when
    // they conflict, and a regex on either side of the uri is a conflict
    // (istio-api.md 6.13; istio pilot/pkg/model/virtualservice.go,
    // mergeHTTPMatchRequest). So under Envoy these cases do not route
    // where the file expects: we assert what Istio would do.
    const QString our = ours(QStringLiteral("delegate_test.yml"));
    QTest::newRow("data: billing: the delegate VirtualService does not exist, rule dropped")
        << our << 1 << QStringLiteral("delegate: want {\"name\":\"billing-delegate\"}, got nothing");
    QTest::newRow("data: reports: regex root and prefix delegate conflict, 404 NR")
        << our << 2
        << QStringLiteral("route: want [{\"destination\":{\"host\":\"reports.store.svc.cluster.local\"");
    if (test::corpusDir().isEmpty())
        return;
    const QString theirs = icv(QStringLiteral("examples/virtualservice_delegate_test.yml"));
    QTest::newRow("corpus: Delegate to merchants: regex root and regex delegate conflict, 404 NR")
        << theirs << 0
        << QStringLiteral(
               "route: want [{\"destination\":{\"host\":\"merchants.merchants.svc.cluster.local\"");
    QTest::newRow("corpus: Delegate to seller: the delegate VirtualService does not exist, rule dropped")
        << theirs << 1 << QStringLiteral("delegate: want {\"name\":\"seller-delegate\"}, got nothing");
    QTest::newRow("corpus: Delegate to product: regex root and prefix delegate conflict, 404 NR")
        << theirs << 2
        << QStringLiteral("route: want [{\"destination\":{\"host\":\"product.product.svc.cluster.local\"");
}

void TestRoutingTest::icvDelegateTestsFollowEnvoy()
{
    QFETCH(QString, file);
    QFETCH(int, index);
    QFETCH(QString, failure);
    const QList<RoutingTestCase> cases = read(file);
    QCOMPARE(cases.size(), 3);
    const RoutingTestReport report = RoutingTest::run(routerForDir(QFileInfo(file).path()), { cases[index] });
    QCOMPARE(report.failed, 1);
    const QString text = failures(report);
    QVERIFY2(text.contains(failure), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("404 NR")), qPrintable(text));
    QCOMPARE(report.results[0].firstResult.status, RouteResult::Status::NoRoute);
    // The rules istiod drops are reported as never routed.
    bool dropped = false;
    for (const RouteTable::RuleRef &r : report.rules)
        dropped = dropped || !r.droppedReason.isEmpty();
    QVERIFY(dropped);
}

void TestRoutingTest::rejectsUnknownFields_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("data") << test::dataPath(QStringLiteral("routing/invalid_test.yml"));
    if (!test::corpusDir().isEmpty())
        QTest::newRow("corpus") << icv(QStringLiteral("internal/pkg/parser/testdata/invalid_test.yml"));
}

void TestRoutingTest::rejectsUnknownFields()
{
    QFETCH(QString, file);
    QList<RoutingTestCase> cases;
    QString error;
    QVERIFY(!RoutingTest::readFile(file, &cases, &error));
    QVERIFY2(error.contains(QStringLiteral("unknown field \"unknownField\"")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("invalid_test.yml:3:")), qPrintable(error));
}

void TestRoutingTest::meshrouteAdditions()
{
    const QList<RoutingTestCase> cases = read(test::dataPath(QStringLiteral("routing/bookinfo_test.yml")));
    QCOMPARE(cases.size(), 6);
    QCOMPARE(cases[0].gateway, QStringLiteral("default/bookinfo-gateway"));
    QCOMPARE(cases[0].share, 100.0);
    QCOMPARE(cases[2].query, QStringLiteral("u=normal"));
    QCOMPARE(cases[4].sourceLabels.value(0).key, QStringLiteral("app"));
    const Router router(RouteTable::compile(
        Loader::loadPaths({ QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml") }).workspace));
    const RoutingTestReport report = RoutingTest::run(router, cases);
    QVERIFY2(report.failed == 0, qPrintable(failures(report)));
    QCOMPARE(report.passed, 6);
    QCOMPARE(report.results[0].inputs, 10); // 1 authority x 2 methods x 5 uris

    // The same case with a wrong expectation fails, and says why.
    QList<RoutingTestCase> wrong { cases[0] };
    wrong[0].cluster = QStringLiteral("outbound|9080||details.default.svc.cluster.local");
    const RoutingTestReport bad = RoutingTest::run(router, wrong);
    QCOMPARE(bad.failed, 1);
    QVERIFY2(failures(bad).contains(QStringLiteral("cluster: want outbound|9080||details")),
        qPrintable(failures(bad)));
}

void TestRoutingTest::coverage()
{
    const QString file = ours(QStringLiteral("store_test.yml"));
    const RoutingTestReport report = RoutingTest::run(routerForDir(QFileInfo(file).path()), read(file));
    QStringList uncovered;
    for (int i : report.uncovered)
        uncovered << report.rules[i].virtualService + QLatin1Char(' ') + report.rules[i].ruleName;
    const QString all = uncovered.join(QLatin1Char('\n'));
    // The cases reach the redirect, cart, scraper, catalog rules of store/store...
    for (const char *rule :
        { "store/store #0", "store/store \"cart\"", "store/store \"scraper\"", "store/store \"catalog\"" })
        QVERIFY2(!uncovered.contains(QLatin1String(rule)), qPrintable(all));
    // ... and the catch-all (where the refused admin writes go), but never the
    // admin rule itself, nor the other file's VirtualServices.
    QVERIFY2(!uncovered.contains(QStringLiteral("store/store \"default\"")), qPrintable(all));
    QVERIFY2(uncovered.contains(QStringLiteral("store/store \"admin-read\"")), qPrintable(all));
    QVERIFY2(uncovered.contains(QStringLiteral("store/portal #0")), qPrintable(all));
    QVERIFY(report.uncovered.size() < report.rules.size());
}

void TestRoutingTest::coverageOfTheCorpus()
{
    MESHROUTE_REQUIRE_CORPUS();
    const QList<RoutingTestCase> cases = read(icv(QStringLiteral("examples/virtualservice_test.yml")));
    const RoutingTestReport report = RoutingTest::run(routerForDir(icv(QStringLiteral("examples"))), cases);
    QStringList uncovered;
    for (int i : report.uncovered)
        uncovered << report.rules[i].virtualService + QLatin1Char(' ') + report.rules[i].ruleName;
    // The cases reach rules 0 (redirect), 1 (users), 3 (bot), 4 (reseller) and 5 (catch-all) of
    // example/example...
    QVERIFY2(!uncovered.contains(QStringLiteral("example/example #1")),
        qPrintable(uncovered.join(QLatin1Char('\n'))));
    QVERIFY(!uncovered.contains(QStringLiteral("example/example #5")));
    // ... but never the GET/OPTIONS partner rule, nor the other files' VirtualServices.
    QVERIFY(uncovered.contains(QStringLiteral("example/example #2")));
    QVERIFY(uncovered.contains(QStringLiteral("example-2/example-2 #0")));
    QVERIFY(report.uncovered.size() < report.rules.size());
}

void TestRoutingTest::canonical_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("numbers from YAML strings")
        << QStringLiteral("{\"v\":\"100\"}") << QStringLiteral("{\"v\":100}") << true;
    QTest::newRow("zero values are absent")
        << QStringLiteral("{\"w\":0,\"h\":\"x\"}") << QStringLiteral("{\"h\":\"x\"}") << true;
    QTest::newRow("different strings")
        << QStringLiteral("{\"h\":\"x\"}") << QStringLiteral("{\"h\":\"y\"}") << false;
    QTest::newRow("order of keys does not matter")
        << QStringLiteral("{\"a\":1,\"b\":2}") << QStringLiteral("{\"b\":2,\"a\":1}") << true;
    QTest::newRow("list order matters") << QStringLiteral("[1,2]") << QStringLiteral("[2,1]") << false;
    QTest::newRow("1.0 equals 1") << QStringLiteral("{\"v\":\"1.0\"}") << QStringLiteral("{\"v\":1}") << true;
}

void TestRoutingTest::canonical()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    auto parse = [](const QString &s) {
        const QJsonDocument d = QJsonDocument::fromJson(s.toUtf8());
        return d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object());
    };
    QTEST(RoutingTest::canonical(parse(a)) == RoutingTest::canonical(parse(b)), "equal");
}

void TestRoutingTest::isTestFile()
{
    QVERIFY(RoutingTest::isTestFile("testCases:\n- description: x\n"));
    QVERIFY(RoutingTest::isTestFile("kind: X\n---\ntestCases: []\n"));
    QVERIFY(!RoutingTest::isTestFile("apiVersion: v1\nkind: Service\n"));
    QVERIFY(!RoutingTest::isTestFile("{{ template }}: ["));
}

QTEST_GUILESS_MAIN(TestRoutingTest)
#include "tst_routingtest.moc"
