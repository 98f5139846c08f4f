#pragma once

#include "analyzer.h"

namespace meshroute {

// The `delegate:` of an HTTP rule must name an opened VirtualService
// (IST0101; information when its namespace was not opened) that has no
// hosts, else Istio ignores the delegation (MR1007).
class DelegateReferenceAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
