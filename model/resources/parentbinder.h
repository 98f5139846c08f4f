#pragma once

#include "gatewayapibinding.h"
#include "referentindex.h"

#include <memory>

namespace meshroute {

struct Workspace;
struct Resource;
struct Listener;
struct LabelSelector;
struct ParentReference;

// Attaches Gateway API routes to their parents as Istio does
// (pilot/pkg/config/kube/gateway/conversion.go referenceAllowed and
// route_collections.go): a Gateway's listeners chosen by sectionName and
// port, hostnames intersected with the listener's and isolated from more
// specific listeners on the same port (hostnameAllowedByIsolation),
// allowedRoutes namespaces (Same, All, Selector over the workspace's
// Namespace objects) and kinds; a Service or ServiceEntry parent makes a
// mesh route. Built once per workspace; bind() is pure.
class ParentBinder
{
public:
    explicit ParentBinder(const Workspace &workspace);
    // With the names of `workspace` already indexed (a view keeps one across edits).
    ParentBinder(const Workspace &workspace, std::shared_ptr<const ReferentIndex> referents);

    // The names it looks parents up by, for a BackendResolver over the same workspace.
    const std::shared_ptr<const ReferentIndex> &referents() const { return m_referents; }

    // One entry per spec.parentRefs item of a route (HTTPRoute, GRPCRoute, TCPRoute, TLSRoute).
    QList<ParentBinding> bind(const Resource &route) const;

    // Whether `namespaceName` satisfies a label selector, reading the
    // Namespace's labels (plus kubernetes.io/metadata.name, which the API server sets).
    bool namespaceSelected(const LabelSelector &selector, const QString &namespaceName) const;

    // The kinds a listener takes: allowedRoutes.kinds, else those of its protocol.
    static QStringList allowedKinds(const Listener &listener);
    // The hostname two hostnames share, the more specific one; empty when none.
    static QString intersect(const QString &listenerHostname, const QString &routeHostname);

private:
    ParentBinding bindGateway(const Resource &route, const ParentReference &ref, ParentBinding b) const;
    ParentBinding bindMesh(const Resource &route, const ParentReference &ref, ParentBinding b) const;
    QString namespaceRefusal(const Resource &gateway, const Listener &l, const QString &routeNs) const;
    QStringList isolatedHosts(const Resource &gateway, const Listener &l, const QStringList &hosts) const;

    const Resource *referent(ReferentIndex::Kind kind, const QString &ns, const QString &name) const;

    const Workspace &m_ws;
    std::shared_ptr<const ReferentIndex> m_referents;
};

} // namespace meshroute
