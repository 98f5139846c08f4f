// The headless command line as CI pipelines use it: exit codes, output
// formats, and files left untouched on every error.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "clirunner.h"
#include "corpus.h"

namespace {

using meshroute::test::Run;

using meshroute::test::readFile;
using meshroute::test::runMeshroute;

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

const QString bookinfo = QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml");

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpAndVersion();
    void unknownCommandOptionIsAUsageError();
    void checkTextFormat();
    void checkJsonFormat();
    void checkExitCodes_data();
    void checkExitCodes();
    void checkReadsStdin();
    void exportIsLoadableAndClean();
    void exportWritesAtomicallyToFile();
    void weightsInPlaceChangesOnlyWeights();
    void weightsToOutputLeavesInputAlone();
    void weightsErrorsLeaveFileUntouched_data();
    void weightsErrorsLeaveFileUntouched();
    void readmeCarriesTheCodeTable();
};

void TestCli::helpAndVersion()
{
    Run r = runMeshroute({ QStringLiteral("--help") });
    QCOMPARE(r.exitCode, 0);
    for (const char *command : { "check", "export", "weights", "route", "simulate", "test" })
        QVERIFY2(r.out.contains(command), command);
    r = runMeshroute({ QStringLiteral("--version") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("meshroute " MESHROUTE_VERSION));
    r = runMeshroute({ QStringLiteral("help"), QStringLiteral("weights") });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("--virtual-service"));
    r = runMeshroute({ QStringLiteral("help"), QStringLiteral("frobnicate") });
    QCOMPARE(r.exitCode, 2);
}

void TestCli::unknownCommandOptionIsAUsageError()
{
    const Run r = runMeshroute({ QStringLiteral("check"), QStringLiteral("--frobnicate"), bookinfo });
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("frobnicate"));
}

void TestCli::checkTextFormat()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.yaml"));
    writeFile(path,
        "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: a}\nspec:\n"
        "  hosts: [a]\n  http:\n  - route:\n    - destination: {host: a}\n      weight: \"most\"\n");
    const Run r = runMeshroute({ QStringLiteral("check"), path });
    QCOMPARE(r.exitCode, 1);
    const QByteArray expected
        = path.toUtf8() + ":9:15: error: [MR0002] spec.http[0].route[0].weight must be an integer";
    QVERIFY2(r.out.contains(expected), r.out.constData());
    QVERIFY(r.err.contains("1 errors"));
}

void TestCli::checkJsonFormat()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.yaml"));
    writeFile(path,
        "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: a}\nspec:\n"
        "  hosts: [a]\n  http:\n  - route:\n    - destination: {host: a}\n      wieght: 1\n");
    const Run r
        = runMeshroute({ QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"), path });
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(r.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, r.out.constData());
    const QJsonArray diagnostics = json.object().value(QStringLiteral("diagnostics")).toArray();
    bool found = false;
    for (const QJsonValue &v : diagnostics) {
        const QJsonObject d = v.toObject();
        for (const char *key :
            { "file", "line", "column", "severity", "code", "message", "resource", "path" })
            QVERIFY2(d.contains(QLatin1String(key)), key);
        if (d.value(QStringLiteral("code")).toString() == QLatin1String("MR0003")) {
            found = true;
            QCOMPARE(d.value(QStringLiteral("line")).toInt(), 9);
            QCOMPARE(d.value(QStringLiteral("column")).toInt(), 7);
            QCOMPARE(d.value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));
            QCOMPARE(
                d.value(QStringLiteral("path")).toString(), QStringLiteral("spec.http[0].route[0].wieght"));
            QCOMPARE(
                d.value(QStringLiteral("resource")).toString(), QStringLiteral("VirtualService default/a"));
        }
    }
    QVERIFY(found);
}

void TestCli::checkExitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("bookinfo has no errors") << QStringList { bookinfo } << 0;
    QTest::newRow("missing file") << QStringList { QStringLiteral("/nonexistent.yaml") } << 2;
    QTest::newRow("no input") << QStringList {} << 2;
    QTest::newRow("bad format") << QStringList { QStringLiteral("--format"), QStringLiteral("xml"), bookinfo }
                                << 2;
    QTest::newRow("bad severity") << QStringList { QStringLiteral("--severity"), QStringLiteral("fatal"),
        bookinfo } << 2;
}

void TestCli::checkExitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    const Run r = runMeshroute(QStringList { QStringLiteral("check") } + args);
    QVERIFY2(r.exitCode == exitCode, r.out + r.err);
}

void TestCli::checkReadsStdin()
{
    const Run r = runMeshroute({ QStringLiteral("check"), QStringLiteral("-") },
        "apiVersion: v1\nkind: Service\nmetadata:\n\tname: x\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("-:4:1: error: [MR0001]"), r.out.constData());
}

void TestCli::exportIsLoadableAndClean()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.yaml"));
    const Run r = runMeshroute(
        { QStringLiteral("export"), bookinfo, QStringLiteral("--api-version"), QStringLiteral("v1beta1"),
            QStringLiteral("--kind"), QStringLiteral("vs"), QStringLiteral("-o"), out });
    QCOMPARE(r.exitCode, 0);
    const QByteArray yaml = readFile(out);
    QCOMPARE(yaml.count("kind: VirtualService"), 2);
    QCOMPARE(yaml.count("apiVersion: networking.istio.io/v1beta1"), 2);
    QVERIFY(!yaml.contains("kind: Service\n"));
    const Run check = runMeshroute({ QStringLiteral("check"), out });
    QVERIFY2(!check.out.contains("error:"), check.out.constData());
}

void TestCli::exportWritesAtomicallyToFile()
{
    const Run r = runMeshroute({ QStringLiteral("export"), bookinfo });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count("\n---\n"), 13); // 14 objects
    QVERIFY(r.out.contains("weight: 99  # stable"));
}

void TestCli::weightsInPlaceChangesOnlyWeights()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bookinfo.yaml"));
    const QByteArray original = readFile(bookinfo);
    writeFile(path, original);
    const Run r = runMeshroute(
        { QStringLiteral("weights"), path, QStringLiteral("--virtual-service"), QStringLiteral("reviews"),
            QStringLiteral("v1=75"), QStringLiteral("v2=25"), QStringLiteral("--in-place") });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QByteArray expected = original;
    expected.replace("weight: 99  # stable", "weight: 75  # stable");
    expected.replace("weight: 1   # canary", "weight: 25   # canary");
    QCOMPARE(readFile(path), expected);
}

void TestCli::weightsToOutputLeavesInputAlone()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("next.yaml"));
    const Run r = runMeshroute({ QStringLiteral("weights"), bookinfo, QStringLiteral("--virtual-service"),
        QStringLiteral("default/reviews"), QStringLiteral("--route"), QStringLiteral("canary"),
        QStringLiteral("v2=100"), QStringLiteral("v1=0"), QStringLiteral("-o"), out });
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(readFile(out).contains("weight: 0  # stable"));
    QVERIFY(readFile(bookinfo).contains("weight: 99  # stable"));
}

void TestCli::weightsErrorsLeaveFileUntouched_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString vs = QStringLiteral("--virtual-service");
    const QString inPlace = QStringLiteral("--in-place");
    QTest::newRow("unknown virtual service")
        << QStringList { vs, QStringLiteral("nope"), QStringLiteral("v1=1"), inPlace } << 1
        << "no VirtualService";
    QTest::newRow("unknown subset") << QStringList { vs, QStringLiteral("reviews"), QStringLiteral("v9=1"),
        inPlace } << 1 << "v1, v2";
    QTest::newRow("missing route") << QStringList { vs, QStringLiteral("reviews"), QStringLiteral("--route"),
        QStringLiteral("7"), QStringLiteral("v1=1"), inPlace }
                                   << 1 << "no HTTP rule 7";
    QTest::newRow("negative weight") << QStringList { vs, QStringLiteral("reviews"), QStringLiteral("v1=-5"),
        inPlace } << 1 << "0 or more";
    QTest::newRow("all zero") << QStringList { vs, QStringLiteral("reviews"), QStringLiteral("v1=0"),
        QStringLiteral("v2=0"), inPlace }
                              << 1 << "all weights would be 0";
    QTest::newRow("no output choice")
        << QStringList { vs, QStringLiteral("reviews"), QStringLiteral("v1=1") } << 2 << "exactly one of";
    QTest::newRow("not key=value") << QStringList { vs, QStringLiteral("reviews"), QStringLiteral("v1"),
        inPlace } << 2 << "KEY=WEIGHT";
    QTest::newRow("no key") << QStringList { vs, QStringLiteral("reviews"), QStringLiteral("=75"), inPlace }
                            << 2 << "\"=75\" is not KEY=WEIGHT";
    QTest::newRow("weight not a number")
        << QStringList { vs, QStringLiteral("reviews"), QStringLiteral("v1=ten"), inPlace } << 2
        << "\"v1=ten\" is not KEY=WEIGHT";
}

void TestCli::weightsErrorsLeaveFileUntouched()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bookinfo.yaml"));
    const QByteArray original = readFile(bookinfo);
    writeFile(path, original);
    const Run r = runMeshroute(QStringList { QStringLiteral("weights"), path } + args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QCOMPARE(readFile(path), original);
}

// The README's table is the one `check --list-codes --format markdown`
// prints: regenerate it with that command when a code changes.
void TestCli::readmeCarriesTheCodeTable()
{
    const Run r = runMeshroute({ QStringLiteral("check"), QStringLiteral("--list-codes"),
        QStringLiteral("--format"), QStringLiteral("markdown") });
    QCOMPARE(r.exitCode, 0);
    for (const char *code : { "MR0001", "MR0003", "IST0101", "IST0173", "MR1009", "MR1011" })
        QVERIFY2(r.out.contains(QByteArray("| ") + code + " |"), code);
    const QByteArray readme = readFile(QStringLiteral(MESHROUTE_EXAMPLES_DIR "/../../README.md"));
    const qsizetype begin = readme.indexOf("<!-- codes:begin -->\n");
    const qsizetype end = readme.indexOf("<!-- codes:end -->");
    QVERIFY(begin >= 0 && end > begin);
    const QByteArray table = readme.mid(begin + 21, end - begin - 21);
    QCOMPARE(QString::fromUtf8(table), QString::fromUtf8(r.out));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
