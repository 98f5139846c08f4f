#pragma once

namespace meshroute {

class CheckContext;
struct Resource;

// What Istio's admission webhook rejects or warns about in one Gateway:
// its name, servers, host forms, ports, protocols and TLS settings.
class GatewayValidator
{
public:
    static void validate(CheckContext &ctx, const Resource &r);
};

} // namespace meshroute
