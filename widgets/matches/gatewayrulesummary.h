#pragma once

#include <QString>

namespace meshroute {

struct RouteRule;

// An HTTPRoute or GRPCRoute rule in one line for the rule list, like the
// VirtualService ones: "canary  every request  →  reviews-v1 90, reviews-v3 10",
// "#0  exact /productpage | prefix /static  →  productpage". Weights are shown
// only for a split; a type the file leaves out reads as its CRD default.
QString gatewayRuleSummary(const RouteRule &rule, int index, bool grpc);

} // namespace meshroute
