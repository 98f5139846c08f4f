// The converter over every manifest we have: each file of tests/data and (with
// MESHROUTE_CORPUS_DIR) of the public corpus that holds VirtualServices
// converts without a crash, the output reads back without reader errors,
// validates against the Gateway API CRDs (corpus: kubernetes-sigs/gateway-api
// config/crd/standard) and the proof runs. Differences are allowed: real
// manifests use features Gateway API lacks; they are counted in the output.
#include "corpus.h"
#include "crdschemavalidator.h"
#include "gatewayapimigration.h"
#include "loader.h"
#include "migrationproof.h"

#include <QtTest>

using namespace meshroute;

class TstConvertCorpus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void testDataConverts();
    void corpusConverts();

private:
    struct Totals
    {
        int files = 0, converted = 0, requests = 0, differences = 0, warnings = 0, validated = 0;
    };
    // Converts one file; a failure names the file and what went wrong.
    static void sweep(const QStringList &files, const test::CrdSchemaValidator *crds, Totals *totals);
};

void TstConvertCorpus::sweep(const QStringList &files, const test::CrdSchemaValidator *crds, Totals *totals)
{
    for (const QString &file : files) {
        ++totals->files;
        const LoadResult load = Loader::loadPaths({ file });
        if (load.workspace.ofKind(ResourceKind::VirtualService).isEmpty())
            continue;
        ++totals->converted;
        const MigrationResult m = GatewayApiMigration::convert(load.workspace);
        const ProofReport proof = MigrationProof::run(load.workspace, m);
        QStringList problems;
        for (const Diagnostic &d : proof.convertedErrors)
            problems << d.toText();
        QVERIFY2(problems.isEmpty(),
            qPrintable(test::sweepRowName(file) + QStringLiteral(": output does not read back:\n")
                + problems.join('\n')));
        if (crds) {
            int checked = 0;
            const QStringList errors = crds->validateStream(m.yaml, &checked);
            QVERIFY2(errors.isEmpty(),
                qPrintable(
                    test::sweepRowName(file) + QStringLiteral(" against the CRDs:\n") + errors.join('\n')));
            totals->validated += checked;
        }
        totals->requests += proof.requests;
        totals->differences += proof.differences.size();
        totals->warnings += m.warnings.size();
    }
}

void TstConvertCorpus::testDataConverts()
{
    Totals totals;
    sweep(test::dataYamlFiles(), nullptr, &totals);
    QVERIFY(totals.converted >= 4); // at least tests/data/convert's fixtures
    qInfo(
        "tests/data: %d files, %d with VirtualServices converted; proof: %d requests, %d differ; %d warnings",
        totals.files, totals.converted, totals.requests, totals.differences, totals.warnings);
}

void TstConvertCorpus::corpusConverts()
{
    MESHROUTE_REQUIRE_CORPUS();
    test::CrdSchemaValidator crds;
    QString error;
    QVERIFY2(crds.addCrdFolder(
                 test::corpusPath(QStringLiteral("kubernetes-sigs-gateway-api/config/crd/standard")), &error),
        qPrintable(error));
    QVERIFY(crds.schemaCount() > 0);
    Totals totals;
    sweep(test::corpusYamlFiles(), &crds, &totals);
    QVERIFY2(totals.converted >= 10, qPrintable(QString::number(totals.converted)));
    qInfo("corpus: %d files, %d with VirtualServices converted, %d Gateway API objects validated against the "
          "CRDs; proof: %d requests, %d differ; %d warnings",
        totals.files, totals.converted, totals.validated, totals.requests, totals.differences,
        totals.warnings);
}

QTEST_GUILESS_MAIN(TstConvertCorpus)
#include "tst_convertcorpus.moc"
