// A routing test file made from sample requests passes when the engine runs
// it, asserts the whole split, and fails once the routing changes.
#include "loader.h"
#include "request.h"
#include "router.h"
#include "routingtest.h"
#include "routingtestwriter.h"
#include "samplerequest.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace meshroute;

namespace {

QByteArray bookinfoText()
{
    QFile f(QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Router routerFor(const QByteArray &text)
{
    return Router(RouteTable::compile(Loader::loadText(text, QStringLiteral("bookinfo.yaml")).workspace));
}

RoutingTestReport runText(const QByteArray &tests, const Router &router)
{
    QList<RoutingTestCase> cases;
    QString error;
    if (!RoutingTest::parse(tests, QStringLiteral("t.yaml"), &cases, &error))
        qWarning("%s", qPrintable(error));
    return RoutingTest::run(router, cases);
}

} // namespace

class TestRoutingTestWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bookinfoSamplesPass()
    {
        const Router router = routerFor(bookinfoText());
        const QList<SampleRequest> samples = SampleRequest::bookinfoDefaults();
        QString error;
        const QByteArray text = RoutingTestWriter::write(samples, router, &error);
        QVERIFY2(!text.isEmpty(), qPrintable(error));
        QVERIFY(RoutingTest::isTestFile(text));
        const RoutingTestReport report = runText(text, router);
        QCOMPARE(report.cases.size(), samples.size());
        QCOMPARE(report.failed, 0);
        QCOMPARE(report.passed, samples.size());
        // Every rule of Bookinfo is reached by its samples.
        QCOMPARE(report.uncovered.size(), 0);
    }

    void casesAssertWhatTheRouterSays()
    {
        const Router router = routerFor(bookinfoText());
        QString error;
        const QByteArray text = RoutingTestWriter::write(SampleRequest::bookinfoDefaults(), router, &error);
        QList<RoutingTestCase> cases;
        QVERIFY(RoutingTest::parse(text, QStringLiteral("t.yaml"), &cases, &error));
        const RoutingTestCase &product = cases[0];
        QCOMPARE(product.authorities, QStringList { QStringLiteral("bookinfo.app") });
        QCOMPARE(product.uris, QStringList { QStringLiteral("/productpage") });
        QCOMPARE(product.gateway, QStringLiteral("default/bookinfo-gateway"));
        QCOMPARE(product.status, QStringLiteral("routed"));
        QCOMPARE(product.virtualService, QStringLiteral("default/bookinfo"));
        QCOMPARE(product.cluster, QStringLiteral("outbound|9080||productpage.default.svc.cluster.local"));
        QCOMPARE(product.share, 100.0);

        const RoutingTestCase &admin = cases[5];
        QCOMPARE(admin.status, QStringLiteral("no-route"));
        QVERIFY(admin.cluster.isEmpty());

        const RoutingTestCase &jason = cases[7];
        QCOMPARE(jason.headers.size(), 1);
        QCOMPARE(jason.headers[0].first, QStringLiteral("end-user"));
        QCOMPARE(jason.sourceLabels.size(), 2);
        QCOMPARE(jason.cluster, QStringLiteral("outbound|9080|v1|reviews.default.svc.cluster.local"));
        QCOMPARE(jason.share, 99.0);
        QVERIFY(jason.route.isArray());
        QCOMPARE(jason.route.toArray().size(), 2); // the whole split as written
    }

    // The saved test is a guard: change the weights and it fails.
    void failsAfterTheSplitChanges()
    {
        const Router router = routerFor(bookinfoText());
        QString error;
        const QByteArray tests = RoutingTestWriter::write(SampleRequest::bookinfoDefaults(), router, &error);
        QByteArray changed = bookinfoText();
        changed.replace("weight: 99  # stable", "weight: 90  # stable")
            .replace("weight: 1   # canary", "weight: 10  # canary");
        QVERIFY(changed != bookinfoText());
        const RoutingTestReport report = runText(tests, routerFor(changed));
        QCOMPARE(report.failed, 2); // both calls to reviews
        QCOMPARE(report.passed, 6);
    }

    void portsAndSchemesSurvive()
    {
        const QByteArray yaml = "apiVersion: networking.istio.io/v1\n"
                                "kind: VirtualService\n"
                                "metadata: {name: api, namespace: default}\n"
                                "spec:\n"
                                "  hosts: [api.local]\n"
                                "  http:\n"
                                "  - match: [{port: 8443, uri: {prefix: /v2}}]\n"
                                "    route: [{destination: {host: api-v2}}]\n"
                                "  - redirect: {uri: /v2, redirectCode: 308}\n";
        const Router router(RouteTable::compile(Loader::loadText(yaml).workspace));
        SampleRequest onPort;
        onPort.name = QStringLiteral("listener port");
        onPort.url = QStringLiteral("https://api.local/v2/items?page=2");
        onPort.port = 8443;
        SampleRequest redirect;
        redirect.name = QStringLiteral("redirect");
        redirect.url = QStringLiteral("http://api.local/v1");
        QString error;
        const QByteArray text = RoutingTestWriter::write({ onPort, redirect }, router, &error);
        QVERIFY2(!text.isEmpty(), qPrintable(error));
        QVERIFY(text.contains("port: 8443"));
        QVERIFY(text.contains("scheme: https"));
        QVERIFY(text.contains("status: redirect"));
        const RoutingTestReport report = runText(text, router);
        QCOMPARE(report.failed, 0);
        QCOMPARE(report.passed, 2);
    }

    void badSampleIsAnError()
    {
        SampleRequest bad;
        bad.name = QStringLiteral("broken");
        bad.url = QStringLiteral("no-slash");
        QString error;
        QVERIFY(RoutingTestWriter::write({ bad }, routerFor(bookinfoText()), &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("broken")));
    }

    void writeFileWritesIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bookinfo.routing-test.yaml"));
        QString error;
        QVERIFY2(RoutingTestWriter::writeFile(
                     path, SampleRequest::bookinfoDefaults(), routerFor(bookinfoText()), &error),
            qPrintable(error));
        QList<RoutingTestCase> cases;
        QVERIFY2(RoutingTest::readFile(path, &cases, &error), qPrintable(error));
        QCOMPARE(cases.size(), SampleRequest::bookinfoDefaults().size());
    }
};

QTEST_GUILESS_MAIN(TestRoutingTestWriter)
#include "tst_routingtestwriter.moc"
