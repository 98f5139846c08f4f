#pragma once

#include "analyzer.h"

namespace meshroute {

// A RegularExpression match of an HTTPRoute or GRPCRoute (path, header, query parameter, gRPC
// service or method) that RE2 does not compile. The API server accepts it (the CRD does not check
// regex syntax and Istio validates these kinds with validation.EmptyValidate), Envoy rejects the
// route, and requests fall through as if the rule were not there (istio/istio#49993). A warning
// with RE2's own error and the column of the offending part of the value.
class GatewayApiRegexAnalyzer
{
public:
    static void analyze(CheckContext &ctx, const Resource &r);
    static Analyzer httpRouteDefinition();
    static Analyzer grpcRouteDefinition();
};

} // namespace meshroute
