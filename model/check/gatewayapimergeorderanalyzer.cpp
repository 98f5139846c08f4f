#include "gatewayapimergeorderanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "mergedroutegroups.h"
#include "parentbinder.h"
#include "workspace.h"

namespace meshroute {

void GatewayApiMergeOrderAnalyzer::analyze(CheckContext &ctx)
{
    const ParentBinder binder(ctx.workspace());
    QList<MergedRouteGroups::BoundRoute> bound;
    for (const Resource &r : ctx.workspace().resources)
        if ((r.kind == ResourceKind::HTTPRoute || r.kind == ResourceKind::GRPCRoute) && r.gatewayApiRoute())
            bound.append({ &r, binder.bind(r) });
    for (const MergedRouteGroups::Group &g : MergedRouteGroups::build(bound)) {
        if (!g.orderAmbiguous)
            continue;
        QStringList names;
        for (const Resource *r : g.routes)
            names << r->namespaceName() + QLatin1Char('/') + r->name();
        for (int i = 1; i < g.routes.size(); ++i) {
            const Resource &r = *g.routes[i];
            ctx.info(r, r.metadata.pos, Code::GatewayApiMergeOrderAmbiguous,
                QStringLiteral("the rules of %1 are merged with those of %2 for host %3 at %4; their order "
                               "among equal matches comes from creationTimestamp, which the files do not "
                               "carry: Istio then orders by namespace/name (%5), as we do, but the cluster "
                               "may differ")
                    .arg(names[i], names.first(), g.host, g.gateway, names.join(QStringLiteral(", "))),
                QStringLiteral("metadata"));
        }
    }
}

Analyzer GatewayApiMergeOrderAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("GatewayApiMergeOrderAnalyzer"),
        { ResourceKind::HTTPRoute, ResourceKind::GRPCRoute, ResourceKind::KubernetesGateway,
            ResourceKind::Service, ResourceKind::ServiceEntry },
        { Code::GatewayApiMergeOrderAmbiguous }, analyze);
}

} // namespace meshroute
