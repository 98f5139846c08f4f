#pragma once

#include "selection.h"

namespace meshroute {

struct RouteResult;
struct SampleRequest;
struct Workspace;

// The path of a routed request as the graph lights it (TrafficPath), named
// by the ids of the workspace the graph shows. The request may have been
// routed on another load of the mesh (a saved or git side, a canary step),
// whose ids differ: its resources are found again by kind, namespace and name.
namespace RequestPath {

TrafficPath of(
    const RouteResult &result, const SampleRequest &sample, const Workspace &routed, const Workspace &shown);

} // namespace RequestPath

} // namespace meshroute
