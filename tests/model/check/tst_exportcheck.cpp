// What stops an export: errors the API server would reject in the exported
// objects, and nothing else (analysis findings, warnings, objects left out).
#include "checker.h"
#include "diagnosticcodes.h"
#include "exportcheck.h"
#include "loader.h"
#include "resourcereader.h"

#include <QtTest>

using namespace meshroute;

namespace {

const QString dataDir = QStringLiteral(MESHROUTE_TEST_DATA_DIR "/export/");

Diagnostics blockingOf(const LoadResult &load, const QStringList &kinds = {})
{
    ExportOptions options;
    options.kinds = kinds;
    return ExportCheck::blockingErrors(load.files, load.workspace, load.diagnostics, options);
}

QStringList codesOf(const Diagnostics &ds)
{
    QStringList out;
    for (const Diagnostic &d : ds)
        out.append(d.code);
    return out;
}

const QByteArray validVirtualService = "apiVersion: networking.istio.io/v1\n"
                                       "kind: VirtualService\n"
                                       "metadata:\n"
                                       "  name: ok\n"
                                       "spec:\n"
                                       "  hosts: [ok]\n"
                                       "  http:\n"
                                       "  - route:\n"
                                       "    - destination:\n"
                                       "        host: ok\n";

} // namespace

class TestExportCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theTableSaysWhatTheApiServerRejects();
    void webhookErrorsBlockWithTheirPlace();
    void analysisFindingsAndWarningsDoNotBlock();
    void theKindFilterDecidesWhatCounts();
    void loaderErrorsBlockOnlyExportedObjects();
    void anUnreadableDocumentAlwaysBlocks();
    void ignoreAnnotationsDoNotSilenceTheApiServer();
};

void TestExportCheck::theTableSaysWhatTheApiServerRejects()
{
    // The checker's MR1xxx codes are the webhook's and the schema's rules; IST (istioctl
    // analyze) and MR2xxx are analysis, which the API server never runs.
    for (const DiagnosticCodeInfo &c : DiagnosticCodes::all()) {
        const bool webhook = c.code.startsWith(QLatin1String("MR1"));
        QVERIFY2(c.rejectedByApiServer == webhook, qPrintable(c.code));
        QCOMPARE(DiagnosticCodes::rejectedByApiServer(c.code), webhook);
    }
    QVERIFY(DiagnosticCodes::rejectedByApiServer(QString::fromLatin1(ResourceReader::CodeYamlSyntax)));
    QVERIFY(DiagnosticCodes::rejectedByApiServer(QString::fromLatin1(ResourceReader::CodeWrongType)));
    QVERIFY(!DiagnosticCodes::rejectedByApiServer(QString::fromLatin1(ResourceReader::CodeUnknownField)));
    QVERIFY(!DiagnosticCodes::rejectedByApiServer(QStringLiteral("XX9999")));
}

void TestExportCheck::webhookErrorsBlockWithTheirPlace()
{
    const QString path = dataDir + QStringLiteral("rejected.yaml");
    const LoadResult load = Loader::loadPaths({ path });
    QVERIFY(!load.inputError);
    const Diagnostics blocking = blockingOf(load);
    // validation.go validateHTTPRoute: "destination is required"; validateTLSMatch: "sniHosts must be
    // specified".
    QVERIFY2(codesOf(blocking).contains(QString::fromLatin1(Code::MissingRequiredField)),
        qPrintable(codesOf(blocking).join(QLatin1Char(' '))));
    QVERIFY(codesOf(blocking).contains(QString::fromLatin1(Code::InvalidL4Route)));
    for (const Diagnostic &d : blocking) {
        QCOMPARE(d.severity, Diagnostic::Severity::Error);
        QCOMPARE(d.file, path);
        QVERIFY(d.line > 0 && d.column > 0);
        QVERIFY(d.resource.startsWith(QLatin1String("VirtualService default/")));
    }
    const Diagnostic &first = blocking.first();
    QCOMPARE(first.resource, QStringLiteral("VirtualService default/reviews"));
    QVERIFY2(first.line >= 12 && first.line <= 14, qPrintable(first.toText())); // spec.http[0].route[0]
    for (int i = 1; i < blocking.size(); ++i)
        QVERIFY(blocking[i - 1].line <= blocking[i].line);
}

void TestExportCheck::analysisFindingsAndWarningsDoNotBlock()
{
    const LoadResult load = Loader::loadPaths({ dataDir + QStringLiteral("findings-only.yaml") });
    const Diagnostics found = Checker::check(load.workspace);
    // The checker does find an error (IST0101) and a warning (MR2001) ...
    QVERIFY(codesOf(found).contains(QString::fromLatin1(Code::ReferencedResourceNotFound)));
    QVERIFY(codesOf(found).contains(QString::fromLatin1(Code::SingleDestinationWeight)));
    // ... and neither stops an export.
    QVERIFY2(blockingOf(load).isEmpty(), qPrintable(codesOf(blockingOf(load)).join(QLatin1Char(' '))));

    // A warning with a webhook code (the webhook itself only warns) does not block either.
    const LoadResult legacy = Loader::loadText(
        QByteArray(validVirtualService).replace("  http:\n", "  gateways: [edge.istio-system]\n  http:\n"));
    QVERIFY(codesOf(Checker::check(legacy.workspace))
                .contains(QString::fromLatin1(Code::LegacyGatewayReference)));
    QVERIFY(blockingOf(legacy).isEmpty());
}

void TestExportCheck::theKindFilterDecidesWhatCounts()
{
    const LoadResult load = Loader::loadPaths({ dataDir + QStringLiteral("rejected.yaml") });
    QVERIFY(blockingOf(load, { QStringLiteral("dr") }).isEmpty());
    QVERIFY(!blockingOf(load, { QStringLiteral("vs") }).isEmpty());
    QVERIFY(!blockingOf(load, { QStringLiteral("VirtualService"), QStringLiteral("dr") }).isEmpty());
}

void TestExportCheck::loaderErrorsBlockOnlyExportedObjects()
{
    // A List: a wrong type in the Service item, nothing wrong with the VirtualService item.
    const QByteArray list = "apiVersion: v1\n"
                            "kind: List\n"
                            "items:\n"
                            "- apiVersion: v1\n"
                            "  kind: Service\n"
                            "  metadata:\n"
                            "    name: ok\n"
                            "  spec:\n"
                            "    ports:\n"
                            "    - port: eighty\n"
                            "- apiVersion: networking.istio.io/v1\n"
                            "  kind: VirtualService\n"
                            "  metadata:\n"
                            "    name: ok\n"
                            "  spec:\n"
                            "    hosts: [ok]\n"
                            "    http:\n"
                            "    - route:\n"
                            "      - destination:\n"
                            "          host: ok\n";
    const LoadResult load = Loader::loadText(list, QStringLiteral("list.yaml"));
    QVERIFY(codesOf(load.diagnostics).contains(QString::fromLatin1(ResourceReader::CodeWrongType)));
    const Diagnostics all = blockingOf(load);
    QCOMPARE(codesOf(all), QStringList { QString::fromLatin1(ResourceReader::CodeWrongType) });
    QCOMPARE(all.first().file, QStringLiteral("list.yaml"));
    QCOMPARE(all.first().line, 10);
    QVERIFY(blockingOf(load, { QStringLiteral("vs") }).isEmpty());
    QCOMPARE(blockingOf(load, { QStringLiteral("svc") }).size(), 1);
}

void TestExportCheck::anUnreadableDocumentAlwaysBlocks()
{
    // Its kind is unknown, so no --kind filter can say it is left out.
    const QByteArray text = validVirtualService + "---\napiVersion: v1\nkind: Service\nmetadata: {name: [x\n";
    const LoadResult load = Loader::loadText(text, QStringLiteral("two.yaml"));
    QCOMPARE(load.workspace.resources.size(), 1);
    for (const QStringList &kinds : { QStringList {}, QStringList { QStringLiteral("vs") } }) {
        const Diagnostics blocking = blockingOf(load, kinds);
        QCOMPARE(codesOf(blocking), QStringList { QString::fromLatin1(ResourceReader::CodeYamlSyntax) });
        QVERIFY(blocking.first().line >= 12);
    }
}

void TestExportCheck::ignoreAnnotationsDoNotSilenceTheApiServer()
{
    const QByteArray text = "apiVersion: networking.istio.io/v1\n"
                            "kind: VirtualService\n"
                            "metadata:\n"
                            "  name: quiet\n"
                            "  annotations:\n"
                            "    meshroute.io/ignore: MR1022\n"
                            "spec:\n"
                            "  hosts: [quiet]\n"
                            "  http:\n"
                            "  - route:\n"
                            "    - weight: 100\n";
    const LoadResult load = Loader::loadText(text);
    QVERIFY(
        !codesOf(Checker::check(load.workspace)).contains(QString::fromLatin1(Code::MissingRequiredField)));
    QVERIFY(codesOf(blockingOf(load)).contains(QString::fromLatin1(Code::MissingRequiredField)));
}

QTEST_GUILESS_MAIN(TestExportCheck)
#include "tst_exportcheck.moc"
