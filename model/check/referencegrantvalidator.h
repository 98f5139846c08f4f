#pragma once

#include "analyzer.h"

namespace meshroute {

// What the API server rejects in one ReferenceGrant: the schema of the CRD
// (config/crd/standard/gateway.networking.k8s.io_referencegrants.yaml): `from` and `to` required
// with 1 to 16 items; each `from` a group, kind and namespace, each `to` a group and kind.
class ReferenceGrantValidator
{
public:
    static void validate(CheckContext &ctx, const Resource &r);
    static Analyzer definition();
};

} // namespace meshroute
