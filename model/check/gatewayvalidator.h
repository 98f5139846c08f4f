#pragma once

#include "analyzer.h"

namespace meshroute {

// What Istio's admission webhook rejects or warns about in one Gateway:
// its name, servers, host forms, ports, protocols and TLS settings.
class GatewayValidator
{
public:
    static void validate(CheckContext &ctx, const Resource &r);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
