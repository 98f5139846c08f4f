#pragma once

#include "parentbinder.h"

#include <QList>
#include <QString>

namespace meshroute {

struct Resource;
struct Workspace;

// Where an HTTPRoute or GRPCRoute attaches, for the checks that compare routes Istio merges: one
// entry per (parent, host) it serves, the key under which Istio merges the routes of several
// objects into one internal VirtualService (pilot/pkg/config/kube/gateway/route_collections.go:
// one VirtualService per Gateway listener and hostname, or per route namespace, Service parent and
// port for the mesh). Which listeners take a route is ParentBinder's answer, the one the router
// uses, so a check and the router never disagree on it. One addition: a parent that is not in
// the workspace (a route file checked without its Gateway or Service) attaches as written, to the
// listener its sectionName names or to any, so that its matches are still compared.
class GatewayApiParents
{
public:
    struct Attachment
    {
        QString key; // parent and host: routes with equal keys are merged and sorted together
        QString parent; // for messages: "Gateway web/shop listener http", "Service web/cart port 80"
        QString host; // as the route (or listener) names it; a Service's FQDN for the mesh
        bool mesh = false; // a Service or ServiceEntry parent
        int parentIndex = -1; // which spec.parentRefs item
    };

    explicit GatewayApiParents(const Workspace &workspace);
    QList<Attachment> of(const Resource &route) const;

private:
    ParentBinder m_binder;
};

} // namespace meshroute
