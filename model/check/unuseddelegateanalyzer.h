#pragma once

namespace meshroute {

class CheckContext;

// A VirtualService without hosts is a delegate: istiod uses it only through
// a root VirtualService's `delegate:` (pilot/pkg/model/virtualservice.go
// mergeVirtualServicesIfNeeded), and on its own it builds no route at all
// (a VirtualService needs hosts to make a virtual host). Reports each one
// no opened VirtualService delegates to (MR2006).
class UnusedDelegateAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
};

} // namespace meshroute
