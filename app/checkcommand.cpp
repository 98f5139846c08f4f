#include "checker.h"
#include "clioutput.h"
#include "commands.h"
#include "diagnosticcodes.h"
#include "diagnosticdocs.h"
#include "loader.h"
#include "resourcereader.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace meshroute::cli {

namespace {

bool parseSeverity(const QString &text, Diagnostic::Severity *severity)
{
    for (auto s : { Diagnostic::Severity::Error, Diagnostic::Severity::Warning, Diagnostic::Severity::Info })
        if (text == Diagnostic::severityName(s)) {
            *severity = s;
            return true;
        }
    return false;
}

QJsonObject toJson(const Diagnostic &d)
{
    return QJsonObject { { QStringLiteral("file"), d.file }, { QStringLiteral("line"), d.line },
        { QStringLiteral("column"), d.column },
        { QStringLiteral("severity"), Diagnostic::severityName(d.severity) },
        { QStringLiteral("code"), d.code }, { QStringLiteral("message"), d.message },
        { QStringLiteral("resource"), d.resource }, { QStringLiteral("path"), d.path } };
}

// Every code, the loader's first, then the checker's in table order.
QList<DiagnosticCodeInfo> allCodes()
{
    return ResourceReader::codes() + DiagnosticCodes::all();
}

// {code, severity, title, explanation, reportedBy: [check names], docs: URL} for each code.
QJsonArray codesJson()
{
    QJsonArray array;
    for (const DiagnosticCodeInfo &c : allCodes())
        array.append(QJsonObject { { QStringLiteral("code"), c.code },
            { QStringLiteral("severity"), Diagnostic::severityName(c.severity) },
            { QStringLiteral("title"), c.title }, { QStringLiteral("explanation"), c.explanation },
            { QStringLiteral("reportedBy"), QJsonArray::fromStringList(DiagnosticCodes::reportedBy(c.code)) },
            { QStringLiteral("docs"), DiagnosticDocs::url(c.code) } });
    return array;
}

// `check --list-codes`: every diagnostic code as text, JSON, or (--format markdown) the table the
// README carries.
int listCodes(const QString &format)
{
    if (format == QLatin1String("json")) {
        out() << QJsonDocument(QJsonObject { { QStringLiteral("codes"), codesJson() } })
                     .toJson(QJsonDocument::Indented);
        return 0;
    }
    const bool markdown = format == QLatin1String("markdown");
    if (markdown)
        out() << DiagnosticCodes::markdownHeader();
    for (const DiagnosticCodeInfo &c : allCodes())
        out() << (markdown ? DiagnosticCodes::markdownRow(c) : DiagnosticCodes::textRow(c));
    return 0;
}

} // namespace

int runCheck(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("format"), QStringLiteral("text or json"), QStringLiteral("format"),
        QStringLiteral("text") });
    parser.addOption({ QStringLiteral("severity"), QStringLiteral("threshold"), QStringLiteral("severity"),
        QStringLiteral("info") });
    parser.addOption({ QStringLiteral("ignore"), QStringLiteral("code to drop"), QStringLiteral("code") });
    parser.addOption({ QStringLiteral("list-codes"), QStringLiteral("print the codes") });
    addMaxFileSizeOption(parser);
    if (!parseArguments(parser, QStringLiteral("check"), args))
        return 2;
    LoadOptions loadOptions;
    if (!readMaxFileSize(parser, QStringLiteral("check"), &loadOptions))
        return 2;
    if (parser.isSet(QStringLiteral("list-codes")))
        return listCodes(parser.value(QStringLiteral("format")));
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json")) {
        err() << "meshroute check: --format must be text or json, got \"" << format << "\"\n";
        return 2;
    }
    CheckOptions options;
    if (!parseSeverity(parser.value(QStringLiteral("severity")), &options.threshold)) {
        err() << "meshroute check: --severity must be error, warning or info, got \""
              << parser.value(QStringLiteral("severity")) << "\"\n";
        return 2;
    }
    options.ignoredCodes = parser.values(QStringLiteral("ignore"));
    if (parser.positionalArguments().isEmpty()) {
        err() << "meshroute check: no input; give files, folders or - for standard input\n";
        return 2;
    }

    const LoadResult load = Loader::loadPaths(parser.positionalArguments(), loadOptions);
    Diagnostics all = load.diagnostics;
    all.append(Checker::check(load.workspace, options));
    Diagnostics shown;
    for (const Diagnostic &d : std::as_const(all))
        if (d.severity <= options.threshold && !options.ignoredCodes.contains(d.code))
            shown.append(d);
    std::stable_sort(shown.begin(), shown.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
    });
    const auto errors = std::count_if(shown.begin(), shown.end(),
        [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
    const auto warnings = std::count_if(shown.begin(), shown.end(),
        [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Warning; });

    if (format == QLatin1String("json")) {
        QJsonArray array;
        for (const Diagnostic &d : std::as_const(shown))
            array.append(toJson(d));
        out() << QJsonDocument(QJsonObject { { QStringLiteral("diagnostics"), array } })
                     .toJson(QJsonDocument::Indented);
    } else {
        for (const Diagnostic &d : std::as_const(shown))
            out() << d.toText() << '\n';
        out().flush();
        err() << load.workspace.resources.size() << " resources in " << load.files.size()
              << " files: " << errors << " errors, " << warnings << " warnings, "
              << (shown.size() - errors - warnings) << " infos\n";
    }
    if (load.inputError)
        return 2;
    return errors > 0 ? 1 : 0;
}

} // namespace meshroute::cli
