// VirtualServices to Gateway API (issue 14, point 5): the converter's output
// and the proof that routes the same requests through both workspaces.
#include "checker.h"
#include "corpus.h"
#include "gatewayapimigration.h"
#include "loader.h"
#include "migrationproof.h"
#include "proofrequestplanner.h"
#include "request.h"
#include "router.h"
#include "subsetserviceplanner.h"
#include "virtualserviceconverter.h"

#include <QtTest>

using namespace meshroute;

namespace {

LoadResult loadFixture(const QString &name)
{
    return Loader::loadPaths({ test::dataPath(QStringLiteral("convert/") + name) });
}

// The 1-based line of the first line of `text` that contains `needle`, to
// point at a fixture's field without hard-coding its line.
int lineOf(const QByteArray &text, const QByteArray &needle)
{
    const int at = text.indexOf(needle);
    return at < 0 ? -1 : int(text.left(at).count('\n')) + 1;
}

QStringList differenceLines(const ProofReport &report)
{
    QStringList out;
    for (const ProofDifference &d : report.differences)
        out << d.request.sample.requestLine() + QStringLiteral(" [") + d.request.variant
                + QStringLiteral("] ") + d.before + QStringLiteral(" | ") + d.after + QStringLiteral(" | ")
                + d.why;
    return out;
}

} // namespace

class TstGatewayApiMigration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bookinfoIsEquivalent();
    void subsetsBecomeServices();
    void firstMatchOrderDiffers();
    void unsupportedFeaturesWarnAtTheirLine();
    void actionsKeepTheirAnswers();
    void regexRulesAreExercised();
    void convertedOutputPassesCheck_data();
    void convertedOutputPassesCheck();
    void durations_data();
    void durations();
    void subsetServiceNames();
};

void TstGatewayApiMigration::bookinfoIsEquivalent()
{
    const LoadResult load = loadFixture(QStringLiteral("bookinfo.yaml"));
    QVERIFY(load.diagnostics.isEmpty());
    const MigrationResult m = GatewayApiMigration::convert(load.workspace);
    QCOMPARE(m.gateways, 1);
    QCOMPARE(m.routes, 2); // the gateway VirtualService and the reviews canary
    const ProofReport proof = MigrationProof::run(load.workspace, m);
    QVERIFY(proof.convertedErrors.isEmpty());
    // each rule's matches, their near misses and each host's default, from the gateway and the mesh
    QVERIFY2(proof.requests >= 12, qPrintable(QString::number(proof.requests)));
    QVERIFY2(proof.differences.isEmpty(), qPrintable(differenceLines(proof).join(QLatin1Char('\n'))));
}

void TstGatewayApiMigration::subsetsBecomeServices()
{
    const LoadResult load = loadFixture(QStringLiteral("bookinfo.yaml"));
    const MigrationResult m = GatewayApiMigration::convert(load.workspace);
    QCOMPARE(m.services, 3);
    const LoadResult converted = Loader::loadText(m.yaml, QStringLiteral("converted.yaml"));
    QVERIFY(converted.diagnostics.isEmpty());
    // Istio's traffic-shifting guide: one Service per version, the base selector plus the version label.
    for (const QString subset : { QStringLiteral("v1"), QStringLiteral("v2"), QStringLiteral("v3") }) {
        const Resource *s = converted.workspace.find(
            ResourceKind::Service, QStringLiteral("shop"), QStringLiteral("reviews-") + subset);
        QVERIFY2(s, qPrintable(subset));
        QCOMPARE(labelValue(s->service()->selector, QStringLiteral("app")), QStringLiteral("reviews"));
        QCOMPARE(labelValue(s->service()->selector, QStringLiteral("version")), subset);
        QCOMPARE(s->service()->ports.size(), 1);
        QCOMPARE(s->service()->ports.first().port.value, 9080);
        QCOMPARE(m.subsetOrigins.value(s->name() + QStringLiteral(".shop.svc.cluster.local")).second, subset);
    }
    const Resource *route = converted.workspace.find(
        ResourceKind::HTTPRoute, QStringLiteral("shop"), QStringLiteral("reviews"));
    QVERIFY(route);
    const GatewayApiRoute *spec = route->gatewayApiRoute();
    QCOMPARE(spec->parentRefs.size(), 1);
    QCOMPARE(spec->parentRefs.first().kind.value, QStringLiteral("Service"));
    QCOMPARE(spec->rules.size(), 2);
    QCOMPARE(spec->rules[1].backendRefs.size(), 2);
    QCOMPARE(spec->rules[1].backendRefs[0].weight.value + spec->rules[1].backendRefs[1].weight.value, 100);
}

void TstGatewayApiMigration::firstMatchOrderDiffers()
{
    // A `/` prefix rule before an `/api/` rule: the VirtualService never reaches the second,
    // Gateway API ranks the longer prefix first (Istio's sortHTTPRoutes in
    // pilot/pkg/config/kube/gateway/conversion.go: exact, then prefix length).
    const LoadResult load = loadFixture(QStringLiteral("order.yaml"));
    const MigrationResult m = GatewayApiMigration::convert(load.workspace);
    const ProofReport proof = MigrationProof::run(load.workspace, m);
    QVERIFY(!proof.differences.isEmpty());
    bool orderExplained = false;
    for (const ProofDifference &d : proof.differences) {
        QVERIFY2(d.request.sample.url.contains(QStringLiteral("/api")), qPrintable(d.request.sample.url));
        QVERIFY(d.before.contains(QStringLiteral("web.app.svc.cluster.local")));
        QVERIFY(d.after.contains(QStringLiteral("api.app.svc.cluster.local")));
        QVERIFY(!d.why.isEmpty());
        orderExplained = orderExplained || d.why.startsWith(QStringLiteral("order:"));
    }
    QVERIFY2(orderExplained, qPrintable(differenceLines(proof).join(QLatin1Char('\n'))));
}

void TstGatewayApiMigration::unsupportedFeaturesWarnAtTheirLine()
{
    const QString path = test::dataPath(QStringLiteral("convert/features.yaml"));
    const QByteArray text = test::readFile(path);
    const LoadResult load = loadFixture(QStringLiteral("features.yaml"));
    const MigrationResult m = GatewayApiMigration::convert(load.workspace);
    const QList<QPair<QByteArray, QString>> expected {
        { "app: reviews", QStringLiteral("spec.http[0].match[0].sourceLabels") }, // its first label
        { "fault:", QStringLiteral("spec.http[0].fault") },
        { "prefix: /v2", QStringLiteral("spec.http[1].match[0].uri") },
        { "ignoreUriCase:", QStringLiteral("spec.http[1].match[0].ignoreUriCase") },
        { "retries:", QStringLiteral("spec.http[1].retries") },
    };
    for (const auto &[needle, fieldPath] : expected) {
        const Diagnostic *found = nullptr;
        for (const Diagnostic &d : m.warnings)
            if (d.path == fieldPath)
                found = &d;
        QVERIFY2(found, qPrintable(fieldPath));
        QCOMPARE(found->file, path);
        QCOMPARE(found->line, lineOf(text, needle));
        QVERIFY(found->column > 0);
        QCOMPARE(found->severity, Diagnostic::Severity::Warning);
    }
    // The dropped sourceLabels condition shows: the labelled sender loses its fault.
    const ProofReport proof = MigrationProof::run(load.workspace, m);
    QCOMPARE(proof.differences.size(), 1);
    QVERIFY(proof.differences.first().before.contains(QStringLiteral("fault")));
    QVERIFY(proof.differences.first().why.startsWith(QStringLiteral("unsupported: sourceLabels")));
}

void TstGatewayApiMigration::actionsKeepTheirAnswers()
{
    // Redirect, prefix rewrite with authority, header set and mirror keep their answers; only
    // /legacy itself (the prefix /legacy/ without its '/') changes, since Gateway API ignores a
    // prefix's trailing '/' (createURIMatch in conversion.go trims it).
    const LoadResult load = loadFixture(QStringLiteral("actions.yaml"));
    const MigrationResult m = GatewayApiMigration::convert(load.workspace);
    QVERIFY(m.yaml.contains("credentialName") == false);
    QVERIFY(m.yaml.contains("protocol: HTTPS"));
    QVERIFY(m.yaml.contains("name: store-cert"));
    const ProofReport proof = MigrationProof::run(load.workspace, m);
    QVERIFY(proof.requests >= 5);
    QCOMPARE(proof.differences.size(), 1);
    const ProofDifference &d = proof.differences.first();
    QCOMPARE(d.request.variant, QStringLiteral("segment boundary"));
    QVERIFY(d.request.sample.url.endsWith(QStringLiteral("/legacy")));
}

// A regex rule is sent a path and header value its regexes take (RegexSample), not "/", so that
// the proof's request reaches the rule.
void TstGatewayApiMigration::regexRulesAreExercised()
{
    const LoadResult load = loadFixture(QStringLiteral("regex.yaml"));
    QVERIFY(load.diagnostics.isEmpty());
    const QList<ProofRequest> planned = ProofRequestPlanner(load.workspace).plan();
    const auto it = std::find_if(planned.cbegin(), planned.cend(),
        [](const ProofRequest &p) { return p.ruleIndex == 0 && p.variant == QLatin1String("match"); });
    QVERIFY(it != planned.cend());
    const QRegularExpression path(QRegularExpression::anchoredPattern(QStringLiteral("/api/v[0-9]+/.*")));
    QVERIFY2(path.match(QUrl(it->sample.url).path()).hasMatch(), qPrintable(it->sample.url));
    QVERIFY2(it->sample.headers.contains(QStringLiteral("x-tenant: t-a")),
        qPrintable(it->sample.headers.join('|')));
    Request request;
    QVERIFY(it->sample.toRequest(&request));
    const Router router(RouteTable::compile(load.workspace));
    QCOMPARE(router.route(request).routeIndex, 0);

    // And the proof shows what the migration does to it: Istio ranks a RegularExpression path after
    // every PathPrefix (conversion.go sortHTTPRoutes, getURIRank), so the catch-all rule's "/" now
    // takes the request. Sent "/", the rule was never reached and the proof saw no difference.
    const MigrationResult m = GatewayApiMigration::convert(load.workspace);
    const ProofReport proof = MigrationProof::run(load.workspace, m);
    QVERIFY(proof.convertedErrors.isEmpty());
    QCOMPARE(proof.differences.size(), 1);
    const ProofDifference &d = proof.differences.first();
    QCOMPARE(d.request.sample.url, it->sample.url);
    QVERIFY2(d.before.contains(QStringLiteral("api.shop.svc")), qPrintable(d.before));
    QVERIFY2(d.after.contains(QStringLiteral("front.shop.svc")), qPrintable(d.after));
    QVERIFY2(d.why.startsWith(QStringLiteral("order:")), qPrintable(d.why));
}

void TstGatewayApiMigration::convertedOutputPassesCheck_data()
{
    QTest::addColumn<QString>("fixture");
    for (const QString f : { QStringLiteral("bookinfo.yaml"), QStringLiteral("order.yaml"),
             QStringLiteral("features.yaml"), QStringLiteral("actions.yaml") })
        QTest::newRow(qPrintable(f)) << f;
}

void TstGatewayApiMigration::convertedOutputPassesCheck()
{
    QFETCH(QString, fixture);
    const LoadResult load = loadFixture(fixture);
    const MigrationResult m = GatewayApiMigration::convert(load.workspace);
    Diagnostics readerErrors;
    const Workspace converted = MigrationProof::convertedWorkspace(load.workspace, m, &readerErrors);
    QVERIFY(readerErrors.isEmpty());
    QStringList errors;
    for (const Diagnostic &d : Checker::check(converted))
        if (d.severity == Diagnostic::Severity::Error)
            errors << d.toText();
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
}

void TstGatewayApiMigration::durations_data()
{
    QTest::addColumn<QString>("istio");
    QTest::addColumn<QString>("gatewayApi");
    // Gateway API's Duration: ^([0-9]{1,5}(h|m|s|ms)){1,4}$ (GEP-2257), no fractions.
    QTest::newRow("seconds") << "5s"
                             << "5s";
    QTest::newRow("fraction") << "1.5s"
                              << "1500ms";
    QTest::newRow("milliseconds") << "250ms"
                                  << "250ms";
    QTest::newRow("minutes") << "2m"
                             << "120s";
    QTest::newRow("not a duration") << "soon"
                                    << "";
}

void TstGatewayApiMigration::durations()
{
    QFETCH(QString, istio);
    QFETCH(QString, gatewayApi);
    QCOMPARE(VirtualServiceConverter::gatewayApiDuration(istio), gatewayApi);
}

void TstGatewayApiMigration::subsetServiceNames()
{
    QCOMPARE(SubsetServicePlanner::serviceName(QStringLiteral("reviews"), QStringLiteral("v1")),
        QStringLiteral("reviews-v1"));
    QCOMPARE(SubsetServicePlanner::serviceName(QStringLiteral("reviews"), QStringLiteral("V2_beta")),
        QStringLiteral("reviews-v2-beta"));
    // A DNS-1035 label: at most 63 characters, not ending with '-'.
    const QString longName
        = SubsetServicePlanner::serviceName(QString(62, QLatin1Char('a')), QStringLiteral("v1"));
    QVERIFY(longName.size() <= 63);
    QVERIFY(!longName.endsWith(QLatin1Char('-')));
}

QTEST_GUILESS_MAIN(TstGatewayApiMigration)
#include "tst_gatewayapimigration.moc"
