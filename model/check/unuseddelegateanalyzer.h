#pragma once

#include "analyzer.h"

namespace meshroute {

// A VirtualService without hosts is a delegate: istiod uses it only through
// a root VirtualService's `delegate:` (pilot/pkg/model/virtualservice.go
// mergeVirtualServicesIfNeeded), and on its own it builds no route at all
// (a VirtualService needs hosts to make a virtual host). Reports each one
// no opened VirtualService delegates to (MR2006).
class UnusedDelegateAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
