#pragma once

#include "gatewayapibinding.h"
#include "resource.h"

#include <QHash>
#include <QList>

namespace meshroute {

// Where a rule of a synthetic VirtualService came from: the HTTPRoute or
// GRPCRoute, its rule, the match of that rule (-1: a rule without matches)
// and the backendRefs behind its destinations, so that explanations,
// findings and the graph point at the user's YAML.
struct GatewayApiOrigin
{
    int routeId = -1; // Resource::id of the HTTPRoute / GRPCRoute
    int ruleIndex = -1;
    int matchIndex = -1;
    QList<int> backendRefs; // parallel to the rule's route[]: index in rule.backendRefs
};

// A synthetic VirtualService whose rules come from several routes whose order
// Istio decides by creationTimestamp, which local files do not carry.
struct AmbiguousOrder
{
    int virtualServiceId = -1; // the synthetic VirtualService
    QString key; // its name: parent and host
    QList<int> routeIds; // the routes merged there, in the order taken (namespace/name)
};

// The bindings of one route, for the binding findings.
struct RouteBinding
{
    int routeId = -1;
    QList<ParentBinding> parents;
    QList<QList<BackendResolution>> backends; // per rule, per backendRef
};

// What GatewayApiTranslator produces: Istio's internal form of the
// workspace's Gateway API objects, and how each route was bound.
struct GatewayApiTranslation
{
    QList<Resource> resources; // synthetic Istio Gateways and VirtualServices
    QHash<int, QList<GatewayApiOrigin>> origins; // synthetic VirtualService id -> per http[] rule
    QHash<QString, QString> gatewayAliases; // Gateway API "ns/name" -> its first Istio Gateway "ns/name"
    QList<RouteBinding> bindings; // one per route, in workspace order
    QList<AmbiguousOrder> ambiguousOrders;

    // Synthetic resources get ids from here up, clear of any Document's ids.
    static constexpr int kFirstSyntheticId = 1 << 29;
    static bool isSynthetic(int resourceId) { return resourceId >= kFirstSyntheticId; }
};

} // namespace meshroute
