#pragma once

#include "gatewayapibinding.h"
#include "gatewayapitranslation.h"
#include "virtualservice.h"

#include <functional>

namespace meshroute {

struct RouteRule;
struct RouteMatch;
struct RouteFilter;

// Converts one match of one Gateway API rule into the VirtualService rule
// Istio writes for it (conversion.go convertHTTPRoute / convertGRPCRoute):
// the match (path, headers, query, method, gRPC method as a path), the
// filters (header modifiers, redirect, URL rewrite, mirror), timeouts and
// the weighted destinations, or a direct 500 when nothing carries weight.
class GatewayApiRuleConverter
{
public:
    using MirrorResolver = std::function<BackendResolution(const ObjectReference &)>;

    struct Input
    {
        const Resource *route = nullptr;
        int ruleIndex = -1;
        int matchIndex = -1; // -1: the rule has no matches
        QList<BackendResolution> backends; // parallel to the rule's backendRefs
        MirrorResolver resolveMirror;
        int meshPort = 0; // a mesh parent's port: every match gets it
        bool applyCrdDefaults = true;
    };

    // The rule, and where each part came from.
    static HttpRoute convert(const Input &in, GatewayApiOrigin *origin);

private:
    static HttpMatchRequest convertMatch(const Input &in, const RouteMatch &m);
    static void applyFilter(const Input &in, const RouteFilter &f, HttpRoute &out);
    static void addDestinations(
        const Input &in, const RouteRule &rule, HttpRoute &out, GatewayApiOrigin *origin);
};

} // namespace meshroute
