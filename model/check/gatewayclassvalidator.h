#pragma once

#include "analyzer.h"

namespace meshroute {

// What the API server rejects in one GatewayClass: the schema of the CRD
// (config/crd/standard/gateway.networking.k8s.io_gatewayclasses.yaml, v1): controllerName required,
// a domain-prefixed path of at most 253 characters; description at most 64. Its one CEL rule
// ("field is immutable", self == oldSelf) needs the stored object and is not decided from files.
class GatewayClassValidator
{
public:
    static void validate(CheckContext &ctx, const Resource &r);
    static Analyzer definition();
};

} // namespace meshroute
