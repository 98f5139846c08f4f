#pragma once

namespace meshroute {

class CheckContext;

// Analysis across resources, as `istioctl analyze` does and a little further,
// one analyzer per unit as istioctl keeps one per file. This runs those that
// read the shared MeshIndex, in the order whose ties in position the goldens
// fix: VirtualService references (gateways, destinations, subsets,
// delegates), then hosts claimed twice, DestinationRules, Gateways and
// Service port names. What lies outside the opened files is never more than
// info: a missing host is an error only when the Services of its namespace
// were opened.
class MeshAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
};

} // namespace meshroute
