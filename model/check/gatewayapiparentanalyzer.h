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
struct Workspace;

// Whether the workspace holds an object of that kind in that namespace: when it
// holds none, a reference there is likely to a file not opened.
bool anyOfKindIn(const Workspace &ws, ResourceKind kind, const QString &ns);

class GatewayApiParentAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    static Analyzer definition();
};

} // namespace meshroute
