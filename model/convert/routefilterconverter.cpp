#include "routefilterconverter.h"

#include "backendrefconverter.h"
#include "conversioncontext.h"
#include "gatewayapiyaml.h"
#include "resource.h"
#include "yamledit.h"

#include <cmath>

namespace meshroute {

namespace {

YamlNode filterOf(const char *type, const char *key, YamlNode value)
{
    YamlNode filter = YamlEdit::mapping();
    GatewayApiYaml::set(filter, "type", GatewayApiYaml::string(QLatin1String(type)));
    GatewayApiYaml::set(filter, key, std::move(value));
    return filter;
}

YamlNode pathModifier(const QString &type, const QString &value)
{
    YamlNode path = YamlEdit::mapping();
    GatewayApiYaml::set(path, "type", GatewayApiYaml::string(type));
    if (type == QLatin1String("ReplaceFullPath"))
        GatewayApiYaml::set(path, "replaceFullPath", GatewayApiYaml::string(value));
    else
        GatewayApiYaml::set(path, "replacePrefixMatch", GatewayApiYaml::string(value));
    return path;
}

// How the rule's matches test the path: all Exact, all prefix (or no path test,
// which Gateway API defaults to PathPrefix "/"), or mixed/regex.
enum class PathKind { Exact, Prefix, Other };

PathKind pathKindOf(const HttpRoute &rule)
{
    int exact = 0, prefix = 0, other = 0;
    for (const HttpMatchRequest &m : rule.match) {
        if (!m.hasUri || m.uri.type == StringMatch::Type::Prefix)
            ++prefix;
        else if (m.uri.type == StringMatch::Type::Exact)
            ++exact;
        else
            ++other;
    }
    if (other > 0 || (exact > 0 && prefix > 0))
        return PathKind::Other;
    return exact > 0 ? PathKind::Exact : PathKind::Prefix;
}

// Gateway API ignores a prefix's trailing '/' (Istio's createURIMatch trims it), so
// `prefix: /a/` with `uri: /b/` replaces "/a" by "/b/" and /a/x would become /b//x:
// when every prefix and the rewrite end with '/', the rewrite drops its own.
QString prefixReplacement(const HttpRoute &rule)
{
    const QString uri = rule.rewrite->uri.value;
    if (!uri.endsWith(QLatin1Char('/')) || uri == QLatin1String("/") || rule.match.isEmpty())
        return uri;
    for (const HttpMatchRequest &m : rule.match)
        if (!m.hasUri || !m.uri.value.endsWith(QLatin1Char('/')) || m.uri.value == QLatin1String("/"))
            return uri;
    return uri.chopped(1);
}

} // namespace

YamlNode RouteFilterConverter::convert(const HttpRoute &rule, const QString &path)
{
    YamlNode filters = YamlEdit::sequence();
    const Headers &h = *rule.headers;
    if (h.request.present && !h.request.isEmpty())
        GatewayApiYaml::append(filters, BackendRefConverter::headerFilter(h.request, true));
    if (h.response.present && !h.response.isEmpty())
        GatewayApiYaml::append(filters, BackendRefConverter::headerFilter(h.response, false));
    if (rule.redirect->present)
        GatewayApiYaml::append(filters, filterOf("RequestRedirect", "requestRedirect", redirect(rule, path)));
    if (rule.rewrite->present) {
        YamlNode rw = rewrite(rule, path);
        if (!rw.children.empty())
            GatewayApiYaml::append(filters, filterOf("URLRewrite", "urlRewrite", rw));
    }
    addMirrors(filters, rule, path);
    return filters;
}

YamlNode RouteFilterConverter::redirect(const HttpRoute &rule, const QString &path)
{
    const HttpRedirect &r = *rule.redirect;
    const QString at = path + QStringLiteral(".redirect");
    YamlNode out = YamlEdit::mapping();
    if (r.scheme.present)
        GatewayApiYaml::set(out, "scheme", GatewayApiYaml::string(r.scheme.value));
    if (r.authority.present)
        GatewayApiYaml::set(out, "hostname", GatewayApiYaml::string(r.authority.value));
    if (r.uri.present)
        GatewayApiYaml::set(out, "path", pathModifier(QStringLiteral("ReplaceFullPath"), r.uri.value));
    if (r.port.present)
        GatewayApiYaml::set(out, "port", GatewayApiYaml::number(r.port.value));
    if (r.derivePort.present)
        m_context.warn(m_resource, r.derivePort.pos, at + QStringLiteral(".derivePort"),
            QStringLiteral("derivePort: Gateway API derives the port from the scheme; dropped"));
    // Istio's VirtualService redirect defaults to 301, Gateway API's to 302: always written.
    const qint64 code = r.redirectCode.valueOr(301);
    GatewayApiYaml::set(out, "statusCode", GatewayApiYaml::number(code));
    if (code != 301 && code != 302)
        m_context.warn(m_resource, r.redirectCode.pos, at + QStringLiteral(".redirectCode"),
            QStringLiteral("redirectCode %1: the v1 standard channel allows 301 and 302 only").arg(code));
    return out;
}

YamlNode RouteFilterConverter::rewrite(const HttpRoute &rule, const QString &path)
{
    const HttpRewrite &r = *rule.rewrite;
    const QString at = path + QStringLiteral(".rewrite");
    YamlNode out = YamlEdit::mapping();
    if (r.authority.present)
        GatewayApiYaml::set(out, "hostname", GatewayApiYaml::string(r.authority.value));
    if (r.uriRegexRewrite.present)
        m_context.warn(m_resource, r.uriRegexRewrite.pos, at + QStringLiteral(".uriRegexRewrite"),
            QStringLiteral("uriRegexRewrite: Gateway API has no regex rewrite; dropped"));
    if (r.uri.present) {
        switch (pathKindOf(rule)) {
        case PathKind::Exact:
            GatewayApiYaml::set(out, "path", pathModifier(QStringLiteral("ReplaceFullPath"), r.uri.value));
            break;
        case PathKind::Prefix:
            GatewayApiYaml::set(
                out, "path", pathModifier(QStringLiteral("ReplacePrefixMatch"), prefixReplacement(rule)));
            break;
        case PathKind::Other:
            m_context.warn(m_resource, r.uri.pos, at + QStringLiteral(".uri"),
                QStringLiteral("uri rewrite on regex or mixed exact/prefix matches: Gateway API's "
                               "ReplacePrefixMatch needs PathPrefix matches; dropped"));
            break;
        }
    }
    return out;
}

void RouteFilterConverter::addMirrors(YamlNode &filters, const HttpRoute &rule, const QString &path)
{
    const auto mirror = [&](const Destination &d, const Percent &percentage, const QString &at) {
        YamlNode m = YamlEdit::mapping();
        GatewayApiYaml::set(m, "backendRef", m_backends.reference(d, at));
        if (percentage.present && percentage.value.value < 100) {
            const double p = percentage.value.value;
            if (p == std::floor(p))
                GatewayApiYaml::set(m, "percent", GatewayApiYaml::number(qint64(p)));
            else
                m_context.warn(m_resource, percentage.pos, at,
                    QStringLiteral(
                        "mirror percentage %1: Gateway API's percent is whole; mirroring all requests")
                        .arg(p));
        }
        GatewayApiYaml::append(filters, filterOf("RequestMirror", "requestMirror", m));
    };
    if (rule.hasMirror)
        mirror(*rule.mirror, *rule.mirrorPercentage, path + QStringLiteral(".mirror"));
    for (int i = 0; i < rule.mirrors.size(); ++i)
        mirror(rule.mirrors[i].destination, rule.mirrors[i].percentage,
            path + QStringLiteral(".mirrors[%1]").arg(i));
}

} // namespace meshroute
