#include "gatewayapiparentanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "parentbinder.h"
#include "workspace.h"

namespace meshroute {

namespace {

const char *codeFor(ParentBinding::Failure f)
{
    switch (f) {
    case ParentBinding::Failure::ParentNotFound:
        return Code::GatewayApiParentNotFound;
    case ParentBinding::Failure::NoMatchingListener:
        return Code::GatewayApiNoMatchingListener;
    case ParentBinding::Failure::NamespaceNotAllowed:
    case ParentBinding::Failure::KindNotAllowed:
        return Code::GatewayApiNotAllowedByListener;
    case ParentBinding::Failure::NoMatchingHostname:
        return Code::GatewayApiNoMatchingHostname;
    case ParentBinding::Failure::None:
    case ParentBinding::Failure::UnsupportedKind:
        break;
    }
    return nullptr;
}

} // namespace

void GatewayApiParentAnalyzer::analyze(CheckContext &ctx)
{
    const ParentBinder binder(ctx.workspace());
    for (const Resource &r : ctx.workspace().resources) {
        if (!isGatewayApiRoute(r.kind) || !r.gatewayApiRoute())
            continue;
        for (const ParentBinding &p : binder.bind(r)) {
            const char *code = codeFor(p.failure);
            if (!code)
                continue;
            ctx.warning(r, p.pos, code,
                QStringLiteral(
                    "%1 %2 does not attach to parentRef %3/%4: %5; its rules route no request there")
                    .arg(r.kindName.value, r.name(), p.parentNamespace, p.parentName, p.message),
                QStringLiteral("spec.parentRefs[%1]").arg(p.parentIndex));
        }
    }
}

Analyzer GatewayApiParentAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("GatewayApiParentAnalyzer"),
        { ResourceKind::HTTPRoute, ResourceKind::GRPCRoute, ResourceKind::TCPRoute, ResourceKind::TLSRoute,
            ResourceKind::KubernetesGateway, ResourceKind::Service, ResourceKind::ServiceEntry },
        { Code::GatewayApiParentNotFound, Code::GatewayApiNoMatchingListener,
            Code::GatewayApiNotAllowedByListener, Code::GatewayApiNoMatchingHostname },
        analyze);
}

} // namespace meshroute
