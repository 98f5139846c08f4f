#include "matchsignature.h"

#include "gatewayapi.h"
#include "virtualservice.h"

#include <QStringList>

namespace meshroute {

namespace {

// The matches of a rule, "|"-joined (they are ORed); "any request" without any.
template <typename Matches> QString joined(const Matches &matches)
{
    if (matches.isEmpty())
        return QStringLiteral("any request");
    QStringList parts;
    for (const auto &m : matches)
        parts << MatchSignature::of(m);
    return parts.join(QStringLiteral(" | "));
}

} // namespace

QString MatchSignature::of(const HttpMatchRequest &m)
{
    QStringList parts;
    if (m.hasUri)
        parts << QStringLiteral("uri ") + m.uri.describe();
    if (m.hasScheme)
        parts << QStringLiteral("scheme ") + m.scheme->describe();
    if (m.hasMethod)
        parts << QStringLiteral("method ") + m.method->describe();
    if (m.hasAuthority)
        parts << QStringLiteral("authority ") + m.authority->describe();
    for (const Entry<StringMatch> &h : m.headers)
        parts << QStringLiteral("header ") + h.key + QLatin1Char(' ') + h.value.describe();
    for (const Entry<StringMatch> &h : m.rare->withoutHeaders)
        parts << QStringLiteral("without header ") + h.key + QLatin1Char(' ') + h.value.describe();
    for (const Entry<StringMatch> &q : m.rare->queryParams)
        parts << QStringLiteral("query ") + q.key + QLatin1Char(' ') + q.value.describe();
    if (m.port.present)
        parts << QStringLiteral("port %1").arg(m.port.value);
    for (const Label &l : m.sourceLabels)
        parts << QStringLiteral("source ") + l.key + QLatin1Char('=') + l.value;
    for (const Field<QString> &g : m.gateways)
        parts << QStringLiteral("gateway ") + g.value;
    if (m.rare->sourceNamespace.present)
        parts << QStringLiteral("source namespace ") + m.rare->sourceNamespace.value;
    if (m.rare->ignoreUriCase.present && m.rare->ignoreUriCase.value)
        parts << QStringLiteral("ignore uri case");
    return parts.isEmpty() ? QStringLiteral("any request") : parts.join(QStringLiteral(", "));
}

QString MatchSignature::of(const HttpRoute &rule)
{
    return joined(rule.match);
}

QString MatchSignature::of(const RouteMatch &m)
{
    QStringList parts;
    if (m.path.present)
        parts << QStringLiteral("path ") + m.path.type.value + QLatin1Char(' ') + m.path.value.value;
    for (const HttpValueMatch &h : m.headers)
        parts << QStringLiteral("header ") + h.name.value + QLatin1Char(' ') + h.type.value + QLatin1Char(' ')
                + h.value.value;
    for (const HttpValueMatch &q : m.queryParams)
        parts << QStringLiteral("query ") + q.name.value + QLatin1Char(' ') + q.type.value + QLatin1Char(' ')
                + q.value.value;
    if (m.method.present)
        parts << QStringLiteral("method ") + m.method.value;
    if (m.grpcMethod.present)
        parts << QStringLiteral("grpc ") + m.grpcMethod.service.value + QLatin1Char('/')
                + m.grpcMethod.method.value;
    return parts.isEmpty() ? QStringLiteral("any request") : parts.join(QStringLiteral(", "));
}

QString MatchSignature::of(const RouteRule &rule)
{
    return joined(rule.matches);
}

} // namespace meshroute
