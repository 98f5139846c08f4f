// The checker end to end: one golden case per rule under tests/data/check
// (input.yaml + expected.txt of `line:col: severity: [CODE]` lines), and the
// options: threshold, ignored codes, the per-resource annotation, ordering,
// and the code table.

#include "checker.h"
#include "corpus.h"
#include "diagnosticcodes.h"
#include "goldendiagnostics.h"
#include "loader.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QtTest>

using namespace meshroute;
using meshroute::test::readFile;

namespace {

const QString caseDir = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/check");

Diagnostics checkText(const QByteArray &yaml, const CheckOptions &options = {})
{
    const LoadResult load = Loader::loadText(yaml, QStringLiteral("input.yaml"));
    return Checker::check(load.workspace, options);
}

const QByteArray twoFindings = R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: shop
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
      weight: 10
  - route:
    - destination:
        host: reviews
    timeout: 0.5ms
)";

} // namespace

class TestChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goldenCases_data();
    void goldenCases();
    void goldenCasesCoverEveryCode();
    void thresholdDropsLesserFindings_data();
    void thresholdDropsLesserFindings();
    void ignoredCodesAreDropped();
    void annotationSilencesOnlyItsResource();
    void findingsAreSortedByPosition();
    void findingsNameResourceAndPath();
    void codeTableIsUniqueAndComplete();
    void emptyWorkspaceHasNoFindings();
};

void TestChecker::goldenCases_data()
{
    QTest::addColumn<QString>("dir");
    const QStringList dirs = QDir(caseDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY(dirs.size() >= 50);
    for (const QString &d : dirs)
        QTest::newRow(qPrintable(d)) << caseDir + QLatin1Char('/') + d;
}

void TestChecker::goldenCases()
{
    QFETCH(QString, dir);
    const Diagnostics found = checkText(readFile(dir + QStringLiteral("/input.yaml")));
    const QString actual = test::goldenDiagnostics(found);
    if (qEnvironmentVariableIsSet("MESHROUTE_UPDATE_GOLDEN")) {
        QFile f(dir + QStringLiteral("/expected.txt"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(actual.toUtf8());
        return;
    }
    const QString expected = QString::fromUtf8(readFile(dir + QStringLiteral("/expected.txt")));
    if (actual != expected) {
        for (const Diagnostic &d : found)
            qWarning().noquote() << d.toText() << d.path;
    }
    QCOMPARE(actual, expected);
}

void TestChecker::goldenCasesCoverEveryCode()
{
    QSet<QString> covered;
    for (const QString &d : QDir(caseDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString text
            = QString::fromUtf8(readFile(caseDir + QLatin1Char('/') + d + QStringLiteral("/expected.txt")));
        for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            covered.insert(line.section(QLatin1Char('['), 1).section(QLatin1Char(']'), 0, 0));
    }
    // The Gateway API checks keep their golden cases by family in tests/data/gatewayapi/check
    // (tst_gatewayapivalidator runs them).
    const QString gatewayApi = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/gatewayapi/check");
    for (const QString &f : QDir(gatewayApi).entryList({ QStringLiteral("*.expected") }, QDir::Files))
        for (const QString &line : QString::fromUtf8(readFile(gatewayApi + QLatin1Char('/') + f))
                                       .split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            covered.insert(line.section(QLatin1Char('['), 1).section(QLatin1Char(']'), 0, 0));
    for (const DiagnosticCodeInfo &c : DiagnosticCodes::all())
        QVERIFY2(
            covered.contains(c.code), qPrintable(QStringLiteral("no golden case reports %1").arg(c.code)));
}

void TestChecker::thresholdDropsLesserFindings_data()
{
    QTest::addColumn<int>("threshold");
    QTest::addColumn<QStringList>("codes");
    QTest::addRow("info keeps all") << int(Diagnostic::Severity::Info)
                                    << QStringList { QStringLiteral("IST0101"), QStringLiteral("IST0130"),
                                           QStringLiteral("MR2001"), QStringLiteral("MR1013") };
    QTest::addRow("warning drops info")
        << int(Diagnostic::Severity::Warning)
        << QStringList { QStringLiteral("IST0130"), QStringLiteral("MR2001"), QStringLiteral("MR1013") };
    QTest::addRow("error keeps errors")
        << int(Diagnostic::Severity::Error) << QStringList { QStringLiteral("MR1013") };
}

void TestChecker::thresholdDropsLesserFindings()
{
    QFETCH(int, threshold);
    QFETCH(QStringList, codes);
    CheckOptions options;
    options.threshold = Diagnostic::Severity(threshold);
    QStringList actual;
    for (const Diagnostic &d : checkText(twoFindings, options))
        if (!actual.contains(d.code))
            actual.append(d.code);
    actual.sort();
    codes.sort();
    QCOMPARE(actual, codes);
}

void TestChecker::ignoredCodesAreDropped()
{
    CheckOptions options;
    options.ignoredCodes = { QStringLiteral("MR1013"), QStringLiteral("IST0101"), QStringLiteral("IST0130") };
    const Diagnostics found = checkText(twoFindings, options);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().code, QStringLiteral("MR2001"));
}

void TestChecker::annotationSilencesOnlyItsResource()
{
    QByteArray quiet = twoFindings;
    quiet.replace("  name: reviews\n", "  name: quiet\n  annotations:\n    meshroute.io/ignore: mr2001\n");
    QStringList codes;
    for (const Diagnostic &d : checkText(twoFindings + "---\n" + quiet))
        if (d.code == QLatin1String("MR2001"))
            codes.append(d.resource);
    QCOMPARE(codes, QStringList { QStringLiteral("VirtualService shop/reviews") });
}

void TestChecker::findingsAreSortedByPosition()
{
    // Two files: findings follow the order the files were opened, then line and column.
    LoadResult load;
    Loader::addFile(
        load, QStringLiteral("z-first.yaml"), readFile(caseDir + QStringLiteral("/weights/input.yaml")), {});
    Loader::addFile(
        load, QStringLiteral("a-second.yaml"), readFile(caseDir + QStringLiteral("/ports/input.yaml")), {});
    const Diagnostics found = Checker::check(load.workspace);
    QVERIFY(found.size() >= 4);
    QCOMPARE(found.first().file, QStringLiteral("z-first.yaml"));
    QCOMPARE(found.last().file, QStringLiteral("a-second.yaml"));
    for (int i = 1; i < found.size(); ++i) {
        const Diagnostic &a = found[i - 1], &b = found[i];
        if (a.file != b.file)
            continue;
        QVERIFY(a.line < b.line || (a.line == b.line && a.column <= b.column));
    }
}

void TestChecker::findingsNameResourceAndPath()
{
    const Diagnostics found = checkText(readFile(caseDir + QStringLiteral("/weights/input.yaml")));
    const auto it = std::find_if(
        found.cbegin(), found.cend(), [](const Diagnostic &d) { return d.code == QLatin1String("MR1009"); });
    QVERIFY(it != found.cend());
    const Diagnostic &d = *it;
    QCOMPARE(d.resource, QStringLiteral("VirtualService shop/weights"));
    QCOMPARE(d.path, QStringLiteral("spec.http[0].route[0].weight"));
    QCOMPARE(d.file, QStringLiteral("input.yaml"));
    QVERIFY(d.message.contains(QLatin1String("-10")));
}

void TestChecker::codeTableIsUniqueAndComplete()
{
    QSet<QString> codes;
    for (const DiagnosticCodeInfo &c : DiagnosticCodes::all()) {
        QVERIFY2(!codes.contains(c.code), qPrintable(c.code));
        codes.insert(c.code);
        QVERIFY(!c.title.isEmpty() && !c.explanation.isEmpty());
        QVERIFY(c.code.startsWith(QLatin1String("IST")) || c.code.startsWith(QLatin1String("MR1"))
            || c.code.startsWith(QLatin1String("MR2")));
        QCOMPARE(DiagnosticCodes::find(c.code), &c);
    }
    QVERIFY(!DiagnosticCodes::find(QStringLiteral("MR0001"))); // the loader's, not ours
    QVERIFY(DiagnosticCodes::markdownTable().contains(QLatin1String("| IST0101 | error |")));
    QCOMPARE(DiagnosticCodes::textTable().count(QLatin1Char('\n')), DiagnosticCodes::all().size());
}

void TestChecker::emptyWorkspaceHasNoFindings()
{
    QVERIFY(Checker::check(Workspace {}).isEmpty());
    QVERIFY(checkText(QByteArray()).isEmpty());
}

QTEST_GUILESS_MAIN(TestChecker)
#include "tst_checker.moc"
