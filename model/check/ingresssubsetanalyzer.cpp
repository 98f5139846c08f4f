#include "ingresssubsetanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "hostname.h"
#include "meshindex.h"
#include "resource.h"

namespace meshroute {

namespace {

// How many opened workloads of `host` no subset routed by the mesh VirtualService selects:
// -1 when that cannot be told (service, pods or subsets not opened).
int podsOutsideRoutedSubsets(const MeshIndex &mesh, const Resource &meshVs, const QString &host)
{
    const Resource *svcRes = mesh.serviceOf(host);
    if (!svcRes || svcRes->service()->selector.isEmpty())
        return -1;
    const KubernetesService &svc = *svcRes->service();
    QList<Labels> selectors;
    for (const HttpRoute &rule : meshVs.virtualService()->http)
        for (const HttpRouteDestination &d : rule.route) {
            if (!d.destination.host.present
                || HostName::resolve(d.destination.host.value, meshVs.namespaceName()).toLower() != host)
                continue;
            if (!d.destination.subset.present)
                return 0; // the mesh rules also send traffic to every pod
            const Subset *subset = nullptr;
            for (const Resource *dr : mesh.destinationRulesFor(host))
                subset = subset ? subset : dr->destinationRule()->findSubset(d.destination.subset.value);
            if (!subset)
                return -1;
            Labels merged = svc.selector;
            merged.append(subset->labels);
            selectors.append(merged);
        }
    int strays = 0, pods = 0;
    for (const Resource *w : mesh.podsOf(svc.selector, svcRes->namespaceName())) {
        ++pods;
        bool routed = false;
        for (const Labels &sel : std::as_const(selectors))
            routed = routed || labelsContain(w->workload()->podLabels, sel);
        strays += routed ? 0 : 1;
    }
    return pods == 0 ? -1 : strays;
}

void ingressDestination(
    CheckContext &ctx, const Resource &r, const VirtualService &vs, const Destination &d, const QString &path)
{
    if (!d.host.present || d.subset.present)
        return;
    const MeshIndex &mesh = ctx.mesh();
    const QString host = HostName::resolve(d.host.value, r.namespaceName()).toLower();
    const Resource *other = mesh.meshSubsetRouting(host);
    if (!other || other == &r)
        return;
    // It matters only if some pod of the service gets ingress traffic that the mesh rules would never
    // send it; with the pods not opened we cannot tell, so it is information then.
    const int strays = podsOutsideRoutedSubsets(mesh, *other, host);
    if (strays == 0)
        return;
    QStringList gateways;
    for (const Field<QString> &g : vs.gateways)
        gateways.append(g.value);
    const QString message
        = QStringLiteral(
            "Subset in virtual service %1 has no effect on ingress gateway %2 requests: this route "
            "sends %3 traffic to all its pods%4; route to the subsets here too, or bind %1 to the "
            "gateway")
              .arg(other->displayName().section(QLatin1Char(' '), 1), gateways.join(QStringLiteral(", ")),
                  d.host.value,
                  strays > 0 ? QStringLiteral(", including %1 the mesh rules never use").arg(strays)
                             : QStringLiteral(" (their workloads were not opened)"));
    ctx.report(r, d.host.pos, strays > 0 ? Diagnostic::Severity::Warning : Diagnostic::Severity::Info,
        Code::IngressRouteRulesNotAffected, message, path + QStringLiteral(".host"));
}

} // namespace

void IngressSubsetAnalyzer::analyze(CheckContext &ctx)
{
    for (const Resource *r : ctx.mesh().virtualServices()) {
        const VirtualService &vs = *r->virtualService();
        if (MeshIndex::appliesToMesh(vs))
            continue;
        for (int i = 0; i < vs.http.size(); ++i)
            for (int k = 0; k < vs.http[i].route.size(); ++k)
                ingressDestination(ctx, *r, vs, vs.http[i].route[k].destination,
                    QStringLiteral("spec.http[%1].route[%2].destination").arg(i).arg(k));
    }
}

Analyzer IngressSubsetAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("IngressSubsetAnalyzer"),
        { ResourceKind::VirtualService, ResourceKind::DestinationRule, ResourceKind::Workload },
        { Code::IngressRouteRulesNotAffected }, &IngressSubsetAnalyzer::analyze);
}

} // namespace meshroute
