// What export writes passes the CRDs' structural schemas, checked by an
// independent validator (tests/model/resources/crdschemavalidator.h: yaml-cpp, the CRD's own
// openAPIV3Schema). The corpus sweep exports every file of the public corpus
// and validates the Gateway API objects against the corpus's Gateway API CRDs,
// and, when MESHROUTE_ISTIO_CRDS names Istio's CRD file (istio/api
// kubernetes/customresourcedefinitions.gen.yaml, not in this repository), the
// Istio objects too: whatever export writes without --force must validate.
#include "corpus.h"
#include "crdschemavalidator.h"

#include "exportcheck.h"
#include "exporter.h"
#include "loader.h"

#include <QDirIterator>
#include <QtTest>

using namespace meshroute;
using meshroute::test::CrdSchemaValidator;

namespace {

const QString dataDir = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/export/");

} // namespace

class TestExportSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theValidatorEnforcesEachRule();
    void exportedFixturesValidate();
    void corpusExportsValidate();
    void corpusGatewayApiObjectsTheCrdAcceptsExport();
};

void TestExportSchema::theValidatorEnforcesEachRule()
{
    CrdSchemaValidator validator;
    QString error;
    QVERIFY2(validator.addCrdFile(dataDir + QStringLiteral("example-crd.yaml"), &error), qPrintable(error));
    QCOMPARE(validator.schemaCount(), 1);
    const QList<YAML::Node> docs = [] {
        QList<YAML::Node> out;
        for (const YAML::Node &d :
            YAML::LoadAllFromFile((dataDir + QStringLiteral("example-routes.yaml")).toStdString()))
            out.append(d);
        return out;
    }();
    QCOMPARE(docs.size(), 2);
    QVERIFY2(validator.validate(docs[0]).isEmpty(),
        qPrintable(validator.validate(docs[0]).join(QLatin1Char('\n'))));
    const QStringList bad = validator.validate(docs[1]);
    const QString all = bad.join(QLatin1Char('\n'));
    QCOMPARE(bad.size(), 7);
    for (const char *where :
        { "spec.hosts[0]: \"UPPER.example\" does not match", "spec.hosts: more than 2 items",
            "spec.port: 70000 is above the maximum", "spec.weight: 2147483648 is out of range for int32",
            "spec.mode: \"simple\" is not one of", "spec.timeout: expected int-or-string, got array",
            "spec.match: matches 2 of the exclusive forms" })
        QVERIFY2(all.contains(QLatin1String(where)), qPrintable(all));
    // A missing required field, and a kind no CRD defines.
    YAML::Node noSpec = YAML::Clone(docs[0]);
    noSpec.remove("spec");
    QCOMPARE(validator.validate(noSpec), QStringList { QStringLiteral("(object): spec is required") });
    YAML::Node other = YAML::Load("apiVersion: v1\nkind: Service\nmetadata: {name: x}\n");
    QVERIFY(!validator.knows(other));
}

void TestExportSchema::exportedFixturesValidate()
{
    // The made-up kind goes through export whole; its output must validate as its input does.
    CrdSchemaValidator validator;
    QVERIFY(validator.addCrdFile(dataDir + QStringLiteral("example-crd.yaml")));
    const LoadResult load = Loader::loadPaths({ dataDir + QStringLiteral("example-routes.yaml") });
    const QByteArray out = Exporter::exportYaml(load.files, load.workspace, {});
    int checked = 0;
    const QStringList errors = validator.validateStream(out, &checked);
    QCOMPARE(checked, 2);
    QCOMPARE(errors.size(), 7); // the bad object's, and only those
    for (const QString &e : errors)
        QVERIFY2(e.startsWith(QLatin1String("document 2: Route bad: ")), qPrintable(e));
}

void TestExportSchema::corpusExportsValidate()
{
    MESHROUTE_REQUIRE_CORPUS();
    CrdSchemaValidator validator;
    QString error;
    QVERIFY2(validator.addCrdFolder(meshroute::test::corpusPath(
                                        QStringLiteral("kubernetes-sigs-gateway-api/config/crd/standard")),
                 &error),
        qPrintable(error));
    QVERIFY(validator.schemaCount() >= 4);
    const QString istioCrds = qEnvironmentVariable("MESHROUTE_ISTIO_CRDS");
    if (!istioCrds.isEmpty())
        QVERIFY2(validator.addCrdFile(istioCrds, &error), qPrintable(error));
    else
        qInfo("Istio objects not validated: set MESHROUTE_ISTIO_CRDS to istio/api's "
              "kubernetes/customresourcedefinitions.gen.yaml to include them");

    int files = 0, exported = 0, refused = 0, checked = 0;
    QStringList disagreements;
    QDirIterator it(meshroute::test::corpusDir(), { QStringLiteral("*.yaml"), QStringLiteral("*.yml") },
        QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        ++files;
        const LoadResult load = Loader::loadPaths({ path });
        if (load.inputError)
            continue;
        const Diagnostics blocking
            = ExportCheck::blockingErrors(load.files, load.workspace, load.diagnostics, {});
        const QByteArray out = Exporter::exportYaml(load.files, load.workspace, {});
        int n = 0;
        const QStringList errors = validator.validateStream(out, &n);
        if (!blocking.isEmpty()) {
            ++refused; // export refuses it; the forced output may fail the schemas
            continue;
        }
        ++exported;
        checked += n;
        for (const QString &e : errors)
            disagreements.append(path + QStringLiteral(": ") + e);
    }
    qInfo("%d corpus files: %d exported, %d refused; %d exported objects validated against their CRDs", files,
        exported, refused, checked);
    QVERIFY(files > 100);
    QVERIFY(checked > 0);
    QVERIFY2(disagreements.isEmpty(), qPrintable(disagreements.join(QLatin1Char('\n'))));
}

// Every Gateway API object of the corpus that its CRD accepts as written (the v1.6.0 CRDs of
// the corpus, read at test time) is exported, not refused, and the export validates against
// the CRD of its own version: export keeps apiVersion as written and strips only cluster noise.
void TestExportSchema::corpusGatewayApiObjectsTheCrdAcceptsExport()
{
    MESHROUTE_REQUIRE_CORPUS();
    CrdSchemaValidator validator;
    QString error;
    QVERIFY2(validator.addCrdFolder(meshroute::test::corpusPath(
                                        QStringLiteral("kubernetes-sigs-gateway-api/config/crd/standard")),
                 &error),
        qPrintable(error));
    int accepted = 0, unknownVersion = 0, rejectedBySchema = 0;
    QStringList disagreements;
    for (const QString &path :
        meshroute::test::filesUnder(meshroute::test::corpusDir(), meshroute::test::yamlFilters())) {
        const LoadResult load = Loader::loadPaths({ path });
        const Diagnostics blocking
            = ExportCheck::blockingErrors(load.files, load.workspace, load.diagnostics, {});
        for (const Resource &r : load.workspace.resources) {
            if (!r.kubernetesGateway() && !r.gatewayApiRoute() && !r.referenceGrant() && !r.gatewayClass())
                continue;
            const SourceFile &file = load.files[r.fileIndex];
            const YamlDocumentSpan &span = file.spans[std::size_t(r.documentIndex)];
            const QByteArray document = file.text.mid(span.offset, span.length);
            YAML::Node source = YAML::Load(document.toStdString());
            if (r.listItem >= 0)
                source = source["items"][r.listItem];
            // The Gateway API CRDs have the status subresource: the API server ignores `status` in
            // what kubectl applies, so only the rest is the object as the CRD judges it.
            source.remove("status");
            if (!validator.knows(source)) {
                ++unknownVersion; // TCPRoute, TLSRoute, v1alpha2: not in the standard channel's CRDs
                continue;
            }
            if (const QStringList refused = validator.validate(source); !refused.isEmpty()) {
                ++rejectedBySchema; // kubectl apply would fail too: not export's to fix
                qInfo("%s: %s refused by its CRD as written: %s", qPrintable(path),
                    qPrintable(r.displayName()), qPrintable(refused.first()));
                continue;
            }
            ++accepted;
            const QString where = path + QStringLiteral(": ") + r.displayName();
            for (const Diagnostic &d : blocking)
                if (d.resource == r.displayName())
                    disagreements.append(where
                        + QStringLiteral(" is accepted by its CRD but export refuses it: ") + d.toText());
            const QByteArray out = Exporter::objectText(document, r, {});
            const YAML::Node exported = YAML::Load(out.toStdString());
            if (exported["apiVersion"].as<std::string>() != source["apiVersion"].as<std::string>())
                disagreements.append(where + QStringLiteral(": apiVersion changed"));
            if (exported["status"] || (exported["metadata"] && exported["metadata"]["managedFields"]))
                disagreements.append(where + QStringLiteral(": cluster noise exported"));
            for (const QString &e : validator.validate(exported))
                disagreements.append(where + QStringLiteral(": export fails its CRD: ") + e);
        }
    }
    qInfo("Gateway API objects of the corpus: %d accepted by their CRD and exported, %d of a kind or version "
          "the standard CRDs do not serve, %d that the CRD refuses as written",
        accepted, unknownVersion, rejectedBySchema);
    QVERIFY(accepted >= 100);
    QVERIFY2(disagreements.isEmpty(), qPrintable(disagreements.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestExportSchema)
#include "tst_exportschema.moc"
