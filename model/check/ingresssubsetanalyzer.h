#pragma once

#include "analyzer.h"

namespace meshroute {

// A gateway-only VirtualService that sends a host's traffic without subset
// while the mesh VirtualService of that host splits it by subsets: the mesh
// rules never apply to ingress traffic, so pods the split leaves out still
// get it (IST0140, as istioctl's IngressRouteRulesNotAffected). A warning
// when opened pods are reached that way, information when that cannot be told.
class IngressSubsetAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
