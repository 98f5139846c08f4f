// Which rules and matches of a VirtualService can never be used, and that
// rules which only look alike are left alone.

#include "checkcontext.h"
#include "loader.h"
#include "shadowanalyzer.h"

#include <QtTest>

using namespace meshroute;

namespace {

// A VirtualService whose http rules are `rules` (YAML list items at two spaces).
QByteArray virtualService(const QByteArray &rules)
{
    return "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: api\n  namespace: "
           "shop\n"
           "spec:\n  hosts:\n  - api\n  http:\n"
        + rules;
}

Diagnostics analyze(const QByteArray &yaml)
{
    const LoadResult load = Loader::loadText(yaml);
    Diagnostics out;
    CheckContext ctx(load.workspace, out);
    for (const Resource &r : load.workspace.resources)
        ShadowAnalyzer::analyze(ctx, r);
    return out;
}

QStringList summary(const Diagnostics &ds)
{
    QStringList out;
    for (const Diagnostic &d : ds)
        out.append(d.code + QLatin1Char(' ') + d.path);
    return out;
}

QByteArray rule(const QByteArray &name, const QByteArray &match)
{
    return "  - name: " + name + "\n    match:\n" + match
        + "    route:\n    - destination:\n        host: api\n";
}

} // namespace

class TestShadowAnalyzer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shadowing_data();
    void shadowing();
    void messageNamesShadowAndSample();
    void tcpAndTlsDuplicates();
};

void TestShadowAnalyzer::shadowing_data()
{
    QTest::addColumn<QByteArray>("rules");
    QTest::addColumn<QStringList>("expected");

    const QByteArray prefixApi = "    - uri:\n        prefix: /api\n";
    QTest::newRow("prefix under prefix")
        << rule("a", prefixApi) + rule("b", "    - uri:\n        prefix: /api/v1\n")
        << QStringList { "MR2004 spec.http[1]", "IST0131 spec.http[1].match[0]" };
    QTest::newRow("prefix is not segment-aware: /api covers /apiv2")
        << rule("a", prefixApi) + rule("b", "    - uri:\n        prefix: /apiv2\n")
        << QStringList { "MR2004 spec.http[1]", "IST0131 spec.http[1].match[0]" };
    QTest::newRow("exact under prefix")
        << rule("a", prefixApi) + rule("b", "    - uri:\n        exact: /api/health\n")
        << QStringList { "MR2004 spec.http[1]", "IST0131 spec.http[1].match[0]" };
    QTest::newRow("regex under prefix")
        << rule("a", prefixApi) + rule("b", "    - uri:\n        regex: /api/items/[0-9]+\n")
        << QStringList { "MR2004 spec.http[1]", "IST0131 spec.http[1].match[0]" };
    QTest::newRow("regex with alternation escapes the prefix")
        << rule("a", prefixApi) + rule("b", "    - uri:\n        regex: /api/x|/other\n") << QStringList {};
    QTest::newRow("regex with optional last prefix character")
        << rule("a", "    - uri:\n        prefix: /apix\n")
            + rule("b", "    - uri:\n        regex: /apix?/y\n")
        << QStringList {};
    QTest::newRow("regex-as-prefix covers prefix")
        << rule("a", "    - uri:\n        regex: /api/.*\n")
            + rule("b", "    - uri:\n        prefix: /api/v1\n")
        << QStringList { "MR2004 spec.http[1]", "IST0131 spec.http[1].match[0]" };
    QTest::newRow("regex covers exact it matches")
        << rule("a", "    - uri:\n        regex: /v[0-9]/x\n")
            + rule("b", "    - uri:\n        exact: /v2/x\n")
        << QStringList { "MR2004 spec.http[1]", "IST0131 spec.http[1].match[0]" };
    QTest::newRow("narrower earlier rule shadows nothing")
        << rule("a", "    - uri:\n        prefix: /api/v1\n") + rule("b", prefixApi) << QStringList {};
    QTest::newRow("stronger later conditions are still covered") << rule("a", prefixApi)
            + rule("b",
                "    - uri:\n        prefix: /api/v1\n      headers:\n        x-beta:\n          exact: "
                "\"on\"\n") << QStringList { "MR2004 spec.http[1]", "IST0131 spec.http[1].match[0]" };
    QTest::newRow("earlier header condition leaves the rest reachable")
        << rule("a",
               "    - uri:\n        prefix: /api\n      headers:\n        x-beta:\n          exact: \"on\"\n")
            + rule("b", "    - uri:\n        prefix: /api/v1\n")
        << QStringList {};
    QTest::newRow("presence covers a value match")
        << rule("a", "    - headers:\n        x-user: {}\n")
            + rule("b", "    - headers:\n        x-user:\n          exact: jason\n")
        << QStringList { "MR2004 spec.http[1]", "IST0131 spec.http[1].match[0]" };
    QTest::newRow("method GET does not cover POST")
        << rule("a", "    - uri:\n        prefix: /api\n      method:\n        exact: GET\n")
            + rule("b", "    - uri:\n        prefix: /api/v1\n      method:\n        exact: POST\n")
        << QStringList {};
    QTest::newRow("case-insensitive prefix covers upper-case exact")
        << rule("a", "    - uri:\n        prefix: /api\n      ignoreUriCase: true\n")
            + rule("b", "    - uri:\n        exact: /API/x\n")
        << QStringList { "MR2004 spec.http[1]", "IST0131 spec.http[1].match[0]" };
    QTest::newRow("case-sensitive prefix does not cover case-insensitive exact")
        << rule("a", prefixApi) + rule("b", "    - uri:\n        exact: /api/x\n      ignoreUriCase: true\n")
        << QStringList {};
    QTest::newRow("port-specific earlier match does not cover")
        << rule("a", "    - uri:\n        prefix: /api\n      port: 8080\n")
            + rule("b", "    - uri:\n        prefix: /api/v1\n")
        << QStringList {};
    QTest::newRow("source labels: fewer cover more")
        << rule("a", "    - sourceLabels:\n        app: web\n")
            + rule("b", "    - sourceLabels:\n        app: web\n        version: v2\n")
        << QStringList { "MR2004 spec.http[1]", "IST0131 spec.http[1].match[0]" };
    QTest::newRow("one uncovered match keeps the rule") << rule("a", prefixApi)
            + rule("b", "    - uri:\n        prefix: /api/v1\n    - uri:\n        prefix: /web\n")
                                                        << QStringList { "IST0131 spec.http[1].match[0]" };
    QTest::newRow("exact duplicate is Istio's IST0130")
        << rule("a", prefixApi) + rule("b", "    - name: copy\n      uri:\n        prefix: /api\n")
        << QStringList { "IST0131 spec.http[1].match[0]", "IST0130 spec.http[1]" };
    QTest::newRow("rule after catch-all") << QByteArray("  - route:\n    - destination:\n        host: api\n")
            + rule("b", prefixApi) << QStringList { "IST0130 spec.http[1]" };
    QTest::newRow("second catch-all") << QByteArray("  - route:\n    - destination:\n        host: api\n  - "
                                                    "route:\n    - destination:\n        host: web\n")
                                      << QStringList { "IST0130 spec.http[1]" };
    QTest::newRow("prefix slash takes everything after it")
        << rule("all", "    - uri:\n        prefix: /\n")
            + rule("b", "    - headers:\n        x-a:\n          exact: b\n")
        << QStringList { "MR2004 spec.http[1]", "IST0131 spec.http[1].match[0]" };
    QTest::newRow("covered within the same rule is a match finding only")
        << rule("a", prefixApi + "    - uri:\n        prefix: /api/v1\n")
        << QStringList { "IST0131 spec.http[0].match[1]" };
}

void TestShadowAnalyzer::shadowing()
{
    QFETCH(QByteArray, rules);
    QFETCH(QStringList, expected);
    const Diagnostics found = analyze(virtualService(rules));
    QStringList actual = summary(found);
    actual.sort();
    expected.sort();
    if (actual != expected)
        for (const Diagnostic &d : found)
            qWarning().noquote() << d.toText();
    QCOMPARE(actual, expected);
}

void TestShadowAnalyzer::messageNamesShadowAndSample()
{
    const Diagnostics found = analyze(virtualService(rule("catch-api", "    - uri:\n        prefix: /api\n")
        + rule("items",
            "    - uri:\n        regex: \"/api/items/[0-9]+\"\n      method:\n        exact: DELETE\n")));
    const auto it = std::find_if(
        found.cbegin(), found.cend(), [](const Diagnostic &d) { return d.code == QLatin1String("MR2004"); });
    QVERIFY(it != found.cend());
    QVERIFY2(it->message.contains(QLatin1String("\"catch-api\"")), qPrintable(it->message));
    // A concrete request that the regex accepts, with the method it needs.
    QVERIFY2(it->message.contains(QLatin1String("DELETE /api/items/0")), qPrintable(it->message));
    QCOMPARE(it->severity, Diagnostic::Severity::Warning);
    QCOMPARE(it->line, 17); // the `- name: items` item
    QCOMPARE(it->column, 5);
}

void TestShadowAnalyzer::tcpAndTlsDuplicates()
{
    const QByteArray yaml
        = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: db\n"
          "spec:\n  hosts:\n  - db\n  tcp:\n"
          "  - match:\n    - port: 5432\n    route:\n    - destination:\n        host: db\n"
          "  - match:\n    - port: 5432\n    - port: 5433\n    route:\n    - destination:\n        host: "
          "db2\n"
          "  - route:\n    - destination:\n        host: db3\n"
          "  - route:\n    - destination:\n        host: db4\n";
    QStringList actual = summary(analyze(yaml));
    actual.sort();
    QCOMPARE(actual, (QStringList { "IST0130 spec.tcp[3]", "IST0131 spec.tcp[1].match[0]" }));
}

QTEST_GUILESS_MAIN(TestShadowAnalyzer)
#include "tst_shadowanalyzer.moc"
