#pragma once

#include "analyzer.h"

namespace meshroute {

// The backendRefs of Gateway API routes that Istio cannot send to
// (BackendResolver, the same code the translator resolves with): a Service
// or port that does not exist, a kind Istio does not take, and a reference
// to another namespace that no ReferenceGrant permits (a route with a
// Gateway parent; mesh routes need none). Istio answers their share of the
// requests with 500.
class GatewayApiBackendAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    static Analyzer definition();
};

} // namespace meshroute
