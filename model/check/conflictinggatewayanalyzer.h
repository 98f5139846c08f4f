#pragma once

#include "analyzer.h"

namespace meshroute {

// IST0145 as istioctl's ConflictingGatewayAnalyzer (gateway/conflictinggateway.go
// analyzeGateway, isGWConflict -> model.CheckDuplicates): Gateways on the same
// workloads whose servers share a port number and a host written identically
// with the same bind. The protocol is not compared.
class ConflictingGatewayAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
