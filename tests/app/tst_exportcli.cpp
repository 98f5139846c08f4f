// `meshroute export` refuses to write what the API server would reject: exit 1,
// nothing written, the -o target untouched, the errors as file:line:col; --force
// writes anyway and says what will be rejected; findings and warnings never block.
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "clirunner.h"
#include "corpus.h"

namespace {

using meshroute::test::readFile;
using meshroute::test::Run;
using meshroute::test::runMeshroute;

const QString dataDir = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/export/");
const QString rejected = dataDir + QStringLiteral("rejected.yaml");

// "file:line:col: error: [CODE] message" lines of stderr with this code.
int errorLines(const QByteArray &err, const QString &file, const char *code)
{
    const QRegularExpression line(QStringLiteral("^%1:\\d+:\\d+: error: \\[%2\\] \\S.*$")
                                      .arg(QRegularExpression::escape(file), QLatin1String(code)),
        QRegularExpression::MultilineOption);
    int n = 0;
    for (auto it = line.globalMatch(QString::fromUtf8(err)); it.hasNext(); it.next())
        ++n;
    return n;
}

} // namespace

class TestExportCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesAndCreatesNoFile();
    void refusesAndLeavesTheTargetUntouched();
    void refusesOnStandardOutputToo();
    void forceWritesAndSaysWhatWillBeRejected();
    void findingsAndWarningsDoNotBlock();
    void onlyExportedKindsCount();
    void aSyntaxErrorBlocks();

private:
    QTemporaryDir m_dir;
};

void TestExportCli::refusesAndCreatesNoFile()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("new.yaml"));
    const Run r = runMeshroute({ QStringLiteral("export"), rejected, QStringLiteral("-o"), out });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(errorLines(r.err, rejected, "MR1022") >= 1, r.err.constData());
    QVERIFY2(errorLines(r.err, rejected, "MR1029") >= 1, r.err.constData());
    QVERIFY(r.err.contains("nothing written"));
    QVERIFY(r.err.contains("--force"));
    QVERIFY(!QFile::exists(out));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty()); // no temporary left either
}

void TestExportCli::refusesAndLeavesTheTargetUntouched()
{
    const QString out = m_dir.filePath(QStringLiteral("existing.yaml"));
    const QByteArray before = "# the last good export\napiVersion: v1\nkind: Service\nmetadata: {name: x}\n";
    {
        QFile f(out);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(before);
    }
    const QDateTime modified = QFileInfo(out).lastModified();
    const Run r = runMeshroute({ QStringLiteral("export"), rejected, QStringLiteral("-o"), out });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(readFile(out), before);
    QCOMPARE(QFileInfo(out).lastModified(), modified);
}

void TestExportCli::refusesOnStandardOutputToo()
{
    const Run r = runMeshroute({ QStringLiteral("export"), rejected });
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
}

void TestExportCli::forceWritesAndSaysWhatWillBeRejected()
{
    const QString out = m_dir.filePath(QStringLiteral("forced.yaml"));
    const Run r = runMeshroute(
        { QStringLiteral("export"), rejected, QStringLiteral("--force"), QStringLiteral("-o"), out });
    QCOMPARE(r.exitCode, 0);
    QVERIFY(errorLines(r.err, rejected, "MR1022") >= 1);
    QVERIFY(r.err.contains("--force"));
    QVERIFY(r.err.contains("reject"));
    const QByteArray written = readFile(out);
    QCOMPARE(written.count("kind: VirtualService"), 2);
    QCOMPARE(written.count("kind: DestinationRule"), 1);
}

void TestExportCli::findingsAndWarningsDoNotBlock()
{
    const QString input = dataDir + QStringLiteral("findings-only.yaml");
    // `check` fails on it (IST0101 is an error of the analysis) ...
    const Run check = runMeshroute({ QStringLiteral("check"), input });
    QCOMPARE(check.exitCode, 1);
    QVERIFY(check.out.contains("[IST0101]"));
    QVERIFY(check.out.contains("[MR2001]"));
    // ... export writes it without a word.
    const Run r = runMeshroute({ QStringLiteral("export"), input });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    QVERIFY(r.out.contains("host: ratings-v9"));
    QVERIFY(r.out.contains("kind: Service"));
}

void TestExportCli::onlyExportedKindsCount()
{
    const Run dr = runMeshroute(
        { QStringLiteral("export"), rejected, QStringLiteral("--kind"), QStringLiteral("dr") });
    QCOMPARE(dr.exitCode, 0);
    QVERIFY2(dr.err.isEmpty(), dr.err.constData());
    QVERIFY(dr.out.contains("kind: DestinationRule"));
    QVERIFY(!dr.out.contains("kind: VirtualService"));

    const Run vs = runMeshroute({ QStringLiteral("export"), rejected, QStringLiteral("--kind"),
        QStringLiteral("vs"), QStringLiteral("--api-version"), QStringLiteral("v1beta1") });
    QCOMPARE(vs.exitCode, 1);
    QVERIFY(vs.out.isEmpty());
}

void TestExportCli::aSyntaxErrorBlocks()
{
    const QString input = m_dir.filePath(QStringLiteral("broken.yaml"));
    {
        QFile f(input);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  ports: [ {port: 80\n");
    }
    const QString out = m_dir.filePath(QStringLiteral("broken-out.yaml"));
    const Run r = runMeshroute({ QStringLiteral("export"), input, QStringLiteral("-o"), out });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(errorLines(r.err, input, "MR0001") == 1, r.err.constData());
    QVERIFY(!QFile::exists(out));
}

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_exportcli.moc"
