#include "diffoutcome.h"

#include "matchsignature.h"
#include "router.h"
#include "workspace.h"

#include <algorithm>

namespace meshroute {

namespace {

QString shareText(double share)
{
    return QString::number(share, 'g', 4) + QLatin1Char('%');
}

void addHeaderOperations(QStringList &out, const QString &prefix, const HeaderOperations &ops)
{
    for (const Entry<QString> &e : ops.set)
        out << prefix + QStringLiteral(" set ") + e.key + QStringLiteral(": ") + e.value;
    for (const Entry<QString> &e : ops.add)
        out << prefix + QStringLiteral(" add ") + e.key + QStringLiteral(": ") + e.value;
    for (const Field<QString> &name : ops.remove)
        out << prefix + QStringLiteral(" remove ") + name.value;
}

void addHeaders(QStringList &out, const QString &prefix, const Headers &h)
{
    addHeaderOperations(out, prefix + QStringLiteral("request"), h.request);
    addHeaderOperations(out, prefix + QStringLiteral("response"), h.response);
}

QString faultText(const HttpFaultInjection &f)
{
    QStringList parts;
    if (f.abort.present)
        parts << QStringLiteral("abort %1 %2%")
                     .arg(f.abort.httpStatus.present ? QString::number(f.abort.httpStatus.value)
                                                     : f.abort.grpcStatus.value)
                     .arg(f.abort.percentage.present ? f.abort.percentage.value.value : 100);
    if (f.delay.present)
        parts << QStringLiteral("delay %1 %2%")
                     .arg(f.delay.fixedDelay.value)
                     .arg(f.delay.percentage.present ? f.delay.percentage.value.value : 100);
    return parts.join(QStringLiteral(", "));
}

// Names the rule the request took, in the user's terms: the HTTPRoute rule
// behind a generated rule, else the VirtualService's (and its delegate's).
void describeRule(
    const RouteResult &r, const RouteTable &table, const QHash<int, const Resource *> &byId, DiffOutcome &out)
{
    if (r.compiledRoute < 0)
        return;
    const RouteTable::RouteInfo &info = table.routeInfo(r.compiledRoute);
    const Workspace &ws = table.workspace();
    const QString signature = info.match ? MatchSignature::of(*info.match) : QStringLiteral("any request");
    if (const Resource *route = info.origin.routeId >= 0 ? byId.value(info.origin.routeId) : nullptr) {
        const RouteRule &rule = route->gatewayApiRoute()->rules.value(info.origin.ruleIndex);
        const QString name = rule.name.present ? QStringLiteral(" \"%1\"").arg(rule.name.value) : QString();
        out.rule = route->displayName() + QStringLiteral(" rules[%1]").arg(info.origin.ruleIndex) + name;
        out.ruleKey = route->displayName() + QLatin1Char(' ')
            + (rule.name.present ? QStringLiteral("name ") + rule.name.value : signature);
        out.location = QStringLiteral("%1:%2").arg(ws.fileOf(*route)).arg(route->absoluteLine(rule.pos));
        return;
    }
    const Resource *vs = byId.value(info.virtualServiceId);
    if (!vs || !info.rootRule)
        return;
    const HttpRoute &rule = *info.rootRule;
    out.rule = vs->displayName() + QStringLiteral(" http[%1]").arg(info.ruleIndex)
        + (rule.name.present ? QStringLiteral(" \"%1\"").arg(rule.name.value) : QString());
    out.ruleKey = vs->displayName() + QLatin1Char(' ')
        + (rule.name.present ? QStringLiteral("name ") + rule.name.value : signature);
    out.location = QStringLiteral("%1:%2").arg(ws.fileOf(*vs)).arg(vs->absoluteLine(rule.pos));
    if (!info.delegate.isEmpty()) {
        out.rule
            += QStringLiteral(" via delegate %1 http[%2]").arg(info.delegate).arg(info.delegateRuleIndex);
        out.ruleKey += QStringLiteral(" via ") + info.delegate + QLatin1Char(' ') + signature;
    }
}

} // namespace

QHash<int, const Resource *> DiffOutcome::resourcesById(const RouteTable &table)
{
    QHash<int, const Resource *> out;
    for (const Resource &r : table.workspace().resources)
        if (r.kind == ResourceKind::VirtualService || isGatewayApiRoute(r.kind))
            out.insert(r.id, &r);
    return out;
}

DiffOutcome DiffOutcome::of(const RouteResult &r, const RouteTable &table)
{
    return of(r, table, resourcesById(table));
}

DiffOutcome DiffOutcome::of(
    const RouteResult &r, const RouteTable &table, const QHash<int, const Resource *> &resources)
{
    DiffOutcome out;
    out.status = RouteResult::statusName(r.status);
    if (r.httpStatus != 0) // 0: the upstream answers
        out.status += QLatin1Char(' ') + QString::number(r.httpStatus);
    if (!r.responseFlag.isEmpty())
        out.status += QLatin1Char(' ') + r.responseFlag;
    if (r.hasDirectResponse && !r.directResponseBody.isEmpty())
        out.status += QStringLiteral(" \"%1\"").arg(r.directResponseBody);
    describeRule(r, table, resources, out);
    for (const RouteDestinationResult &d : r.destinations) {
        QString name = d.host + (d.subset.isEmpty() ? QString() : QStringLiteral(" subset ") + d.subset);
        if (d.port > 0)
            name += QStringLiteral(" port %1").arg(d.port);
        out.destinations.append({ name, d.share });
        addHeaders(out.headers, name + QLatin1Char(' '), d.headers);
    }
    std::sort(out.destinations.begin(), out.destinations.end(),
        [](const DiffDestination &a, const DiffDestination &b) { return a.name < b.name; });
    addHeaders(out.headers, QString(), r.headers);
    if (r.hasRedirect)
        out.redirect = QStringLiteral("%1 %2").arg(r.redirectCode).arg(r.location);
    if (r.status == RouteResult::Status::Routed && r.hasRewrite) {
        QStringList parts;
        if (!r.rewrittenPath.isEmpty())
            parts << QStringLiteral("path ") + r.rewrittenPath;
        if (!r.rewrittenAuthority.isEmpty())
            parts << QStringLiteral("authority ") + r.rewrittenAuthority;
        out.rewrite = parts.join(QLatin1Char(' '));
    }
    if (r.fault.present)
        out.fault = faultText(r.fault);
    return out;
}

bool DiffOutcome::sameAnswer(const DiffOutcome &o) const
{
    return status == o.status && ruleKey == o.ruleKey && destinations == o.destinations
        && redirect == o.redirect && rewrite == o.rewrite && headers == o.headers && fault == o.fault;
}

QString DiffOutcome::summary() const
{
    QString text = status;
    if (!rule.isEmpty())
        text += QStringLiteral(" by ") + rule;
    QStringList to;
    for (const DiffDestination &d : destinations)
        to << d.name + QLatin1Char(' ') + shareText(d.share);
    if (!to.isEmpty())
        text += QStringLiteral(" -> ") + to.join(QStringLiteral(", "));
    if (!redirect.isEmpty())
        text += QStringLiteral(" redirect ") + redirect;
    if (!rewrite.isEmpty())
        text += QStringLiteral(" rewrite ") + rewrite;
    if (!headers.isEmpty())
        text += QStringLiteral(" headers [") + headers.join(QStringLiteral("; ")) + QLatin1Char(']');
    if (!fault.isEmpty())
        text += QStringLiteral(" fault ") + fault;
    return text;
}

} // namespace meshroute
