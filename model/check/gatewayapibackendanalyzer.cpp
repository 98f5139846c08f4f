#include "gatewayapibackendanalyzer.h"

#include "backendresolver.h"
#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "openednamespaces.h"
#include "workspace.h"

namespace meshroute {

namespace {

// conversion.go enforceRefGrant = !mesh: grants matter when a Gateway is among the parents.
bool hasGatewayParent(const GatewayApiRoute &spec)
{
    for (const ParentReference &p : spec.parentRefs)
        if (p.kind.valueOr(QStringLiteral("Gateway")) == QLatin1String("Gateway"))
            return true;
    return false;
}

} // namespace

void GatewayApiBackendAnalyzer::analyze(CheckContext &ctx)
{
    const BackendResolver resolver(ctx.workspace());
    const OpenedNamespaces opened(ctx.workspace());
    for (const Resource &r : ctx.workspace().resources) {
        const GatewayApiRoute *spec = r.gatewayApiRoute();
        if (!isGatewayApiRoute(r.kind) || !spec)
            continue;
        const bool enforce = hasGatewayParent(*spec);
        for (int ri = 0; ri < spec->rules.size(); ++ri)
            for (int bi = 0; bi < spec->rules[ri].backendRefs.size(); ++bi) {
                const BackendRef &b = spec->rules[ri].backendRefs[bi];
                const BackendResolution res = resolver.resolve(r, b.ref, enforce);
                if (res.ok())
                    continue;
                const char *code = res.status == BackendResolution::Status::NotPermitted
                    ? Code::GatewayApiRefNotPermitted
                    : Code::GatewayApiBackendNotFound;
                const QString ns = b.ref.namespace_.valueOr(QString()).isEmpty() ? r.namespaceName()
                                                                                 : b.ref.namespace_.value;
                const bool unopened = res.status == BackendResolution::Status::ServiceNotFound
                    && !opened.has(ResourceKind::Service, ns);
                ctx.report(r, b.pos, unopened ? Diagnostic::Severity::Info : Diagnostic::Severity::Warning,
                    code, res.message, QStringLiteral("spec.rules[%1].backendRefs[%2]").arg(ri).arg(bi));
            }
    }
}

Analyzer GatewayApiBackendAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("GatewayApiBackendAnalyzer"),
        { ResourceKind::HTTPRoute, ResourceKind::GRPCRoute, ResourceKind::TCPRoute, ResourceKind::TLSRoute,
            ResourceKind::Service, ResourceKind::ReferenceGrant },
        { Code::GatewayApiBackendNotFound, Code::GatewayApiRefNotPermitted }, analyze);
}

} // namespace meshroute
