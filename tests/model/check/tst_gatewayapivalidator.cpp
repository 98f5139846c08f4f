// The Gateway API checks on our own fixtures (tests/data/gatewayapi/check): one YAML file per
// family of rule, each with `<family>.expected` listing every Gateway API finding as
// `line:col: severity: [CODE]`. The fixtures say, above each case, which rule of which CRD it
// breaks, quoted from kubernetes-sigs/gateway-api v1.6.0 config/crd/standard/
// gateway.networking.k8s.io_{httproutes,grpcroutes,gateways,referencegrants}.yaml (the version
// Istio 86c9f01 pins). With the corpus, every CEL rule of those CRDs is checked to have a finding
// that quotes it, or to be listed here with why it cannot be decided from one object.

#include "checker.h"
#include "corpus.h"
#include "diagnosticcodes.h"
#include "diagnosticdocs.h"
#include "exportcheck.h"
#include "goldendiagnostics.h"
#include "loader.h"

#include <QDir>
#include <QSet>
#include <QtTest>
#include <yaml-cpp/yaml.h>

using namespace meshroute;
using meshroute::test::readFile;

namespace {

const QString fixtures = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/gatewayapi/check");

bool isGatewayApiCode(const QString &code)
{
    return code.startsWith(QLatin1String("MR11")) || code == QLatin1String(Code::GatewayApiRegexNotRe2)
        || code == QLatin1String(Code::GatewayApiRuleNeverWins)
        || code == QLatin1String(Code::RouteAndVirtualServiceShareHost)
        || code == QLatin1String(Code::GatewayApiCrdVersionBelowMinimum)
        || code == QLatin1String(Code::IneffectiveSelector);
}

Diagnostics gatewayApiFindings(const QString &file)
{
    const LoadResult load = Loader::loadPaths({ file });
    Diagnostics out;
    for (const Diagnostic &d : Checker::check(load.workspace))
        if (isGatewayApiCode(d.code))
            out.append(d);
    return out;
}

// The x-kubernetes-validations messages of the served v1 version of a CRD.
void celMessages(const YAML::Node &n, QStringList &out)
{
    if (n.IsMap()) {
        for (const auto &kv : n) {
            if (kv.first.as<std::string>() == "x-kubernetes-validations")
                for (const YAML::Node &rule : kv.second)
                    out.append(QString::fromStdString(rule["message"].as<std::string>()));
            else
                celMessages(kv.second, out);
        }
    } else if (n.IsSequence()) {
        for (const YAML::Node &item : n)
            celMessages(item, out);
    }
}

// The CEL rules of the standard CRDs that no check of one object can decide from our model, and why.
const QHash<QString, QString> &undecided()
{
    static const QHash<QString, QString> why {
        { QStringLiteral("Port for TLS configuration must be unique within the Gateway"),
            QStringLiteral("spec.tls.frontend.perPort is not modelled (gatewayapi.h)") },
        { QStringLiteral(
              "Annotation keys must be in the form of an optional DNS subdomain prefix followed by a "
              "required name segment of up to 63 characters."),
            QStringLiteral("spec.infrastructure is not modelled") },
        { QStringLiteral(
              "If specified, the annotation key's prefix must be a DNS subdomain not longer than 253 "
              "characters in total."),
            QStringLiteral("spec.infrastructure is not modelled") },
        { QStringLiteral(
              "Label keys must be in the form of an optional DNS subdomain prefix followed by a required "
              "name segment of up to 63 characters."),
            QStringLiteral("spec.infrastructure is not modelled") },
        { QStringLiteral("If specified, the label key's prefix must be a DNS subdomain not longer than 253 "
                         "characters in total."),
            QStringLiteral("spec.infrastructure is not modelled") },
    };
    return why;
}

} // namespace

class TestGatewayApiValidator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void families_data();
    void families();
    void validFixtureHasNoFinding();
    void everyGatewayApiCodeHasAFixture();
    void findingsQuoteTheCrdRule();
    void everyCelRuleOfTheCrdsIsChecked();
    void exportRefusesWhatTheCrdRejects();
    void docsLinkToTheGatewayApiReference();
};

void TestGatewayApiValidator::families_data()
{
    QTest::addColumn<QString>("name");
    const QStringList files = QDir(fixtures).entryList({ QStringLiteral("*.yaml") }, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 15);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << f.chopped(5);
}

void TestGatewayApiValidator::families()
{
    QFETCH(QString, name);
    const Diagnostics found
        = gatewayApiFindings(fixtures + QLatin1Char('/') + name + QStringLiteral(".yaml"));
    const QString actual = test::goldenDiagnostics(found);
    const QString expectedPath = fixtures + QLatin1Char('/') + name + QStringLiteral(".expected");
    if (qEnvironmentVariableIsSet("MESHROUTE_UPDATE_GOLDEN")) {
        QFile f(expectedPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(actual.toUtf8());
        return;
    }
    if (actual != QString::fromUtf8(readFile(expectedPath)))
        for (const Diagnostic &d : found)
            qWarning().noquote() << d.toText() << d.path;
    QCOMPARE(actual, QString::fromUtf8(readFile(expectedPath)));
}

// The fixture that uses every family the way the CRDs accept it: nothing at all is reported.
void TestGatewayApiValidator::validFixtureHasNoFinding()
{
    const LoadResult load = Loader::loadPaths({ fixtures + QStringLiteral("/valid.yaml") });
    QCOMPARE(load.workspace.resources.size(), 11); // with the Namespace and the backends it routes and mirrors to
    QCOMPARE(load.workspace.resources[1].kind, ResourceKind::HTTPRoute);
    QVERIFY(load.workspace.resources[1].gatewayApiRoute()->rules.size() == 4);
    const Diagnostics found = Checker::check(load.workspace);
    QStringList lines;
    for (const Diagnostic &d : found)
        lines.append(d.toText());
    QVERIFY2(found.isEmpty(), qPrintable(lines.join(QLatin1Char('\n'))));
}

void TestGatewayApiValidator::everyGatewayApiCodeHasAFixture()
{
    QSet<QString> covered;
    for (const QString &f : QDir(fixtures).entryList({ QStringLiteral("*.expected") }, QDir::Files))
        for (const QString &line : QString::fromUtf8(readFile(fixtures + QLatin1Char('/') + f))
                                       .split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            covered.insert(line.section(QLatin1Char('['), 1).section(QLatin1Char(']'), 0, 0));
    int codes = 0;
    for (const DiagnosticCodeInfo &c : DiagnosticCodes::all())
        if (isGatewayApiCode(c.code)) {
            ++codes;
            QVERIFY2(covered.contains(c.code), qPrintable(c.code));
        }
    QCOMPARE(codes, 18);
}

// Where the CRD has a CEL rule, the finding carries its message word for word, so that a user can
// find the rule in the CRD (and this test can check the rule was implemented).
void TestGatewayApiValidator::findingsQuoteTheCrdRule()
{
    QStringList messages;
    for (const QString &f : QDir(fixtures).entryList({ QStringLiteral("*.yaml") }, QDir::Files))
        for (const Diagnostic &d : gatewayApiFindings(fixtures + QLatin1Char('/') + f))
            messages.append(d.message);
    const QString all = messages.join(QLatin1Char('\n'));
    for (const char *rule : { "must not contain '/./' when type one of ['Exact', 'PathPrefix']",
             "RequestRedirect filter must not be used together with backendRefs",
             "Listener name must be unique within the Gateway", "tls mode must be set for protocol TLS",
             "backendRequest timeout cannot be longer than request timeout",
             "sectionName must be unique when parentRefs includes 2 or more references to the same parent" })
        QVERIFY2(all.contains(QLatin1String(rule)), rule);
}

// Every CEL rule of the HTTPRoute, GRPCRoute and Gateway CRDs of the corpus has a fixture whose
// finding quotes it, unless undecided() says why not.
void TestGatewayApiValidator::everyCelRuleOfTheCrdsIsChecked()
{
    MESHROUTE_REQUIRE_CORPUS();
    const QString crds = test::corpusPath(QStringLiteral("kubernetes-sigs-gateway-api/config/crd/standard/"));
    QStringList rules;
    for (const char *crd : { "gateway.networking.k8s.io_httproutes.yaml",
             "gateway.networking.k8s.io_grpcroutes.yaml", "gateway.networking.k8s.io_gateways.yaml" }) {
        const YAML::Node doc = YAML::LoadFile((crds + QLatin1String(crd)).toStdString());
        for (const YAML::Node &version : doc["spec"]["versions"])
            if (version["name"].as<std::string>() == "v1")
                celMessages(version["schema"]["openAPIV3Schema"]["properties"]["spec"], rules); // not status
    }
    rules.removeDuplicates();
    QVERIFY(rules.size() >= 50);
    QStringList messages;
    for (const QString &f : QDir(fixtures).entryList({ QStringLiteral("*.yaml") }, QDir::Files))
        for (const Diagnostic &d : gatewayApiFindings(fixtures + QLatin1Char('/') + f))
            messages.append(d.message);
    const QString all = messages.join(QLatin1Char('\n'));
    QStringList missing;
    for (const QString &rule : std::as_const(rules))
        if (!all.contains(rule) && !undecided().contains(rule))
            missing.append(rule);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
}

// The CRD rules are what the API server rejects: export refuses them as it refuses Istio's webhook
// errors (DiagnosticCodeInfo::rejectedByApiServer); the analyses (RE2, never-winning matches) warn.
void TestGatewayApiValidator::exportRefusesWhatTheCrdRejects()
{
    const LoadResult paths = Loader::loadPaths({ fixtures + QStringLiteral("/paths.yaml") });
    const Diagnostics blocking
        = ExportCheck::blockingErrors(paths.files, paths.workspace, paths.diagnostics, {});
    QVERIFY(!blocking.isEmpty());
    for (const Diagnostic &d : blocking)
        QVERIFY2(d.code.startsWith(QLatin1String("MR11")), qPrintable(d.toText()));
    for (const char *warnOnly : { "regex.yaml", "shadow.yaml", "valid.yaml" }) {
        const LoadResult load = Loader::loadPaths({ fixtures + QLatin1Char('/') + QLatin1String(warnOnly) });
        const Diagnostics none
            = ExportCheck::blockingErrors(load.files, load.workspace, load.diagnostics, {});
        QVERIFY2(none.isEmpty(), warnOnly);
    }
    for (const DiagnosticCodeInfo &c : DiagnosticCodes::all())
        if (c.code.startsWith(QLatin1String("MR11")))
            QVERIFY2(c.rejectedByApiServer && c.severity == Diagnostic::Severity::Error, qPrintable(c.code));
}

void TestGatewayApiValidator::docsLinkToTheGatewayApiReference()
{
    QCOMPARE(DiagnosticDocs::url(QLatin1String(Code::GatewayApiInvalidPath)),
        QStringLiteral("https://gateway-api.sigs.k8s.io/reference/spec/#httppathmatch"));
    QCOMPARE(DiagnosticDocs::url(QLatin1String(Code::GatewayApiInvalidListener)),
        QStringLiteral("https://gateway-api.sigs.k8s.io/reference/spec/#listener"));
    QCOMPARE(DiagnosticDocs::url(QLatin1String(Code::GatewayApiCrdVersionBelowMinimum)),
        QStringLiteral("https://istio.io/latest/docs/reference/config/analysis/ist0176/"));
}

QTEST_GUILESS_MAIN(TestGatewayApiValidator)
#include "tst_gatewayapivalidator.moc"
