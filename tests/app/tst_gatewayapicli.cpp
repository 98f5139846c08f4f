// meshroute route / simulate / test with a Gateway API Gateway named as
// kubectl shows it (--gateway NS/NAME, or `gateway:` in a routing test file),
// over the fixtures of tests/data/gatewayapi.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "clirunner.h"
#include "corpus.h"

namespace {

using meshroute::test::Run;
using meshroute::test::runMeshroute;

QString fixture(const QString &name)
{
    return meshroute::test::dataPath(QStringLiteral("gatewayapi/") + name);
}

QStringList inputs(const QString &name)
{
    return { fixture(QStringLiteral("base.yaml")), fixture(name) };
}

} // namespace

class TestGatewayApiCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routeThroughGatewayApiGateway();
    void routeTextNamesTheGeneratedRule();
    void unknownGatewayIsNoRoute();
    void simulateSplitsByWeight();
    void testFileWithGatewayApiGateway();
};

void TestGatewayApiCli::routeThroughGatewayApiGateway()
{
    const Run r = runMeshroute(QStringList { QStringLiteral("route"), QStringLiteral("--json"),
                                   QStringLiteral("--request"), QStringLiteral("GET http://gw.example/v2/x"),
                                   QStringLiteral("--gateway"), QStringLiteral("infra/same-namespace") }
        + inputs(QStringLiteral("matching.yaml")));
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("routed"));
    const QJsonObject d = o.value(QStringLiteral("destinations")).toArray().at(0).toObject();
    QCOMPARE(d.value(QStringLiteral("cluster")).toString(),
        QStringLiteral("outbound|8080||backend-v2.infra.svc.cluster.local"));
    QVERIFY2(o.value(QStringLiteral("virtualService")).toString().contains(QLatin1String("same-namespace")),
        r.out.constData());
}

void TestGatewayApiCli::routeTextNamesTheGeneratedRule()
{
    const Run r = runMeshroute(QStringList { QStringLiteral("route"), QStringLiteral("--request"),
                                   QStringLiteral("GET http://gw.example/v2example"),
                                   QStringLiteral("--gateway"), QStringLiteral("infra/same-namespace") }
        + inputs(QStringLiteral("matching.yaml")));
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(
        text.contains(QLatin1String("outbound|8080||backend-v1.infra.svc.cluster.local")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("path-segment prefix")), qPrintable(text));
}

void TestGatewayApiCli::unknownGatewayIsNoRoute()
{
    const Run r = runMeshroute(QStringList { QStringLiteral("route"), QStringLiteral("--request"),
                                   QStringLiteral("GET http://gw.example/"), QStringLiteral("--gateway"),
                                   QStringLiteral("infra/nope") }
        + inputs(QStringLiteral("matching.yaml")));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("infra/same-namespace"), r.out.constData());
}

void TestGatewayApiCli::simulateSplitsByWeight()
{
    const Run r = runMeshroute(
        QStringList { QStringLiteral("simulate"), QStringLiteral("--json"), QStringLiteral("--request"),
            QStringLiteral("GET http://gw.example/"), QStringLiteral("--gateway"),
            QStringLiteral("infra/same-namespace"), QStringLiteral("-n"), QStringLiteral("10000"),
            QStringLiteral("--seed"), QStringLiteral("3") }
        + inputs(QStringLiteral("weight.yaml")));
    QCOMPARE(r.exitCode, 0);
    const QJsonArray clusters
        = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("clusters")).toArray();
    QCOMPARE(clusters.size(), 2);
    double v1 = 0;
    for (const QJsonValue &c : clusters)
        if (c.toObject().value(QStringLiteral("cluster")).toString().contains(QLatin1String("backend-v1")))
            v1 = c.toObject().value(QStringLiteral("count")).toDouble();
    QVERIFY2(std::abs(v1 / 10000.0 - 0.7) < 0.05, r.out.constData());
}

void TestGatewayApiCli::testFileWithGatewayApiGateway()
{
    const Run r = runMeshroute(QStringList { QStringLiteral("test"),
                                   fixture(QStringLiteral("matching_test.yml")), QStringLiteral("--") }
        + inputs(QStringLiteral("matching.yaml")));
    QVERIFY2(r.exitCode == 0, r.out.constData());
}

QTEST_MAIN(TestGatewayApiCli)
#include "tst_gatewayapicli.moc"
