#pragma once

#include "field.h"

#include <QHash>
#include <QList>
#include <QString>

namespace meshroute {

struct Resource;
struct Workspace;
struct KubernetesGateway;
struct Listener;

// Where an HTTPRoute or GRPCRoute attaches: one entry per (parent, host) it serves, the key under
// which Istio merges the routes of several objects into one internal VirtualService
// (pilot/pkg/config/kube/gateway/route_collections.go: one VirtualService per Gateway listener and
// hostname, or per route namespace, Service parent and port for the mesh). A Gateway parent without
// sectionName attaches to each listener of that Gateway when it was opened (to "any listener" when
// it was not). A listener takes the route only when its protocol serves HTTP (HTTP, HTTPS), its
// allowedRoutes.kinds (if any) name the route's kind and its allowedRoutes.namespaces admit the
// route's namespace: Same (the default), All, or a Selector matched against the labels of the
// Namespace objects opened (with Kubernetes' own kubernetes.io/metadata.name label); a Selector
// whose Namespace was not opened is not counted as admitting it. A route hostname that does not
// intersect the listener's hostname does not attach there. Service parents ignore hostnames
// (GAMMA): their host is the Service's.
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
    bool admits(const Listener &l, const QString &gatewayNamespace, const Resource &route) const;

    QHash<QString, const KubernetesGateway *> m_gateways; // by "namespace/name"
    QHash<QString, Labels> m_namespaceLabels; // the Namespace objects opened, by name
};

} // namespace meshroute
