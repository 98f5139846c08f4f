#include "clioutput.h"
#include "commands.h"
#include "diffreportwriter.h"
#include "diffrequestfile.h"
#include "loader.h"
#include "trafficdiff.h"
#include "workspacesource.h"

#include <QCommandLineParser>
#include <QJsonDocument>

#include <algorithm>

namespace meshroute::cli {

namespace {

const QStringList kFailOn = { QStringLiteral("traffic"), QStringLiteral("splits"), QStringLiteral("findings"),
    QStringLiteral("structure") };

// The two sides in the order written: `--git REV[:PATH]` and plain paths may mix
// (`--git HEAD~1 .`). A revision without :PATH reads the path of the other side.
bool sidesInOrder(const QStringList &args, const QCommandLineParser &parser, QList<WorkspaceSource> *sides)
{
    QList<QPair<int, QString>> ordered; // position in args, "git:" + spec or the path
    const QStringList gits = parser.values(QStringLiteral("git"));
    int from = 0;
    for (const QString &spec : gits) {
        int i = from;
        while (i < args.size() && args[i] != QLatin1String("--git")
            && args[i] != QStringLiteral("--git=") + spec)
            ++i;
        ordered.append({ i, QStringLiteral("git:") + spec });
        from = i + 1;
    }
    for (const QString &path : parser.positionalArguments())
        ordered.append({ int(args.lastIndexOf(path)), path });
    if (ordered.size() != 2)
        return false;
    std::sort(ordered.begin(), ordered.end());
    QString plainPath;
    for (const auto &o : ordered)
        if (!o.second.startsWith(QLatin1String("git:")))
            plainPath = o.second;
    for (const auto &o : ordered) {
        if (!o.second.startsWith(QLatin1String("git:"))) {
            sides->append(WorkspaceSource::fromPath(o.second));
            continue;
        }
        const QString spec = o.second.mid(4);
        sides->append(WorkspaceSource::fromGit(spec.contains(QLatin1Char(':')) || plainPath.isEmpty()
                ? spec
                : spec + QLatin1Char(':') + plainPath));
    }
    return true;
}

bool loadRequests(const QCommandLineParser &parser, DiffOptions *options)
{
    for (const QString &path : parser.values(QStringLiteral("requests"))) {
        QString error;
        if (!DiffRequestFile::load(path, &options->requests, &error)) {
            err() << "meshroute diff: " << error << '\n';
            return false;
        }
    }
    return true;
}

// Whether a section that --fail-on names has changes.
bool failsOn(const QStringList &sections, const DiffReport &report)
{
    return (sections.contains(QLatin1String("traffic")) && !report.traffic.isEmpty())
        || (sections.contains(QLatin1String("splits")) && !report.splits.isEmpty())
        || (sections.contains(QLatin1String("findings")) && !report.findings.isEmpty())
        || (sections.contains(QLatin1String("structure")) && !report.structure.isEmpty());
}

void addOptions(QCommandLineParser &parser)
{
    parser.addOption(
        { QStringLiteral("git"), QStringLiteral("a side read from git"), QStringLiteral("rev[:path]") });
    parser.addOption(
        { QStringLiteral("requests"), QStringLiteral("requests to route"), QStringLiteral("file") });
    parser.addOption({ QStringLiteral("gateway"), QStringLiteral("only requests from this gateway"),
        QStringLiteral("ns/name") });
    parser.addOption({ QStringLiteral("format"), QStringLiteral("text, json or markdown"),
        QStringLiteral("format"), QStringLiteral("text") });
    parser.addOption({ QStringLiteral("fail-on"), QStringLiteral("sections that make the exit 1"),
        QStringLiteral("sections") });
    addMaxFileSizeOption(parser);
}

} // namespace

int runDiff(const QStringList &args)
{
    QCommandLineParser parser;
    addOptions(parser);
    if (!parseArguments(parser, QStringLiteral("diff"), args))
        return 2;
    LoadOptions loadOptions;
    if (!readMaxFileSize(parser, QStringLiteral("diff"), &loadOptions))
        return 2;
    const QString format = parser.value(QStringLiteral("format"));
    QStringList failOn;
    for (const QString &v : parser.values(QStringLiteral("fail-on")))
        failOn += v.split(QLatin1Char(','), Qt::SkipEmptyParts);
    const bool badFailOn
        = std::any_of(failOn.cbegin(), failOn.cend(), [](const QString &s) { return !kFailOn.contains(s); });
    QList<WorkspaceSource> sources;
    if (!QStringList { QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("markdown") }.contains(
            format)
        || badFailOn || !sidesInOrder(args, parser, &sources)) {
        err() << "meshroute diff: give two sides (OLD NEW: files, folders or --git REV[:PATH]); --format is "
                 "text, json or markdown; --fail-on is traffic, splits, findings or structure\n"
              << "see: meshroute help diff\n";
        return 2;
    }
    DiffOptions options;
    options.gateway = parser.value(QStringLiteral("gateway"));
    if (!loadRequests(parser, &options))
        return 2;
    DiffSide sides[2];
    for (int i = 0; i < 2; ++i) {
        QString error;
        if (!sources[i].load(&sides[i], &error, loadOptions)) {
            err() << "meshroute diff: " << error << '\n';
            return 2;
        }
    }
    const DiffReport report = TrafficDiff::compare(sides[0], sides[1], options);
    if (format == QLatin1String("json"))
        out() << QJsonDocument(DiffReportWriter::toJson(report)).toJson(QJsonDocument::Indented);
    else
        out() << (format == QLatin1String("markdown") ? DiffReportWriter::toMarkdown(report)
                                                      : DiffReportWriter::toText(report));
    out().flush();
    if (!report.errors.isEmpty())
        return 2;
    if (failOn.isEmpty())
        failOn << QStringLiteral("traffic");
    return failsOn(failOn, report) ? 1 : 0;
}

} // namespace meshroute::cli
