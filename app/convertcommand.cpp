#include "clioutput.h"
#include "commands.h"
#include "gatewayapimigration.h"
#include "loader.h"
#include "migrationproof.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace meshroute::cli {

namespace {

QJsonObject diagnosticJson(const Diagnostic &d)
{
    return { { QStringLiteral("file"), d.file }, { QStringLiteral("line"), d.line },
        { QStringLiteral("column"), d.column },
        { QStringLiteral("severity"), Diagnostic::severityName(d.severity) },
        { QStringLiteral("message"), d.message }, { QStringLiteral("resource"), d.resource },
        { QStringLiteral("path"), d.path } };
}

QJsonObject reportJson(const MigrationResult &m, const ProofReport &proof, bool proved)
{
    QJsonArray warnings;
    for (const Diagnostic &d : m.warnings)
        warnings.append(diagnosticJson(d));
    QJsonArray differences;
    for (const ProofDifference &d : proof.differences)
        differences.append(QJsonObject { { QStringLiteral("request"), d.request.sample.requestLine() },
            { QStringLiteral("headers"), QJsonArray::fromStringList(d.request.sample.headers) },
            { QStringLiteral("sender"), d.request.sample.senderText() },
            { QStringLiteral("port"), d.request.sample.port }, { QStringLiteral("origin"), d.request.origin },
            { QStringLiteral("variant"), d.request.variant }, { QStringLiteral("before"), d.before },
            { QStringLiteral("after"), d.after }, { QStringLiteral("why"), d.why } });
    QJsonObject out { { QStringLiteral("gateways"), m.gateways }, { QStringLiteral("services"), m.services },
        { QStringLiteral("httpRoutes"), m.routes }, { QStringLiteral("warnings"), warnings } };
    if (proved)
        out.insert(QStringLiteral("proof"),
            QJsonObject { { QStringLiteral("requests"), proof.requests },
                { QStringLiteral("differences"), differences },
                { QStringLiteral("equivalent"), proof.differences.isEmpty() } });
    return out;
}

void printText(QTextStream &s, const MigrationResult &m, const ProofReport &proof, bool proved)
{
    s << "converted: " << m.gateways << " Gateway(s), " << m.services << " Service(s) for subsets, "
      << m.routes << " HTTPRoute(s)\n";
    for (const Diagnostic &d : m.warnings)
        s << d.toText() << '\n';
    if (!proved)
        return;
    for (const ProofDifference &d : proof.differences) {
        s << "differs: " << d.request.sample.requestLine();
        for (const QString &h : d.request.sample.headers)
            s << " [" << h << ']';
        s << " from " << d.request.sample.senderText() << " port " << d.request.sample.port << " ("
          << d.request.variant << " of " << d.request.origin << ")\n"
          << "  before: " << d.before << "\n  after:  " << d.after << '\n';
        if (!d.why.isEmpty())
            s << "  why:    " << d.why << '\n';
    }
    s << "proof: " << proof.requests << " request(s), " << proof.differences.size() << " differ"
      << (proof.differences.isEmpty() ? ": equivalent" : "") << '\n';
}

} // namespace

int runConvert(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("to"), QStringLiteral("gateway-api"), QStringLiteral("api") });
    parser.addOption({ QStringList { QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("output file"), QStringLiteral("file") });
    parser.addOption({ QStringLiteral("format"), QStringLiteral("text or json"), QStringLiteral("format"),
        QStringLiteral("text") });
    parser.addOption(
        { QStringLiteral("accept-differences"), QStringLiteral("exit 0 when the proof finds differences") });
    parser.addOption(
        { QStringLiteral("no-proof"), QStringLiteral("convert without routing the proof requests") });
    addMaxFileSizeOption(parser);
    if (!parseArguments(parser, QStringLiteral("convert"), args))
        return 2;
    LoadOptions loadOptions;
    if (!readMaxFileSize(parser, QStringLiteral("convert"), &loadOptions))
        return 2;
    const QString format = parser.value(QStringLiteral("format"));
    if (parser.value(QStringLiteral("to")) != QLatin1String("gateway-api")
        || (format != QLatin1String("text") && format != QLatin1String("json"))) {
        err()
            << "meshroute convert: --to gateway-api is required (the only target), --format is text or json\n"
            << "see: meshroute help convert\n";
        return 2;
    }
    if (parser.positionalArguments().isEmpty()) {
        err() << "meshroute convert: no input; give files, folders or - for standard input\n";
        return 2;
    }
    const LoadResult load = Loader::loadPaths(parser.positionalArguments(), loadOptions);
    bool errors = load.inputError;
    for (const Diagnostic &d : load.diagnostics)
        if (d.severity == Diagnostic::Severity::Error) {
            err() << d.toText() << '\n';
            errors = true;
        }
    if (errors) {
        err() << "meshroute convert: nothing converted: the inputs have the errors above\n";
        return 2;
    }
    if (load.workspace.ofKind(ResourceKind::VirtualService).isEmpty()) {
        err() << "meshroute convert: no VirtualService in the inputs: nothing to convert\n";
        return 2;
    }
    const MigrationResult migration = GatewayApiMigration::convert(load.workspace);
    const bool proved = !parser.isSet(QStringLiteral("no-proof"));
    const ProofReport proof = proved ? MigrationProof::run(load.workspace, migration) : ProofReport();
    for (const Diagnostic &d : proof.convertedErrors)
        err() << "meshroute convert: the output does not read back: " << d.toText() << '\n';
    const QString output = parser.value(QStringLiteral("o"));
    QString error;
    if (!writeOutput(output.isEmpty() ? QStringLiteral("-") : output, migration.yaml, &error)) {
        err() << "meshroute: " << error << '\n';
        return 2;
    }
    // With the YAML on standard output, the report goes to standard error.
    QTextStream &report = output.isEmpty() || output == QLatin1String("-") ? err() : out();
    if (format == QLatin1String("json"))
        report << QJsonDocument(reportJson(migration, proof, proved)).toJson(QJsonDocument::Indented);
    else
        printText(report, migration, proof, proved);
    report.flush();
    if (!proof.convertedErrors.isEmpty())
        return 2;
    return proof.differences.isEmpty() || parser.isSet(QStringLiteral("accept-differences")) ? 0 : 1;
}

} // namespace meshroute::cli
