#include "gatewayapiparentanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "openednamespaces.h"
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
    const OpenedNamespaces opened(ctx.workspace());
    for (const Resource &r : ctx.workspace().resources) {
        if (!isGatewayApiRoute(r.kind) || !r.gatewayApiRoute())
            continue;
        for (const ParentBinding &p : binder.bind(r)) {
            const char *code = codeFor(p.failure);
            if (!code)
                continue;
            // As for a VirtualService's gateway: a parent of a namespace none of whose
            // objects of that kind were opened is likely in a file not opened (info).
            const bool unopened = p.failure == ParentBinding::Failure::ParentNotFound
                && !opened.has(p.kind == ParentBinding::Kind::Gateway ? ResourceKind::KubernetesGateway
                        : p.kind == ParentBinding::Kind::Service      ? ResourceKind::Service
                                                                      : ResourceKind::ServiceEntry,
                    p.parentNamespace);
            ctx.report(r, p.pos, unopened ? Diagnostic::Severity::Info : Diagnostic::Severity::Warning, code,
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
