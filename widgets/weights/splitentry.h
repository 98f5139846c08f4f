#pragma once

#include "routekind.h"

#include <QList>

namespace meshroute {

struct Resource;

// One share of a rule's traffic split as the weight panel shows it, whichever
// API the rule comes from: a VirtualService destination (host, subset, port)
// or a Gateway API backendRef (its Service name as the host, `name.namespace`
// when it names another namespace, and its port). `weight` is what the
// router uses: a backendRef without `weight:` has the CRD default, 1.
struct SplitEntry
{
    Destination destination;
    qint64 weight = 0;

    // The entries of rule `index` (of `kind` for a VirtualService; an
    // HTTPRoute's or GRPCRoute's spec.rules[index]); empty without one.
    static QList<SplitEntry> ofRule(const Resource &resource, RouteKind kind, int index);
    // Whether the resource's rules are Gateway API rules (HTTPRoute, GRPCRoute).
    static bool isGatewayApiRoute(const Resource &resource);
};

} // namespace meshroute
