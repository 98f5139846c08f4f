#include "gatewaycertificateanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "meshindex.h"
#include "resource.h"

namespace meshroute {

namespace {

// The other Gateways on `a`'s pods with a server using certificate `cert`.
QStringList sharing(const QList<const Resource *> &gateways, const Resource &a, const QString &cert)
{
    QStringList others;
    for (const Resource *b : gateways) {
        if (b == &a)
            continue;
        const Gateway &gb = *b->gateway();
        if (!labelsContain(gb.selector, a.gateway()->selector))
            continue;
        for (const Server &s : gb.servers)
            if (s.tls.credentialName.value == cert && !others.contains(b->displayName()))
                others.append(b->displayName().section(QLatin1Char(' '), 1));
    }
    return others;
}

} // namespace

void GatewayCertificateAnalyzer::analyze(CheckContext &ctx)
{
    const QList<const Resource *> &gateways = ctx.mesh().gateways();
    for (const Resource *a : gateways) {
        const Gateway &ga = *a->gateway();
        for (int i = 0; i < ga.servers.size(); ++i) {
            const Field<QString> &cert = ga.servers[i].tls.credentialName;
            if (!cert.present || cert.value.isEmpty())
                continue;
            const QStringList others = sharing(gateways, *a, cert.value);
            if (others.isEmpty())
                continue;
            ctx.warning(*a, cert.pos, Code::GatewayDuplicateCertificate,
                QStringLiteral("Duplicate certificate in multiple gateways [%1, %2] may cause 404s if "
                               "clients re-use HTTP2 connections; serve these hosts from one Gateway or "
                               "use a certificate per Gateway")
                    .arg(a->displayName().section(QLatin1Char(' '), 1), others.join(QStringLiteral(", "))),
                QStringLiteral("spec.servers[%1].tls.credentialName").arg(i));
            break;
        }
    }
}

Analyzer GatewayCertificateAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("GatewayCertificateAnalyzer"),
        { ResourceKind::Gateway, ResourceKind::Workload }, { Code::GatewayDuplicateCertificate },
        &GatewayCertificateAnalyzer::analyze);
}

} // namespace meshroute
