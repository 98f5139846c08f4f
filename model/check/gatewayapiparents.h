#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace meshroute {

struct Resource;
struct Workspace;
struct KubernetesGateway;

// Where an HTTPRoute or GRPCRoute attaches: one entry per (parent, host) it serves, the key under
// which Istio merges the routes of several objects into one internal VirtualService
// (pilot/pkg/config/kube/gateway/route_collections.go: one VirtualService per Gateway listener and
// hostname, or per Service parent and port for the mesh). A Gateway parent without sectionName
// attaches to each listener of that Gateway when it was opened (to "any listener" when it was
// not); a route hostname that does not intersect the listener's hostname does not attach there.
// Service parents ignore hostnames (GAMMA): their host is the Service's.
class GatewayApiParents
{
public:
    struct Attachment
    {
        QString key; // parent and host: routes with equal keys are merged and sorted together
        QString parent; // for messages: "Gateway web/shop listener http", "Service web/cart port 80"
        QString host; // as the route (or listener) names it; a Service's FQDN for the mesh
        bool mesh = false; // a Service parent
        int parentIndex = -1; // which spec.parentRefs item
    };

    explicit GatewayApiParents(const Workspace &workspace);
    QList<Attachment> of(const Resource &route) const;

    // The cluster-local FQDN of a Service (`name.namespace.svc.cluster.local`).
    static QString serviceHost(const QString &name, const QString &ns);
    // Whether two hostnames can name a common host (`*.example.com` and `a.example.com`).
    static bool intersects(const QString &a, const QString &b);

private:
    QHash<QString, const KubernetesGateway *> m_gateways; // by "namespace/name"
};

} // namespace meshroute
