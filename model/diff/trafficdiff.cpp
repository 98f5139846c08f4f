#include "trafficdiff.h"

#include "diffrequestplanner.h"
#include "request.h"
#include "router.h"

#include <QSet>

namespace meshroute {

namespace {

QString requestKey(const SampleRequest &s)
{
    return s.senderText() + QLatin1Char(' ') + QString::number(s.port) + QLatin1Char(' ') + s.requestLine()
        + QLatin1Char(' ') + s.headers.join(QLatin1Char('|'));
}

// The user's requests first, then those made from both sides' rules, each once.
QList<ProofRequest> requestSet(const RouteTable &before, const RouteTable &after, const DiffOptions &options)
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
    for (const SampleRequest &s : options.requests)
        add({ s, options.requestOrigin, s.name });
    if (options.generateRequests)
        for (const RouteTable *table : { &before, &after })
            for (const ProofRequest &p : DiffRequestPlanner::plan(*table))
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
    const Router before(RouteTable::compile(oldSide.workspace));
    const Router after(RouteTable::compile(newSide.workspace));
    for (const ProofRequest &p : requestSet(before.table(), after.table(), options)) {
        Request request;
        if (!p.sample.toRequest(&request))
            continue;
        ++report.requests;
        const DiffOutcome was = DiffOutcome::of(before.route(request), before.table());
        const DiffOutcome is = DiffOutcome::of(after.route(request), after.table());
        if (!was.sameAnswer(is))
            report.traffic.append({ p.sample, p.origin, p.variant, was, is });
    }
    return report;
}

} // namespace meshroute
