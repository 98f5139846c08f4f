#pragma once

#include "analyzer.h"

namespace meshroute {

// The Gateways a VirtualService binds to, in spec.gateways and in its HTTP
// matches, as istioctl's GatewayAnalyzer (analyzers/virtualservice/gateways.go)
// checks them: a Gateway that does not exist (IST0101), one whose servers
// serve none of the VirtualService's hosts (IST0132, a 404 at the gateway),
// and an internal Gateway Istio generates for the Gateway API (IST0165).
class VirtualServiceGatewayAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
