#pragma once

#include "analyzer.h"

namespace meshroute {

// An HTTPRoute or GRPCRoute with a Service parent (GAMMA) and a mesh-bound VirtualService that route
// the same host. Istio turns the route into a VirtualService of its own for that host
// (pilot/pkg/config/kube/gateway/route_collections.go), and sidecars keep one VirtualService per host:
// the most specific host first (MostSpecificHostMatch), and for the same host the first in
// creationTimestamp, name, namespace order (pilot/pkg/model/virtualservice_controller.go
// sortMergedVirtualServicesByCreationTime, config.go configCompareByCreationTime;
// sidecar.go computeWildcardHostVirtualServiceIndex never overwrites an earlier entry). The other
// one's rules are ignored by sidecars. Files usually carry no creationTimestamp, so which one wins is
// then undefined until both are applied. At a gateway the two never meet: a Gateway API Gateway
// gets Istio Gateways of its own (one per listener), which a VirtualService binds to only by naming
// them (IST0165, VirtualServiceGatewayAnalyzer).
class RouteVirtualServiceHostAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    static Analyzer definition();
};

} // namespace meshroute
