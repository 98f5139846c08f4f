#include "clioutput.h"
#include "commands.h"
#include "exporter.h"
#include "loader.h"

#include <QCommandLineParser>

namespace meshroute::cli {

int runExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({ QStringList{ QStringLiteral("o"), QStringLiteral("output") }, QStringLiteral("output file"),
                       QStringLiteral("file") });
    parser.addOption({ QStringLiteral("api-version"), QStringLiteral("v1, v1beta1 or v1alpha3"), QStringLiteral("version") });
    parser.addOption({ QStringLiteral("kind"), QStringLiteral("only this kind"), QStringLiteral("kind") });
    addMaxFileSizeOption(parser);
    if (!parseArguments(parser, QStringLiteral("export"), args))
        return 2;
    LoadOptions loadOptions;
    if (!readMaxFileSize(parser, QStringLiteral("export"), &loadOptions))
        return 2;
    ExportOptions options;
    options.apiVersion = parser.value(QStringLiteral("api-version"));
    if (!options.apiVersion.isEmpty() && options.apiVersion != QLatin1String("v1")
        && options.apiVersion != QLatin1String("v1beta1") && options.apiVersion != QLatin1String("v1alpha3")) {
        err() << "meshroute export: --api-version must be v1, v1beta1 or v1alpha3, got \"" << options.apiVersion << "\"\n";
        return 2;
    }
    options.kinds = parser.values(QStringLiteral("kind"));
    // An empty kind matches nothing: an empty file with exit 0 would pass for success in a pipeline.
    if (options.kinds.contains(QString())) {
        err() << "meshroute export: --kind wants a kind such as VirtualService or vs, got \"\"\n"
              << "see: meshroute help export\n";
        return 2;
    }
    if (parser.positionalArguments().isEmpty()) {
        err() << "meshroute export: no input; give files, folders or - for standard input\n";
        return 2;
    }
    const LoadResult load = Loader::loadPaths(parser.positionalArguments(), loadOptions);
    int errors = 0;
    for (const Diagnostic &d : load.diagnostics)
        if (d.severity == Diagnostic::Severity::Error) {
            err() << d.toText() << '\n';
            ++errors;
        }
    if (load.inputError)
        return 2;
    if (errors > 0) {
        err() << "meshroute export: nothing written: fix the errors above first\n";
        return 1;
    }
    QString error;
    const QByteArray yaml = Exporter::exportYaml(load.files, load.workspace, options, &error);
    if (!error.isEmpty()) {
        err() << "meshroute export: " << error << '\n';
        return 1;
    }
    if (!writeOutput(parser.value(QStringLiteral("o")), yaml, &error)) {
        err() << "meshroute: " << error << '\n';
        return 1;
    }
    return 0;
}

} // namespace meshroute::cli
