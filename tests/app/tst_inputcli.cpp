// The command line reads all of its input: standard input to its end however
// slowly it arrives, devices only up to --max-file-size, and it says so with
// exit 2 when it could not read the input or the input is not what the
// cluster would hold.
#include "clirunner.h"
#include "inputfixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace meshroute::test;

namespace {

const QByteArray reviews
    = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n"
      "spec:\n  hosts:\n  - reviews\n  http:\n  - route:\n    - destination:\n"
      "        host: reviews\n";

const QByteArray canary
    = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n"
      "spec:\n  hosts:\n  - reviews\n  http:\n  - route:\n    - destination: {host: reviews, "
      "subset: v1}\n      weight: 90\n    - destination: {host: reviews, subset: v2}\n"
      "      weight: 10\n";

const QByteArray routingTest
    = "testCases:\n- description: reviews\n  wantMatch: true\n  request:\n    authority: [reviews]\n"
      "    method: [GET]\n    uri: [/]\n  route:\n  - destination:\n      host: reviews\n";

// Runs meshroute with standard input written in pieces, pausing between them
// as a slow producer in a pipeline does.
Run runWithSlowStdin(const QStringList &args, const QByteArray &input, int pieces)
{
    QProcess p;
    p.start(QStringLiteral(MESHROUTE_BINARY), args);
    if (!p.waitForStarted())
        return {};
    const qsizetype size = input.size() / pieces + 1;
    for (qsizetype at = 0; at < input.size(); at += size) {
        p.write(input.mid(at, size));
        p.waitForBytesWritten();
        QThread::msleep(150);
    }
    return finishRun(p);
}

QString writeTemp(QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    return path;
}

} // namespace

class TestInputCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stdinIsReadToItsEnd_data();
    void stdinIsReadToItsEnd();
    void routeReadsAPausingStdin();
    void deviceStopsAtMaxFileSize();
    void maxFileSizeIsAcceptedByEveryReadingCommand_data();
    void maxFileSizeIsAcceptedByEveryReadingCommand();
    void badMaxFileSizeIsAUsageError();
    void crOnlyFileLoadsAndExports();
    void routeRefusesInputWithErrors();
    void urlPortOutOfRangeIsRefused();
    void exportOfAnEmptyKindIsAUsageError();
    void listCodesAsJson();
};

void TestInputCli::stdinIsReadToItsEnd_data()
{
    QTest::addColumn<int>("pieces");
    QTest::newRow("all at once") << 1;
    QTest::newRow("paused writer") << 6;
}

void TestInputCli::stdinIsReadToItsEnd()
{
    QFETCH(int, pieces);
    const Run r = runWithSlowStdin({ QStringLiteral("check"), QStringLiteral("-") }, services(3000), pieces);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("3000 resources in 1 files: 0 errors"), r.err.constData());
}

void TestInputCli::routeReadsAPausingStdin()
{
    // The VirtualService comes last, after the pauses: a partial read would miss it and find no route.
    const Run r = runWithSlowStdin({ QStringLiteral("route"), QStringLiteral("--request"),
                                       QStringLiteral("GET http://reviews/"), QStringLiteral("-") },
        services(400) + "---\n" + reviews, 4);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("reviews"), r.out.constData());
}

void TestInputCli::deviceStopsAtMaxFileSize()
{
    if (!QFile::exists(QStringLiteral("/dev/zero")))
        QSKIP("no /dev/zero on this system");
    const Run r = runMeshroute({ QStringLiteral("check"), QStringLiteral("--max-file-size"),
        QStringLiteral("2M"), QStringLiteral("/dev/zero") });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.out.contains("/dev/zero:1:1: error: [MR0005]"), r.out.constData());
    QVERIFY2(r.out.contains("2 MB limit") && r.out.contains("--max-file-size"), r.out.constData());
}

void TestInputCli::maxFileSizeIsAcceptedByEveryReadingCommand_data()
{
    QTest::addColumn<QStringList>("args");
    const QString request = QStringLiteral("GET http://reviews/");
    QTest::newRow("check") << QStringList { QStringLiteral("check") };
    QTest::newRow("export") << QStringList { QStringLiteral("export") };
    QTest::newRow("route") << QStringList { QStringLiteral("route"), QStringLiteral("--request"), request };
    QTest::newRow("simulate") << QStringList { QStringLiteral("simulate"), QStringLiteral("--request"),
        request, QStringLiteral("-n"), QStringLiteral("10") };
    QTest::newRow("weights") << QStringList { QStringLiteral("weights"), QStringLiteral("--virtual-service"),
        QStringLiteral("reviews"), QStringLiteral("--in-place") };
    QTest::newRow("test") << QStringList { QStringLiteral("test") };
}

void TestInputCli::maxFileSizeIsAcceptedByEveryReadingCommand()
{
    QFETCH(QStringList, args);
    QTemporaryDir dir;
    const QString command = args.first();
    const QString file = writeTemp(
        dir, QStringLiteral("vs.yaml"), command == QLatin1String("weights") ? QByteArray(canary) : reviews);
    QStringList inputs { file };
    if (command == QLatin1String("weights"))
        inputs = QStringList { file, QStringLiteral("v1=50"), QStringLiteral("v2=50") };
    if (command == QLatin1String("test"))
        inputs = QStringList { writeTemp(dir, QStringLiteral("cases.yaml"), routingTest),
            QStringLiteral("--"), file };
    // Under the limit it runs; over it the file is refused unread with exit 2.
    const Run fits = runMeshroute(
        args + QStringList { QStringLiteral("--max-file-size"), QStringLiteral("1K") } + inputs);
    QVERIFY2(fits.exitCode == 0, fits.err.constData());
    const Run refused = runMeshroute(
        args + QStringList { QStringLiteral("--max-file-size"), QStringLiteral("100") } + inputs);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2((refused.out + refused.err).contains("[MR0005]"), (refused.out + refused.err).constData());
    QVERIFY((refused.out + refused.err).contains("100 bytes"));
}

void TestInputCli::badMaxFileSizeIsAUsageError()
{
    const Run r = runMeshroute({ QStringLiteral("check"), QStringLiteral("--max-file-size"),
        QStringLiteral("lots"), QStringLiteral("-") });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--max-file-size wants a size"), r.err.constData());
    const Run help = runMeshroute({ QStringLiteral("help"), QStringLiteral("check") });
    QVERIFY(help.out.contains("--max-file-size"));
}

void TestInputCli::crOnlyFileLoadsAndExports()
{
    QTemporaryDir dir;
    const QString file = writeTemp(dir, QStringLiteral("cr.yaml"), QByteArray(reviews).replace('\n', '\r'));
    const Run check = runMeshroute({ QStringLiteral("check"), file });
    QVERIFY2(check.err.contains("1 resources in 1 files"), check.err.constData());
    const QString out = dir.filePath(QStringLiteral("out.yaml"));
    const Run exported = runMeshroute({ QStringLiteral("export"), QStringLiteral("-o"), out, file });
    QCOMPARE(exported.exitCode, 0);
    QFile written(out);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.readAll().contains("name: reviews"));
}

void TestInputCli::routeRefusesInputWithErrors()
{
    QTemporaryDir dir;
    const QString broken = writeTemp(dir, QStringLiteral("broken.yaml"), reviews + "---\nkind: [\n");
    const QString typed = writeTemp(
        dir, QStringLiteral("typed.yaml"), QByteArray(reviews).replace("host: reviews", "host: 456"));
    for (const QString &file : { broken, typed }) {
        const Run route = runMeshroute({ QStringLiteral("route"), QStringLiteral("--request"),
            QStringLiteral("GET http://reviews/"), file });
        QCOMPARE(route.exitCode, 2);
        QVERIFY2(route.err.contains("error: [MR000") && route.err.contains("fix them first"),
            route.err.constData());
        QVERIFY(route.out.isEmpty());
        const Run check = runMeshroute({ QStringLiteral("check"), file });
        QCOMPARE(check.exitCode, 1);
    }
}

void TestInputCli::urlPortOutOfRangeIsRefused()
{
    QTemporaryDir dir;
    const QString file = writeTemp(dir, QStringLiteral("vs.yaml"), reviews);
    const Run r = runMeshroute({ QStringLiteral("route"), QStringLiteral("--request"),
        QStringLiteral("GET http://reviews:99999999999/"), file });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("URL port \"99999999999\" is not a port number"), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestInputCli::exportOfAnEmptyKindIsAUsageError()
{
    QTemporaryDir dir;
    const QString file = writeTemp(dir, QStringLiteral("vs.yaml"), reviews);
    const Run r = runMeshroute({ QStringLiteral("export"), QStringLiteral("--kind"), QString(), file });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--kind wants a kind"), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestInputCli::listCodesAsJson()
{
    const Run r = runMeshroute({ QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"),
        QStringLiteral("--list-codes") });
    QCOMPARE(r.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonArray codes = doc.object().value(QStringLiteral("codes")).toArray();
    QStringList names;
    for (const QJsonValue &c : codes) {
        QVERIFY(!c.toObject().value(QStringLiteral("title")).toString().isEmpty());
        names.append(c.toObject().value(QStringLiteral("code")).toString());
        // Every code links to the Istio documentation: its analysis page, or the reference page;
        // a Gateway API field's finding to the Gateway API reference (Istio documents none).
        const QString docs = c.toObject().value(QStringLiteral("docs")).toString();
        QVERIFY2(docs.startsWith(QLatin1String("https://istio.io/latest/docs/reference/config/"))
                || docs.startsWith(QLatin1String("https://gateway-api.sigs.k8s.io/reference/spec/#")),
            qPrintable(names.last()));
        if (names.last() == QLatin1String("IST0101"))
            QCOMPARE(c.toObject().value(QStringLiteral("docs")).toString(),
                QStringLiteral("https://istio.io/latest/docs/reference/config/analysis/ist0101/"));
    }
    QVERIFY(names.contains(QStringLiteral("IST0101")));
    QVERIFY(names.contains(QStringLiteral("MR0001")));
    QVERIFY(names.contains(QStringLiteral("MR0007")));
    QVERIFY(names.size() > 20);
}

QTEST_GUILESS_MAIN(TestInputCli)
#include "tst_inputcli.moc"
