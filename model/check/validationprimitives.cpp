#include "validationprimitives.h"

#include <QHash>
#include <QSet>
#include <arpa/inet.h>
#include <mutex>
#include <re2/re2.h>

namespace meshroute {

namespace {

bool isAlnum(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
}

bool isLowerAlnum(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9');
}

// One DNS label as Istio's hostname check takes it: alphanumerics and inner
// dashes, upper case allowed (Istio's own regex is case-insensitive).
bool isDnsLabelAnyCase(QStringView s)
{
    if (s.isEmpty() || s.size() > 63 || !isAlnum(s.front()) || !isAlnum(s.back()))
        return false;
    for (QChar c : s)
        if (!isAlnum(c) && c != QLatin1Char('-'))
            return false;
    return true;
}

// A Kubernetes "qualified name" part: [A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?, <= 63.
bool isQualifiedNamePart(QStringView s)
{
    if (s.isEmpty() || s.size() > 63 || !isAlnum(s.front()) || !isAlnum(s.back()))
        return false;
    for (QChar c : s)
        if (!isAlnum(c) && c != QLatin1Char('-') && c != QLatin1Char('_') && c != QLatin1Char('.'))
            return false;
    return true;
}

} // namespace

bool ValidationPrimitives::isDns1123Label(QStringView s)
{
    if (s.isEmpty() || s.size() > 63 || !isLowerAlnum(s.front()) || !isLowerAlnum(s.back()))
        return false;
    for (QChar c : s)
        if (!isLowerAlnum(c) && c != QLatin1Char('-'))
            return false;
    return true;
}

bool ValidationPrimitives::isDns1123Subdomain(QStringView s)
{
    if (s.isEmpty() || s.size() > 253)
        return false;
    for (QStringView label : s.split(QLatin1Char('.')))
        if (!isDns1123Label(label))
            return false;
    return true;
}

QString ValidationPrimitives::checkWildcardDomain(const QString &host)
{
    if (host.isEmpty())
        return QStringLiteral("empty domain name not allowed");
    if (host.size() > 255)
        return QStringLiteral("domain name \"%1\" too long (max 255)")
            .arg(host.left(40) + QLatin1String("..."));
    QStringView name(host);
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1); // a rooted name is fine
    if (name == QLatin1String("*"))
        return {};
    const QList<QStringView> labels = name.split(QLatin1Char('.'));
    for (int i = 0; i < labels.size(); ++i) {
        QStringView label = labels[i];
        if (i == 0 && label.startsWith(QLatin1Char('*'))) {
            // `*`, `*foo` and `*-foo` are the wildcard forms Istio accepts first.
            label = label.mid(1);
            if (label.startsWith(QLatin1Char('-')))
                label = label.mid(1);
            if (label.isEmpty())
                continue;
        }
        if (!isDnsLabelAnyCase(label))
            return QStringLiteral("domain name \"%1\" invalid (label \"%2\" invalid)")
                .arg(host, labels[i].toString());
    }
    // The top-level label may not be all digits (that would be an IP in disguise).
    if (labels.size() > 1) {
        bool digits = true;
        for (QChar c : labels.last())
            digits = digits && c.isDigit();
        if (digits)
            return QStringLiteral("domain name \"%1\" invalid (top-level label \"%2\" is all digits)")
                .arg(host, labels.last().toString());
    }
    return {};
}

bool ValidationPrimitives::isIpAddress(const QString &s)
{
    if (s.isEmpty() || s.size() > 64)
        return false;
    const QByteArray a = s.toLatin1();
    unsigned char buffer[16];
    return inet_pton(AF_INET, a.constData(), buffer) == 1 || inet_pton(AF_INET6, a.constData(), buffer) == 1;
}

bool ValidationPrimitives::isIpOrCidr(const QString &s)
{
    const qsizetype slash = s.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return isIpAddress(s);
    const QString address = s.left(slash);
    bool ok = false;
    const int bits = s.mid(slash + 1).toInt(&ok);
    if (!ok || !isIpAddress(address))
        return false;
    const int maxBits = address.contains(QLatin1Char(':')) ? 128 : 32;
    return bits >= 0 && bits <= maxBits;
}

QString ValidationPrimitives::checkHostOrIp(const QString &host)
{
    if (isIpAddress(host))
        return {};
    return checkWildcardDomain(host);
}

QString ValidationPrimitives::checkPort(qint64 port)
{
    if (port < 1 || port > 65535)
        return QStringLiteral("port number %1 must be in the range 1..65535").arg(port);
    return {};
}

bool ValidationPrimitives::parseDuration(const QString &text, qint64 *nanoseconds, QString *error)
{
    // Go's time.ParseDuration: [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+, or "0".
    QStringView s(text);
    const auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (s.isEmpty())
        return fail(QStringLiteral("empty duration"));
    bool negative = false;
    if (s.front() == QLatin1Char('-') || s.front() == QLatin1Char('+')) {
        negative = s.front() == QLatin1Char('-');
        s = s.mid(1);
    }
    if (s == QLatin1String("0")) {
        *nanoseconds = 0;
        return true;
    }
    if (s.isEmpty())
        return fail(QStringLiteral("invalid duration \"%1\"").arg(text));
    long double total = 0;
    while (!s.isEmpty()) {
        qsizetype i = 0;
        long double whole = 0;
        bool digits = false;
        while (i < s.size() && s[i].isDigit()) {
            whole = whole * 10 + (s[i].unicode() - '0');
            digits = true;
            ++i;
        }
        long double fraction = 0, scale = 1;
        if (i < s.size() && s[i] == QLatin1Char('.')) {
            ++i;
            while (i < s.size() && s[i].isDigit()) {
                fraction = fraction * 10 + (s[i].unicode() - '0');
                scale *= 10;
                digits = true;
                ++i;
            }
        }
        if (!digits)
            return fail(QStringLiteral("invalid duration \"%1\"").arg(text));
        qsizetype u = i;
        while (u < s.size() && !s[u].isDigit() && s[u] != QLatin1Char('.'))
            ++u;
        const QStringView unit = s.mid(i, u - i);
        long double factor = 0;
        if (unit.isEmpty())
            return fail(QStringLiteral("missing unit in duration \"%1\"").arg(text));
        if (unit == QLatin1String("ns"))
            factor = 1;
        else if (unit == QLatin1String("us") || unit == QStringView(u"\u00b5s")
            || unit == QStringView(u"\u03bcs"))
            factor = 1e3L;
        else if (unit == QLatin1String("ms"))
            factor = 1e6L;
        else if (unit == QLatin1String("s"))
            factor = 1e9L;
        else if (unit == QLatin1String("m"))
            factor = 60e9L;
        else if (unit == QLatin1String("h"))
            factor = 3600e9L;
        else
            return fail(QStringLiteral("unknown unit \"%1\" in duration \"%2\" (use ns, us, ms, s, m or h)")
                            .arg(unit.toString(), text));
        total += (whole + fraction / scale) * factor;
        if (total > 9.2e18L)
            return fail(QStringLiteral("invalid duration \"%1\": too large").arg(text));
        s = s.mid(u);
    }
    *nanoseconds = qint64(total + 0.5L) * (negative ? -1 : 1);
    return true;
}

QString ValidationPrimitives::checkDuration(const QString &text)
{
    qint64 ns = 0;
    QString error;
    if (!parseDuration(text, &ns, &error))
        return error;
    if (ns < 1000000)
        return QStringLiteral("duration \"%1\" must be at least 1ms").arg(text);
    if (ns % 1000000 != 0)
        return QStringLiteral(
            "duration \"%1\" is finer than 1ms; only durations to ms precision are supported")
            .arg(text);
    return {};
}

QString ValidationPrimitives::checkLabelKey(const QString &key)
{
    if (key.isEmpty())
        return QStringLiteral("empty label key");
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    QStringView name(key);
    if (slash >= 0) {
        const QStringView prefix = QStringView(key).left(slash);
        if (!isDns1123Subdomain(prefix))
            return QStringLiteral("label key \"%1\": prefix \"%2\" is not a DNS-1123 subdomain")
                .arg(key, prefix.toString());
        name = QStringView(key).mid(slash + 1);
    }
    if (!isQualifiedNamePart(name))
        return QStringLiteral(
            "label key \"%1\" is invalid: the name part must be 1-63 alphanumerics, '-', '_' or "
            "'.', beginning and ending with an alphanumeric")
            .arg(key);
    return {};
}

QString ValidationPrimitives::checkLabelValue(const QString &value)
{
    if (value.isEmpty() || isQualifiedNamePart(value))
        return {};
    return QStringLiteral(
        "invalid tag value \"%1\": at most 63 alphanumerics, '-', '_' or '.', beginning and "
        "ending with an alphanumeric")
        .arg(value);
}

QString ValidationPrimitives::checkRegex(const QString &pattern)
{
    if (pattern.size() > 1024)
        return QStringLiteral("regex is too large (%1 characters), max length allowed is 1024")
            .arg(pattern.size());
    // Config files repeat the same few patterns many times; compile each once.
    static std::mutex mutex;
    static QHash<QString, QString> cache;
    {
        std::lock_guard<std::mutex> lock(mutex);
        const auto it = cache.constFind(pattern);
        if (it != cache.cend())
            return *it;
    }
    RE2::Options options;
    options.set_log_errors(false);
    const QByteArray utf8 = pattern.toUtf8();
    const RE2 re(re2::StringPiece(utf8.constData(), size_t(utf8.size())), options);
    QString result;
    if (!re.ok())
        result = QString::fromStdString(re.error());
    std::lock_guard<std::mutex> lock(mutex);
    if (cache.size() > 100000)
        cache.clear();
    cache.insert(pattern, result);
    return result;
}

bool ValidationPrimitives::isHttpToken(QStringView name)
{
    if (name.isEmpty())
        return false;
    static const QString extra = QStringLiteral("!#$%&'*+-.^_`|~");
    for (QChar c : name)
        if (!isAlnum(c) && !extra.contains(c))
            return false;
    return true;
}

QString ValidationPrimitives::checkHeaderValue(const QString &value)
{
    for (qsizetype i = 0; i < value.size(); ++i) {
        const ushort c = value[i].unicode();
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            return QStringLiteral("header value contains the control character 0x%1")
                .arg(c, 2, 16, QLatin1Char('0'));
        if (c != '%')
            continue;
        // Envoy reads %NAME%, %NAME(args)% and %NAME(args):len% as variables; %% is a literal %.
        if (i + 1 < value.size() && value[i + 1] == QLatin1Char('%')) {
            ++i;
            continue;
        }
        qsizetype j = i + 1;
        while (j < value.size() && (value[j].isUpper() || value[j].isDigit() || value[j] == QLatin1Char('_')))
            ++j;
        const bool named = j > i + 1;
        if (named && j < value.size() && value[j] == QLatin1Char('(')) {
            const qsizetype close = value.indexOf(QLatin1Char(')'), j);
            j = close < 0 ? value.size() : close + 1;
        }
        if (named && j < value.size() && value[j] == QLatin1Char(':')) {
            ++j;
            while (j < value.size() && value[j].isDigit())
                ++j;
        }
        if (!named || j >= value.size() || value[j] != QLatin1Char('%'))
            return QStringLiteral(
                "header value \"%1\" has a '%' that does not start a %VARIABLE% (write %% for a "
                "literal percent sign)")
                .arg(value);
        i = j;
    }
    return {};
}

bool ValidationPrimitives::isKnownGatewayProtocol(const QString &protocol)
{
    static const QSet<QString> known = { QStringLiteral("HTTP"), QStringLiteral("HTTPS"),
        QStringLiteral("GRPC"), QStringLiteral("GRPC-WEB"), QStringLiteral("HTTP2"), QStringLiteral("MONGO"),
        QStringLiteral("TCP"), QStringLiteral("TLS"), QStringLiteral("UDP"), QStringLiteral("HTTP_PROXY"),
        QStringLiteral("REDIS"), QStringLiteral("MYSQL") };
    return known.contains(protocol.toUpper());
}

bool ValidationPrimitives::isRetryOnPolicy(const QString &policy)
{
    static const QSet<QString> known = {
        QStringLiteral("5xx"),
        QStringLiteral("gateway-error"),
        QStringLiteral("reset"),
        QStringLiteral("reset-before-request"),
        QStringLiteral("connect-failure"),
        QStringLiteral("retriable-4xx"),
        QStringLiteral("refused-stream"),
        QStringLiteral("retriable-status-codes"),
        QStringLiteral("retriable-headers"),
        QStringLiteral("envoy-ratelimited"),
        QStringLiteral("http3-post-connect-failure"),
        QStringLiteral("cancelled"),
        QStringLiteral("deadline-exceeded"),
        QStringLiteral("internal"),
        QStringLiteral("resource-exhausted"),
        QStringLiteral("unavailable"),
    };
    if (known.contains(policy))
        return true;
    bool ok = false;
    const int status = policy.toInt(&ok);
    return ok && status >= 100 && status <= 599;
}

bool ValidationPrimitives::isGrpcStatusName(const QString &name)
{
    static const QSet<QString> known = {
        QStringLiteral("OK"),
        QStringLiteral("CANCELLED"),
        QStringLiteral("UNKNOWN"),
        QStringLiteral("INVALID_ARGUMENT"),
        QStringLiteral("DEADLINE_EXCEEDED"),
        QStringLiteral("NOT_FOUND"),
        QStringLiteral("ALREADY_EXISTS"),
        QStringLiteral("PERMISSION_DENIED"),
        QStringLiteral("RESOURCE_EXHAUSTED"),
        QStringLiteral("FAILED_PRECONDITION"),
        QStringLiteral("ABORTED"),
        QStringLiteral("OUT_OF_RANGE"),
        QStringLiteral("UNIMPLEMENTED"),
        QStringLiteral("INTERNAL"),
        QStringLiteral("UNAVAILABLE"),
        QStringLiteral("DATA_LOSS"),
        QStringLiteral("UNAUTHENTICATED"),
    };
    return known.contains(name);
}

} // namespace meshroute
