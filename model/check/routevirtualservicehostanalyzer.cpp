#include "routevirtualservicehostanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "exportvisibility.h"
#include "gatewayapiparents.h"
#include "hostname.h"
#include "meshindex.h"
#include "resource.h"

#include <QHash>

namespace meshroute {

namespace {

struct VsHost
{
    const Resource *vs;
    int hostIndex;
    QString host; // resolved, lower case
};

QString shortName(const Resource &r)
{
    return r.kindName.value + QLatin1Char(' ') + r.namespaceName() + QLatin1Char('/') + r.name();
}

// Which of the two sidecars use, as far as the files tell.
QString winner(const Resource &route, const VsHost &vs, const QString &routeHost)
{
    if (vs.host != routeHost)
        return QStringLiteral(
            "sidecars use the %1 for %2: its host is more specific than the VirtualService's "
            "\"%3\" (MostSpecificHostMatch)")
            .arg(route.kindName.value, routeHost, vs.host);
    const QString tr = route.metadata.creationTimestamp.value;
    const QString tv = vs.vs->metadata.creationTimestamp.value;
    if (!tr.isEmpty() && !tv.isEmpty() && tr != tv) {
        const Resource &older = tr < tv ? route : *vs.vs;
        const Resource &newer = tr < tv ? *vs.vs : route;
        return QStringLiteral("sidecars use the older, %1 (created %2), and ignore %3 (created %4)")
            .arg(shortName(older), older.metadata.creationTimestamp.value, shortName(newer),
                newer.metadata.creationTimestamp.value);
    }
    return QStringLiteral(
        "sidecars use only one of them, the one created first (then by name and namespace): "
        "which one is undefined until both are applied");
}

QList<VsHost> meshVirtualServiceHosts(CheckContext &ctx)
{
    QList<VsHost> out;
    for (const Resource *r : ctx.mesh().virtualServices()) {
        const VirtualService &vs = *r->virtualService();
        if (!MeshIndex::appliesToMesh(vs) || !vs.hasHttp)
            continue;
        const ExportVisibility v = ExportVisibility::of(vs.exportTo, r->namespaceName());
        if (!v.all && v.namespaces.isEmpty())
            continue; // exportTo "~": visible to no sidecar
        for (int i = 0; i < vs.hosts.size(); ++i)
            out.append({ r, i, HostName::resolve(vs.hosts[i].value, r->namespaceName()).toLower() });
    }
    return out;
}

} // namespace

void RouteVirtualServiceHostAnalyzer::analyze(CheckContext &ctx)
{
    const Workspace &ws = ctx.workspace();
    QList<const Resource *> routes;
    for (const Resource &r : ws.resources)
        if ((r.kind == ResourceKind::HTTPRoute || r.kind == ResourceKind::GRPCRoute) && r.gatewayApiRoute())
            routes.append(&r);
    if (routes.isEmpty())
        return;
    const QList<VsHost> vsHosts = meshVirtualServiceHosts(ctx);
    if (vsHosts.isEmpty())
        return;
    const GatewayApiParents parents(ws);
    for (const Resource *route : std::as_const(routes))
        for (const GatewayApiParents::Attachment &a : parents.of(*route)) {
            if (!a.mesh)
                continue;
            for (const VsHost &h : vsHosts) {
                if (!HostName::covers(h.host, a.host))
                    continue;
                const QString why = winner(*route, h, a.host);
                const ParentReference &p = route->gatewayApiRoute()->parentRefs[a.parentIndex];
                ctx.warning(*route, p.pos, Code::RouteAndVirtualServiceShareHost,
                    QStringLiteral("%1 and %2 both route %3 for the mesh: %4")
                        .arg(shortName(*route), shortName(*h.vs), a.host, why),
                    QStringLiteral("spec.parentRefs[%1]").arg(a.parentIndex));
                ctx.warning(*h.vs, h.vs->virtualService()->hosts[h.hostIndex].pos,
                    Code::RouteAndVirtualServiceShareHost,
                    QStringLiteral("%1 and %2 both route %3 for the mesh: %4")
                        .arg(shortName(*h.vs), shortName(*route), a.host, why),
                    QStringLiteral("spec.hosts[%1]").arg(h.hostIndex));
            }
        }
}

Analyzer RouteVirtualServiceHostAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("RouteVirtualServiceHostAnalyzer"),
        { ResourceKind::HTTPRoute, ResourceKind::GRPCRoute, ResourceKind::VirtualService },
        { Code::RouteAndVirtualServiceShareHost }, analyze);
}

} // namespace meshroute
