#include "diffrequestplanner.h"

#include "routetable.h"
#include "workspace.h"

namespace meshroute {

namespace {

// Names what the user wrote in the requests made from generated VirtualServices:
// the HTTPRoute rule behind one, and the Gateway API Gateway that sends it.
class GatewayApiNames
{
public:
    explicit GatewayApiNames(const RouteTable &table)
        : m_gatewayApi(table.gatewayApi())
    {
        for (const Resource &r : table.workspace().resources) {
            if (r.kind == ResourceKind::Gateway && !GatewayApiTranslation::isSynthetic(r.id))
                m_istioGateways.insert(r.namespaceName() + QLatin1Char('/') + r.name());
            if (isGatewayApiRoute(r.kind))
                m_routes.insert(r.id, &r);
        }
    }
    const Resource *route(int id) const { return m_routes.value(id); }

    void name(ProofRequest &p) const
    {
        if (!p.sample.gateway.isEmpty() && !m_istioGateways.contains(p.sample.gateway)) {
            const QString kubernetesGateway = p.sample.gateway.section(QLatin1Char('~'), 0, 0);
            if (m_gatewayApi.gatewayAliases.contains(kubernetesGateway))
                p.sample.gateway = kubernetesGateway;
        }
        if (!GatewayApiTranslation::isSynthetic(p.resourceId))
            return;
        const GatewayApiOrigin origin = m_gatewayApi.origins.value(p.resourceId).value(p.ruleIndex);
        const Resource *from = route(origin.routeId);
        if (!from)
            return;
        p.origin = from->displayName()
            + (origin.ruleIndex >= 0 ? QStringLiteral(" rules[%1]").arg(origin.ruleIndex) : QString())
            + (origin.matchIndex >= 0 ? QStringLiteral(".matches[%1]").arg(origin.matchIndex) : QString());
    }

private:
    const GatewayApiTranslation &m_gatewayApi;
    QSet<QString> m_istioGateways;
    QHash<int, const Resource *> m_routes;
};

} // namespace

QList<ProofRequest> DiffRequestPlanner::plan(const RouteTable &table, const Filter &wanted)
{
    // The planner reads VirtualServices and the Gateways and Services they name:
    // the generated VirtualServices and Gateways of the Gateway API join the workspace's.
    const Workspace &source = table.workspace();
    const GatewayApiTranslation &gatewayApi = table.gatewayApi();
    Workspace planned;
    planned.files = source.files;
    for (const Resource &r : source.resources)
        if (r.kind != ResourceKind::VirtualService || !wanted || wanted(r))
            planned.resources.append(r);
    const GatewayApiNames names(table);
    for (const Resource &r : gatewayApi.resources) {
        bool keep = r.kind != ResourceKind::VirtualService || !wanted;
        for (const GatewayApiOrigin &o : gatewayApi.origins.value(r.id))
            if (const Resource *route = keep ? nullptr : names.route(o.routeId))
                keep = wanted(*route);
        if (keep)
            planned.resources.append(r);
    }
    QList<ProofRequest> out = ProofRequestPlanner(planned).plan();
    for (ProofRequest &p : out)
        names.name(p);
    return out;
}

} // namespace meshroute
