// What the Gateway API analyses say, beyond where (tst_gatewayapivalidator holds the golden
// positions): RE2's error and the column of the offending part of a regex (istio/istio#49993), a
// request that shows why a match never wins under Istio's order (sortHTTPRoutes in
// pilot/pkg/config/kube/gateway/conversion.go, the catch-all cut in BuildHTTPRoutesForVirtualService,
// pilot/pkg/networking/core/route/route.go), and which of an HTTPRoute and a VirtualService
// sidecars use for one host (sortMergedVirtualServicesByCreationTime,
// pilot/pkg/model/virtualservice_controller.go).

#include "checker.h"
#include "corpus.h"
#include "diagnosticcodes.h"
#include "loader.h"
#include "regexfacts.h"

#include <QRegularExpression>
#include <QtTest>

using namespace meshroute;
using meshroute::test::readFile;

namespace {

const QString fixtures = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/gatewayapi/check");

Diagnostics findings(const QString &name, const char *code)
{
    const LoadResult load = Loader::loadPaths({ fixtures + QLatin1Char('/') + name });
    Diagnostics out;
    for (const Diagnostic &d : Checker::check(load.workspace))
        if (d.code == QLatin1String(code))
            out.append(d);
    return out;
}

// The 1-based line and column of `needle` in the fixture's text.
QPair<int, int> whereIs(const QString &name, const QString &needle)
{
    const QStringList lines
        = QString::fromUtf8(readFile(fixtures + QLatin1Char('/') + name)).split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const qsizetype at = lines[i].indexOf(needle);
        if (at >= 0)
            return { i + 1, int(at) + 1 };
    }
    return { 0, 0 };
}

const Diagnostic *at(const Diagnostics &ds, int line)
{
    for (const Diagnostic &d : ds)
        if (d.line == line)
            return &d;
    return nullptr;
}

} // namespace

class TestGatewayApiAnalyzers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void regexWarningPointsAtTheOffendingPart_data();
    void regexWarningPointsAtTheOffendingPart();
    void validRegexIsNotReported();
    void neverWinningMatchesGiveACounterExample();
    void moreSpecificAndOtherHostMatchesWin();
    void routeAndVirtualServiceSayWhichWins();
    void mergedRoutesAreTheRoutersOwn();
};

void TestGatewayApiAnalyzers::regexWarningPointsAtTheOffendingPart_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("fragment"); // what RE2 names (error_arg), as written in the file
    QTest::addColumn<QString>("error"); // RE2's words
    QTest::newRow("look-ahead in a path") << "regex.yaml"
                                          << "(?!"
                                          << "invalid perl operator";
    QTest::newRow("back-reference in a header") << "regex.yaml"
                                                << "\\1"
                                                << "invalid escape sequence";
    QTest::newRow("bad repetition in a query parameter") << "regex.yaml"
                                                         << "{2,1}"
                                                         << "invalid repetition size";
    // A possessive repetition: no RE2 version has one (a named group "(?<n>" compiles in newer RE2).
    QTest::newRow("possessive repetition in a gRPC service") << "regex.yaml"
                                                             << "++"
                                                             << "bad repetition operator";
}

void TestGatewayApiAnalyzers::regexWarningPointsAtTheOffendingPart()
{
    QFETCH(QString, file);
    QFETCH(QString, fragment);
    QFETCH(QString, error);
    const auto [line, column] = whereIs(file, fragment);
    QVERIFY(line > 0);
    const Diagnostics found = findings(file, Code::GatewayApiRegexNotRe2);
    const Diagnostic *d = at(found, line);
    QVERIFY2(d, qPrintable(QStringLiteral("no MR2011 on line %1").arg(line)));
    QCOMPARE(d->severity, Diagnostic::Severity::Warning);
    QCOMPARE(d->column, column);
    QVERIFY2(d->message.contains(error), qPrintable(d->message));
    QVERIFY(d->message.contains(QLatin1String("istio/istio#49993")));
}

void TestGatewayApiAnalyzers::validRegexIsNotReported()
{
    const auto [line, column] = whereIs(QStringLiteral("regex.yaml"), QStringLiteral("/v[0-9]+/.*"));
    QVERIFY(line > 0 && column > 0);
    const Diagnostics found = findings(QStringLiteral("regex.yaml"), Code::GatewayApiRegexNotRe2);
    QCOMPARE(found.size(), 4);
    QVERIFY(!at(found, line));
}

// shadow.yaml: a-first's regex under its /api prefix, a-first's regex after its catch-all, and
// b-second's /api that ties with the older a-first's.
void TestGatewayApiAnalyzers::neverWinningMatchesGiveACounterExample()
{
    const Diagnostics found = findings(QStringLiteral("shadow.yaml"), Code::GatewayApiRuleNeverWins);
    QCOMPARE(found.size(), 3);
    const Diagnostic *underPrefix
        = at(found, whereIs(QStringLiteral("shadow.yaml"), QStringLiteral("/api/v[0-9]+")).first - 2);
    QVERIFY(underPrefix);
    QVERIFY2(underPrefix->message.contains(
                 QLatin1String("HTTPRoute web/a-first spec.rules[0].matches[0] comes first")),
        qPrintable(underPrefix->message));
    // The counter-example is a request the shadowed regex matches and the winning prefix takes.
    const QRegularExpressionMatch sample
        = QRegularExpression(QStringLiteral("e\\.g\\. \"GET ([^\"]+)\"")).match(underPrefix->message);
    QVERIFY2(sample.hasMatch(), qPrintable(underPrefix->message));
    QVERIFY(RegexFacts::fullMatch(QStringLiteral("/api/v[0-9]+"), sample.captured(1)));
    QVERIFY(sample.captured(1).startsWith(QLatin1String("/api/")));

    const Diagnostic *afterCatchAll
        = at(found, whereIs(QStringLiteral("shadow.yaml"), QStringLiteral("/static/.*")).first - 2);
    QVERIFY(afterCatchAll);
    QVERIFY2(afterCatchAll->message.contains(
                 QLatin1String("after the catch-all HTTPRoute web/a-first spec.rules[2]")),
        qPrintable(afterCatchAll->message));

    bool tie = false;
    for (const Diagnostic &d : found)
        tie = tie
            || (d.resource == QLatin1String("HTTPRoute web/b-second")
                && d.path == QLatin1String("spec.rules[0].matches[0]"));
    QVERIFY(tie);
}

void TestGatewayApiAnalyzers::moreSpecificAndOtherHostMatchesWin()
{
    for (const Diagnostic &d : findings(QStringLiteral("shadow.yaml"), Code::GatewayApiRuleNeverWins)) {
        QVERIFY2(d.resource != QLatin1String("HTTPRoute web/c-other-host"), qPrintable(d.toText()));
        QVERIFY2(!(d.resource == QLatin1String("HTTPRoute web/b-second")
                     && d.path.startsWith(QLatin1String("spec.rules[1]"))),
            qPrintable(d.toText()));
        QVERIFY2(!(d.resource == QLatin1String("HTTPRoute web/a-first")
                     && d.path.startsWith(QLatin1String("spec.rules[0]"))),
            qPrintable(d.toText()));
    }
}

void TestGatewayApiAnalyzers::routeAndVirtualServiceSayWhichWins()
{
    const Diagnostics found = findings(QStringLiteral("vs-host.yaml"), Code::RouteAndVirtualServiceShareHost);
    QStringList undefined, older, specific;
    for (const Diagnostic &d : found) {
        if (d.message.contains(QLatin1String("undefined until both are applied")))
            undefined.append(d.resource);
        if (d.message.contains(QLatin1String("sidecars use the older, VirtualService shop/ratings")))
            older.append(d.resource);
        if (d.message.contains(
                QLatin1String("more specific than the VirtualService's \"*.shop.svc.cluster.local\"")))
            specific.append(d.resource);
    }
    // Each conflict is reported on both objects.
    QCOMPARE(undefined,
        (QStringList {
            QStringLiteral("HTTPRoute shop/reviews"), QStringLiteral("VirtualService shop/reviews") }));
    QCOMPARE(older,
        (QStringList {
            QStringLiteral("HTTPRoute shop/ratings"), QStringLiteral("VirtualService shop/ratings") }));
    QCOMPARE(specific.size(), 4); // reviews and ratings against the wildcard VirtualService
    for (const Diagnostic &d : found)
        QVERIFY2(d.resource != QLatin1String("VirtualService shop/reviews-ingress"), qPrintable(d.toText()));
}

// The never-wins check compares the routes the router merges (ParentBinder's listeners, hostname
// isolation included), not a second reading of the parentRefs that could merge more.
void TestGatewayApiAnalyzers::mergedRoutesAreTheRoutersOwn()
{
    const QString file = QStringLiteral("shadow-isolation.yaml");
    QVERIFY(findings(file, Code::GatewayApiRuleNeverWins).isEmpty());
    const Diagnostics nowhere = findings(file, Code::GatewayApiNoMatchingHostname);
    QCOMPARE(nowhere.size(), 1);
    QCOMPARE(nowhere[0].resource, QStringLiteral("HTTPRoute web/late"));
}

QTEST_GUILESS_MAIN(TestGatewayApiAnalyzers)
#include "tst_gatewayapianalyzers.moc"
