#include "referencegrantvalidator.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "gatewayapifieldchecks.h"
#include "resource.h"

namespace meshroute {

namespace {

// `from` and `to` items: group required (the empty string is the core group), kind required,
// namespace required in `from`, name optional in `to`.
void peers(const GatewayApiFieldChecks &c, const QList<ReferenceGrantPeer> &list, bool from,
    const SourcePos &owner, const QString &p)
{
    if (list.isEmpty())
        c.error(owner, Code::GatewayApiMissingField,
            QStringLiteral("%1 is required and needs at least one item").arg(p.section(QLatin1Char('.'), -1)),
            p);
    c.maxItems(list.size(), 16, list.size() > 16 ? list[16].pos : owner, p);
    for (int i = 0; i < list.size(); ++i) {
        const ReferenceGrantPeer &peer = list[i];
        const QString ip = p + QStringLiteral("[%1]").arg(i);
        if (!peer.group.present)
            c.error(peer.pos, Code::GatewayApiMissingField,
                QStringLiteral("group is required (\"\" for the core group)"), ip + QStringLiteral(".group"));
        c.group(peer.group, ip + QStringLiteral(".group"));
        if (c.required(peer.kind, peer.pos, ip + QStringLiteral(".kind")))
            c.kind(peer.kind, ip + QStringLiteral(".kind"));
        if (from && c.required(peer.namespace_, peer.pos, ip + QStringLiteral(".namespace")))
            c.namespaceName(peer.namespace_, ip + QStringLiteral(".namespace"));
        if (!from && peer.name.present && (peer.name.value.isEmpty() || peer.name.value.size() > 253))
            c.error(peer.name.pos, Code::GatewayApiInvalidReference,
                QStringLiteral("name must be 1 to 253 characters"), ip + QStringLiteral(".name"));
    }
}

} // namespace

void ReferenceGrantValidator::validate(CheckContext &ctx, const Resource &r)
{
    const ReferenceGrant *g = r.referenceGrant();
    if (!g)
        return;
    const GatewayApiFieldChecks c(ctx, r);
    const SourcePos owner = g->specPos.isValid() ? g->specPos : r.pos;
    peers(c, g->from, true, owner, QStringLiteral("spec.from"));
    peers(c, g->to, false, owner, QStringLiteral("spec.to"));
}

Analyzer ReferenceGrantValidator::definition()
{
    return Analyzer::ofEach(ResourceKind::ReferenceGrant, QStringLiteral("ReferenceGrantValidator"),
        { Code::GatewayApiMissingField, Code::GatewayApiTooManyItems, Code::GatewayApiInvalidReference },
        validate);
}

} // namespace meshroute
