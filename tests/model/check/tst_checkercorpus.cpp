// The checker against real manifests: Istio's analyzer test data with the
// findings Istio's own tests expect, Kiali's validation fixtures, the samples
// Istio's documentation presents as correct (no warning, no error), and every
// corpus file checked without a crash. Those need the public corpus
// (MESHROUTE_CORPUS_DIR); without it the clean-sample and sweep tests run on
// our own tests/data, and tst_checker holds one golden case per code.

#include "checker.h"
#include "corpus.h"
#include "diagnosticcodes.h"
#include "loader.h"

#include <QDirIterator>
#include <QtTest>

using namespace meshroute;

namespace {

const QString corpus = test::corpusDir();
const QString analyzers = corpus + QStringLiteral("/istio-istio/pkg/config/analysis/analyzers/testdata/");
const QString kiali = corpus + QStringLiteral("/kiali-kiali/tests/data/validations/virtualservices/");

struct Run
{
    LoadResult load;
    Diagnostics found;
};

Run check(const QStringList &files)
{
    Run run;
    run.load = Loader::loadPaths(files);
    run.found = Checker::check(run.load.workspace);
    return run;
}

// Istio's origin "Kind ns/name" or "Kind name" (no namespace in the file: ours says "default").
bool sameResource(const QString &ours, const QString &origin)
{
    if (ours == origin)
        return true;
    const QString kind = origin.section(QLatin1Char(' '), 0, 0);
    const QString name = origin.section(QLatin1Char(' '), 1);
    return !name.contains(QLatin1Char('/')) && ours == kind + QStringLiteral(" default/") + name;
}

QString dump(const Diagnostics &ds)
{
    QStringList lines;
    for (const Diagnostic &d : ds)
        lines.append(
            d.toText() + QStringLiteral("  {") + d.resource + QLatin1Char(' ') + d.path + QLatin1Char('}'));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestCheckerCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void istioAnalyzerFindings_data();
    void istioAnalyzerFindings();
    void istioNegativeCases_data();
    void istioNegativeCases();
    void kialiSubsetFindings_data();
    void kialiSubsetFindings();
    void documentedSamplesAreClean_data();
    void documentedSamplesAreClean();
    void everyFileChecksWithoutCrash();
    void partsAreTheWholeCheck();
};

void TestCheckerCorpus::istioAnalyzerFindings_data()
{
    MESHROUTE_REQUIRE_CORPUS();
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("origin");

    const auto row = [](const char *file, const char *code, const char *origin) {
        QTest::addRow("%s %s %s", file, code, origin)
            << analyzers + QLatin1String(file) << QString::fromLatin1(code) << QString::fromLatin1(origin);
    };
    row("analyze-list-type.yaml", "IST0145", "Gateway alpha");
    row("analyze-list-type.yaml", "IST0145", "Gateway alpha-l");
    row("analyze-list-type.yaml", "IST0145", "Gateway beta-l");
    row("conflicting-gateways-subSelector.yaml", "IST0145", "Gateway alpha");
    row("conflicting-gateways-subSelector.yaml", "IST0145", "Gateway beta");
    row("conflicting-gateways.yaml", "IST0145", "Gateway alpha");
    row("conflicting-gateways.yaml", "IST0145", "Gateway beta");
    // analyzers_test.go "serviceMultipleDeployments" (deployment/services.go).
    row("deployment-multi-service.yaml", "IST0116", "Deployment bookinfo/multiple-svc-multiple-prot");
    row("deployment-multi-service.yaml", "IST0116", "Deployment bookinfo/multiple-without-port");
    row("deployment-multi-service.yaml", "IST0137", "Deployment bookinfo/conflicting-ports");
    row("deprecation.yaml", "IST0002", "VirtualService foo/productpage");
    row("destinationrule-empty-topology-labels.yaml", "IST0173",
        "DestinationRule default/empty-topology-labels");
    row("destinationrule-simple-destination.yaml", "IST0128", "DestinationRule db-tls");
    row("destinationrule-subsets-not-select-pods.yaml", "IST0173",
        "DestinationRule default/subsets-not-select-pods");
    row("destinationrule-with-fake-host.yaml", "IST0174", "DestinationRule default/fake-host");
    row("gateway-custom-ingressgateway-badport.yaml", "IST0162", "Gateway httpbin-gateway");
    row("gateway-custom-ingressgateway-svcselector.yaml", "IST0162", "Gateway httpbin8002-gateway");
    row("gateway-duplicate-certificate.yaml", "IST0138", "Gateway istio-system/gateway-01-test-01");
    row("gateway-duplicate-certificate.yaml", "IST0138", "Gateway istio-system/gateway-02-test-01");
    row("gateway-duplicate-certificate.yaml", "IST0138", "Gateway istio-system/gateway-01-test-02");
    row("gateway-duplicate-certificate.yaml", "IST0138", "Gateway default/gateway-01-test-03");
    row("gateway-no-port.yaml", "IST0162", "Gateway httpbin-gateway");
    row("gateway-no-workload.yaml", "IST0101", "Gateway httpbin-gateway");
    row("service-no-port-name.yaml", "IST0118", "Service my-namespace1/my-service1");
    row("service-no-port-name.yaml", "IST0118", "Service my-namespace2/my-service2");
    for (const char *vs : { "team3/ratings", "team4/ratings", "foo/ratings", "bar/ratings", "foo/productpage",
             "foo/bogus-productpage", "team2/ratings" })
        row("virtualservice_conflictingmeshgatewayhosts.yaml", "IST0109",
            (QByteArray("VirtualService ") + vs).constData());
    for (const char *vs : { "foo/productpage", "bar/productpage", "foo/productpage-c", "bar/productpage-c",
             "foo/productpage-d", "bar/productpage-d" })
        row("virtualservice_conflictingmeshgatewayhosts_with_exportto.yaml", "IST0109",
            (QByteArray("VirtualService ") + vs).constData());
    for (const char *vs : { "default/reviews-bogushost", "default/reviews-bookinfo-other",
             "default/reviews-mirror-bogushost", "default/reviews-bogusport",
             "istio-system/cross-namespace-details", "hello/hello-export-to-bogus" })
        row("virtualservice_destinationhosts.yaml", "IST0101",
            (QByteArray("VirtualService ") + vs).constData());
    row("virtualservice_destinationhosts.yaml", "IST0112", "VirtualService default/reviews-2port-missing");
    row("virtualservice_destinationrules.yaml", "IST0101", "VirtualService default/reviews-bogussubset");
    row("virtualservice_destinationrules.yaml", "IST0101",
        "VirtualService default/reviews-mirror-bogussubset");
    row("virtualservice_dupmatches.yaml", "IST0130", "VirtualService duplicate-match");
    row("virtualservice_dupmatches.yaml", "IST0130", "VirtualService foo/sample-foo-cluster01");
    row("virtualservice_dupmatches.yaml", "IST0131", "VirtualService almost-duplicate-match");
    row("virtualservice_dupmatches.yaml", "IST0131", "VirtualService duplicate-match");
    row("virtualservice_dupmatches.yaml", "IST0130", "VirtualService duplicate-tcp-match");
    row("virtualservice_dupmatches.yaml", "IST0130", "VirtualService duplicate-empty-tcp");
    row("virtualservice_dupmatches.yaml", "IST0131", "VirtualService almost-duplicate-tcp-match");
    row("virtualservice_dupmatches.yaml", "IST0131", "VirtualService duplicate-tcp-match");
    row("virtualservice_dupmatches.yaml", "IST0130", "VirtualService none/tls-routing");
    row("virtualservice_dupmatches.yaml", "IST0131", "VirtualService none/tls-routing-almostmatch");
    row("virtualservice_dupmatches.yaml", "IST0131", "VirtualService none/tls-routing");
    row("virtualservice_gateways.yaml", "IST0101", "VirtualService httpbin-bogus");
    row("virtualservice_gateways.yaml", "IST0132", "VirtualService default/cross-test");
    row("virtualservice_gateways.yaml", "IST0132", "VirtualService httpbin-bogus");
    row("virtualservice_gateways.yaml", "IST0132", "VirtualService httpbin");
    for (const char *vs : { "default/testing-service-02-test-01", "default/testing-service-02-test-02",
             "default/testing-service-02-test-03", "default/testing-service-03-test-04" })
        row("virtualservice_host_not_found_gateway.yaml", "IST0132",
            (QByteArray("VirtualService ") + vs).constData());
    row("virtualservice_host_not_found_gateway_with_ns_prefix.yaml", "IST0132",
        "VirtualService default/testing-service-01-test-01");
    row("virtualservice_internal_gateway_ref.yaml", "IST0165", "VirtualService httpbin");
    row("virtualservice_jwtclaimroute.yaml", "IST0149", "VirtualService foo");
    row("virtualservice_kubernetes_gateways.yaml", "IST0132", "VirtualService default/my-vs-host-mismatch");
    for (const char *vs : { "non-method-get", "overlapping-in-single-match", "overlapping-in-two-matches",
             "overlapping-mathes-with-different-methods" })
        row("virtualservice_overlappingmatches.yaml", "IST0131",
            (QByteArray("VirtualService ") + vs).constData());
    row("virtualservice_route_rule_no_effects_ingress.yaml", "IST0140",
        "VirtualService default/testing-service-01-test-01");
    // Derived from Istio's validation code (NOTES.md 4.1), not asserted by Istio's tests.
    QTest::addRow("bookinfo fault-injection-details-v1 IST0130")
        << corpus + QStringLiteral("/istio-istio/samples/bookinfo/networking/fault-injection-details-v1.yaml")
        << QStringLiteral("IST0130") << QStringLiteral("VirtualService details");
    QTest::addRow("tutorial recommendation-503 IST0130")
        << corpus
            + QStringLiteral(
                "/redhat-scholars-istio-tutorial/istiofiles/virtual-service-recommendation-503.yml")
        << QStringLiteral("IST0130") << QStringLiteral("VirtualService recommendation");
}

void TestCheckerCorpus::istioAnalyzerFindings()
{
    QFETCH(QString, file);
    QFETCH(QString, code);
    QFETCH(QString, origin);
    const Run run = check({ file });
    bool found = false;
    for (const Diagnostic &d : run.found)
        found = found || (d.code == code && sameResource(d.resource, origin));
    if (!found)
        qWarning().noquote() << dump(run.found);
    QVERIFY2(found, qPrintable(QStringLiteral("%1 on %2 not reported").arg(code, origin)));
}

void TestCheckerCorpus::istioNegativeCases_data()
{
    MESHROUTE_REQUIRE_CORPUS();
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("code");
    QTest::addRow("gateway-correct-port: no IST0162")
        << analyzers + QStringLiteral("gateway-correct-port.yaml") << QStringLiteral("IST0162");
    QTest::addRow("gateway-different-port: no IST0145")
        << analyzers + QStringLiteral("gateway-different-port.yaml") << QStringLiteral("IST0145");
    QTest::addRow("topology labels: no IST0173")
        << analyzers + QStringLiteral("destinationrule-subsets-with-topology-labels.yaml")
        << QStringLiteral("IST0173");
}

void TestCheckerCorpus::istioNegativeCases()
{
    QFETCH(QString, file);
    QFETCH(QString, code);
    const Run run = check({ file });
    for (const Diagnostic &d : run.found)
        QVERIFY2(d.code != code, qPrintable(d.toText()));
}

void TestCheckerCorpus::kialiSubsetFindings_data()
{
    MESHROUTE_REQUIRE_CORPUS();
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("paths"); // where Kiali expects KIA1107 (our IST0101 on the subset)
    QTest::addRow("no-matching-export-subset")
        << kiali + QStringLiteral("subset-presence-no-matching-export-subset.yaml")
        << QStringList { QStringLiteral("spec.http[0].route[0].destination"),
               QStringLiteral("spec.http[0].route[1].destination") };
    QTest::addRow("diff-ns") << kiali + QStringLiteral("subset-presence-matching-subsets-diff-ns.yaml")
                             << QStringList { QStringLiteral("spec.http[0].route[0].destination"),
                                    QStringLiteral("spec.http[1].route[0].destination") };
    QTest::addRow("no-matching-subsets-1")
        << kiali + QStringLiteral("subset-presence-no-matching-subsets-1.yaml")
        << QStringList { QStringLiteral("spec.http[0].route[0].destination"),
               QStringLiteral("spec.http[1].route[0].destination") };
    QTest::addRow("service-entry-invalid")
        << kiali + QStringLiteral("subset-presence-service-entry-invalid.yaml")
        << QStringList { QStringLiteral("spec.http[1].route[0].destination"),
               QStringLiteral("spec.tls[1].route[0].destination") };
    QTest::addRow("diff-ns-fqdn: none")
        << kiali + QStringLiteral("subset-presence-matching-subsets-diff-ns-fqdn.yaml") << QStringList {};
    QTest::addRow("half-fqdn: none") << kiali
            + QStringLiteral("subset-presence-matching-subsets-half-fqdn.yaml")
                                     << QStringList {};
    QTest::addRow("service-entry: none")
        << kiali + QStringLiteral("subset-presence-service-entry.yaml") << QStringList {};
}

void TestCheckerCorpus::kialiSubsetFindings()
{
    QFETCH(QString, file);
    QFETCH(QStringList, paths);
    const Run run = check({ file });
    QStringList reported;
    for (const Diagnostic &d : run.found)
        if (d.code == QLatin1String("IST0101") && d.path.endsWith(QLatin1String(".subset")))
            reported.append(d.path.chopped(7));
    for (const QString &p : std::as_const(paths))
        QVERIFY2(reported.contains(p),
            qPrintable(QStringLiteral("no subset finding at %1\n%2").arg(p, dump(run.found))));
    if (paths.isEmpty()) // Kiali's subset checker says nothing here; nor may our IST0101 above info
        for (const Diagnostic &d : run.found)
            QVERIFY2(d.code != QLatin1String("IST0101") || d.severity == Diagnostic::Severity::Info,
                qPrintable(d.toText()));
}

void TestCheckerCorpus::documentedSamplesAreClean_data()
{
    QTest::addColumn<QStringList>("files");
    // Codes istioctl itself reports on that input, so they are allowed there.
    QTest::addColumn<QStringList>("istioctlReports");
    // Our own examples and hand-made clean fixtures, then Istio's samples with the corpus.
    QTest::addRow("example bookinfo")
        << QStringList { QStringLiteral(MESHROUTE_EXAMPLES_DIR "/bookinfo.yaml") } << QStringList {};
    QTest::addRow("data clean check case")
        << QStringList { test::dataPath(QStringLiteral("check/clean/input.yaml")) } << QStringList {};
    QTest::addRow("data bookinfo ingress")
        << QStringList { test::dataPath(QStringLiteral("routing/bookinfo-ingress.yaml")) } << QStringList {};
    if (corpus.isEmpty())
        return;
    const QString samples = corpus + QStringLiteral("/istio-istio/samples/");
    QDirIterator it(samples, { QStringLiteral("*.yaml") }, QDir::Files, QDirIterator::Subdirectories);
    QStringList all;
    while (it.hasNext())
        all.append(it.next());
    all.sort();
    for (const QString &f : std::as_const(all)) {
        // The one sample whose second match-less rule Istio itself flags (IST0130).
        if (f.endsWith(QLatin1String("fault-injection-details-v1.yaml")))
            continue;
        // destinationrule/ca-certificates.go: port 443 originates TLS (SIMPLE) without caCertificates.
        const QStringList allowed = f.endsWith(QLatin1String("egress-rule-google-apis.yaml"))
            ? QStringList { QStringLiteral("IST0129") }
            : QStringList {};
        QTest::addRow("%s", qPrintable(f.mid(samples.size()))) << QStringList { f } << allowed;
    }
    // destinationrule/subset.go: bookinfo.yaml runs ratings-v1 only, so the ratings subsets v2,
    // v2-mysql and v2-mysql-vm of the DestinationRules select no pods (IST0173, an error).
    const QStringList ratingsSubsets { QStringLiteral("IST0173") };
    // The request-routing task as the docs run it: workloads, all DestinationRules, all-v1 routing.
    QTest::addRow("bookinfo request routing task")
        << QStringList { samples + QStringLiteral("bookinfo/platform/kube/bookinfo.yaml"),
               samples + QStringLiteral("bookinfo/networking/destination-rule-all.yaml"),
               samples + QStringLiteral("bookinfo/networking/virtual-service-all-v1.yaml"),
               samples + QStringLiteral("bookinfo/networking/bookinfo-gateway.yaml") }
        << ratingsSubsets;
    QTest::addRow("bookinfo jason v2 with workloads")
        << QStringList { samples + QStringLiteral("bookinfo/platform/kube/bookinfo.yaml"),
               samples + QStringLiteral("bookinfo/networking/destination-rule-all-mtls.yaml"),
               samples + QStringLiteral("bookinfo/networking/virtual-service-reviews-test-v2.yaml") }
        << ratingsSubsets;
    QTest::addRow("helloworld with gateway")
        << QStringList { samples + QStringLiteral("helloworld/helloworld.yaml"),
               samples + QStringLiteral("helloworld/helloworld-gateway.yaml") }
        << QStringList {};
    QTest::addRow("tcp-echo with services")
        << QStringList { samples + QStringLiteral("tcp-echo/tcp-echo-services.yaml"),
               samples + QStringLiteral("tcp-echo/tcp-echo-all-v1.yaml") }
        << QStringList {};
    QTest::addRow("httpbin with gateway") << QStringList { samples + QStringLiteral("httpbin/httpbin.yaml"),
        samples + QStringLiteral("httpbin/httpbin-gateway.yaml") }
                                          << QStringList {};
}

void TestCheckerCorpus::documentedSamplesAreClean()
{
    QFETCH(QStringList, files);
    QFETCH(QStringList, istioctlReports);
    const Run run = check(files);
    for (const Diagnostic &d : run.found)
        QVERIFY2(d.severity == Diagnostic::Severity::Info || istioctlReports.contains(d.code),
            qPrintable(d.toText()));
}

void TestCheckerCorpus::everyFileChecksWithoutCrash()
{
    // Every YAML file of tests/data, then every file of the corpus (its
    // *.golden outputs and templates too) when it is configured.
    int files = 0;
    for (const QString &f : test::dataYamlFiles() + test::filesUnder(corpus, { QStringLiteral("*") })) {
        if (f.endsWith(QLatin1String(".md")) || f.endsWith(QLatin1String("SHA256SUMS")))
            continue;
        const Run run = check({ f });
        ++files;
        for (const Diagnostic &d : run.found) {
            // Every finding says where, what and which code of the table.
            QVERIFY2(!d.file.isEmpty() && d.line > 0 && d.column > 0, qPrintable(d.toText()));
            QVERIFY2(DiagnosticCodes::find(d.code), qPrintable(d.toText()));
            QVERIFY2(!d.resource.isEmpty() && !d.path.isEmpty(), qPrintable(d.toText()));
            QVERIFY2(!d.message.isEmpty(), qPrintable(d.toText()));
        }
    }
    QVERIFY(files >= test::sweepMinimum(80, 280));
}

// The editor shows each edited resource's own findings at once (checkResource)
// and the cross-resource ones later: the pieces must add up to check(), over
// every file of tests/data and the corpus, with suppression applied the same way.
void TestCheckerCorpus::partsAreTheWholeCheck()
{
    int files = 0, resources = 0, findings = 0;
    auto same = [](const Diagnostics &a, const Diagnostics &b) {
        if (a.size() != b.size())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i)
            if (a[i].toText() != b[i].toText() || a[i].resourceId != b[i].resourceId
                || a[i].path != b[i].path)
                return false;
        return true;
    };
    CheckOptions quiet;
    quiet.ignoredCodes = { QStringLiteral("IST0101") };
    for (const QString &path : test::sweepYamlFiles(true)) {
        const LoadResult load = Loader::loadPaths({ path });
        for (const CheckOptions &options : { CheckOptions {}, quiet }) {
            const Diagnostics whole = Checker::check(load.workspace, options);
            const Checker::Parts parts = Checker::checkParts(load.workspace, options);
            QVERIFY2(same(Checker::combine(load.workspace, parts), whole), qPrintable(dump(whole)));
            for (const Resource &r : load.workspace.resources) {
                const Diagnostics own = Checker::checkResource(load.workspace, r, options);
                QVERIFY2(same(own, parts.perResource.value(r.id)),
                    qPrintable(r.displayName() + QLatin1Char('\n') + dump(own)));
                ++resources;
                findings += int(own.size());
            }
        }
        ++files;
    }
    QVERIFY(files >= test::sweepMinimum(80, 280));
    // tests/data/check and the corpus have invalid fixtures: the per-resource part is not empty
    QVERIFY(findings > test::sweepMinimum(100, 200));
    qInfo("%d files, %d resources, %d per-resource findings", files, resources / 2, findings);
}

QTEST_GUILESS_MAIN(TestCheckerCorpus)
#include "tst_checkercorpus.moc"
