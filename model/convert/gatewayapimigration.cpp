#include "gatewayapimigration.h"

#include "conversioncontext.h"
#include "gatewayapiyaml.h"
#include "istiogatewayconverter.h"
#include "subsetserviceplanner.h"
#include "virtualserviceconverter.h"

namespace meshroute {

namespace {

// Istio Gateway "ns/name" -> whether a VirtualService of another namespace binds it.
QHash<QString, bool> boundGateways(const Workspace &workspace)
{
    QHash<QString, bool> out;
    for (const Resource *r : workspace.ofKind(ResourceKind::VirtualService))
        for (const QString &ref : VirtualServiceConverter::boundGateways(*r)) {
            const bool foreign = ref.section(QLatin1Char('/'), 0, 0) != r->namespaceName();
            out[ref] = out.value(ref) || foreign;
        }
    return out;
}

} // namespace

MigrationResult GatewayApiMigration::convert(const Workspace &workspace)
{
    MigrationResult result;
    ConversionContext context(workspace);
    SubsetServicePlanner planner;
    QList<YamlNode> gateways, routes;
    const QHash<QString, bool> bound = boundGateways(workspace);
    IstioGatewayConverter gatewayConverter(context);
    for (const Resource *r : workspace.ofKind(ResourceKind::Gateway)) {
        const QString key = r->namespaceName() + QLatin1Char('/') + r->name();
        if (!bound.contains(key))
            continue;
        YamlNode gateway = gatewayConverter.convert(*r, bound.value(key));
        if (!gateway.isNull())
            gateways.append(gateway);
        result.replacedIds.insert(r->id);
    }
    VirtualServiceConverter routeConverter(context, planner);
    for (const Resource *r : workspace.ofKind(ResourceKind::VirtualService)) {
        routes += routeConverter.convert(*r);
        result.replacedIds.insert(r->id);
    }
    result.gateways = gateways.size();
    result.services = planner.services().size();
    result.routes = routes.size();
    result.yaml = GatewayApiYaml::render(gateways + planner.services() + routes);
    result.warnings = context.warnings();
    result.subsetOrigins = planner.origins();
    result.ruleOrigins = routeConverter.ruleOrigins();
    return result;
}

} // namespace meshroute
