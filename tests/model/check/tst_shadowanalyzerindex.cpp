// The shadowed-rule analysis finds earlier matches through an index
// (CoverIndex over PrefixIndex): it must report exactly what trying every
// earlier match in order reports, and say so when it stops at its bound.

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "loader.h"
#include "shadowanalyzer.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace meshroute;

namespace {

QStringList run(const Workspace &ws, ShadowAnalyzer::Mode mode, qint64 pairLimit)
{
    Diagnostics out;
    CheckContext ctx(ws, out);
    for (const Resource &r : ws.resources)
        ShadowAnalyzer::analyze(ctx, r, mode, pairLimit);
    QStringList lines;
    for (const Diagnostic &d : out)
        lines << d.toText() + QLatin1Char(' ') + d.path;
    return lines;
}

// One random match block: uri (prefix, exact, regex, none, case-insensitive),
// sometimes a header or a method, drawn from small sets so that covering,
// equal and unrelated matches all occur.
QByteArray randomMatch(QRandomGenerator &rng)
{
    static const char *prefixes[] = { "/", "", "/a", "/a/", "/a/b", "/A", "/ab", "/b" };
    static const char *exacts[] = { "/a", "/a/b", "/ab/c", "/A/b", "/b/1", "/a/12" };
    static const char *regexes[] = { "/a.*", "/a/[0-9]+", ".*", "/a/b", "(?i)/a.*", "/ab|/c", "^/b.*",
        "/a/1[0-9]", "[/]a.*", "/a\\\\.b" };
    QByteArray m = "    - ";
    QByteArray indent;
    const auto field = [&](const QByteArray &text) {
        m += indent + text;
        indent = "      ";
    };
    switch (rng.bounded(5)) {
    case 0:
        break; // no uri
    case 1:
        field(QByteArray("uri:\n        prefix: \"") + prefixes[rng.bounded(8)] + "\"\n");
        break;
    case 2:
        field(QByteArray("uri:\n        exact: \"") + exacts[rng.bounded(6)] + "\"\n");
        break;
    default:
        field(QByteArray("uri:\n        regex: \"") + regexes[rng.bounded(10)] + "\"\n");
        break;
    }
    if (rng.bounded(4) == 0)
        field("ignoreUriCase: true\n");
    if (rng.bounded(4) == 0)
        field(QByteArray("headers:\n        x-user:\n          ")
            + (rng.bounded(2) ? "exact: jason" : "prefix: \"\"") + "\n");
    if (rng.bounded(5) == 0)
        field("method:\n        exact: GET\n");
    if (indent.isEmpty())
        m += "name: any\n"; // an otherwise empty match block
    return m;
}

QByteArray randomVirtualService(QRandomGenerator &rng, int index)
{
    QByteArray out = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: vs-"
        + QByteArray::number(index) + "\n  namespace: shop\nspec:\n  hosts:\n  - api\n  http:\n";
    const int rules = 2 + int(rng.bounded(10));
    for (int r = 0; r < rules; ++r) {
        out += "  - name: r" + QByteArray::number(r) + "\n    match:\n";
        const int matches = 1 + int(rng.bounded(2));
        for (int k = 0; k < matches; ++k)
            out += randomMatch(rng);
        out += "    route:\n    - destination:\n        host: api\n";
    }
    return out + "---\n";
}

} // namespace

class TestShadowAnalyzerIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void indexedEqualsPairwiseOnRandomRules();
    void boundSaysHowManyWereNotCompared();
};

void TestShadowAnalyzerIndex::indexedEqualsPairwiseOnRandomRules()
{
    QRandomGenerator rng(20261206);
    QByteArray yaml;
    for (int i = 0; i < 400; ++i)
        yaml += randomVirtualService(rng, i);
    const LoadResult load = Loader::loadText(yaml);
    QCOMPARE(load.workspace.resources.size(), 400);
    const QStringList indexed
        = run(load.workspace, ShadowAnalyzer::Mode::Indexed, ShadowAnalyzer::DefaultPairLimit);
    const QStringList pairwise
        = run(load.workspace, ShadowAnalyzer::Mode::PairwiseReference, ShadowAnalyzer::DefaultPairLimit);
    // The random set must exercise the analysis: covered matches and shadowed rules both occur.
    QVERIFY(indexed.filter(QStringLiteral("overlapping match")).size() > 50);
    QVERIFY(indexed.filter(QStringLiteral("[MR2004]")).size() > 10);
    for (int i = 0; i < std::min(indexed.size(), pairwise.size()); ++i)
        QCOMPARE(indexed[i], pairwise[i]);
    QCOMPARE(indexed.size(), pairwise.size());
}

void TestShadowAnalyzerIndex::boundSaysHowManyWereNotCompared()
{
    // Header-only rules: the uri cannot tell them apart, so each is compared
    // with every earlier one, 0 + 1 + ... + 29 = 435 pairs in all.
    QByteArray yaml = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: headers\n"
                      "  namespace: shop\nspec:\n  hosts:\n  - api\n  http:\n";
    for (int r = 0; r < 30; ++r)
        yaml += "  - match:\n    - headers:\n        x-tenant:\n          exact: t" + QByteArray::number(r)
            + "\n    route:\n    - destination:\n        host: api\n";
    const LoadResult load = Loader::loadText(yaml);
    const QStringList unbounded = run(load.workspace, ShadowAnalyzer::Mode::Indexed, 435);
    QVERIFY2(unbounded.filter(QStringLiteral("MR2020")).isEmpty(), qPrintable(unbounded.join('\n')));

    const QStringList bounded = run(load.workspace, ShadowAnalyzer::Mode::Indexed, 100);
    const QStringList notices = bounded.filter(QString::fromLatin1(Code::ShadowAnalysisLimited));
    QCOMPARE(notices.size(), 1);
    // 100 pairs cover the rules up to #14 (0 + ... + 13 = 91, then 9 of rule #14's 14):
    // rules #14 to #29 are not (fully) compared.
    QVERIFY2(notices.first().contains(QStringLiteral("limited to 100 rule match pairs")),
        qPrintable(notices.first()));
    QVERIFY2(
        notices.first().contains(QStringLiteral("16 matches not compared")), qPrintable(notices.first()));
    QVERIFY(notices.first().contains(QStringLiteral("info:")));
}

QTEST_GUILESS_MAIN(TestShadowAnalyzerIndex)
#include "tst_shadowanalyzerindex.moc"
