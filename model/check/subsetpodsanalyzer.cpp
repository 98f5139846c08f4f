#include "subsetpodsanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "hostname.h"
#include "meshindex.h"
#include "onceperresource.h"
#include "resource.h"

namespace meshroute {

namespace {

bool isTopologyLabel(const QString &key)
{
    return key.startsWith(QLatin1String("topology.kubernetes.io/"))
        || key.startsWith(QLatin1String("topology.istio.io/"))
        || key == QLatin1String("kubernetes.io/hostname") || key.startsWith(QLatin1String("failure-domain."));
}

// What the service's workloads carry for the keys the subset asks for, for the first four.
QString seenLabels(const Subset &s, const QList<const Resource *> &servicePods)
{
    QStringList seen;
    for (const Resource *w : servicePods) {
        QStringList values;
        for (const Label &l : s.labels)
            values.append(l.key + QLatin1Char('=')
                + labelValue(w->workload()->podLabels, l.key, QStringLiteral("(none)")));
        seen.append(
            QStringLiteral("%1 %2 has %3").arg(w->kindName.value, w->name(), values.join(QLatin1Char(','))));
        if (seen.size() == 4)
            break;
    }
    return seen.join(QStringLiteral("; "));
}

class SubsetPods
{
public:
    explicit SubsetPods(CheckContext &ctx)
        : m_ctx(ctx)
        , m_mesh(ctx.mesh())
    { }

    void destinationRule(const Resource &r)
    {
        const DestinationRule &dr = *r.destinationRule();
        const QString host = HostName::resolve(dr.host.value, r.namespaceName()).toLower();
        const Resource *svcRes = m_mesh.serviceOf(host);
        if (!svcRes)
            return;
        const KubernetesService &svc = *svcRes->service();
        if (svc.selector.isEmpty() || svc.type.value == QLatin1String("ExternalName"))
            return;
        const QList<const Resource *> servicePods = m_mesh.podsOf(svc.selector, svcRes->namespaceName());
        for (int i = 0; i < dr.subsets.size(); ++i)
            if (!dr.subsets[i].labels.isEmpty())
                subset(r, host, *svcRes, servicePods, i);
    }

private:
    void subset(const Resource &r, const QString &host, const Resource &svcRes,
        const QList<const Resource *> &servicePods, int i)
    {
        const Subset &s = r.destinationRule()->subsets[i];
        const KubernetesService &svc = *svcRes.service();
        Labels merged = svc.selector;
        bool impossible = false;
        for (const Label &l : s.labels) {
            if (isTopologyLabel(l.key)) {
                impossible = impossible || l.value.isEmpty(); // a node label that can never be empty
                continue;
            }
            merged.append(l);
        }
        bool selects = false;
        for (const Resource *w : servicePods)
            selects = selects || labelsContain(w->workload()->podLabels, merged);
        if (selects && !impossible)
            return;
        const QString path = QStringLiteral("spec.subsets[%1].labels").arg(i);
        const SourcePos at = s.labelsPos.isValid() ? s.labelsPos : s.pos;
        if (servicePods.isEmpty()) {
            // Nothing of the service's pods was opened: say so once per rule, not per subset.
            if (m_noted.first(r, QStringLiteral("pods|") + host))
                m_ctx.info(r, at, Code::SubsetSelectsNoPods,
                    QStringLiteral(
                        "The subsets defined in the DestinationRule select no pod among the opened "
                        "files: no workload matches the selector %1 of %2; open the Deployments to "
                        "have them checked")
                        .arg(MeshIndex::describeLabels(svc.selector), svcRes.displayName()),
                    path);
            return;
        }
        const bool referenced = m_mesh.isReferencedSubset(host, s.name.value);
        const QString message
            = QStringLiteral(
                "The Subset %1 defined in the DestinationRule does not select any pods: %2 wants %3 "
                "but %4. %5")
                  .arg(s.name.value, svcRes.displayName(), MeshIndex::describeLabels(merged),
                      seenLabels(s, servicePods),
                      referenced
                          ? QStringLiteral("Traffic routed to it gets 503 UH (no healthy upstream); fix the "
                                           "subset labels or the pod template labels")
                          : QStringLiteral("No opened VirtualService routes to it yet; fix the labels before "
                                           "one does"));
        // An error whether or not a route uses the subset yet: istioctl's PodNotSelectedAnalyzer
        // (analyzers/destinationrule/subset.go) reports every unmatched subset, and
        // msg/messages.gen.go gives DestinationRuleSubsetNotSelectPods the level diag.Error.
        m_ctx.error(r, at, Code::SubsetSelectsNoPods, message, path);
    }

    CheckContext &m_ctx;
    const MeshIndex &m_mesh;
    OncePerResource m_noted;
};

} // namespace

void SubsetPodsAnalyzer::analyze(CheckContext &ctx)
{
    SubsetPods pods(ctx);
    for (const Resource *r : ctx.mesh().destinationRules())
        pods.destinationRule(*r);
}

Analyzer SubsetPodsAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("SubsetPodsAnalyzer"),
        { ResourceKind::DestinationRule, ResourceKind::Service, ResourceKind::Workload },
        { Code::SubsetSelectsNoPods }, &SubsetPodsAnalyzer::analyze);
}

} // namespace meshroute
