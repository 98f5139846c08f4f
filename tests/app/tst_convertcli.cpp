// `meshroute convert --to gateway-api`: the YAML written, the report (warnings
// with file:line:col, the proof's differing requests), and the exit codes:
// 0 equivalent, 1 an answer differs (0 with --accept-differences), 2 errors.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "clirunner.h"
#include "corpus.h"

namespace {

using meshroute::test::readFile;
using meshroute::test::Run;
using meshroute::test::runMeshroute;

const QString dataDir = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/convert/");

Run convert(const QString &fixture, const QStringList &more = {})
{
    return runMeshroute(QStringList { QStringLiteral("convert"), QStringLiteral("--to"),
                            QStringLiteral("gateway-api"), dataDir + fixture }
        + more);
}

int countLines(const QByteArray &text, const QString &pattern)
{
    const QRegularExpression re(pattern, QRegularExpression::MultilineOption);
    int n = 0;
    for (auto it = re.globalMatch(QString::fromUtf8(text)); it.hasNext(); it.next())
        ++n;
    return n;
}

} // namespace

class TestConvertCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void equivalentExitsZeroAndTheOutputChecks();
    void differencesAreListedAndExitOne();
    void acceptDifferencesExitsZero();
    void jsonReportMatchesTheText();
    void warningsPointAtTheVirtualService();
    void yamlOnStandardOutputReportOnStandardError();
    void errorsExitTwo_data();
    void errorsExitTwo();
};

void TestConvertCli::equivalentExitsZeroAndTheOutputChecks()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("gateway-api.yaml"));
    const Run r = convert(QStringLiteral("bookinfo.yaml"), { QStringLiteral("-o"), out });
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QVERIFY(r.out.contains("0 differ: equivalent"));
    const QByteArray yaml = readFile(out);
    QVERIFY(yaml.contains("kind: HTTPRoute"));
    QVERIFY(yaml.contains("gatewayClassName: istio"));
    // The converted objects with the Services they route to: check finds no error.
    const Run check = runMeshroute(
        { QStringLiteral("check"), QStringLiteral("--severity"), QStringLiteral("error"), out });
    QVERIFY2(check.exitCode == 0, check.out.constData());
}

void TestConvertCli::differencesAreListedAndExitOne()
{
    const Run r
        = convert(QStringLiteral("order.yaml"), { QStringLiteral("-o"), QStringLiteral("/dev/null") });
    QCOMPARE(r.exitCode, 1);
    const int differing = countLines(r.out, QStringLiteral("^differs: GET http://app\\.example\\.com/api"));
    QVERIFY2(differing >= 2, r.out.constData());
    QCOMPARE(countLines(r.out, QStringLiteral("^differs: ")), differing); // only /api requests change
    QCOMPARE(countLines(r.out, QStringLiteral("^  before: .*web\\.app")), differing);
    QCOMPARE(countLines(r.out, QStringLiteral("^  after: .*api\\.app")), differing);
    QVERIFY(countLines(r.out, QStringLiteral("^  why: +order: ")) >= 1);
    QVERIFY(r.out.contains(QStringLiteral("%1 differ\n").arg(differing).toUtf8()));
}

void TestConvertCli::acceptDifferencesExitsZero()
{
    const Run r = convert(QStringLiteral("order.yaml"),
        { QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("--accept-differences") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("differs: "));
}

void TestConvertCli::jsonReportMatchesTheText()
{
    const Run text
        = convert(QStringLiteral("order.yaml"), { QStringLiteral("-o"), QStringLiteral("/dev/null") });
    const Run json = convert(QStringLiteral("order.yaml"),
        { QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("--format"),
            QStringLiteral("json") });
    QCOMPARE(json.exitCode, 1);
    QJsonParseError error;
    const QJsonObject report = QJsonDocument::fromJson(json.out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, json.out.constData());
    const QJsonObject proof = report.value(QStringLiteral("proof")).toObject();
    QCOMPARE(proof.value(QStringLiteral("equivalent")).toBool(), false);
    const QJsonArray differences = proof.value(QStringLiteral("differences")).toArray();
    QCOMPARE(differences.size(), countLines(text.out, QStringLiteral("^differs: ")));
    for (const QJsonValue &d : differences) {
        QVERIFY(d.toObject().value(QStringLiteral("request")).toString().contains(QStringLiteral("/api")));
        QVERIFY(!d.toObject().value(QStringLiteral("why")).toString().isEmpty());
    }
    QCOMPARE(report.value(QStringLiteral("httpRoutes")).toInt(), 1);
}

void TestConvertCli::warningsPointAtTheVirtualService()
{
    const QString fixture = dataDir + QStringLiteral("features.yaml");
    const Run r
        = convert(QStringLiteral("features.yaml"), { QStringLiteral("-o"), QStringLiteral("/dev/null") });
    const QString at
        = QStringLiteral("^%1:\\d+:\\d+: warning: \\[convert\\] ").arg(QRegularExpression::escape(fixture));
    QVERIFY2(countLines(r.out, at + QStringLiteral("fault: ")) == 1, r.out.constData());
    QCOMPARE(countLines(r.out, at + QStringLiteral("sourceLabels: ")), 1);
    QCOMPARE(countLines(r.out, at + QStringLiteral("retries: ")), 1);
    QCOMPARE(r.exitCode, 1); // the labelled sender loses its fault
}

void TestConvertCli::yamlOnStandardOutputReportOnStandardError()
{
    const Run r = convert(QStringLiteral("bookinfo.yaml"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"));
    QVERIFY(!r.out.contains("proof:"));
    QVERIFY(r.err.contains("proof: "));
}

void TestConvertCli::errorsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    const QString bookinfo = dataDir + QStringLiteral("bookinfo.yaml");
    QTest::newRow("no --to") << QStringList { QStringLiteral("convert"), bookinfo }
                             << QByteArray("--to gateway-api");
    QTest::newRow("unknown target") << QStringList { QStringLiteral("convert"), QStringLiteral("--to"),
        QStringLiteral("ingress"), bookinfo }
                                    << QByteArray("--to gateway-api");
    QTest::newRow("missing file") << QStringList { QStringLiteral("convert"), QStringLiteral("--to"),
        QStringLiteral("gateway-api"), dataDir + QStringLiteral("no-such-file.yaml") }
                                  << QByteArray("no-such-file.yaml");
    QTest::newRow("no VirtualService") << QStringList { QStringLiteral("convert"), QStringLiteral("--to"),
        QStringLiteral("gateway-api"), QStringLiteral(MESHROUTE_TEST_DATA_DIR "/gatewayapi/httproute.yaml") }
                                       << QByteArray("no VirtualService");
}

void TestConvertCli::errorsExitTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const Run r = runMeshroute(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), r.err.constData());
}

QTEST_MAIN(TestConvertCli)
#include "tst_convertcli.moc"
