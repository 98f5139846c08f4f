#include "routematchconverter.h"

#include "conversioncontext.h"
#include "gatewayapiyaml.h"
#include "resource.h"
#include "yamledit.h"

#include <QRegularExpression>

namespace meshroute {

namespace {

// The Gateway API's HTTPMethod enum (standard channel).
bool isGatewayApiMethod(const QString &m)
{
    static const QStringList methods { QStringLiteral("GET"), QStringLiteral("HEAD"), QStringLiteral("POST"),
        QStringLiteral("PUT"), QStringLiteral("DELETE"), QStringLiteral("CONNECT"), QStringLiteral("OPTIONS"),
        QStringLiteral("TRACE"), QStringLiteral("PATCH") };
    return methods.contains(m);
}

YamlNode typedValue(const QString &type, const QString &value, const QString &name = {})
{
    YamlNode out = YamlEdit::mapping();
    if (!name.isEmpty())
        GatewayApiYaml::set(out, "name", GatewayApiYaml::string(name));
    GatewayApiYaml::set(out, "type", GatewayApiYaml::string(type));
    GatewayApiYaml::set(out, "value", GatewayApiYaml::string(value));
    return out;
}

} // namespace

YamlNode RouteMatchConverter::convert(const HttpMatchRequest &m, const QString &path)
{
    YamlNode out = YamlEdit::mapping();
    convertUri(out, m, path);
    if (!m.headers.isEmpty()) {
        YamlNode headers = valueMatches(m.headers, path + QStringLiteral(".headers"), true);
        if (!headers.children.empty())
            GatewayApiYaml::set(out, "headers", headers);
    }
    if (!m.rare->queryParams.isEmpty()) {
        YamlNode params = valueMatches(m.rare->queryParams, path + QStringLiteral(".queryParams"), false);
        if (!params.children.empty())
            GatewayApiYaml::set(out, "queryParams", params);
    }
    if (m.hasMethod) {
        const StringMatch &method = *m.method;
        if (method.type == StringMatch::Type::Exact && isGatewayApiMethod(method.value))
            GatewayApiYaml::set(out, "method", GatewayApiYaml::string(method.value));
        else
            m_context.warn(m_resource, method.pos, path + QStringLiteral(".method"),
                QStringLiteral("method %1: Gateway API matches one of GET, HEAD, POST, PUT, DELETE, CONNECT, "
                               "OPTIONS, TRACE, PATCH exactly; condition dropped, the match is broader")
                    .arg(method.describe()));
    }
    warnUnsupported(m, path);
    return out;
}

void RouteMatchConverter::convertUri(YamlNode &out, const HttpMatchRequest &m, const QString &path)
{
    if (!m.hasUri)
        return;
    const StringMatch &uri = m.uri;
    const QString at = path + QStringLiteral(".uri");
    switch (uri.type) {
    case StringMatch::Type::Exact:
        GatewayApiYaml::set(out, "path", typedValue(QStringLiteral("Exact"), uri.value));
        break;
    case StringMatch::Type::Prefix:
        GatewayApiYaml::set(out, "path", typedValue(QStringLiteral("PathPrefix"), uri.value));
        // Istio's createURIMatch trims a trailing '/' and route.go matches a Gateway API
        // prefix with path_separated_prefix: whole segments only.
        if (uri.value.endsWith(QLatin1Char('/')) && uri.value != QLatin1String("/"))
            m_context.warn(m_resource, uri.valuePos, at,
                QStringLiteral(
                    "prefix %1: a Gateway API PathPrefix ignores the trailing '/', so %2 matches too")
                    .arg(uri.value, uri.value.chopped(1)));
        else if (uri.value != QLatin1String("/"))
            m_context.warn(m_resource, uri.valuePos, at,
                QStringLiteral("prefix %1: a Gateway API PathPrefix matches whole path segments, so %1x no "
                               "longer matches (only %1 and %1/...)")
                    .arg(uri.value));
        break;
    case StringMatch::Type::Regex:
        GatewayApiYaml::set(out, "path", typedValue(QStringLiteral("RegularExpression"), uri.value));
        m_context.warn(m_resource, uri.valuePos, at,
            QStringLiteral("regex path: RegularExpression is implementation-specific in Gateway API (Istio "
                           "keeps RE2 over the whole path) and ranks after every Exact and PathPrefix rule"));
        break;
    case StringMatch::Type::Presence:
        break;
    }
    if (m.rare->ignoreUriCase.value)
        m_context.warn(m_resource, m.rare->ignoreUriCase.pos, path + QStringLiteral(".ignoreUriCase"),
            QStringLiteral(
                "ignoreUriCase: Gateway API paths match case-sensitively; other cases no longer match"));
}

YamlNode RouteMatchConverter::valueMatches(const StringMatchMap &entries, const QString &path, bool headers)
{
    YamlNode out = YamlEdit::sequence();
    for (const Entry<StringMatch> &e : entries) {
        const QString at = path + QLatin1Char('.') + e.key;
        // HTTPHeaderName and HTTPQueryParamName: an RFC 7230 token. Istio's JWT claim
        // conditions (@request.auth.claims.x) and pseudo-headers (:authority) are not.
        static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9!#$%&'*+\\-.^_`|~]+$"));
        if (!token.match(e.key).hasMatch()) {
            const QString what = e.key.startsWith(QStringLiteral("@request.auth.claims"))
                ? QStringLiteral("JWT claim %1: Gateway API cannot match claims")
                : QStringLiteral("%1 is no HTTP token name (Gateway API refuses it)");
            m_context.warn(m_resource, e.keyPos, at,
                what.arg(e.key) + QStringLiteral("; condition dropped, the match is broader"));
            continue;
        }
        QString type = QStringLiteral("Exact");
        QString value = e.value.value;
        if (e.value.type == StringMatch::Type::Regex) {
            type = QStringLiteral("RegularExpression");
        } else if (e.value.type == StringMatch::Type::Prefix) {
            // No prefix type in Gateway API: the same test as an RE2 full match.
            type = QStringLiteral("RegularExpression");
            value = QRegularExpression::escape(value) + QStringLiteral(".*");
        } else if (e.value.type == StringMatch::Type::Presence) {
            type = QStringLiteral("RegularExpression");
            value = QStringLiteral(".*");
        }
        if (type != QLatin1String("Exact") && e.value.type != StringMatch::Type::Regex)
            m_context.warn(m_resource, e.keyPos, at,
                QStringLiteral("%1 %2: written as RegularExpression \"%3\" (Gateway API has no %1 match); "
                               "RegularExpression support is implementation-specific")
                    .arg(StringMatch::typeName(e.value.type), e.key, value));
        GatewayApiYaml::append(out, typedValue(type, value, e.key));
    }
    return out;
}

void RouteMatchConverter::warnUnsupported(const HttpMatchRequest &m, const QString &path)
{
    const auto dropped = [&](const SourcePos &pos, const char *field, const QString &why) {
        m_context.warn(m_resource, pos, path + QLatin1Char('.') + QLatin1String(field),
            QStringLiteral("%1: %2; condition dropped, the match is broader").arg(QLatin1String(field), why));
    };
    if (!m.sourceLabels.isEmpty())
        dropped(m.sourceLabels.first().pos, "sourceLabels",
            QStringLiteral("Gateway API routes do not match the sender"));
    if (!m.rare->sourceNamespace.value.isEmpty())
        dropped(m.rare->sourceNamespace.pos, "sourceNamespace",
            QStringLiteral("Gateway API routes do not match the sender"));
    if (m.port.present)
        dropped(m.port.pos, "port", QStringLiteral("use a parentRef port or sectionName instead"));
    if (!m.gateways.isEmpty())
        dropped(m.gateways.first().pos, "gateways",
            QStringLiteral("a Gateway API rule applies to every parent of its route"));
    if (!m.rare->withoutHeaders.isEmpty())
        dropped(m.rare->withoutHeaders.first().keyPos, "withoutHeaders",
            QStringLiteral("Gateway API has no negative match"));
    if (m.hasScheme)
        dropped(m.scheme->pos, "scheme", QStringLiteral("Gateway API does not match the scheme"));
    if (m.hasAuthority)
        dropped(m.authority->pos, "authority",
            QStringLiteral("match the host with the route's hostnames instead"));
}

} // namespace meshroute
