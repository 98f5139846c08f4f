// `meshroute diff` of two revisions of a 5,000-VirtualService mesh (bench/bigmesh.h)
// with one rule's weights changed: loading both sides, then TrafficDiff::compare
// incremental (only the edited VirtualService's hosts re-routed) and, to show
// what that saves, with every host re-routed. Goal: the diff in <= 2 s on 2 cores.
//
//   bench_diff [VIRTUALSERVICES]   (default 5000)
//   bench_diff --write DIR         also write DIR/old.yaml and DIR/new.yaml, to time
//                                  `meshroute diff DIR/old.yaml DIR/new.yaml` end to end

#include "bigmesh.h"
#include "loader.h"
#include "trafficdiff.h"
#include "workspacesource.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <cstdio>

using namespace meshroute;

namespace {

// The same mesh with the weights of vs-N/2's rule-2 moved from 90/10 to 70/30.
QByteArray withOneRuleChanged(QByteArray yaml, int virtualServices)
{
    const QByteArray name = "name: vs-" + QByteArray::number(virtualServices / 2) + "\n";
    qsizetype at = yaml.indexOf("name: rule-2\n", yaml.indexOf(name));
    at = yaml.indexOf("weight: 90", at);
    yaml.replace(at, 10, "weight: 70");
    at = yaml.indexOf("weight: 10", at);
    yaml.replace(at, 10, "weight: 30");
    return yaml;
}

void run(const char *what, const DiffSide &before, const DiffSide &after, const DiffOptions &options)
{
    QElapsedTimer t;
    t.start();
    const DiffReport report = TrafficDiff::compare(before, after, options);
    std::printf("%-44s %6lld ms  (%d requests routed, %lld changed, %lld split(s), %lld finding change(s))\n",
        what, t.elapsed(), report.requests, qint64(report.traffic.size()), qint64(report.splits.size()),
        qint64(report.findings.size()));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const int write = int(args.indexOf(QStringLiteral("--write")));
    const int count = !args.isEmpty() && write != 0 ? args.first().toInt() : 5000;
    const QByteArray oldYaml = bench::bigMeshYaml(count);
    const QByteArray newYaml = withOneRuleChanged(oldYaml, count);
    if (write >= 0) {
        const QString dir = args.value(write + 1);
        for (const auto &[name, bytes] :
            { std::pair { "/old.yaml", &oldYaml }, std::pair { "/new.yaml", &newYaml } }) {
            QFile f(dir + QLatin1String(name));
            if (!f.open(QIODevice::WriteOnly) || f.write(*bytes) != bytes->size()) {
                std::fprintf(stderr, "cannot write %s\n", qPrintable(f.fileName()));
                return 2;
            }
        }
    }
    QElapsedTimer t;
    t.start();
    const DiffSide before = WorkspaceSource::sideFrom(
        Loader::loadText(oldYaml, QStringLiteral("old.yaml")), QStringLiteral("old.yaml"));
    const DiffSide after = WorkspaceSource::sideFrom(
        Loader::loadText(newYaml, QStringLiteral("new.yaml")), QStringLiteral("new.yaml"));
    std::printf("%d VirtualServices, %lld resources a side, %.1f MB a side\n", count,
        qint64(before.workspace.resources.size()), oldYaml.size() / 1e6);
    std::printf("%-44s %6lld ms\n", "load both sides", t.elapsed());
    DiffOptions incremental;
    run("diff, incremental, with findings", before, after, incremental);
    run("diff, incremental, with findings (again)", before, after, incremental);
    DiffOptions noFindings;
    noFindings.findings = false;
    run("diff, incremental, without findings", before, after, noFindings);
    DiffOptions full;
    full.incremental = false;
    full.findings = false;
    run("diff, every host re-routed, without findings", before, after, full);
    return 0;
}
