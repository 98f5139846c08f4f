// Times the inputs that once took minutes (issue 11, item 11) and prints
// wall time and peak RSS per case, so before/after figures come from one
// command anyone can rerun.
//
//   bench_pathological                 every case at its default sizes, 3 runs each, medians
//   BENCH_CASES="gateways:500,1000 regex:16000" bench_pathological   only these cases and sizes
//   bench_pathological CASE N          one run of one case (what the first form runs per child)
//   BENCH_LIMIT_S=60 bench_pathological   give up on a run after 60 s (reported as "> 60 s")
//
// Cases: gateways (N Gateways sharing one selector, compile + route one
// request), route-one (5,000-VS mesh with N Gateways, compile + route one
// request), hosts / hosts-edit (one VirtualService with N hosts: check, and
// the editor's per-edit re-check), regex (one VirtualService with N regex
// rules: check), one-host (N VirtualServices on one host: check, and the
// bytes of findings), anchors (one VirtualService with N anchored routes and N
// aliases: what each edit command adds, the anchor guard on one change and
// moving the last rule up one place; "findings" is 2 when both went through).
//
// Each run is its own process so that peak RSS (getrusage) is the case's own.

#include "bigmesh.h"
#include "pathologicalinputs.h"

#include "anchorguard.h"
#include "checker.h"
#include "loader.h"
#include "request.h"
#include "router.h"
#include "routetable.h"
#include "yamledit.h"
#include "yamlparser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace meshroute;

namespace {

// CPU time of this process: on a shared machine wall time also counts
// other people's work, so both are printed.
qint64 cpuMs()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return qint64(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000
        + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000;
}

double peakRssMb()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0; // kilobytes on Linux
}

QByteArray routeOneMesh(int gateways)
{
    QByteArray out = bench::bigMeshYaml(5000);
    for (int g = 0; g < gateways; ++g)
        out += "\n---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: gw-"
            + QByteArray::number(g)
            + "\n  namespace: istio-system\nspec:\n  selector:\n    istio: ingressgateway\n  servers:\n"
              "  - port:\n      number: 80\n      name: http\n      protocol: HTTP\n    hosts:\n    - "
              "\"*\"\n";
    for (int i = 0; i < 500; ++i)
        out += "\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: edge-"
            + QByteArray::number(i) + "\n  namespace: istio-system\nspec:\n  hosts:\n  - e"
            + QByteArray::number(i) + ".example.com\n  gateways:\n  - gw-"
            + QByteArray::number(i % std::max(1, gateways))
            + "\n  http:\n  - route:\n    - destination:\n        host: svc" + QByteArray::number(i * 10)
            + ".ns0.svc.cluster.local\n";
    return out;
}

// The anchors case: an edit's own cost on a parsed document, without loading or checking.
int runAnchors(const QByteArray &text)
{
    const YamlParseResult parsed
        = YamlParser::parseDocument(std::string_view(text.constData(), std::size_t(text.size())));
    const YamlNode *rules = YamlEdit::find(parsed.root, { QByteArray("spec"), QByteArray("http") });
    if (!parsed.ok || !rules)
        return 1;
    QElapsedTimer timer;
    timer.start();
    const qint64 cpu0 = cpuMs();
    QString error;
    const YamlNode &name = *YamlEdit::find(parsed.root, { QByteArray("metadata"), QByteArray("name") });
    qint64 done
        = AnchorGuard::check(parsed.root, { YamlEdit::setScalar(name, QStringLiteral("renamed")) }, &error);
    const int last = int(rules->children.size()) - 1;
    TextChange move;
    done += YamlEdit::moveSequenceItem(text, parsed.root, *rules, last, last - 1, &move, &error);
    const qint64 ms = timer.elapsed();
    std::printf("%lld %lld %.1f %lld %lld\n", static_cast<long long>(ms),
        static_cast<long long>(cpuMs() - cpu0), peakRssMb(), static_cast<long long>(done),
        static_cast<long long>(error.size()));
    return 0;
}

// One run of one case; prints "wall_ms cpu_ms rss_mb findings bytes".
int runOne(const QString &name, int n)
{
    QByteArray text;
    if (name == QLatin1String("gateways"))
        text = bench::gatewaysSharingSelector(n);
    else if (name == QLatin1String("route-one"))
        text = routeOneMesh(n);
    else if (name == QLatin1String("hosts") || name == QLatin1String("hosts-edit"))
        text = bench::virtualServiceWithHosts(n);
    else if (name == QLatin1String("regex"))
        text = bench::virtualServiceWithRegexRules(n);
    else if (name == QLatin1String("one-host"))
        text = bench::virtualServicesOnOneHost(n);
    else if (name == QLatin1String("anchors"))
        return runAnchors(bench::virtualServiceWithSharedRoutes(n));
    else {
        std::fprintf(stderr, "unknown case %s\n", qPrintable(name));
        return 2;
    }
    const LoadResult load = Loader::loadText(text, QStringLiteral("pathological.yaml"));
    text.clear();
    QElapsedTimer timer;
    timer.start();
    const qint64 cpu0 = cpuMs();
    qint64 findings = 0, bytes = 0;
    if (name == QLatin1String("gateways") || name == QLatin1String("route-one")) {
        const Router router(RouteTable::compile(load.workspace));
        Request req;
        req.setRequestLine(name == QLatin1String("gateways") ? QStringLiteral("GET http://h0.example.com/x")
                                                             : QStringLiteral("GET http://e0.example.com/x"));
        req.setGateway(QStringLiteral("istio-system/gw-0"));
        const RouteResult result = router.route(req);
        findings = result.status == RouteResult::Status::Routed ? 1 : 0;
    } else if (name == QLatin1String("hosts-edit")) {
        for (const Resource &r : load.workspace.resources)
            for (const Diagnostic &d : Checker::checkResource(load.workspace, r)) {
                ++findings;
                bytes += d.message.size();
            }
    } else {
        for (const Diagnostic &d : Checker::check(load.workspace)) {
            ++findings;
            bytes += d.message.size();
        }
    }
    const qint64 ms = timer.elapsed();
    const qint64 cpu = cpuMs() - cpu0;
    std::printf("%lld %lld %.1f %lld %lld\n", static_cast<long long>(ms), static_cast<long long>(cpu),
        peakRssMb(), static_cast<long long>(findings), static_cast<long long>(bytes));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() == 2)
        return runOne(args[0], args[1].toInt());

    const int limitS = qEnvironmentVariableIntValue("BENCH_LIMIT_S") > 0
        ? qEnvironmentVariableIntValue("BENCH_LIMIT_S")
        : 120;
    QList<QPair<QString, QList<int>>> cases {
        { QStringLiteral("gateways"), { 500, 1000, 2000, 10000 } },
        { QStringLiteral("route-one"), { 50 } },
        { QStringLiteral("hosts"), { 8000, 50000, 100000 } },
        { QStringLiteral("hosts-edit"), { 8000 } },
        { QStringLiteral("regex"), { 16000, 100000 } },
        { QStringLiteral("one-host"), { 4000 } },
        { QStringLiteral("anchors"), { 1000, 10000 } },
    };
    // BENCH_CASES="gateways:500,1000 hosts:8000" runs only these.
    const QString only = qEnvironmentVariable("BENCH_CASES");
    if (!only.isEmpty()) {
        cases.clear();
        for (const QString &c : only.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            QList<int> sizes;
            for (const QString &n :
                c.section(QLatin1Char(':'), 1).split(QLatin1Char(','), Qt::SkipEmptyParts))
                sizes << n.toInt();
            cases.append({ c.section(QLatin1Char(':'), 0, 0), sizes });
        }
    }
    std::printf("%-11s %7s %10s %10s %10s %9s %13s\n", "case", "N", "wall ms", "CPU ms", "peak MB",
        "findings", "message bytes");
    for (const auto &[name, sizes] : cases)
        for (int n : sizes) {
            QList<qint64> times, cpus;
            QList<double> rss;
            QByteArray last;
            bool timedOut = false;
            for (int run = 0; run < 3 && !timedOut; ++run) {
                QProcess child;
                child.start(QCoreApplication::applicationFilePath(), { name, QString::number(n) });
                if (!child.waitForFinished(limitS * 1000)) {
                    child.kill();
                    child.waitForFinished();
                    timedOut = true;
                    break;
                }
                const QList<QByteArray> f = child.readAllStandardOutput().trimmed().split(' ');
                if (f.size() < 5)
                    break;
                times << f[0].toLongLong();
                cpus << f[1].toLongLong();
                rss << f[2].toDouble();
                last = f[3] + ' ' + f[4];
            }
            if (timedOut || times.isEmpty()) {
                std::printf("%-11s %7d %10s\n", qPrintable(name), n,
                    qPrintable(QStringLiteral("> %1 s").arg(limitS)));
                std::fflush(stdout);
                continue;
            }
            // Medians of the runs.
            std::sort(times.begin(), times.end());
            std::sort(cpus.begin(), cpus.end());
            std::sort(rss.begin(), rss.end());
            const QList<QByteArray> fb = last.split(' ');
            std::printf("%-11s %7d %10lld %10lld %10.1f %9s %13s\n", qPrintable(name), n,
                static_cast<long long>(times[times.size() / 2]),
                static_cast<long long>(cpus[cpus.size() / 2]), rss[rss.size() / 2], fb[0].constData(),
                fb[1].constData());
            std::fflush(stdout);
        }
    return 0;
}
