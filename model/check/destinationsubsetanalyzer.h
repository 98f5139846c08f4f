#pragma once

#include "analyzer.h"

namespace meshroute {

// Whether the subset a destination or mirror names is defined by a
// DestinationRule of its host that the VirtualService's namespace sees, as
// istioctl's DestinationRuleAnalyzer (analyzers/virtualservice/destinationrules.go)
// checks it (IST0101; a missing subset means 503 NC). Without any opened
// DestinationRule for the host it is only information.
class DestinationSubsetAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
