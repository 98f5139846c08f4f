// The CRD rules (MR11xx) against every Gateway API object of the public corpus: the Gateway API
// conformance manifests and examples (kubernetes-sigs/gateway-api), Istio's translation inputs
// (pilot/pkg/config/kube/gateway/testdata), samples and analyzer test data. The API server
// accepts all of these, so an MR11xx error on one would tell a user that a valid file is broken;
// the only exceptions are listed in deliberatelyInvalid() with why. Needs MESHROUTE_CORPUS_DIR.

#include "checker.h"
#include "corpus.h"
#include "diagnosticcodes.h"
#include "loader.h"

#include <QtTest>

using namespace meshroute;

namespace {

// Corpus files (relative to the corpus folder) that break a CRD rule on purpose, and why.
const QHash<QString, QString> &deliberatelyInvalid()
{
    static const QHash<QString, QString> files {};
    return files;
}

bool isGatewayApiFile(const QString &path)
{
    return test::readFile(path).contains("gateway.networking.k8s.io/");
}

} // namespace

class TestGatewayApiCorpus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void crdRulesAcceptTheCorpus_data();
    void crdRulesAcceptTheCorpus();
    void istioCrdVersionCase();
    void istioSelectorCase();
};

void TestGatewayApiCorpus::crdRulesAcceptTheCorpus_data()
{
    MESHROUTE_REQUIRE_CORPUS();
    QTest::addColumn<QString>("path");
    int rows = 0;
    for (const QString &f : test::corpusYamlFiles())
        if (isGatewayApiFile(f)) {
            QTest::newRow(qPrintable(test::sweepRowName(f))) << f;
            ++rows;
        }
    QVERIFY2(rows >= 50, qPrintable(QString::number(rows)));
}

void TestGatewayApiCorpus::crdRulesAcceptTheCorpus()
{
    QFETCH(QString, path);
    const LoadResult load = Loader::loadPaths({ path });
    QStringList errors;
    for (const Diagnostic &d : Checker::check(load.workspace))
        if (d.code.startsWith(QLatin1String("MR11")))
            errors.append(d.toText() + QStringLiteral("  {") + d.path + QLatin1Char('}'));
    const QString relative = path.mid(test::corpusDir().size() + 1);
    if (deliberatelyInvalid().contains(relative)) {
        QVERIFY2(
            !errors.isEmpty(), qPrintable(relative + QStringLiteral(" is listed as invalid but passes")));
        return;
    }
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
}

// istioctl's own test case for IST0176 (pkg/config/analysis/analyzers/analyzers_test.go:
// gateway-api-crd-version-old.yaml expects IST0176 on the TLSRoute CRD at v1.4.1, below 1.5.0; the
// GRPCRoute CRD at v1.4.1 is above its 1.1.0).
void TestGatewayApiCorpus::istioCrdVersionCase()
{
    MESHROUTE_REQUIRE_CORPUS();
    const LoadResult load = Loader::loadPaths({ test::corpusPath(QStringLiteral(
        "istio-istio/pkg/config/analysis/analyzers/testdata/gateway-api-crd-version-old.yaml")) });
    QStringList found;
    for (const Diagnostic &d : Checker::check(load.workspace))
        if (d.code == QLatin1String(Code::GatewayApiCrdVersionBelowMinimum))
            found.append(d.resource);
    QCOMPARE(found,
        QStringList {
            QStringLiteral("CustomResourceDefinition default/tlsroutes.gateway.networking.k8s.io") });
}

// istioctl's own test case for IST0166 (analyzers_test.go: k8sgateway-selector.yaml expects it on
// the RequestAuthentication, AuthorizationPolicy, WasmPlugin and Telemetry that only have a
// selector, not on the Telemetry that also has a targetRef).
void TestGatewayApiCorpus::istioSelectorCase()
{
    MESHROUTE_REQUIRE_CORPUS();
    const LoadResult load = Loader::loadPaths({ test::corpusPath(
        QStringLiteral("istio-istio/pkg/config/analysis/analyzers/testdata/k8sgateway-selector.yaml")) });
    QStringList found;
    for (const Diagnostic &d : Checker::check(load.workspace))
        if (d.code == QLatin1String(Code::IneffectiveSelector))
            found.append(d.resource);
    QCOMPARE(found,
        (QStringList { QStringLiteral("RequestAuthentication default/ra-ineffective"),
            QStringLiteral("AuthorizationPolicy default/ap-ineffective"),
            QStringLiteral("WasmPlugin default/wasmplugin-ineffective"),
            QStringLiteral("Telemetry default/telemetry-ineffective") }));
}

QTEST_GUILESS_MAIN(TestGatewayApiCorpus)
#include "tst_gatewayapicorpus.moc"
