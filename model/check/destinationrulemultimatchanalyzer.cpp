#include "destinationrulemultimatchanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "hostname.h"

#include <QHash>

namespace meshroute {

namespace {

struct Seen
{
    const Resource *resource;
    QString host; // resolved, lower-case
    QStringList subsets; // empty: the whole host (Kiali's "~")
};

// The subset names both rules define, or "(all subsets)" when one of them has none.
QStringList sharedSubsets(const Seen &a, const Seen &b)
{
    if (a.subsets.isEmpty() || b.subsets.isEmpty())
        return { QStringLiteral("(all subsets)") };
    QStringList shared;
    for (const QString &s : a.subsets)
        if (b.subsets.contains(s))
            shared.append(s);
    return shared;
}

} // namespace

void DestinationRuleMultiMatchAnalyzer::analyze(CheckContext &ctx)
{
    const Workspace &ws = ctx.workspace();
    QList<Seen> seen;
    for (const Resource &r : ws.resources) {
        const DestinationRule *dr = r.destinationRule();
        if (!dr || !dr->host.present || dr->host.value.isEmpty())
            continue;
        Seen s { &r, HostName::resolve(dr->host.value, r.namespaceName()).toLower(), {} };
        // Kiali skips a wildcard rule that turns on mTLS: it is meant to cover every host.
        if (HostName::isWildcard(s.host) && dr->trafficPolicy.tlsMode.value == QLatin1String("ISTIO_MUTUAL"))
            continue;
        for (const Subset &sub : dr->subsets)
            s.subsets.append(sub.name.value);
        seen.append(s);
    }
    // Hosts compared as Kiali does: the same FQDN, or a wildcard that covers the other. Concrete
    // hosts are looked up by name, so only wildcard rules (few) are compared with every rule.
    QHash<QString, QList<qsizetype>> byHost;
    QList<qsizetype> wildcards;
    for (qsizetype i = 0; i < seen.size(); ++i)
        (HostName::isWildcard(seen[i].host) ? wildcards : byHost[seen[i].host]).append(i);
    for (qsizetype i = 0; i < seen.size(); ++i) {
        QList<qsizetype> candidates;
        if (HostName::isWildcard(seen[i].host)) {
            for (qsizetype j = 0; j < seen.size(); ++j)
                if (HostName::overlaps(seen[i].host, seen[j].host))
                    candidates.append(j);
        } else {
            candidates = byHost.value(seen[i].host);
            for (qsizetype j : std::as_const(wildcards))
                if (HostName::covers(seen[j].host, seen[i].host))
                    candidates.append(j);
        }
        for (qsizetype j : std::as_const(candidates)) {
            if (i == j)
                continue;
            const QStringList shared = sharedSubsets(seen[i], seen[j]);
            if (shared.isEmpty())
                continue;
            const Resource &r = *seen[i].resource;
            ctx.warning(r, r.destinationRule()->host.pos, Code::DestinationRuleMultiMatch,
                QStringLiteral("More than one DestinationRule for the same host and subset: %1 also covers "
                               "host %2, subsets %3. istiod merges them and keeps one definition of each "
                               "subset; merge the rules into one (Kiali KIA0201)")
                    .arg(seen[j].resource->displayName().section(QLatin1Char(' '), 1), seen[j].host,
                        shared.join(QStringLiteral(", "))),
                QStringLiteral("spec.host"));
            break; // one finding per rule is enough to act on
        }
    }
}

Analyzer DestinationRuleMultiMatchAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("DestinationRuleMultiMatchAnalyzer"),
        { ResourceKind::DestinationRule }, { Code::DestinationRuleMultiMatch },
        &DestinationRuleMultiMatchAnalyzer::analyze);
}

} // namespace meshroute
