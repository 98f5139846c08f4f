#include "cacertificateanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "resource.h"

namespace meshroute {

namespace {

// pkg/config/analysis/analyzers/destinationrule/ca-certificates.go analyzeDestinationRule: the
// same test at both levels; the workloadSelector is the DestinationRule's own.
bool verifiesNoServer(const TrafficPolicy &tp, bool hasWorkloadSelector)
{
    const bool originates = tp.tlsMode.present
        && (tp.tlsMode.value == QLatin1String("SIMPLE") || tp.tlsMode.value == QLatin1String("MUTUAL"));
    const bool hasCa = tp.tlsCaCertificates.present && !tp.tlsCaCertificates.value.isEmpty();
    const bool ownCredential
        = tp.tlsCredentialName.present && !tp.tlsCredentialName.value.isEmpty() && hasWorkloadSelector;
    return originates && !hasCa && !ownCredential;
}

} // namespace

void CaCertificateAnalyzer::analyze(CheckContext &ctx, const Resource &r)
{
    const DestinationRule *dr = r.destinationRule();
    if (!dr)
        return;
    const TrafficPolicy &tp = dr->trafficPolicy;
    if (verifiesNoServer(tp, dr->hasWorkloadSelector))
        ctx.warning(r, tp.tlsMode.pos, Code::NoServerCertificateVerification,
            QStringLiteral("DestinationRule %1 in namespace %2 has TLS mode set to %3 but no caCertificates "
                           "are set to validate server identity for host: %4; set tls.caCertificates")
                .arg(r.name(), r.namespaceName(), tp.tlsMode.value, dr->host.value),
            QStringLiteral("spec.trafficPolicy.tls.mode"));
    for (std::size_t i = 0; i < tp.portLevelSettings.size(); ++i) {
        const TrafficPolicy &port = tp.portLevelSettings[i];
        if (!verifiesNoServer(port, dr->hasWorkloadSelector))
            continue;
        ctx.warning(r, port.tlsMode.pos, Code::NoServerCertificateVerificationPort,
            QStringLiteral("DestinationRule %1 in namespace %2 has TLS mode set to %3 but no caCertificates "
                           "are set to validate server identity for host: %4 at port %5; set "
                           "tls.caCertificates for that port")
                .arg(r.name(), r.namespaceName(), port.tlsMode.value, dr->host.value,
                    port.port.present ? QString::number(port.port.value) : QStringLiteral("(none)")),
            QStringLiteral("spec.trafficPolicy.portLevelSettings[%1].tls.mode").arg(i));
    }
}

Analyzer CaCertificateAnalyzer::definition()
{
    return Analyzer::ofEach(ResourceKind::DestinationRule, QStringLiteral("CaCertificateAnalyzer"),
        { Code::NoServerCertificateVerification, Code::NoServerCertificateVerificationPort },
        &CaCertificateAnalyzer::analyze);
}

} // namespace meshroute
