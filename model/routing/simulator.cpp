#include "simulator.h"

#include "hostname.h"
#include "kubernetesservice.h"
#include "request.h"
#include "workspace.h"

#include <random>
#include <vector>

namespace meshroute {

int Simulator::pickWeighted(const quint64 *weights, int count, quint64 total, quint64 random)
{
    if (total == 0)
        return -1;
    const quint64 r = random % total;
    quint64 cumulative = 0;
    for (int i = 0; i < count; ++i) {
        cumulative += weights[i];
        if (r < cumulative)
            return i;
    }
    return count - 1;
}

namespace {

// What each simulated request draws against: the destinations' weights, and the rates per
// million (Envoy's fractional percents) of each mirror and each fault.
struct Odds
{
    std::vector<quint64> weights;
    quint64 total = 0;
    std::vector<quint64> mirrorPerMillion;
    quint64 delayPerMillion = 0;
    quint64 abortPerMillion = 0;
};

SimulationResult::ClusterCount clusterCount(
    const QString &cluster, const QString &host, const QString &subset, int port, double expectedShare)
{
    SimulationResult::ClusterCount c;
    c.cluster = cluster;
    c.host = host;
    c.subset = subset;
    c.port = port;
    c.expectedShare = expectedShare;
    return c;
}

quint64 perMillion(const Percent &p)
{
    if (!p.present)
        return 0;
    return quint64(std::max(0.0, p.value.valueOr(0)) * 10000.0 + 0.5);
}

// Lists the clusters and mirrors the route sends to, and the odds of each.
Odds listTargets(const RouteResult &r, SimulationResult &out)
{
    Odds odds;
    for (const RouteDestinationResult &d : r.destinations) {
        out.clusters << clusterCount(d.cluster, d.host, d.subset, d.port, d.share);
        // Istio drops zero weights; a single destination takes all whatever its weight.
        const quint64 w = r.destinations.size() == 1 ? 1 : quint64(std::max<qint64>(0, d.weight));
        odds.weights.push_back(w);
        odds.total += w;
    }
    for (const RouteMirrorResult &m : r.mirrors) {
        out.mirrors << clusterCount(m.cluster, m.host, m.subset, m.port, m.percentage);
        odds.mirrorPerMillion.push_back(quint64(m.percentage * 10000.0 + 0.5));
    }
    const HttpFaultInjection &fault = r.fault;
    if (fault.present && fault.delay.present)
        odds.delayPerMillion = fault.delay.percentage.present
            ? perMillion(fault.delay.percentage)
            : quint64(std::max<qint64>(0, fault.delay.percent.valueOr(0))) * 10000;
    if (fault.present && fault.abort.present)
        odds.abortPerMillion = perMillion(fault.abort.percentage);
    return odds;
}

// Sends the requests one by one through the faults, the weighted pick and the mirrors; the
// seeded generator makes a run repeatable.
void draw(const Odds &odds, quint64 requests, quint64 seed, SimulationResult &out)
{
    std::mt19937_64 rng(seed);
    std::vector<quint64> counts(odds.weights.size(), 0), mirrorCounts(odds.mirrorPerMillion.size(), 0);
    for (quint64 i = 0; i < requests; ++i) {
        if (odds.delayPerMillion && rng() % 1000000 < odds.delayPerMillion)
            ++out.delayed;
        if (odds.abortPerMillion && rng() % 1000000 < odds.abortPerMillion) {
            ++out.aborted;
            continue;
        }
        const int k
            = Simulator::pickWeighted(odds.weights.data(), int(odds.weights.size()), odds.total, rng());
        ++counts[k];
        for (std::size_t m = 0; m < odds.mirrorPerMillion.size(); ++m)
            if (odds.mirrorPerMillion[m] >= 1000000 || rng() % 1000000 < odds.mirrorPerMillion[m])
                ++mirrorCounts[m];
    }
    for (int i = 0; i < out.clusters.size(); ++i) {
        out.clusters[i].count = counts[i];
        out.clusters[i].share = requests ? 100.0 * double(counts[i]) / double(requests) : 0;
    }
    for (int i = 0; i < out.mirrors.size(); ++i) {
        out.mirrors[i].count = mirrorCounts[i];
        out.mirrors[i].share = requests ? 100.0 * double(mirrorCounts[i]) / double(requests) : 0;
    }
}

// The baseline: what plain Kubernetes would do with the request, balance it
// by pods over the Service it calls. A sidecar's request names that Service;
// a gateway's names a host only routes lead to, so there it is the Service(s)
// the request ends up at. (Routes that split between one Service per version,
// as Gateway API canaries do, would otherwise show each version at 100%.)
void addBaseline(const RouteTable &table, const Request &request, const RouteResult &r, SimulationResult &out)
{
    QStringList hosts;
    if (!request.fromGateway()) {
        const QString ns
            = request.sourceNamespace().isEmpty() ? QStringLiteral("default") : request.sourceNamespace();
        const QString called = HostName::resolve(
            QString::fromUtf8(request.host().data(), qsizetype(request.host().size())), ns)
                                   .toLower();
        if (table.kubernetesService(called))
            hosts << called;
    }
    const bool calledService = !hosts.isEmpty();
    for (const RouteDestinationResult &d : r.destinations)
        if (!calledService && d.share > 0 && !hosts.contains(d.host)
            && d.cluster != QLatin1String("PassthroughCluster"))
            hosts << d.host;
    QStringList notes;
    for (const QString &h : hosts) {
        QString note;
        const auto rows = Simulator::kubernetesBaseline(table, h, &note);
        out.baseline += rows;
        if (!note.isEmpty())
            notes << note;
    }
    if (hosts.isEmpty())
        notes << QStringLiteral("the request reaches no Service");
    out.baselineNote = notes.join(QStringLiteral("; "));
}

} // namespace

SimulationResult Simulator::simulate(
    const Router &router, const Request &request, quint64 requests, quint64 seed)
{
    SimulationResult out;
    out.route = router.route(request);
    out.requests = requests;
    out.seed = seed;
    const RouteResult &r = out.route;
    const Odds odds = listTargets(r, out);
    if (r.status != RouteResult::Status::Routed || odds.total == 0) {
        out.notForwarded = requests;
        if (r.status == RouteResult::Status::Routed)
            out.notForwarded = 0;
    } else {
        draw(odds, requests, seed, out);
    }
    addBaseline(router.table(), request, r, out);
    return out;
}

QList<SimulationResult::BaselineRow> Simulator::kubernetesBaseline(
    const RouteTable &table, const QString &fqdn, QString *note)
{
    QList<SimulationResult::BaselineRow> rows;
    QString ns;
    const KubernetesService *svc = table.kubernetesService(fqdn, &ns);
    if (!svc) {
        if (note)
            *note = QStringLiteral("%1 is not a Kubernetes Service in the workspace").arg(fqdn);
        return rows;
    }
    if (!svc->hasSelector || svc->selector.isEmpty()) {
        if (note)
            *note = QStringLiteral("Service %1 has no selector").arg(fqdn);
        return rows;
    }
    const Workspace &ws = table.workspace();
    int total = 0;
    for (const Resource &res : ws.resources) {
        const Workload *w = res.workload();
        if (!w || res.namespaceName() != ns || !labelsContain(w->podLabels, svc->selector))
            continue;
        SimulationResult::BaselineRow row;
        row.workload = res.namespaceName() + QLatin1Char('/') + res.name();
        row.host = fqdn;
        row.pods = std::max(0, w->replicaCount());
        for (const Resource &dr : ws.resources) {
            const DestinationRule *d = dr.destinationRule();
            if (!d)
                continue;
            if (!HostName::covers(
                    HostName::resolve(d->host.valueOr(QString()).trimmed(), dr.namespaceName()).toLower(),
                    fqdn.toLower()))
                continue;
            for (const Subset &s : d->subsets)
                if (labelsContain(w->podLabels, s.labels) && !row.subsets.contains(s.name.value))
                    row.subsets << s.name.value;
        }
        total += row.pods;
        rows << row;
    }
    for (SimulationResult::BaselineRow &row : rows)
        row.share = total > 0 ? 100.0 * row.pods / total : 0;
    if (rows.isEmpty() && note)
        *note = QStringLiteral("no workload in the workspace matches the selector of %1").arg(fqdn);
    return rows;
}

} // namespace meshroute
