#include "meshhostconflictanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "disjointsets.h"
#include "hostname.h"
#include "meshindex.h"
#include "resource.h"

#include <QHash>
#include <QMap>
#include <QSet>

namespace meshroute {

namespace {

// One host of a mesh-bound VirtualService.
struct Claim
{
    const Resource *r;
    int hostIndex;
    QString host;
    ExportVisibility visibility;
};

QString shortName(const Resource &r)
{
    return r.displayName().section(QLatin1Char(' '), 1);
}

bool conflict(const Claim &a, const Claim &b)
{
    return a.r != b.r && a.visibility.intersects(b.visibility);
}

// The claims of one host linked by overlapping exportTo, directly or
// through others, in claim order: union-find over namespaces instead
// of comparing every pair.
QList<QList<int>> conflictGroups(const QList<Claim> &claims)
{
    DisjointSets sets(int(claims.size()));
    int firstAll = -1;
    QHash<QString, int> byNamespace;
    for (int i = 0; i < claims.size(); ++i) {
        const ExportVisibility &v = claims[i].visibility;
        if (v.all && firstAll < 0)
            firstAll = i;
        for (const QString &ns : v.namespaces) {
            const auto it = byNamespace.constFind(ns);
            if (it == byNamespace.cend())
                byNamespace.insert(ns, i);
            else
                sets.unite(i, *it);
        }
    }
    if (firstAll >= 0) // exported everywhere: overlaps every claim visible anywhere
        for (int i = 0; i < claims.size(); ++i)
            if (claims[i].visibility.all || !claims[i].visibility.namespaces.isEmpty())
                sets.unite(i, firstAll);
    QHash<int, int> groupOf;
    QList<QList<int>> groups;
    for (int i = 0; i < claims.size(); ++i) {
        const ExportVisibility &v = claims[i].visibility;
        if (!v.all && v.namespaces.isEmpty())
            continue; // visible nowhere: conflicts with nothing
        const int root = sets.find(i);
        auto it = groupOf.constFind(root);
        if (it == groupOf.cend()) {
            it = groupOf.insert(root, int(groups.size()));
            groups.append(QList<int>());
        }
        groups[*it].append(i);
    }
    return groups;
}

// istioctl's ConflictingMeshGatewayHostsAnalyzer reports every VirtualService of a host
// group, each naming the whole group (istio/istio
// pkg/config/analysis/analyzers/virtualservice/conflictingmeshgatewayhosts.go, Analyze).
// We report every member too, but only small groups name everyone in every finding: in a
// large group the first member lists all and the others point to it, so that N
// VirtualServices on one host make N findings of bounded size, not N^2 names.
class HostConflicts
{
public:
    explicit HostConflicts(CheckContext &ctx)
        : m_ctx(ctx)
    { }

    void run(const QList<const Resource *> &virtualServices)
    {
        for (const Resource *r : virtualServices)
            collect(*r);
        for (auto it = m_exact.cbegin(); it != m_exact.cend(); ++it)
            if (it->size() >= 2)
                exactHost(*it);
        for (const Claim &w : std::as_const(m_wildcards))
            wildcardHost(w);
    }

private:
    void collect(const Resource &r)
    {
        const VirtualService &vs = *r.virtualService();
        if (vs.hosts.isEmpty() || !MeshIndex::appliesToMesh(vs))
            return;
        const ExportVisibility v = ExportVisibility::of(vs.exportTo, r.namespaceName());
        for (int i = 0; i < vs.hosts.size(); ++i) {
            Claim c { &r, i, HostName::resolve(vs.hosts[i].value, r.namespaceName()).toLower(), v };
            if (HostName::isWildcard(c.host))
                m_wildcards.append(c);
            else
                m_exact[c.host].append(c);
        }
    }

    void exactHost(const QList<Claim> &claims)
    {
        for (const QList<int> &group : conflictGroups(claims)) {
            QStringList names;
            QSet<const Resource *> resources;
            for (int i : group)
                if (!resources.contains(claims[i].r)) {
                    resources.insert(claims[i].r);
                    names.append(shortName(*claims[i].r));
                }
            if (resources.size() < 2)
                continue; // a VirtualService does not conflict with itself
            for (int i : group)
                reportMember(claims[i], claims[group.first()], names);
        }
    }

    void wildcardHost(const Claim &w)
    {
        QList<const Claim *> others;
        for (const Claim &b : std::as_const(m_wildcards))
            if (conflict(w, b) && HostName::overlaps(w.host, b.host))
                others.append(&b);
        for (auto it = m_exact.cbegin(); it != m_exact.cend(); ++it)
            if (HostName::covers(w.host, it.key()))
                for (const Claim &b : *it)
                    if (conflict(w, b)) {
                        others.append(&b);
                        report(b, { &w });
                    }
        if (!others.isEmpty())
            report(w, others);
    }

    void report(const Claim &c, const QList<const Claim *> &others)
    {
        QStringList names { shortName(*c.r) };
        for (const Claim *o : others)
            names.append(shortName(*o->r));
        reportAs(c, names.join(QStringLiteral(", ")));
    }

    // A member of a group of `names` (in claim order) whose first claim is `lead`.
    void reportMember(const Claim &c, const Claim &lead, const QStringList &names)
    {
        constexpr int kNamedInEach = 5;
        const QString self = shortName(*c.r);
        if (names.size() <= kNamedInEach) {
            QStringList ordered { self };
            for (const QString &n : names)
                if (n != self)
                    ordered.append(n);
            reportAs(c, ordered.join(QStringLiteral(", ")));
        } else if (c.r == lead.r) {
            reportAs(c, names.join(QStringLiteral(", ")));
        } else {
            reportAs(c,
                QStringLiteral("%1, %2 and %3 more (all listed at %2)")
                    .arg(self, shortName(*lead.r))
                    .arg(names.size() - 2));
        }
    }

    // `who`: the VirtualServices named in the message, this claim's first.
    void reportAs(const Claim &c, const QString &who)
    {
        if (m_reported[c.r].contains(c.hostIndex))
            return;
        m_reported[c.r].insert(c.hostIndex);
        const VirtualService &vs = *c.r->virtualService();
        m_ctx.error(*c.r, vs.hosts[c.hostIndex].pos, Code::ConflictingMeshGatewayHosts,
            QStringLiteral("The VirtualServices %1 associated with mesh gateway define the same host %2 "
                           "which can lead to undefined behavior: sidecars use only one of them. Merge the "
                           "conflicting VirtualServices into a single resource")
                .arg(who, vs.hosts[c.hostIndex].value),
            QStringLiteral("spec.hosts[%1]").arg(c.hostIndex));
    }

    CheckContext &m_ctx;
    // By host, ordered: the findings and the names in them must not depend on hash order.
    QMap<QString, QList<Claim>> m_exact;
    QList<Claim> m_wildcards;
    QHash<const Resource *, QSet<int>> m_reported;
};

} // namespace

void MeshHostConflictAnalyzer::analyze(CheckContext &ctx)
{
    HostConflicts(ctx).run(ctx.mesh().virtualServices());
}

Analyzer MeshHostConflictAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("MeshHostConflictAnalyzer"), { ResourceKind::VirtualService },
        { Code::ConflictingMeshGatewayHosts }, &MeshHostConflictAnalyzer::analyze);
}

} // namespace meshroute
