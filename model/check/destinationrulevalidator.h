#pragma once

#include "analyzer.h"

namespace meshroute {

// What Istio's admission webhook rejects or warns about in one
// DestinationRule on its own (host, traffic policies, subsets, exportTo,
// workloadSelector), plus istioctl's IST0128 (TLS without CA), which needs
// nothing but the rule itself.
class DestinationRuleValidator
{
public:
    static void validate(CheckContext &ctx, const Resource &r);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
