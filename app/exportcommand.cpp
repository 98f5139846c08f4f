#include "clioutput.h"
#include "commands.h"
#include "exportcheck.h"
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
    parser.addOption(
        { QStringLiteral("force"), QStringLiteral("write even what the API server will reject") });
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
    if (load.inputError) {
        for (const Diagnostic &d : load.diagnostics)
            if (d.severity == Diagnostic::Severity::Error)
                err() << d.toText() << '\n';
        return 2;
    }
    // Only what the API server would refuse in the exported objects stops the export; analysis
    // findings and objects left out by --kind do not.
    const Diagnostics blocking
        = ExportCheck::blockingErrors(load.files, load.workspace, load.diagnostics, options);
    for (const Diagnostic &d : blocking)
        err() << d.toText() << '\n';
    const bool force = parser.isSet(QStringLiteral("force"));
    if (!blocking.isEmpty() && !force) {
        err() << "meshroute export: nothing written: the API server would reject " << blocking.size()
              << " error(s) above; fix them, or write anyway with --force\n";
        return 1;
    }
    if (!blocking.isEmpty())
        err() << "meshroute export: --force: writing anyway; the API server will reject the objects with the "
              << blocking.size() << " error(s) above\n";
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
