#pragma once

#include "analyzer.h"

namespace meshroute {

// What Istio's admission webhook and the CRD schema reject (errors) or
// warn about in one VirtualService, on its own (reference section 4).
// Rule reachability is the ShadowAnalyzer's; references to other resources
// are the analyzers' across the mesh (VirtualServiceGatewayAnalyzer,
// DestinationHostAnalyzer, ...: see analyzerregistry.cpp).
class VirtualServiceValidator
{
public:
    static void validate(CheckContext &ctx, const Resource &r);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
