#pragma once

#include "analyzer.h"

namespace meshroute {

// Matches of HTTPRoutes and GRPCRoutes that never win. For each parent and host (the key under which
// Istio merges routes into one internal VirtualService, GatewayApiParents) the matches are put in
// Istio's order: routes by creationTimestamp, namespace and name (sortRoutesByCreationTime), each
// rule split into one route per match, then sortHTTPRoutes's stable order (Exact, PathPrefix,
// RegularExpression; longer value; method; more headers; more query parameters; no match last;
// pilot/pkg/config/kube/gateway/conversion.go). Envoy takes the first route that matches, and
// Istio drops every route after a catch-all (BuildHTTPRoutesForVirtualService in
// pilot/pkg/networking/core/route/route.go). A match is reported when, for every parent and host
// it serves, an earlier route matches every request it matches, with such a request as the
// counter-example. The order is this file's own comparator; it should be unified with the
// translator's (model/routing/gatewayapitranslator) once both have landed.
class GatewayApiShadowAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    static Analyzer definition();
};

} // namespace meshroute
