#include "requestpath.h"

#include "router.h"
#include "samplerequest.h"
#include "workspace.h"

namespace meshroute {

namespace {

// The id in `shown` of the resource that has `id` in `routed`; -1 when it is not there.
int sameResource(int id, const Workspace &routed, const Workspace &shown)
{
    const Resource *r = routed.byId(id);
    const Resource *s = r ? shown.find(r->kind, r->namespaceName(), r->name()) : nullptr;
    return s ? s->id : -1;
}

} // namespace

TrafficPath RequestPath::of(
    const RouteResult &result, const SampleRequest &sample, const Workspace &routed, const Workspace &shown)
{
    TrafficPath path;
    if (!sample.gateway.isEmpty()) {
        const QString ns = sample.gateway.section(QLatin1Char('/'), 0, 0);
        const QString name = sample.gateway.section(QLatin1Char('/'), 1);
        const Resource *gw = shown.find(ResourceKind::Gateway, ns, name);
        if (!gw)
            gw = shown.find(ResourceKind::KubernetesGateway, ns, name);
        path.gatewayId = gw ? gw->id : -1;
    }
    path.virtualServiceId
        = result.virtualServiceId >= 0 ? sameResource(result.virtualServiceId, routed, shown) : -1;
    path.routeIndex = result.routeIndex;
    path.matchIndex = result.matchIndex;
    for (const RouteDestinationResult &d : result.destinations)
        path.destinations << TrafficPath::Hop { d.host, d.subset, d.share };
    return path;
}

} // namespace meshroute
