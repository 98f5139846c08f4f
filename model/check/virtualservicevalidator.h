#pragma once

namespace meshroute {

class CheckContext;
struct Resource;

// What Istio's admission webhook and the CRD schema reject (errors) or
// warn about in one VirtualService, on its own (reference section 4).
// Rule reachability is the ShadowAnalyzer's; references to other
// resources are the MeshAnalyzer's.
class VirtualServiceValidator
{
public:
    static void validate(CheckContext &ctx, const Resource &r);
};

} // namespace meshroute
