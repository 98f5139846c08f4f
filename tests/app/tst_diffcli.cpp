// `meshroute diff OLD NEW`: the golden reports of hand-made pairs (text and
// markdown, run from the case's folder so paths read as the user gave them),
// the JSON, --fail-on, --requests, sides read from git revisions, and the
// exit codes: 0 traffic unchanged, 1 changed, 2 errors.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "clirunner.h"
#include "corpus.h"

namespace {

using meshroute::test::readFile;
using meshroute::test::Run;

const QString dataDir = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/diff/");

// meshroute diff ARGS, run in `dir`.
Run diffIn(const QString &dir, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral(MESHROUTE_BINARY), QStringList { QStringLiteral("diff") } + args);
    return meshroute::test::finishRun(p);
}

QStringList caseArgs(const QString &caseName)
{
    QStringList args { QStringLiteral("old.yaml"), QStringLiteral("new.yaml") };
    if (QFile::exists(dataDir + caseName + QStringLiteral("/requests_test.yml")))
        args << QStringLiteral("--requests") << QStringLiteral("requests_test.yml");
    return args;
}

bool git(const QString &dir, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("git"),
        QStringList { QStringLiteral("-c"), QStringLiteral("user.name=t"), QStringLiteral("-c"),
            QStringLiteral("user.email=t@example.com") }
            + args);
    return p.waitForFinished() && p.exitCode() == 0;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestDiffCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goldenReports_data();
    void goldenReports();
    void jsonListsTheSplitAndTheRequest();
    void failOnChoosesTheSections_data();
    void failOnChoosesTheSections();
    void sampleRequestFileIsRouted();
    void gitRevisionsAreReadWithoutWriting();
    void errorsExitTwo_data();
    void errorsExitTwo();
    void aSideWithYamlErrorsExitsTwoWithItsPosition();
};

void TestDiffCli::goldenReports_data()
{
    QTest::addColumn<QString>("caseName");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("a weight change") << QStringLiteral("weight") << 1;
    QTest::newRow("a reordered rule that changes a winner") << QStringLiteral("reorder") << 1;
    QTest::newRow("a regex edited") << QStringLiteral("regex") << 1;
    QTest::newRow("a host added") << QStringLiteral("host-added") << 1;
    QTest::newRow("a Gateway API backend added") << QStringLiteral("gatewayapi-backend") << 1;
    QTest::newRow("a comment and keys reordered") << QStringLiteral("no-change") << 0;
}

void TestDiffCli::goldenReports()
{
    QFETCH(QString, caseName);
    QFETCH(int, exitCode);
    const QString dir = dataDir + caseName;
    const Run text = diffIn(dir, caseArgs(caseName));
    QCOMPARE(text.exitCode, exitCode);
    QCOMPARE(QString::fromUtf8(text.out), QString::fromUtf8(readFile(dir + QStringLiteral("/expected.txt"))));
    const Run markdown
        = diffIn(dir, caseArgs(caseName) << QStringLiteral("--format") << QStringLiteral("markdown"));
    QCOMPARE(markdown.exitCode, exitCode);
    QCOMPARE(
        QString::fromUtf8(markdown.out), QString::fromUtf8(readFile(dir + QStringLiteral("/expected.md"))));
    QVERIFY(markdown.out.startsWith("**meshroute diff**")); // the summary line first
}

void TestDiffCli::jsonListsTheSplitAndTheRequest()
{
    const Run r = diffIn(dataDir + QStringLiteral("weight"),
        { QStringLiteral("old.yaml"), QStringLiteral("new.yaml"), QStringLiteral("--format"),
            QStringLiteral("json") });
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("trafficChanged")).toBool(), true);
    const QJsonArray traffic = o.value(QStringLiteral("traffic")).toArray();
    QCOMPARE(traffic.size(), 1);
    const QJsonArray after = traffic[0]
                                 .toObject()
                                 .value(QStringLiteral("after"))
                                 .toObject()
                                 .value(QStringLiteral("destinations"))
                                 .toArray();
    QCOMPARE(after.size(), 2);
    QCOMPARE(after[0].toObject().value(QStringLiteral("share")).toDouble(), 75.0);
    const QJsonArray weights = o.value(QStringLiteral("splits"))
                                   .toArray()[0]
                                   .toObject()
                                   .value(QStringLiteral("weights"))
                                   .toArray();
    QCOMPARE(weights[0].toObject().value(QStringLiteral("before")).toInt(), 99);
    QCOMPARE(weights[0].toObject().value(QStringLiteral("after")).toInt(), 75);
    QCOMPARE(weights[1].toObject().value(QStringLiteral("before")).toInt(), 1);
    QCOMPARE(weights[1].toObject().value(QStringLiteral("after")).toInt(), 25);
}

void TestDiffCli::failOnChoosesTheSections_data()
{
    QTest::addColumn<QString>("caseName");
    QTest::addColumn<QString>("failOn");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("reorder: no split changed") << QStringLiteral("reorder") << QStringLiteral("splits") << 0;
    QTest::newRow("reorder: new findings") << QStringLiteral("reorder") << QStringLiteral("findings") << 1;
    QTest::newRow("reorder: rules moved") << QStringLiteral("reorder") << QStringLiteral("structure") << 1;
    QTest::newRow("weight: the split") << QStringLiteral("weight") << QStringLiteral("splits") << 1;
    QTest::newRow("weight: no structure change")
        << QStringLiteral("weight") << QStringLiteral("structure") << 0;
    QTest::newRow("weight: findings or structure")
        << QStringLiteral("weight") << QStringLiteral("findings,structure") << 0;
    QTest::newRow("no-change: nothing at all")
        << QStringLiteral("no-change") << QStringLiteral("traffic,splits,findings,structure") << 0;
}

void TestDiffCli::failOnChoosesTheSections()
{
    QFETCH(QString, caseName);
    QFETCH(QString, failOn);
    QFETCH(int, exitCode);
    const Run r = diffIn(dataDir + caseName, caseArgs(caseName) << QStringLiteral("--fail-on") << failOn);
    QVERIFY2(r.exitCode == exitCode, r.out.constData());
}

void TestDiffCli::sampleRequestFileIsRouted()
{
    QTemporaryDir dir;
    const QString requests = dir.filePath(QStringLiteral("requests.yaml"));
    QVERIFY(writeFile(requests,
        "requests:\n"
        "- name: two-digit id\n"
        "  request: GET http://reviews.shop.svc.cluster.local:9080/reviews/42\n"
        "  sourceNamespace: shop\n"));
    const Run r = diffIn(dataDir + QStringLiteral("regex"),
        { QStringLiteral("old.yaml"), QStringLiteral("new.yaml"), QStringLiteral("--requests"), requests });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(
        r.out.contains("changed: GET http://reviews.shop.svc.cluster.local:9080/reviews/42 from sidecar shop "
                       "(two-digit id of --requests)"),
        r.out.constData());
    // Without it no generated request tells the regexes apart: traffic is unchanged.
    QCOMPARE(
        diffIn(dataDir + QStringLiteral("regex"), { QStringLiteral("old.yaml"), QStringLiteral("new.yaml") })
            .exitCode,
        0);
}

void TestDiffCli::gitRevisionsAreReadWithoutWriting()
{
    QTemporaryDir repo;
    const QString k8s = repo.filePath(QStringLiteral("k8s"));
    QVERIFY(QDir().mkpath(k8s));
    QVERIFY(git(repo.path(), { QStringLiteral("init"), QStringLiteral("-q") }));
    QVERIFY(
        writeFile(k8s + QStringLiteral("/mesh.yaml"), readFile(dataDir + QStringLiteral("weight/old.yaml"))));
    QVERIFY(git(repo.path(), { QStringLiteral("add"), QStringLiteral(".") }));
    QVERIFY(git(repo.path(), { QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("99/1") }));
    QVERIFY(
        writeFile(k8s + QStringLiteral("/mesh.yaml"), readFile(dataDir + QStringLiteral("weight/new.yaml"))));
    QVERIFY(git(repo.path(), { QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("75/25") }));

    const Run twoRevisions = diffIn(repo.path(),
        { QStringLiteral("--git"), QStringLiteral("HEAD~1:k8s/"), QStringLiteral("--git"),
            QStringLiteral("HEAD:k8s/") });
    QVERIFY2(twoRevisions.exitCode == 1, twoRevisions.err.constData());
    QVERIFY2(twoRevisions.out.startsWith(
                 "HEAD~1:k8s/ -> HEAD:k8s/: 1 changed request (of 1 routed), 1 split changed\n"),
        twoRevisions.out.constData());
    QVERIFY(twoRevisions.out.contains("(HEAD:k8s/mesh.yaml:43)"));

    // A revision against the working tree, from inside k8s/: the revision reads the other side's path.
    QVERIFY(
        writeFile(k8s + QStringLiteral("/mesh.yaml"), readFile(dataDir + QStringLiteral("weight/old.yaml"))));
    const Run againstDisk
        = diffIn(k8s, { QStringLiteral("--git"), QStringLiteral("HEAD"), QStringLiteral(".") });
    QCOMPARE(againstDisk.exitCode, 1);
    QVERIFY2(againstDisk.out.contains(
                 "split: VirtualService shop/reviews \"canary\": reviews v1 75 -> 99, reviews v2 25 -> 1"),
        againstDisk.out.constData());
    QCOMPARE(
        diffIn(k8s, { QStringLiteral("--git"), QStringLiteral("HEAD~1"), QStringLiteral(".") }).exitCode, 0);

    // Nothing written: the only change in the repository is the file this test wrote.
    QProcess status;
    status.setWorkingDirectory(repo.path());
    status.start(QStringLiteral("git"), { QStringLiteral("status"), QStringLiteral("--porcelain") });
    QVERIFY(status.waitForFinished());
    QCOMPARE(status.readAllStandardOutput(), QByteArray(" M k8s/mesh.yaml\n"));

    const Run badRevision = diffIn(
        repo.path(), { QStringLiteral("--git"), QStringLiteral("nosuchrev"), QStringLiteral("k8s") });
    QCOMPARE(badRevision.exitCode, 2);
    QVERIFY2(badRevision.err.contains("nosuchrev"), badRevision.err.constData());
}

void TestDiffCli::errorsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("one side") << QStringList { QStringLiteral("old.yaml") }
                              << QStringLiteral("give two sides");
    QTest::newRow("three sides") << QStringList { QStringLiteral("old.yaml"), QStringLiteral("new.yaml"),
        QStringLiteral("old.yaml") }
                                 << QStringLiteral("give two sides");
    QTest::newRow("unknown format") << QStringList { QStringLiteral("old.yaml"), QStringLiteral("new.yaml"),
        QStringLiteral("--format"), QStringLiteral("html") }
                                    << QStringLiteral("--format is");
    QTest::newRow("unknown section") << QStringList { QStringLiteral("old.yaml"), QStringLiteral("new.yaml"),
        QStringLiteral("--fail-on"), QStringLiteral("weights") }
                                     << QStringLiteral("--fail-on is");
    QTest::newRow("missing file") << QStringList { QStringLiteral("old.yaml"), QStringLiteral("gone.yaml") }
                                  << QStringLiteral("gone.yaml");
    QTest::newRow("missing requests") << QStringList { QStringLiteral("old.yaml"), QStringLiteral("new.yaml"),
        QStringLiteral("--requests"), QStringLiteral("none.yaml") }
                                      << QStringLiteral("none.yaml");
}

void TestDiffCli::errorsExitTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = diffIn(dataDir + QStringLiteral("weight"), args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

void TestDiffCli::aSideWithYamlErrorsExitsTwoWithItsPosition()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("broken.yaml")),
        readFile(dataDir + QStringLiteral("weight/new.yaml")) + "  bad: [1,\n"));
    QVERIFY(
        QFile::copy(dataDir + QStringLiteral("weight/old.yaml"), dir.filePath(QStringLiteral("old.yaml"))));
    const Run r = diffIn(dir.path(), { QStringLiteral("old.yaml"), QStringLiteral("broken.yaml") });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QRegularExpression(QStringLiteral("error: broken.yaml:\\d+:\\d+: error: \\[MR0001\\]"))
                 .match(QString::fromUtf8(r.out))
                 .hasMatch(),
        r.out.constData());
    // The first line says the comparison is incomplete before anything it lists as removed.
    QVERIFY2(r.out.left(r.out.indexOf('\n'))
                 .contains("1 error (a side did not load cleanly: what it could not read counts as removed)"),
        r.out.constData());
}

QTEST_GUILESS_MAIN(TestDiffCli)
#include "tst_diffcli.moc"
