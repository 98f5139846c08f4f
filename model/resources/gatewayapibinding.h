#pragma once

#include "field.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace meshroute {

// What Istio's Gateway API controller decides about one route before it
// writes any VirtualService (pilot/pkg/config/kube/gateway/conversion.go
// referenceAllowed, route_collections.go): which parents it attaches to and
// where each backendRef goes. Computed once by ParentBinder and
// BackendResolver and read by the translator (routing) and the binding
// analyzers (check), so the two never disagree.

// One listener a route attached to, with the route hostnames it serves there.
struct ListenerBinding
{
    int gatewayId = -1; // Resource::id of the Gateway API Gateway
    QString gatewayNamespace;
    QString gatewayName;
    int listenerIndex = -1;
    QString listenerName;
    int port = 0;
    QString protocol; // as written, upper-case
    QString listenerHostname; // empty: any
    QStringList hosts; // the VirtualService hosts: route hostnames after intersection and isolation
};

struct ParentBinding
{
    enum class Kind { Gateway, Service, ServiceEntry, Unsupported };
    // Why a parentRef attaches nowhere, in the order Istio checks (referenceAllowed:
    // the parent, then port, sectionName, hostname, namespace, kind).
    enum class Failure {
        None,
        ParentNotFound, // no such Gateway, Service or ServiceEntry
        NoMatchingListener, // sectionName or port names no listener
        NoMatchingHostname, // no route hostname intersects a listener's
        NamespaceNotAllowed, // allowedRoutes.namespaces excludes the route's namespace
        KindNotAllowed, // allowedRoutes.kinds excludes the route's kind
        UnsupportedKind // a parent kind Istio does not take
    };
    int parentIndex = -1; // in spec.parentRefs
    SourcePos pos; // of the parentRef
    Kind kind = Kind::Gateway;
    Failure failure = Failure::None;
    QString message; // why, for a finding; empty when attached
    QString parentNamespace;
    QString parentName;
    QList<ListenerBinding> listeners; // Gateway parents
    QStringList meshHosts; // Service / ServiceEntry parents: the hosts the mesh route applies to
    int meshPort = 0; // parentRef.port of a mesh parent; 0: every port
    bool attached() const { return failure == Failure::None; }
};

// Where one backendRef (or mirror backendRef) goes.
struct BackendResolution
{
    enum class Status {
        Resolved,
        ServiceNotFound, // keeps its host: a cluster that does not exist (500)
        PortNotFound, // the Service has no such port (500)
        NotPermitted, // cross-namespace without a ReferenceGrant: destination {} (500)
        UnsupportedKind // destination {} (500)
    };
    Status status = Status::Resolved;
    QString host; // FQDN; empty for destination {}
    int port = 0; // 0: not written
    QString reason; // what does not resolve, without what follows from it
    QString message; // reason and what it does to a backendRef's requests
    SourcePos pos; // of the backendRef
    bool ok() const { return status == Status::Resolved; }
    // conversion.go createMirrorFilter: buildDestination's error drops the mirror and the rule
    // still routes. Istio does not look up ports, so a mirror to a missing port is kept and its
    // copies go to a cluster that does not exist.
    bool dropsMirror() const { return !ok() && status != Status::PortNotFound; }
    QString mirrorMessage() const;
};

} // namespace meshroute
