#pragma once

namespace meshroute {

class CheckContext;

// Kiali's KIA1106 for gateways: several VirtualServices routing one host on
// one Gateway. Istio merges their rules in creation order, so this is
// information, not a fault (MR2003).
class GatewayMergeAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
};

} // namespace meshroute
