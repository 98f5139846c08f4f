#pragma once

#include "analyzer.h"

namespace meshroute {

// What the API server rejects in one Gateway API Gateway (gateway.networking.k8s.io): the
// openAPIV3Schema and the x-kubernetes-validations (CEL) rules of the v1 CRD
// (config/crd/standard/gateway.networking.k8s.io_gateways.yaml): listeners, their TLS and allowed
// routes, addresses. Istio's own networking.istio.io Gateway is GatewayValidator's.
class KubernetesGatewayValidator
{
public:
    static void validate(CheckContext &ctx, const Resource &r);
    static Analyzer definition();
};

} // namespace meshroute
