#pragma once

#include "graphmodel.h"
#include "referentindexcache.h"
#include "ruleerrors.h"

#include <QHash>
#include <QMultiHash>
#include <QPair>
#include <QSet>

namespace meshroute {

struct Destination;
struct DestinationRule;
struct Gateway;
struct HttpRoute;
struct KubernetesService;
struct Resource;
struct ServiceEntry;
struct VirtualService;
struct Workload;

// Builds the GraphModel of a workspace one node kind at a time: services,
// gateways, workloads, subsets, then VirtualServices with their rules and
// weighted edges, and last the service -> workload selection. Each step
// finds the nodes earlier steps made through the lookups kept here, and adds
// a "missing" node for what a reference names but nothing defines.
// Positions are no concern of it: GraphvizLayout places the nodes.
class GraphBuilder
{
public:
    // `ruleErrors` (optional) keeps the checker's findings about rules between builds,
    // `referents` (optional) the names Gateway API references are resolved by.
    GraphBuilder(const Workspace &workspace, const GraphScope &scope, RuleErrors *ruleErrors = nullptr,
        ReferentIndexCache *referents = nullptr);

    GraphModel build();

private:
    friend class GatewayApiGraphBuilder; // finds and adds service nodes through the lookups here

    // Calls visit(resource) for each resource of the scope, in workspace order.
    template <typename Visit> void forEachInScope(Visit visit) const;
    void noteDefinedKinds();

    void addServices();
    void addService(const Resource &r, const KubernetesService &svc);
    void addServiceEntryHosts(const Resource &r, const ServiceEntry &se);
    // The node of host `fqdn`: a Service, a ServiceEntry host covering it, or a new missing one.
    int serviceNode(const QString &fqdn);

    void addGateways();
    void addGateway(const Resource &r, const Gateway &gw);
    // The node of gateway "ns/name", or a new missing one.
    int gatewayNode(const QString &name);

    void addWorkloads();
    void addWorkload(const Resource &r, const Workload &w);
    // Workload nodes in `ns` whose pod labels contain `selector`, in node order.
    QList<int> selectWorkloads(const QString &ns, const Labels &selector) const;

    void addSubsets();
    void addSubsetsOf(const Resource &r, const DestinationRule &dr);
    // The node of `subset` of `fqdn`, or a new missing one under the service.
    int subsetNode(const QString &fqdn, const QString &subset);
    int destinationNode(const Destination &d, const QString &ns);

    void addVirtualServices();
    int addVirtualService(const Resource &r, const VirtualService &vs);
    void connectGateways(const Resource &r, const VirtualService &vs, int vsNode);
    void addHttpRules(const Resource &r, const VirtualService &vs, int vsNode);
    void addHttpRule(const Resource &r, const HttpRoute &rule, int index, int vsNode);
    void addMirrors(const Resource &r, const HttpRoute &rule, int index, int ruleNode);
    void addTlsRules(const Resource &r, const VirtualService &vs, int vsNode);
    void addTcpRules(const Resource &r, const VirtualService &vs, int vsNode);
    // Adds `rule` (key, title, details, tool tip and route index set) under `vsNode`.
    int addRule(int vsNode, GraphNode rule);
    RuleErrors *m_ruleErrors;
    RuleErrors m_ownRuleErrors; // when the caller keeps none
    ReferentIndexCache *m_referents;
    ReferentIndexCache m_ownReferents; // when the caller keeps none
    const Resource *m_vsResource = nullptr; // the VirtualService whose rules are being added
    // One RuleToDestination edge per destination, labelled with its share of the rule's traffic.
    template <typename Route>
    void addDestinations(const Resource &r, int ruleNode, const Route &route, int routeIndex);

    void addServiceWorkloadEdges();

    const Workspace &m_workspace;
    const GraphScope &m_scope;
    GraphModel m_graph;

    // Whether "not found" can be claimed at all: a workspace of routing
    // rules only (no Services, no workloads) says nothing about the cluster,
    // and painting every host red there would hide the real mistakes.
    QList<const Resource *> m_inScope; // in workspace order
    bool m_haveServices = false;
    bool m_haveWorkloads = false;
    bool m_haveDestinationRules = false;

    QHash<QString, int> m_serviceByHost; // Services and ServiceEntry hosts, by FQDN
    QList<QPair<QString, int>> m_wildcardHosts; // ServiceEntry "*.example.com"
    QHash<int, const Resource *> m_serviceResource; // node -> Kubernetes Service
    QHash<QString, int> m_gatewayByName; // by "ns/name"
    QMultiHash<QString, int> m_workloadsByNamespace;
    QHash<int, const Resource *> m_workloadResource;
    QHash<QString, int> m_subsetByKey; // by "fqdn/subset"
    QSet<QPair<int, int>> m_coveredWorkloads; // (service node, workload node) reached through a subset
};

} // namespace meshroute
