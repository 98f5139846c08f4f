#include "unknowndestinationrulehostanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "hostname.h"
#include "meshindex.h"
#include "resource.h"

namespace meshroute {

void UnknownDestinationRuleHostAnalyzer::analyze(CheckContext &ctx)
{
    const MeshIndex &mesh = ctx.mesh();
    for (const Resource *r : mesh.destinationRules()) {
        const DestinationRule &dr = *r->destinationRule();
        const QString host = HostName::resolve(dr.host.value, r->namespaceName()).toLower();
        if (host == QLatin1String("*") || mesh.knowsRuleHost(host))
            continue;
        const QString hostNs = HostName::namespaceOf(host);
        if (!hostNs.isEmpty() && mesh.hasServicesIn(hostNs))
            ctx.warning(*r, dr.host.pos, Code::UnknownDestinationRuleHost,
                QStringLiteral("The host %1 defined in the DestinationRule does not match any services "
                               "in the mesh: namespace %2 has no Service %3 among the opened files; "
                               "correct the host")
                    .arg(dr.host.value, hostNs, host.section(QLatin1Char('.'), 0, 0)),
                QStringLiteral("spec.host"));
        else
            ctx.info(*r, dr.host.pos, Code::UnknownDestinationRuleHost,
                QStringLiteral("The host %1 defined in the DestinationRule matches no Service or "
                               "ServiceEntry among the opened files; open them to have it checked")
                    .arg(dr.host.value),
                QStringLiteral("spec.host"));
    }
}

Analyzer UnknownDestinationRuleHostAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("UnknownDestinationRuleHostAnalyzer"),
        { ResourceKind::DestinationRule, ResourceKind::Service, ResourceKind::ServiceEntry },
        { Code::UnknownDestinationRuleHost }, &UnknownDestinationRuleHostAnalyzer::analyze);
}

} // namespace meshroute
