#include "diffrequestplanner.h"

#include "routetable.h"
#include "workspace.h"

namespace meshroute {

QList<ProofRequest> DiffRequestPlanner::plan(const RouteTable &table, const Filter &wanted)
{
    // The planner reads VirtualServices and the Gateways and Services they name:
    // the generated VirtualServices and Gateways of the Gateway API join the workspace's.
    const Workspace &source = table.workspace();
    const GatewayApiTranslation &gatewayApi = table.gatewayApi();
    Workspace planned;
    planned.files = source.files;
    for (const Resource &r : source.resources)
        if (r.kind != ResourceKind::VirtualService || !wanted || wanted(r))
            planned.resources.append(r);
    for (const Resource &r : gatewayApi.resources) {
        const QList<GatewayApiOrigin> origins = gatewayApi.origins.value(r.id);
        bool keep = r.kind != ResourceKind::VirtualService || !wanted;
        for (const GatewayApiOrigin &o : origins)
            if (const Resource *route = keep ? nullptr : source.byId(o.routeId))
                keep = wanted(*route);
        if (keep)
            planned.resources.append(r);
    }
    return ProofRequestPlanner(planned).plan();
}

} // namespace meshroute
