#pragma once

#include "analyzer.h"

namespace meshroute {

// The parentRefs of Gateway API routes that attach nowhere, as Istio's
// controller decides it (ParentBinder, the same code the translator binds
// with): a Gateway, Service or ServiceEntry that does not exist, a
// sectionName or port that names no listener, a listener that does not take
// the route's namespace or kind, and route hostnames that intersect no
// listener's. Istio reports these only in the route's status; requests for
// them get no route.
class GatewayApiParentAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    static Analyzer definition();
};

} // namespace meshroute
