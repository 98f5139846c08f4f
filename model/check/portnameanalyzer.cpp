#include "portnameanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "meshindex.h"
#include "portprotocol.h"
#include "resource.h"

namespace meshroute {

namespace {

void servicePortNames(CheckContext &ctx, const Resource &r)
{
    const KubernetesService &svc = *r.service();
    const bool externalName = svc.type.value == QLatin1String("ExternalName");
    for (int i = 0; i < svc.ports.size(); ++i) {
        const ServicePort &p = svc.ports[i];
        const bool named = (p.appProtocol.present && !p.appProtocol.value.isEmpty())
            || !PortProtocol::ofPortName(p.name.value).isEmpty();
        const QString name = p.name.present ? p.name.value : QStringLiteral("(none)");
        // service/portname.go analyzeService: on an ExternalName Service an unnamed protocol,
        // and also the plain name "tcp", is IST0150 instead of IST0118.
        if (externalName) {
            if (!named || p.name.value == QLatin1String("tcp"))
                ctx.warning(r, p.name.present ? p.name.pos : p.pos, Code::ExternalNameInvalidPortName,
                    QStringLiteral("Port name %1 of an ExternalName service is invalid: the proxy may stop "
                                   "tcp-named ports and unmatched TCP traffic from being forwarded "
                                   "correctly; name it for its protocol (http-, https-, tls-) or set "
                                   "appProtocol")
                        .arg(name),
                    QStringLiteral("spec.ports[%1].name").arg(i));
            continue;
        }
        if (named)
            continue;
        ctx.info(r, p.name.present ? p.name.pos : p.pos, Code::PortNameNotUnderConvention,
            QStringLiteral("Port name %1 (port: %2, targetPort: %3) doesn't follow the naming convention of "
                           "Istio port: name it <protocol>[-suffix] (http-web, grpc, tcp-db) or set "
                           "appProtocol, else Istio guesses the protocol and HTTP rules may not apply")
                .arg(name)
                .arg(p.port.value)
                .arg(p.targetPort.present ? p.targetPort.value : QString::number(p.port.value)),
            QStringLiteral("spec.ports[%1].name").arg(i));
    }
}

} // namespace

void PortNameAnalyzer::analyze(CheckContext &ctx)
{
    for (const Resource *r : ctx.mesh().services()) {
        const QString ns = r->namespaceName();
        if (!ns.startsWith(QLatin1String("kube-")) && ns != QLatin1String("istio-system"))
            servicePortNames(ctx, *r);
    }
}

Analyzer PortNameAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("PortNameAnalyzer"), { ResourceKind::Service },
        { Code::ExternalNameInvalidPortName, Code::PortNameNotUnderConvention }, &PortNameAnalyzer::analyze);
}

} // namespace meshroute
