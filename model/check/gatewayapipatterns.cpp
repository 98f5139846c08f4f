#include "gatewayapipatterns.h"

#include <re2/re2.h>

namespace meshroute {

namespace {

// The CRD's patterns, compiled once. An OpenAPI pattern is an unanchored search; every pattern
// used here carries its own anchors, as the CRD writes it.
bool search(const RE2 &re, const QString &s)
{
    const QByteArray u = s.toUtf8();
    return RE2::PartialMatch(re2::StringPiece(u.constData(), size_t(u.size())), re);
}

const RE2 &hostnameRe()
{
    static const RE2 re(R"(^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)");
    return re;
}

const RE2 &subdomainRe()
{
    static const RE2 re(R"(^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)");
    return re;
}

} // namespace

bool GatewayApiPatterns::isHostname(const QString &s)
{
    return !s.isEmpty() && s.size() <= 253 && search(hostnameRe(), s);
}

bool GatewayApiPatterns::isPreciseHostname(const QString &s)
{
    return !s.isEmpty() && s.size() <= 253 && search(subdomainRe(), s);
}

bool GatewayApiPatterns::isHeaderName(const QString &s)
{
    static const RE2 re(R"(^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$)");
    return !s.isEmpty() && s.size() <= 256 && search(re, s);
}

bool GatewayApiPatterns::isSectionName(const QString &s)
{
    return !s.isEmpty() && s.size() <= 253 && search(subdomainRe(), s);
}

bool GatewayApiPatterns::isGroup(const QString &s)
{
    return s.isEmpty() || (s.size() <= 253 && search(subdomainRe(), s));
}

bool GatewayApiPatterns::isKind(const QString &s)
{
    static const RE2 re(R"(^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$)");
    return !s.isEmpty() && s.size() <= 63 && search(re, s);
}

bool GatewayApiPatterns::isNamespace(const QString &s)
{
    static const RE2 re(R"(^[a-z0-9]([-a-z0-9]*[a-z0-9])?$)");
    return !s.isEmpty() && s.size() <= 63 && search(re, s);
}

bool GatewayApiPatterns::isDuration(const QString &s)
{
    static const RE2 re(R"(^([0-9]{1,5}(h|m|s|ms)){1,4}$)");
    return search(re, s);
}

qint64 GatewayApiPatterns::durationMs(const QString &s)
{
    qint64 total = 0, number = 0;
    for (int i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c.isDigit()) {
            number = number * 10 + c.digitValue();
            continue;
        }
        if (c == QLatin1Char('m') && i + 1 < s.size() && s[i + 1] == QLatin1Char('s')) {
            total += number;
            ++i;
        } else if (c == QLatin1Char('h')) {
            total += number * 3600000;
        } else if (c == QLatin1Char('m')) {
            total += number * 60000;
        } else if (c == QLatin1Char('s')) {
            total += number * 1000;
        }
        number = 0;
    }
    return total;
}

bool GatewayApiPatterns::isProtocol(const QString &s)
{
    static const RE2 re(R"(^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|[a-z0-9]([-a-z0-9]*[a-z0-9])?)"
                        R"((\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9]+$)");
    return !s.isEmpty() && s.size() <= 255 && search(re, s);
}

bool GatewayApiPatterns::isGrpcService(const QString &s)
{
    static const RE2 re(R"(^(?i)\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$)");
    return search(re, s);
}

bool GatewayApiPatterns::isGrpcMethod(const QString &s)
{
    static const RE2 re(R"(^[A-Za-z_][A-Za-z_0-9]*$)");
    return search(re, s);
}

QString GatewayApiPatterns::pathProblem(const QString &v)
{
    // In the CRD's order (gateway.networking.k8s.io_httproutes.yaml, HTTPPathMatch
    // x-kubernetes-validations); the first that fails is reported.
    const QString when = QStringLiteral(" when type one of ['Exact', 'PathPrefix']");
    if (!v.startsWith(QLatin1Char('/')))
        return QStringLiteral("value must be an absolute path and start with '/'") + when;
    for (const char *bad : { "//", "/./", "/../", "%2f", "%2F", "#" })
        if (v.contains(QLatin1String(bad)))
            return QStringLiteral("must not contain '%1'").arg(QLatin1String(bad)) + when;
    if (v.endsWith(QLatin1String("/..")))
        return QStringLiteral("must not end with '/..'") + when;
    if (v.endsWith(QLatin1String("/.")))
        return QStringLiteral("must not end with '/.'") + when;
    static const RE2 re(R"(^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$)");
    if (!search(re, v))
        return QStringLiteral("must only contain valid characters (matching "
                              "^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$) for types ['Exact', "
                              "'PathPrefix']");
    if (v.size() > 1024)
        return QStringLiteral("may not be longer than 1024 characters");
    return {};
}

bool GatewayApiPatterns::isCorsOrigin(const QString &s)
{
    static const RE2 re(
        R"((^\*$)|(^(http(s)?):\/\/(((\*\.)?([a-zA-Z0-9\-]+\.)*[a-zA-Z0-9-]+|\*)(:([0-9]{1,5}))?)$))");
    return !s.isEmpty() && s.size() <= 253 && search(re, s);
}

} // namespace meshroute
