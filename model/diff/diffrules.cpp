#include "diffrules.h"

#include "hostname.h"
#include "matchsignature.h"
#include "workspace.h"

namespace meshroute {

namespace {

QString located(const Resource &r, const Workspace &ws, const SourcePos &pos)
{
    return QStringLiteral("%1:%2").arg(ws.fileOf(r)).arg(r.absoluteLine(pos));
}

// What both APIs' rules share: position, conditions, identity (the name, else the
// conditions), and where the rule is written.
template <typename Rule>
DiffRule ruleAt(const Resource &r, const Workspace &ws, const Rule &rule, int index, const QString &label)
{
    DiffRule d;
    d.index = index;
    d.signature = MatchSignature::of(rule);
    d.identity = rule.name.present ? QStringLiteral("name ") + rule.name.value : d.signature;
    d.label = label;
    d.location = located(r, ws, rule.pos);
    return d;
}

QList<DiffRule> virtualServiceRules(const Resource &r, const Workspace &ws)
{
    QList<DiffRule> out;
    const QList<HttpRoute> &http = r.virtualService()->http;
    for (int i = 0; i < http.size(); ++i) {
        const HttpRoute &rule = http[i];
        DiffRule d = ruleAt(r, ws, rule, i,
            rule.name.present ? QStringLiteral("\"%1\"").arg(rule.name.value)
                              : QStringLiteral("http[%1]").arg(i));
        for (const HttpRouteDestination &dest : rule.route) {
            QString name = HostName::resolve(dest.destination.host.value, r.namespaceName())
                               .section(QLatin1Char('.'), 0, 0);
            if (dest.destination.subset.present)
                name += QLatin1Char(' ') + dest.destination.subset.value;
            if (dest.destination.port.number.present)
                name += QStringLiteral(":%1").arg(dest.destination.port.number.value);
            // A lone destination takes everything; of several, one without a weight gets none.
            d.weights.append(
                { name, dest.weight.present ? dest.weight.value : (rule.route.size() == 1 ? 100 : 0) });
            d.weighted = d.weighted || dest.weight.present;
        }
        d.weighted = d.weighted || rule.route.size() > 1;
        out.append(d);
    }
    return out;
}

QList<DiffRule> gatewayApiRules(const Resource &r, const Workspace &ws)
{
    QList<DiffRule> out;
    const QList<RouteRule> &rules = r.gatewayApiRoute()->rules;
    for (int i = 0; i < rules.size(); ++i) {
        const RouteRule &rule = rules[i];
        DiffRule d = ruleAt(r, ws, rule, i,
            QStringLiteral("rules[%1]").arg(i)
                + (rule.name.present ? QStringLiteral(" \"%1\"").arg(rule.name.value) : QString()));
        for (const BackendRef &b : rule.backendRefs) {
            const QString name = b.ref.name.value
                + (b.ref.port.present ? QStringLiteral(":%1").arg(b.ref.port.value) : QString());
            d.weights.append({ name, b.weight.present ? b.weight.value : 1 }); // the CRD default
            d.weighted = d.weighted || b.weight.present;
        }
        d.weighted = d.weighted || rule.backendRefs.size() > 1;
        out.append(d);
    }
    return out;
}

} // namespace

QList<DiffRule> DiffRule::of(const Resource &r, const Workspace &ws)
{
    if (r.virtualService())
        return virtualServiceRules(r, ws);
    if (r.gatewayApiRoute())
        return gatewayApiRules(r, ws);
    return {};
}

QString DiffRule::resourceKey(const Resource &r)
{
    return QString::number(int(r.kind)) + QLatin1Char(' ') + r.displayName();
}

} // namespace meshroute
