#pragma once

#include "analyzer.h"

namespace meshroute {

// A DestinationRule subset whose labels, merged with the service selector
// (which is how Istio picks a subset's endpoints), match no opened workload,
// as istioctl's PodNotSelectedAnalyzer (analyzers/destinationrule/subset.go)
// reports it (IST0173; 503 UH once a route uses it). Information when no
// workload of the service was opened.
class SubsetPodsAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
