#include "destinationrulevalidator.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "fieldvalidator.h"
#include "resource.h"
#include "validationprimitives.h"

#include <QSet>

namespace meshroute {

namespace {

using VP = ValidationPrimitives;
using FV = FieldValidator;

void trafficPolicy(CheckContext &ctx, const Resource &r, const TrafficPolicy &tp, const QString &path)
{
    if (!tp.present)
        return;
    if (tp.fieldCount == 0) {
        ctx.error(r, tp.pos, Code::InvalidTrafficPolicy,
            QStringLiteral(
                "traffic policy must have at least one field; set a policy or remove trafficPolicy"),
            path);
        return;
    }
    if (tp.hasTunnel && tp.hasProxyProtocol)
        ctx.error(r, tp.pos, Code::InvalidTrafficPolicy,
            QStringLiteral("tunnel and proxyProtocol cannot be used together; keep one"), path);
    if (tp.loadBalancerSimple.present
        && !QStringList { QStringLiteral("UNSPECIFIED"), QStringLiteral("RANDOM"),
            QStringLiteral("PASSTHROUGH"), QStringLiteral("ROUND_ROBIN"), QStringLiteral("LEAST_REQUEST"),
            QStringLiteral("LEAST_CONN") }
                .contains(tp.loadBalancerSimple.value))
        ctx.error(r, tp.loadBalancerSimple.pos, Code::InvalidTrafficPolicy,
            QStringLiteral("loadBalancer.simple \"%1\" is unknown; use ROUND_ROBIN, LEAST_REQUEST, RANDOM or "
                           "PASSTHROUGH")
                .arg(tp.loadBalancerSimple.value),
            path + QStringLiteral(".loadBalancer.simple"));
    if (tp.tlsMode.present) {
        const QString &mode = tp.tlsMode.value;
        if (!QStringList { QStringLiteral("DISABLE"), QStringLiteral("SIMPLE"), QStringLiteral("MUTUAL"),
                QStringLiteral("ISTIO_MUTUAL") }
                 .contains(mode))
            ctx.error(r, tp.tlsMode.pos, Code::InvalidTrafficPolicy,
                QStringLiteral("tls.mode \"%1\" is unknown; use DISABLE, SIMPLE, MUTUAL or ISTIO_MUTUAL")
                    .arg(mode),
                path + QStringLiteral(".tls.mode"));
        const bool credential = tp.tlsCredentialName.present && !tp.tlsCredentialName.value.isEmpty();
        if (mode == QLatin1String("MUTUAL") && !credential) {
            if (!tp.tlsClientCertificate.present || tp.tlsClientCertificate.value.isEmpty())
                ctx.error(r, tp.tlsMode.pos, Code::InvalidTrafficPolicy,
                    QStringLiteral("client certificate required for mutual tls; set clientCertificate and "
                                   "privateKey, or credentialName"),
                    path + QStringLiteral(".tls.clientCertificate"));
            if (!tp.tlsPrivateKey.present || tp.tlsPrivateKey.value.isEmpty())
                ctx.error(r, tp.tlsMode.pos, Code::InvalidTrafficPolicy,
                    QStringLiteral("private key required for mutual tls; set privateKey, or credentialName"),
                    path + QStringLiteral(".tls.privateKey"));
        }
        if (mode == QLatin1String("ISTIO_MUTUAL")
            && (tp.tlsClientCertificate.present || tp.tlsPrivateKey.present || tp.tlsCaCertificates.present
                || tp.tlsCredentialName.present))
            ctx.error(r, tp.tlsMode.pos, Code::InvalidTrafficPolicy,
                QStringLiteral("ISTIO_MUTUAL uses Istio's own certificates; remove clientCertificate, "
                               "privateKey, caCertificates and credentialName"),
                path + QStringLiteral(".tls"));
    }
}

} // namespace

void DestinationRuleValidator::validate(CheckContext &ctx, const Resource &r)
{
    const DestinationRule *dr = r.destinationRule();
    if (!dr)
        return;
    FV::name(ctx, r, false);
    const SourcePos specPos = dr->specPos.isValid() ? dr->specPos : r.pos;
    if (!dr->host.present || dr->host.value.isEmpty()) {
        ctx.error(r, dr->host.present ? dr->host.pos : specPos, Code::MissingRequiredField,
            QStringLiteral("DestinationRule needs a host, e.g. host: reviews"), QStringLiteral("spec.host"));
    } else {
        const QString why = VP::checkWildcardDomain(dr->host.value);
        if (!why.isEmpty())
            ctx.error(r, dr->host.pos, Code::InvalidHost,
                why + QStringLiteral("; name a service or DNS host"), QStringLiteral("spec.host"));
    }
    trafficPolicy(ctx, r, dr->trafficPolicy, QStringLiteral("spec.trafficPolicy"));

    QSet<QString> names;
    for (int i = 0; i < dr->subsets.size(); ++i) {
        const Subset &s = dr->subsets[i];
        const QString path = QStringLiteral("spec.subsets[%1]").arg(i);
        if (!s.name.present || s.name.value.isEmpty()) {
            ctx.error(r, s.pos, Code::MissingRequiredField,
                QStringLiteral("subset name is required; name it, e.g. name: v1"),
                path + QStringLiteral(".name"));
        } else {
            if (!VP::isDns1123Label(s.name.value))
                ctx.error(r, s.name.pos, Code::InvalidSubsetName,
                    QStringLiteral("subset name \"%1\" is invalid: it must be a DNS-1123 label (lower-case "
                                   "letters, digits, '-')")
                        .arg(s.name.value),
                    path + QStringLiteral(".name"));
            if (names.contains(s.name.value))
                ctx.error(r, s.name.pos, Code::DuplicateSubset,
                    QStringLiteral("duplicate subset names: %1; rename or merge the subsets")
                        .arg(s.name.value),
                    path + QStringLiteral(".name"));
            names.insert(s.name.value);
        }
        FV::labels(ctx, r, s.labels, path + QStringLiteral(".labels"));
        trafficPolicy(ctx, r, s.trafficPolicy, path + QStringLiteral(".trafficPolicy"));
    }
    FV::exportTo(ctx, r, dr->exportTo, QStringLiteral("spec.exportTo"));

    if (dr->hasWorkloadSelector) {
        const QString path = QStringLiteral("spec.workloadSelector.matchLabels");
        if (dr->workloadSelector.isEmpty())
            ctx.warning(r, dr->workloadSelectorPos, Code::InvalidWorkloadSelector,
                QStringLiteral("workloadSelector has no labels, so it selects every workload of the "
                               "namespace; add matchLabels or remove it"),
                QStringLiteral("spec.workloadSelector"));
        for (const Label &l : dr->workloadSelector)
            if (l.key.isEmpty() || l.key.contains(QLatin1Char('*')) || l.value.contains(QLatin1Char('*')))
                ctx.error(r, l.pos, Code::InvalidWorkloadSelector,
                    QStringLiteral(
                        "workloadSelector labels may not be empty or contain '*'; name exact labels"),
                    path + QLatin1Char('.') + l.key);
        Labels plain; // those with '*' are reported above
        for (const Label &l : dr->workloadSelector)
            if (!l.key.isEmpty() && !l.key.contains(QLatin1Char('*')) && !l.value.contains(QLatin1Char('*')))
                plain.append(l);
        FV::labels(ctx, r, plain, path);
        for (int i = 0; i < dr->exportTo.size(); ++i) {
            const QString &e = dr->exportTo[i].value;
            if (e != QLatin1String(".") && e != r.namespaceName())
                ctx.error(r, dr->exportTo[i].pos, Code::InvalidWorkloadSelector,
                    QStringLiteral("a DestinationRule with workloadSelector may only be exported to its own "
                                   "namespace; use exportTo: [\".\"]"),
                    QStringLiteral("spec.exportTo[%1]").arg(i));
        }
    }
}

Analyzer DestinationRuleValidator::definition()
{
    return Analyzer::ofEach(ResourceKind::DestinationRule, QStringLiteral("DestinationRuleValidator"),
        { Code::DuplicateSubset, Code::InvalidExportTo, Code::InvalidHost, Code::InvalidLabel,
            Code::InvalidName, Code::InvalidSubsetName, Code::InvalidTrafficPolicy,
            Code::InvalidWorkloadSelector, Code::MissingRequiredField },
        &DestinationRuleValidator::validate);
}

} // namespace meshroute
