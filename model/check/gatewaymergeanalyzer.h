#pragma once

#include "analyzer.h"

namespace meshroute {

// Kiali's KIA1106 for gateways: several VirtualServices routing one host on
// one Gateway. Istio merges their rules in creation order, so this is
// information, not a fault (MR2003).
class GatewayMergeAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
