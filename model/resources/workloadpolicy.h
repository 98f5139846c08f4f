#pragma once

#include "field.h"

namespace meshroute {

// Which workloads an Istio policy applies to (AuthorizationPolicy, RequestAuthentication,
// Telemetry, WasmPlugin): its spec.selector.matchLabels, or a spec.targetRef / targetRefs naming a
// Gateway API Gateway or a Service. Nothing else of such an object is interpreted: it stays an
// Other resource, kept whole.
struct WorkloadPolicy
{
    bool hasSelector = false;
    Labels matchLabels;
    SourcePos selectorPos; // of spec.selector
    bool hasTargetRef = false; // targetRef or a non-empty targetRefs
};

} // namespace meshroute
