#include "rulefieldspec.h"

#include "validationprimitives.h"
#include "yamledit.h"

#include <QObject>
#include <QStringList>

namespace meshroute {

const QList<RuleFieldSpec> &RuleFieldSpec::general()
{
    static const QList<RuleFieldSpec> fields = {
        { "name", "Name", Kind::Text, 0, 0, "name: labels the rule in logs and stats" },
        { "timeout", "Timeout", Kind::Duration, 0, 0,
            "timeout: whole-request timeout, e.g. 5s; none by default" },
        { "redirect.uri", "Redirect path", Kind::Text, 0, 0,
            "redirect.uri: replaces the whole path in the redirect" },
        { "redirect.authority", "Redirect host", Kind::Text, 0, 0,
            "redirect.authority: replaces the host in the redirect" },
        { "redirect.redirectCode", "Redirect code", Kind::Number, 300, 399,
            "redirect.redirectCode: 3xx status, 301 by default" },
        { "directResponse.status", "Response status", Kind::Number, 200, 599,
            "directResponse.status: the HTTP status to answer with" },
        { "directResponse.body.string", "Response body", Kind::Text, 0, 0,
            "directResponse.body.string: the body to answer with" },
        { "delegate.name", "Delegate", Kind::Text, 0, 0,
            "delegate.name: the VirtualService that holds the delegated rules" },
        { "delegate.namespace", "Delegate namespace", Kind::Text, 0, 0,
            "delegate.namespace: its namespace; this one by default" },
    };
    return fields;
}

const QList<RuleFieldSpec::Section> &RuleFieldSpec::sections()
{
    static const QList<Section> sections = {
        { "Rewrite",
            { { "rewrite.uri", "Path", Kind::Text, 0, 0,
                  "rewrite.uri: replaces the matched prefix (or the whole path) before forwarding" },
                { "rewrite.authority", "Host", Kind::Text, 0, 0,
                    "rewrite.authority: replaces the Host header before forwarding" },
                { "rewrite.uriRegexRewrite.match", "Regex", Kind::Regex, 0, 0,
                    "uriRegexRewrite.match: RE2 pattern over the path" },
                { "rewrite.uriRegexRewrite.rewrite", "Replacement", Kind::Text, 0, 0,
                    "uriRegexRewrite.rewrite: the new path, \\1 for groups" } } },
        { "Retries",
            { { "retries.attempts", "Attempts", Kind::Number, 0, 1000,
                  "retries.attempts: retries after the first try; 0 disables" },
                { "retries.perTryTimeout", "Per-try timeout", Kind::Duration, 0, 0,
                    "retries.perTryTimeout: timeout of each try, e.g. 2s" },
                { "retries.retryOn", "Retry on", Kind::RetryOn, 0, 0,
                    "retries.retryOn: Envoy conditions, e.g. 5xx,reset,connect-failure" } } },
        { "Fault injection",
            { { "fault.delay.fixedDelay", "Delay", Kind::Duration, 0, 0,
                  "fault.delay.fixedDelay: added latency, e.g. 7s" },
                { "fault.delay.percentage.value", "Delay %", Kind::Percent, 0, 0,
                    "fault.delay.percentage: share of requests delayed" },
                { "fault.abort.httpStatus", "Abort status", Kind::Number, 200, 599,
                    "fault.abort.httpStatus: the status returned instead" },
                { "fault.abort.percentage.value", "Abort %", Kind::Percent, 0, 0,
                    "fault.abort.percentage: share of requests aborted" } } },
        { "Mirror",
            { { "mirror.host", "Legacy host", Kind::Text, 0, 0,
                  "mirror.host: the single mirror target of older manifests (responses ignored); use mirrors "
                  "below" },
                { "mirror.subset", "Legacy subset", Kind::Text, 0, 0,
                    "mirror.subset: the subset of the mirror host" },
                { "mirrorPercentage.value", "Legacy %", Kind::Percent, 0, 0,
                    "mirrorPercentage: share of requests mirrored; 100 by default" } } },
        { "CORS",
            { { "corsPolicy.allowMethods", "Methods", Kind::List, 0, 0,
                  "corsPolicy.allowMethods: e.g. GET, POST" },
                { "corsPolicy.allowHeaders", "Headers", Kind::List, 0, 0,
                    "corsPolicy.allowHeaders: request headers the browser may send" },
                { "corsPolicy.exposeHeaders", "Exposed", Kind::List, 0, 0,
                    "corsPolicy.exposeHeaders: response headers scripts may read" },
                { "corsPolicy.maxAge", "Max age", Kind::Duration, 0, 0,
                    "corsPolicy.maxAge: how long a preflight may be cached, whole seconds" },
                { "corsPolicy.allowCredentials", "Credentials", Kind::Boolean, 0, 0,
                    "corsPolicy.allowCredentials: true or false" } } },
        { "Header operations",
            { { "headers.request.set", "Request set", Kind::Map, 0, 0,
                  "headers.request.set: name=value pairs that overwrite" },
                { "headers.request.add", "Request add", Kind::Map, 0, 0,
                    "headers.request.add: name=value pairs appended" },
                { "headers.request.remove", "Request remove", Kind::List, 0, 0,
                    "headers.request.remove: header names to drop" },
                { "headers.response.set", "Response set", Kind::Map, 0, 0,
                    "headers.response.set: name=value pairs that overwrite" },
                { "headers.response.add", "Response add", Kind::Map, 0, 0,
                    "headers.response.add: name=value pairs appended" },
                { "headers.response.remove", "Response remove", Kind::List, 0, 0,
                    "headers.response.remove: header names to drop" } } },
    };
    return sections;
}

QString RuleFieldSpec::validate(const QString &text) const
{
    const QString v = text.trimmed();
    if (v.isEmpty())
        return {};
    switch (kind) {
    case Kind::Duration:
        return ValidationPrimitives::checkDuration(v);
    case Kind::Regex:
        return ValidationPrimitives::checkRegex(v);
    case Kind::Number: {
        bool ok = false;
        const qint64 n = v.toLongLong(&ok);
        return ok && n >= min && n <= max ? QString()
                                          : QObject::tr("a whole number from %1 to %2").arg(min).arg(max);
    }
    case Kind::Percent: {
        bool ok = false;
        const double d = v.toDouble(&ok);
        return ok && d >= 0 && d <= 100 ? QString() : QObject::tr("a percentage from 0 to 100");
    }
    case Kind::Boolean:
        return v == QLatin1String("true") || v == QLatin1String("false") ? QString()
                                                                         : QObject::tr("true or false");
    case Kind::RetryOn:
        for (const QString &p : v.split(QLatin1Char(',')))
            if (!ValidationPrimitives::isRetryOnPolicy(p.trimmed()))
                return QObject::tr("\"%1\" is not an Envoy retry condition").arg(p.trimmed());
        return {};
    case Kind::Map:
        for (const QString &p : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!p.contains(QLatin1Char('=')) || p.section(QLatin1Char('='), 0, 0).trimmed().isEmpty())
                return QObject::tr("write name=value pairs separated by commas");
        return {};
    default:
        return {};
    }
}

YamlNode RuleFieldSpec::value(const QString &text) const
{
    const QString v = text.trimmed();
    switch (kind) {
    case Kind::Number:
    case Kind::Percent:
    case Kind::Boolean:
        return YamlEdit::plainScalar(v);
    case Kind::List: {
        YamlNode seq = YamlEdit::sequence();
        for (const QString &p : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
            YamlEdit::appendItem(seq, YamlEdit::stringScalar(p.trimmed()));
        return seq;
    }
    case Kind::Map: {
        YamlNode m = YamlEdit::mapping();
        for (const QString &p : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
            YamlEdit::setEntry(m, p.section(QLatin1Char('='), 0, 0).trimmed().toUtf8(),
                YamlEdit::stringScalar(p.section(QLatin1Char('='), 1).trimmed()));
        return m;
    }
    default:
        return YamlEdit::stringScalar(v);
    }
}

} // namespace meshroute
