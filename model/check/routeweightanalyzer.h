#pragma once

#include "analyzer.h"

namespace meshroute {

// Weights that do not do what they seem to, as Kiali reports them: a weight
// below 100 on the only destination of a route, which still receives all
// traffic (MR2001), and one destination listed twice in a route (MR2002).
class RouteWeightAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
