#pragma once

namespace meshroute {

class CheckContext;

// The `delegate:` of an HTTP rule must name an opened VirtualService
// (IST0101; information when its namespace was not opened) that has no
// hosts, else Istio ignores the delegation (MR1007).
class DelegateReferenceAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
};

} // namespace meshroute
