#pragma once

#include "analyzer.h"

namespace meshroute {

// Routes whose rules Istio merges into one VirtualService (same listener or
// Service, same host: MergedRouteGroups, as the translator merges them) and
// whose order among equal matches rests on creationTimestamp, which local
// files do not carry: Istio then takes namespace/name, and so do we, but
// the cluster's order may differ from the files'.
class GatewayApiMergeOrderAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    static Analyzer definition();
};

} // namespace meshroute
