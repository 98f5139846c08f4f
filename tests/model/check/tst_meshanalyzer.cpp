// Cross-resource analysis: what is a real finding, and what is only
// information because it would live in files that were not opened.

#include "checkcontext.h"
#include "loader.h"
#include "meshanalyzer.h"

#include <QtTest>

using namespace meshroute;

namespace {

Diagnostics analyze(const QByteArray &yaml)
{
    const LoadResult load = Loader::loadText(yaml);
    Diagnostics out;
    CheckContext ctx(load.workspace, out);
    MeshAnalyzer::analyze(ctx);
    return out;
}

// "CODE severity path" for every finding, sorted.
QStringList summary(const Diagnostics &ds)
{
    QStringList out;
    for (const Diagnostic &d : ds)
        out.append(QStringLiteral("%1 %2 %3").arg(d.code, Diagnostic::severityName(d.severity), d.path));
    out.sort();
    return out;
}

const QByteArray reviewsService = R"(apiVersion: v1
kind: Service
metadata:
  name: reviews
  namespace: shop
spec:
  selector:
    app: reviews
  ports:
  - name: http
    port: 9080
---
)";

QByteArray deployment(const QByteArray &name, const QByteArray &version)
{
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name
        + "\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: reviews\n  template:\n"
          "    metadata:\n      labels:\n        app: reviews\n        version: "
        + version + "\n    spec:\n      containers:\n      - name: reviews\n        image: reviews\n---\n";
}

QByteArray destinationRule(const QByteArray &host, const QByteArray &subsets, const QByteArray &extra = {})
{
    QByteArray out = "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\n"
                     "  namespace: shop\nspec:\n  host: "
        + host + "\n" + extra + "  subsets:\n";
    for (const QByteArray &s : subsets.split(','))
        out += "  - name: " + s + "\n    labels:\n      version: " + s + "\n";
    return out + "---\n";
}

QByteArray routeTo(const QByteArray &host, const QByteArray &subset = {}, const QByteArray &ns = "shop")
{
    QByteArray out = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: route\n"
                     "  namespace: "
        + ns
        + "\nspec:\n  hosts:\n  - reviews.example.com\n  gateways:\n  - mesh\n  http:\n"
          "  - route:\n    - destination:\n        host: "
        + host + "\n";
    if (!subset.isEmpty())
        out += "        subset: " + subset + "\n";
    return out + "---\n";
}

} // namespace

class TestMeshAnalyzer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void references_data();
    void references();
    void missingHostPointsAtTheHost();
    void subsetMessageShowsTheWrongLabel();
};

void TestMeshAnalyzer::references_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("expected");
    const QString host = QStringLiteral("spec.http[0].route[0].destination.host");
    const QString subset = QStringLiteral("spec.http[0].route[0].destination.subset");

    QTest::newRow("existing host") << reviewsService + routeTo("reviews") << QStringList {};
    QTest::newRow("typo in a namespace whose Services were opened")
        << reviewsService + routeTo("review") << QStringList { "IST0101 error " + host };
    QTest::newRow("namespace without opened Services is info") << reviewsService
            + routeTo("ratings.other.svc.cluster.local") << QStringList { "IST0101 info " + host };
    QTest::newRow("external host is info")
        << routeTo("api.partner.example") << QStringList { "IST0101 info " + host };
    QTest::newRow("short name resolves in the VirtualService's namespace")
        << reviewsService + routeTo("reviews", {}, "web") << QStringList { "IST0101 info " + host };
    QTest::newRow("FQDN from another namespace")
        << reviewsService + routeTo("reviews.shop.svc.cluster.local", {}, "web") << QStringList {};
    QTest::newRow("Service not exported to the caller")
        << QByteArray(reviewsService)
                .replace("  namespace: shop\nspec",
                    "  namespace: shop\n  annotations:\n    networking.istio.io/exportTo: .\nspec")
            + routeTo("reviews.shop.svc.cluster.local", {}, "web")
        << QStringList { "IST0101 error " + host };
    QTest::newRow("subset defined") << reviewsService + destinationRule("reviews", "v1,v2")
            + routeTo("reviews", "v2")
                                    << QStringList { "IST0173 info spec.subsets[0].labels" };
    QTest::newRow("subset missing from the opened DestinationRule")
        << reviewsService + destinationRule("reviews", "v1") + routeTo("reviews", "v3")
        << QStringList { "IST0101 error " + subset, "IST0173 info spec.subsets[0].labels" };
    QTest::newRow("no DestinationRule opened is info")
        << reviewsService + routeTo("reviews", "v1") << QStringList { "IST0101 info " + subset };
    QTest::newRow("subset of a wildcard-host DestinationRule (kiali#10188)")
        << destinationRule("\"*.example.org\"", "v1") + routeTo("api.example.org", "v1")
        << QStringList { "IST0101 info " + host, "IST0174 info spec.host" };
    QTest::newRow("DestinationRule hidden by exportTo")
        << reviewsService + destinationRule("reviews.shop.svc.cluster.local", "v1", "  exportTo:\n  - .\n")
            + routeTo("reviews.shop.svc.cluster.local", "v1", "web")
        << QStringList { "IST0101 error " + subset, "IST0173 info spec.subsets[0].labels" };
    QTest::newRow("DestinationRule for an unknown host in an opened namespace")
        << reviewsService + destinationRule("ratings", "v1") << QStringList { "IST0174 warning spec.host" };
    QTest::newRow("reviews-v2 labelled version v1, routed to")
        << reviewsService + deployment("reviews-v1", "v1") + deployment("reviews-v2", "v1")
            + destinationRule("reviews", "v1,v2") + routeTo("reviews", "v2")
        << QStringList { "IST0173 error spec.subsets[1].labels" };
    // istioctl reports every subset without pods as an error, routed to or not
    // (analyzers/destinationrule/subset.go Analyze; msg/messages.gen.go: diag.Error).
    QTest::newRow("subset without pods that nothing routes to is an error too")
        << reviewsService + deployment("reviews-v1", "v1") + destinationRule("reviews", "v1,v2")
        << QStringList { "IST0173 error spec.subsets[1].labels" };
    QTest::newRow("pods not opened: subset selection is info")
        << reviewsService + destinationRule("reviews", "v1") + routeTo("reviews", "v1")
        << QStringList { "IST0173 info spec.subsets[0].labels" };
    QTest::newRow("every subset has pods") << reviewsService + deployment("reviews-v1", "v1")
            + deployment("reviews-v2", "v2") + destinationRule("reviews", "v1,v2")
            + routeTo("reviews", "v2") << QStringList {};
}

void TestMeshAnalyzer::references()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, expected);
    const Diagnostics found = analyze(yaml);
    const QStringList actual = summary(found);
    expected.sort();
    if (actual != expected)
        for (const Diagnostic &d : found)
            qWarning().noquote() << d.toText();
    QCOMPARE(actual, expected);
}

void TestMeshAnalyzer::missingHostPointsAtTheHost()
{
    const Diagnostics found = analyze(reviewsService + routeTo("review"));
    QCOMPARE(found.size(), 1);
    const Diagnostic &d = found.first();
    QCOMPARE(d.line, 12 + 14); // the Service takes 12 lines with its `---`; host is the VS's 14th
    QCOMPARE(d.column, 15);
    QCOMPARE(d.resource, QStringLiteral("VirtualService shop/route"));
    QVERIFY2(d.message.contains(QLatin1String("\"review\""))
            && d.message.contains(QLatin1String("correct the host")),
        qPrintable(d.message));
}

void TestMeshAnalyzer::subsetMessageShowsTheWrongLabel()
{
    const Diagnostics found = analyze(reviewsService + deployment("reviews-v1", "v1")
        + deployment("reviews-v2", "v1") + destinationRule("reviews", "v1,v2") + routeTo("reviews", "v2"));
    QCOMPARE(found.size(), 1);
    const QString &m = found.first().message;
    QVERIFY2(m.contains(QLatin1String("app=reviews,version=v2")), qPrintable(m));
    QVERIFY2(m.contains(QLatin1String("Deployment reviews-v2 has version=v1")), qPrintable(m));
    QVERIFY2(m.contains(QLatin1String("503 UH")), qPrintable(m));
}

QTEST_GUILESS_MAIN(TestMeshAnalyzer)
#include "tst_meshanalyzer.moc"
