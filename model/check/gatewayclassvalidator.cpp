#include "gatewayclassvalidator.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "gatewayapifieldchecks.h"
#include "resource.h"

#include <re2/re2.h>

namespace meshroute {

namespace {

// GatewayController:
// ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9\/\-._~%!$&'()*+,;=:]+$
bool isControllerName(const QString &s)
{
    static const RE2 re(R"(^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)"
                        R"([A-Za-z0-9\/\-._~%!$&'()*+,;=:]+$)");
    const QByteArray u = s.toUtf8();
    return s.size() <= 253 && RE2::PartialMatch(re2::StringPiece(u.constData(), size_t(u.size())), re);
}

} // namespace

void GatewayClassValidator::validate(CheckContext &ctx, const Resource &r)
{
    const GatewayClass *g = r.gatewayClass();
    if (!g)
        return;
    const GatewayApiFieldChecks c(ctx, r);
    const QString p = QStringLiteral("spec.controllerName");
    if (c.required(g->controllerName, g->specPos.isValid() ? g->specPos : r.pos, p)
        && !isControllerName(g->controllerName.value))
        c.error(g->controllerName.pos, Code::GatewayApiInvalidName,
            QStringLiteral(
                "controllerName \"%1\" is not a domain-prefixed path (example.net/gateway-controller), "
                "at most 253 characters")
                .arg(g->controllerName.value),
            p);
    if (g->description.present && g->description.value.size() > 64)
        c.error(g->description.pos, Code::GatewayApiTooManyItems,
            QStringLiteral("description is %1 characters long; the CRD allows at most 64")
                .arg(g->description.value.size()),
            QStringLiteral("spec.description"));
}

Analyzer GatewayClassValidator::definition()
{
    return Analyzer::ofEach(ResourceKind::GatewayClass, QStringLiteral("GatewayClassValidator"),
        { Code::GatewayApiMissingField, Code::GatewayApiInvalidName, Code::GatewayApiTooManyItems },
        validate);
}

} // namespace meshroute
