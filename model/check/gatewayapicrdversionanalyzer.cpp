#include "gatewayapicrdversionanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "resource.h"

#include <QHash>
#include <QVersionNumber>

namespace meshroute {

namespace {

// MinimumCRDVersions at istio/istio 86c9f01.
QVersionNumber minimumFor(const QString &crd)
{
    static const QHash<QString, QVersionNumber> minimum {
        { QStringLiteral("grpcroutes.gateway.networking.k8s.io"), QVersionNumber(1, 1, 0) },
        { QStringLiteral("backendtlspolicies.gateway.networking.k8s.io"), QVersionNumber(1, 4, 0) },
        { QStringLiteral("tlsroutes.gateway.networking.k8s.io"), QVersionNumber(1, 5, 0) },
        { QStringLiteral("tcproutes.gateway.networking.k8s.io"), QVersionNumber(1, 6, 0) },
    };
    return minimum.value(crd);
}

} // namespace

void GatewayApiCrdVersionAnalyzer::analyze(CheckContext &ctx, const Resource &r)
{
    if (r.kindName.value != QLatin1String("CustomResourceDefinition"))
        return;
    const QVersionNumber minimum = minimumFor(r.name());
    if (minimum.isNull())
        return;
    for (const Label &a : r.metadata.annotations) {
        if (a.key != QLatin1String("gateway.networking.k8s.io/bundle-version"))
            continue;
        // semver.NewVersion accepts a leading "v"; the pre-release part is dropped before comparing
        // (installed.SetPrerelease("")), so v1.5.0-rc1 counts as 1.5.0.
        QString text = a.value;
        if (text.startsWith(QLatin1Char('v')))
            text.remove(0, 1);
        qsizetype suffix = 0;
        const QVersionNumber installed = QVersionNumber::fromString(text, &suffix);
        if (installed.isNull())
            return;
        if (installed < minimum)
            ctx.warning(r, a.pos, Code::GatewayApiCrdVersionBelowMinimum,
                QStringLiteral(
                    "Gateway API CRD \"%1\" is at version \"%2\" but Istio requires at least \"%3\"; "
                    "resources of this kind will not be processed. Upgrade the Gateway API CRDs to "
                    "satisfy the minimum version.")
                    .arg(r.name(), a.value, minimum.toString()),
                QStringLiteral("metadata.annotations"));
        return;
    }
}

Analyzer GatewayApiCrdVersionAnalyzer::definition()
{
    return Analyzer::ofEach(ResourceKind::Other, QStringLiteral("GatewayApiCrdVersionAnalyzer"),
        { Code::GatewayApiCrdVersionBelowMinimum }, analyze);
}

} // namespace meshroute
