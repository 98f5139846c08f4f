#include "ingressgatewayportanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "meshindex.h"
#include "resource.h"

namespace meshroute {

namespace {

bool selectsOnly(const Labels &selector, const char *key, const char *value)
{
    return selector.size() == 1 && selector.first().key == QLatin1String(key)
        && selector.first().value == QLatin1String(value);
}

// The selector matches no opened pod.
void noPods(CheckContext &ctx, const Resource &r)
{
    const Gateway &gw = *r.gateway();
    if (selectsOnly(gw.selector, "istio", "ingressgateway")) {
        // Assume the default installation, whose Service exposes these ports.
        static const QList<qint64> defaults = { 80, 443, 8080, 8443, 15021, 15443, 31400 };
        for (int i = 0; i < gw.servers.size(); ++i) {
            const GatewayPort &p = gw.servers[i].port;
            if (p.number.present && !defaults.contains(p.number.value))
                ctx.info(r, p.number.pos, Code::GatewayPortNotOnService,
                    QStringLiteral("port %1 is not exposed by the default istio-ingressgateway Service "
                                   "(80, 443, 15443, 31400); add it to your ingress gateway Service, or "
                                   "open that Service to have this checked")
                        .arg(p.number.value),
                    QStringLiteral("spec.servers[%1].port.number").arg(i));
        }
    } else if (!selectsOnly(gw.selector, "istio", "egressgateway")) {
        ctx.info(r, gw.selectorPos.isValid() ? gw.selectorPos : r.pos, Code::ReferencedResourceNotFound,
            QStringLiteral("the selector %1 matches no pod among the opened files; open the gateway's "
                           "Deployment to have it checked, or correct the selector (no pod, no gateway)")
                .arg(MeshIndex::describeLabels(gw.selector)),
            QStringLiteral("spec.selector"));
    }
}

// The Services in front of `pods` (appended to `services`) and the ports and target ports they expose.
QList<qint64> servicePorts(const MeshIndex &mesh, const QList<const Resource *> &pods, QStringList &services)
{
    QList<qint64> ports;
    for (const Resource *s : mesh.services()) {
        const KubernetesService &svc = *s->service();
        if (svc.selector.isEmpty())
            continue;
        bool fronts = false;
        for (const Resource *p : pods)
            fronts = fronts
                || (p->namespaceName() == s->namespaceName()
                    && labelsContain(p->workload()->podLabels, svc.selector));
        if (!fronts)
            continue;
        services.append(s->displayName().section(QLatin1Char(' '), 1));
        for (const ServicePort &sp : svc.ports) {
            if (sp.port.present)
                ports.append(sp.port.value);
            bool ok = false;
            const qint64 target = sp.targetPort.value.toLongLong(&ok);
            if (ok)
                ports.append(target);
        }
    }
    return ports;
}

void gatewayPorts(CheckContext &ctx, const Resource &r)
{
    const Gateway &gw = *r.gateway();
    const QList<const Resource *> pods = ctx.mesh().podsOf(gw.selector);
    if (pods.isEmpty()) {
        noPods(ctx, r);
        return;
    }
    QStringList services;
    const QList<qint64> ports = servicePorts(ctx.mesh(), pods, services);
    if (services.isEmpty())
        return;
    for (int i = 0; i < gw.servers.size(); ++i) {
        const GatewayPort &p = gw.servers[i].port;
        if (p.number.present && !ports.contains(p.number.value))
            ctx.warning(r, p.number.pos, Code::GatewayPortNotOnService,
                QStringLiteral("The gateway is listening on a target port (port %1) that is not defined in "
                               "the Service associated with its workload instances (Pod selector %2; "
                               "Service %3); add the port to the Service or it cannot be reached through it")
                    .arg(p.number.value)
                    .arg(MeshIndex::describeLabels(gw.selector), services.join(QStringLiteral(", "))),
                QStringLiteral("spec.servers[%1].port.number").arg(i));
    }
}

} // namespace

void IngressGatewayPortAnalyzer::analyze(CheckContext &ctx)
{
    for (const Resource *r : ctx.mesh().gateways()) {
        const Gateway &gw = *r->gateway();
        if (gw.hasSelector && !gw.selector.isEmpty())
            gatewayPorts(ctx, *r);
    }
}

Analyzer IngressGatewayPortAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("IngressGatewayPortAnalyzer"),
        { ResourceKind::Gateway, ResourceKind::Service, ResourceKind::Workload },
        { Code::GatewayPortNotOnService, Code::ReferencedResourceNotFound },
        &IngressGatewayPortAnalyzer::analyze);
}

} // namespace meshroute
