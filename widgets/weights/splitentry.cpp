#include "splitentry.h"

#include "resource.h"

namespace meshroute {

bool SplitEntry::isGatewayApiRoute(const Resource &resource)
{
    return resource.gatewayApiRoute()
        && (resource.kind == ResourceKind::HTTPRoute || resource.kind == ResourceKind::GRPCRoute);
}

QList<SplitEntry> SplitEntry::ofRule(const Resource &resource, RouteKind kind, int index)
{
    QList<SplitEntry> out;
    if (const VirtualService *vs = resource.virtualService()) {
        for (const RouteKinds::WeightedDestination &d : RouteKinds::destinations(*vs, kind, index))
            out.append({ *d.destination, d.weight->valueOr(0) });
        return out;
    }
    if (!isGatewayApiRoute(resource))
        return out;
    const GatewayApiRoute &route = *resource.gatewayApiRoute();
    if (index < 0 || index >= route.rules.size())
        return out;
    for (const BackendRef &b : route.rules[index].backendRefs) {
        SplitEntry e;
        e.destination.host = b.ref.name;
        // Another namespace reads as host.namespace, which DestinationPickers::serviceOf understands.
        if (b.ref.namespace_.present && b.ref.namespace_.value != resource.namespaceName())
            e.destination.host.value += QLatin1Char('.') + b.ref.namespace_.value;
        e.destination.port.number = b.ref.port;
        e.destination.pos = b.pos;
        e.weight = b.weight.valueOr(1);
        out.append(e);
    }
    return out;
}

} // namespace meshroute
