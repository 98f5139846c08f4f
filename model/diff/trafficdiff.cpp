#include "trafficdiff.h"

#include "changedhosts.h"
#include "checker.h"
#include "diffrequestplanner.h"
#include "findingdiff.h"
#include "request.h"
#include "resourcepairs.h"
#include "router.h"
#include "splitdiff.h"
#include "structurediff.h"

#include <QSet>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace meshroute {

namespace {

// What a side is asked: its route tables and, when wanted, its findings.
struct CompiledSide
{
    Router router;
    QHash<int, const Resource *> resources;
    Diagnostics findings;
};

// `edited`: the resources whose own validation may differ from the other side's; the
// others' own findings are the same on both sides, so only the mesh analysis runs whole.
CompiledSide compileSide(const DiffSide &side, bool findings, const QList<const Resource *> &edited)
{
    CompiledSide out { Router(RouteTable::compile(side.workspace)), {}, {} };
    out.resources = DiffOutcome::resourcesById(out.router.table());
    if (!findings)
        return out;
    Checker::Parts parts;
    for (const Resource *r : edited)
        parts.perResource.insert(r->id, Checker::checkResource(side.workspace, *r));
    parts.mesh = Checker::checkMesh(side.workspace);
    out.findings = Checker::combine(side.workspace, parts); // in check()'s order
    return out;
}

QString requestKey(const SampleRequest &s)
{
    return s.senderText() + QLatin1Char(' ') + QString::number(s.port) + QLatin1Char(' ') + s.requestLine()
        + QLatin1Char(' ') + s.headers.join(QLatin1Char('|'));
}

// The user's requests first (all of them: they are few and chosen), then
// those made from both sides' rules for the hosts that changed, each once.
QList<ProofRequest> requestSet(
    const RouteTable &before, const RouteTable &after, const ChangedHosts &hosts, const DiffOptions &options)
{
    QList<ProofRequest> out;
    QSet<QString> seen;
    auto add = [&](const ProofRequest &p) {
        if (!options.gateway.isEmpty() && p.sample.gateway != options.gateway)
            return;
        const QString key = requestKey(p.sample);
        if (!seen.contains(key)) {
            seen.insert(key);
            out.append(p);
        }
    };
    for (const SampleRequest &s : options.requests) {
        ProofRequest p;
        p.sample = s;
        p.origin = options.requestOrigin;
        p.variant = s.name;
        add(p);
    }
    if (!options.generateRequests)
        return out;
    const auto touched = [&hosts](const Resource &r) { return hosts.touches(r); };
    for (const RouteTable *table : { &before, &after })
        for (const ProofRequest &p : DiffRequestPlanner::plan(*table, touched))
            if (hosts.covers(QUrl(p.sample.url).host()))
                add(p);
    return out;
}

} // namespace

DiffReport TrafficDiff::compare(const DiffSide &oldSide, const DiffSide &newSide, const DiffOptions &options)
{
    DiffReport report;
    report.oldLabel = oldSide.label;
    report.newLabel = newSide.label;
    report.errors = oldSide.loadErrors + newSide.loadErrors;
    const QList<ResourcePair> pairs = ResourcePairs::of(oldSide, newSide);
    QList<const Resource *> editedBefore, editedAfter;
    for (const ResourcePair &p : pairs) {
        if (p.edited && p.before)
            editedBefore.append(p.before);
        if (p.edited && p.after)
            editedAfter.append(p.after);
    }
    // The two sides compile and check at once, one per core.
    QFuture<CompiledSide> oldFuture
        = QtConcurrent::run(compileSide, std::cref(oldSide), options.findings, std::cref(editedBefore));
    const CompiledSide after = compileSide(newSide, options.findings, editedAfter);
    const CompiledSide before = oldFuture.result();

    const ChangedHosts hosts = options.incremental ? ChangedHosts::of(pairs) : ChangedHosts::everything();
    report.hostsRerouted = hosts.all() ? -1 : int(hosts.patterns().size());
    for (const ProofRequest &p : requestSet(before.router.table(), after.router.table(), hosts, options)) {
        Request request;
        if (!p.sample.toRequest(&request))
            continue;
        ++report.requests;
        const DiffOutcome was
            = DiffOutcome::of(before.router.route(request), before.router.table(), before.resources);
        const DiffOutcome is
            = DiffOutcome::of(after.router.route(request), after.router.table(), after.resources);
        if (!was.sameAnswer(is))
            report.traffic.append({ p.sample, p.origin, p.variant, was, is });
    }
    report.splits = SplitDiff::of(pairs, oldSide, newSide);
    report.structure = StructureDiff::of(pairs, oldSide, newSide);
    if (options.findings)
        report.findings = FindingDiff::of(before.findings, after.findings);
    return report;
}

} // namespace meshroute
