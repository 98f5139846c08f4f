#include "gatewayrulesummary.h"

#include "gatewayapi.h"

#include <QStringList>

namespace meshroute {

namespace {

QString typed(const Field<QString> &type, const QString &fallback, const QString &value)
{
    const QString t = type.valueOr(fallback);
    const QString word = t == QLatin1String("PathPrefix") ? QStringLiteral("prefix")
        : t == QLatin1String("RegularExpression")         ? QStringLiteral("regex")
                                                          : QStringLiteral("exact");
    return word + QLatin1Char(' ') + value;
}

QString conditions(const RouteMatch &m)
{
    QStringList parts;
    if (m.path.present)
        parts.append(
            typed(m.path.type, QStringLiteral("PathPrefix"), m.path.value.valueOr(QStringLiteral("/"))));
    if (m.grpcMethod.present)
        parts.append(typed(m.grpcMethod.type, QStringLiteral("Exact"),
            m.grpcMethod.service.value + QLatin1Char('/') + m.grpcMethod.method.value));
    if (m.method.present)
        parts.append(QStringLiteral("method ") + m.method.value);
    for (const HttpValueMatch &h : m.headers)
        parts.append(h.name.value + QLatin1Char(' ') + typed(h.type, QStringLiteral("Exact"), h.value.value));
    for (const HttpValueMatch &q : m.queryParams)
        parts.append(QLatin1Char('?') + q.name.value + QLatin1Char(' ')
            + typed(q.type, QStringLiteral("Exact"), q.value.value));
    return parts.isEmpty() ? QStringLiteral("any") : parts.join(QStringLiteral(" & "));
}

} // namespace

QString gatewayRuleSummary(const RouteRule &rule, int index, bool grpc)
{
    QStringList matches;
    for (const RouteMatch &m : rule.matches)
        matches.append(conditions(m));
    QStringList backends;
    for (const BackendRef &b : rule.backendRefs)
        backends.append(rule.backendRefs.size() > 1
                ? QStringLiteral("%1 %2").arg(b.ref.name.value).arg(b.weight.valueOr(1))
                : b.ref.name.value);
    QStringList filters;
    for (const RouteFilter &f : rule.filters)
        filters.append(f.type.value);
    QString action = backends.join(QStringLiteral(", "));
    if (!filters.isEmpty())
        action = (action.isEmpty() ? QString() : action + QLatin1Char(' ')) + QLatin1Char('[')
            + filters.join(QStringLiteral(", ")) + QLatin1Char(']');
    return QStringLiteral("%1  %2  →  %3")
        .arg(rule.name.valueOr(QStringLiteral("#%1").arg(index)),
            matches.isEmpty() ? (grpc ? QStringLiteral("every call") : QStringLiteral("every request"))
                              : matches.join(QStringLiteral(" | ")),
            action.isEmpty() ? QStringLiteral("(no backend: 500)") : action);
}

} // namespace meshroute
