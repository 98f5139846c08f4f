#pragma once

#include "analyzer.h"

namespace meshroute {

// What the API server rejects in one HTTPRoute or GRPCRoute: the openAPIV3Schema and every
// x-kubernetes-validations (CEL) rule of the v1 CRDs (kubernetes-sigs/gateway-api
// config/crd/standard/gateway.networking.k8s.io_httproutes.yaml and _grpcroutes.yaml) that can be
// decided on the object alone. Istio registers these kinds without validation of its own
// (validation.EmptyValidate), so the CRD is all that stands between a file and the cluster.
class GatewayApiRouteValidator
{
public:
    static void validate(CheckContext &ctx, const Resource &r);
    // One registry entry per kind (analyzerregistry.cpp): HTTPRoute and GRPCRoute.
    static Analyzer httpRouteDefinition();
    static Analyzer grpcRouteDefinition();
};

} // namespace meshroute
