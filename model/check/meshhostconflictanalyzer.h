#pragma once

#include "analyzer.h"

namespace meshroute {

// Several mesh-bound VirtualServices visible in one namespace that claim the
// same host, as istioctl's ConflictingMeshGatewayHostsAnalyzer
// (analyzers/virtualservice/conflictingmeshgatewayhosts.go) reports them
// (IST0109): sidecars use only one of them.
class MeshHostConflictAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
