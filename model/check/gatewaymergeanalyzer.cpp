#include "gatewaymergeanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "hostname.h"
#include "meshindex.h"
#include "resource.h"

#include <QMap>

namespace meshroute {

void GatewayMergeAnalyzer::analyze(CheckContext &ctx)
{
    // "namespace/gateway|host" -> the VirtualServices and host indices routing it, in workspace order;
    // ordered, so that two findings at one host come in the same order on every run.
    QMap<QString, QList<QPair<const Resource *, int>>> byGatewayHost;
    for (const Resource *r : ctx.mesh().virtualServices()) {
        const VirtualService &vs = *r->virtualService();
        for (const Field<QString> &g : vs.gateways) {
            if (g.value == QLatin1String("mesh"))
                continue;
            const QString gw = MeshIndex::parseGateway(g.value, r->namespaceName()).key();
            for (int i = 0; i < vs.hosts.size(); ++i)
                byGatewayHost[gw + QLatin1Char('|')
                    + HostName::resolve(vs.hosts[i].value, r->namespaceName()).toLower()]
                    .append({ r, i });
        }
    }
    for (auto it = byGatewayHost.cbegin(); it != byGatewayHost.cend(); ++it) {
        const auto &list = *it;
        for (int k = 1; k < list.size(); ++k) {
            const Resource *r = list[k].first;
            if (r == list[0].first)
                continue;
            const Field<QString> &host = r->virtualService()->hosts[list[k].second];
            ctx.info(*r, host.pos, Code::SeveralVirtualServicesForHost,
                QStringLiteral("host %1 on gateway %2 is also routed by %3: the gateway merges their rules "
                               "in creation order and moves catch-all rules last; keep one catch-all, or "
                               "merge the VirtualServices")
                    .arg(host.value, it.key().section(QLatin1Char('|'), 0, 0), list[0].first->displayName()),
                QStringLiteral("spec.hosts[%1]").arg(list[k].second));
        }
    }
}

Analyzer GatewayMergeAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("GatewayMergeAnalyzer"),
        { ResourceKind::VirtualService, ResourceKind::Gateway }, { Code::SeveralVirtualServicesForHost },
        &GatewayMergeAnalyzer::analyze);
}

} // namespace meshroute
