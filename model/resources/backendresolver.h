#pragma once

#include "gatewayapibinding.h"
#include "referentindex.h"

#include <memory>

namespace meshroute {

struct Workspace;
struct Resource;
struct ObjectReference;

// Resolves the backendRefs of Gateway API routes as Istio does
// (pilot/pkg/config/kube/gateway/conversion.go buildDestination): a Service
// becomes its cluster-local FQDN and port, kind Hostname (networking.istio.io)
// is taken as written, a cross-namespace reference needs a ReferenceGrant in
// the target namespace unless the route is a mesh route
// (enforceRefGrant = !mesh). Built once per workspace; resolve() is pure.
class BackendResolver
{
public:
    explicit BackendResolver(const Workspace &workspace);
    // With the names of `workspace` already indexed (a view keeps one across edits).
    BackendResolver(const Workspace &workspace, std::shared_ptr<const ReferentIndex> referents);

    BackendResolution resolve(
        const Resource &route, const ObjectReference &ref, bool enforceReferenceGrant) const;

    // Whether a ReferenceGrant in `toNamespace` lets a `fromKind` of `fromNamespace` refer to that object.
    bool granted(const QString &fromKind, const QString &fromNamespace, const QString &toGroup,
        const QString &toKind, const QString &toNamespace, const QString &toName) const;

private:
    const Workspace &m_ws;
    std::shared_ptr<const ReferentIndex> m_referents;
};

} // namespace meshroute
