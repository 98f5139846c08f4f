#pragma once

#include "backendresolver.h"
#include "parentbinder.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

namespace meshroute {

class GraphBuilder;
struct BackendRef;
struct GatewayApiRoute;
struct GraphNode;
struct Resource;
struct RouteMatch;
struct RouteRule;

// Adds the Gateway API to a graph GraphBuilder is building: Gateways with their listeners,
// HTTPRoutes and GRPCRoutes (TCPRoutes, TLSRoutes) with their rules, parent -> route edges
// (a Gateway, or a Service for a mesh route), and rule -> backend Service edges weighted
// as the translator weighs them (CRD default 1). Whether a parentRef attaches and where a
// backendRef goes is the model's answer (ParentBinder, BackendResolver), drawn dashed red
// with its reason where it fails; where a mesh HTTPRoute and a VirtualService claim one
// host, the router says which the sidecars use.
class GatewayApiGraphBuilder
{
public:
    explicit GatewayApiGraphBuilder(GraphBuilder &builder);

    void addGateways();
    void addRoutes();
    void markMeshHostWinners();

    // "prefix /cart & header end-user=jason" for one match of a rule.
    static QString matchSummary(const RouteMatch &match);
    // The rule's matches ORed, at most `maxMatches` (-1: all); the CRD default when none.
    static QString ruleSummary(const Resource &route, const RouteRule &rule, int maxMatches = 2);

private:
    void addGateway(const Resource &r);
    int addRoute(const Resource &r, const GatewayApiRoute &route, const QList<ParentBinding> &parents);
    void addParent(const Resource &r, const ParentBinding &p, int routeNode);
    int gatewayParentNode(const ParentBinding &p);
    int meshParentNode(const ParentBinding &p);
    int addRule(const Resource &r, const RouteRule &rule, int index, int routeNode);
    void addBackends(const Resource &r, const RouteRule &rule, int index, int ruleNode, bool enforceGrants);
    void addMirrors(const Resource &r, const RouteRule &rule, int index, int ruleNode, bool enforceGrants);
    int backendNode(const BackendRef &ref, const BackendResolution &b, const Resource &r);
    GraphNode &node(int index);
    // Hosts a mesh route (anywhere in the workspace) and a mesh VirtualService both claim, with the port.
    QList<QPair<QString, int>> contestedMeshHosts() const;
    static void markClaimant(GraphNode &n, const QString &host, const Resource &winner);

    GraphBuilder &m_b;
    ParentBinder m_binder;
    BackendResolver m_resolver;
    QHash<QString, int> m_gatewayByName; // Gateway API Gateways by "ns/name"
    // Mesh routes' hosts -> the route nodes that claim them, for markMeshHostWinners().
    QHash<QString, QList<int>> m_meshHostRoutes;
};

} // namespace meshroute
