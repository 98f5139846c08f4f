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
        // One finding per reference Istio cannot resolve. A Service in a namespace none of the
        // opened files holds may well exist in the cluster: that is only information.
        auto check = [&](const ObjectReference &ref, const SourcePos &pos, const QString &path, bool mirror) {
            const BackendResolution res = resolver.resolve(r, ref, enforce);
            if (res.ok())
                return;
            const char *code = res.status == BackendResolution::Status::NotPermitted
                ? Code::GatewayApiRefNotPermitted
                : Code::GatewayApiBackendNotFound;
            const QString ns
                = ref.namespace_.valueOr(QString()).isEmpty() ? r.namespaceName() : ref.namespace_.value;
            const bool unopened = res.status == BackendResolution::Status::ServiceNotFound
                && !opened.has(ResourceKind::Service, ns);
            ctx.report(r, pos, unopened ? Diagnostic::Severity::Info : Diagnostic::Severity::Warning, code,
                mirror ? res.mirrorMessage() : res.message, path);
        };
        for (int ri = 0; ri < spec->rules.size(); ++ri) {
            const RouteRule &rule = spec->rules[ri];
            for (int bi = 0; bi < rule.backendRefs.size(); ++bi)
                check(rule.backendRefs[bi].ref, rule.backendRefs[bi].pos,
                    QStringLiteral("spec.rules[%1].backendRefs[%2]").arg(ri).arg(bi), false);
            // conversion.go createMirrorFilter: a mirror whose backend does not resolve is
            // dropped (mirrorBackendErr); the rule keeps routing.
            for (int fi = 0; fi < rule.filters.size(); ++fi) {
                const RequestMirror &m = rule.filters[fi].requestMirror;
                if (m.present)
                    check(m.backendRef, m.backendRef.pos.line > 0 ? m.backendRef.pos : m.pos,
                        QStringLiteral("spec.rules[%1].filters[%2].requestMirror.backendRef").arg(ri).arg(fi),
                        true);
            }
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
