#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace meshroute {

// The value checks Istio's admission webhook applies to single values
// (reference section 4, "Shared primitives"). Each check returns an empty
// string when the value is valid, else a message that says what is wrong;
// the validators add where and what to do. Pure functions, thread-safe.
class ValidationPrimitives
{
public:
    // A DNS-1123 label: [a-z0-9]([-a-z0-9]*[a-z0-9])?, at most 63 characters.
    static bool isDns1123Label(QStringView s);
    // A DNS-1123 subdomain (Kubernetes object names): dot-separated labels, at most 253.
    static bool isDns1123Subdomain(QStringView s);

    // A host as VirtualService/DestinationRule/Gateway accept it: a DNS name
    // whose left-most label may be `*`, `*x` or `*-x` (Istio's ValidateWildcardDomain).
    // Upper case is accepted, as Istio does.
    static QString checkWildcardDomain(const QString &host);
    // checkWildcardDomain, or an IPv4/IPv6 address.
    static QString checkHostOrIp(const QString &host);
    static bool isIpAddress(const QString &s);
    // An IP or an IP/prefix-length.
    static bool isIpOrCidr(const QString &s);

    static QString checkPort(qint64 port);

    // Go's time.ParseDuration grammar ("1h30m", "1.5s", "250us"). Returns
    // false with a message when the text does not parse.
    static bool parseDuration(const QString &text, qint64 *nanoseconds, QString *error);
    // Parses, then applies Istio's rules: at least 1ms, whole milliseconds.
    static QString checkDuration(const QString &text);

    // Kubernetes label key ([prefix/]name) and value syntax.
    static QString checkLabelKey(const QString &key);
    static QString checkLabelValue(const QString &value);

    // Length <= 1024 and RE2 syntax; on failure RE2's own error text,
    // e.g. "invalid perl operator: (?=". Results are cached per pattern.
    static QString checkRegex(const QString &pattern);

    // An HTTP header name: RFC 7230 token characters only.
    static bool isHttpToken(QStringView name);
    // A header value for Envoy: no control characters, and every `%` starts a
    // well-formed %VARIABLE% or is doubled.
    static QString checkHeaderValue(const QString &value);

    // Whether a Gateway port protocol is known (case-insensitive).
    static bool isKnownGatewayProtocol(const QString &protocol);
    // Whether `policy` is one Envoy retry-on condition or an HTTP status.
    static bool isRetryOnPolicy(const QString &policy);
    static bool isGrpcStatusName(const QString &name);
};

} // namespace meshroute
