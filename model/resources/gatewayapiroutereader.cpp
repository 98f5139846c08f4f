#include "gatewayapiroutereader.h"

#include "mapreader.h"
#include "routefilterreader.h"

namespace meshroute {

QString GatewayApiRouteReader::typeName(const char *suffix) const
{
    const char *prefix = m_kind == ResourceKind::HTTPRoute ? "HTTPRoute"
        : m_kind == ResourceKind::GRPCRoute                ? "GRPCRoute"
        : m_kind == ResourceKind::TCPRoute                 ? "TCPRoute"
                                                           : "TLSRoute";
    return QLatin1String(prefix) + QLatin1String(suffix);
}

GatewayApiRoute GatewayApiRouteReader::read(const YamlNode &n, const FieldPath &path)
{
    GatewayApiRoute route;
    route.specPos = m_reader.pos(n);
    MapReader r(m_reader, n, typeName("Spec"), path);
    r.field("parentRefs",
        [&](const YamlNode &v, const FieldPath &p) { route.parentRefs = parentReferences(v, p); });
    if (m_kind != ResourceKind::TCPRoute)
        r.field("hostnames", [&](const YamlNode &v, const FieldPath &p) { route.hostnames = strings(v, p); });
    r.field("rules", [&](const YamlNode &v, const FieldPath &p) {
        list(v, p, [&](const YamlNode &item, const FieldPath &ip) { route.rules.append(rule(item, ip)); });
    });
    // Experimental (GEP-3793): attach to the default Gateways; not interpreted.
    r.known({ "useDefaultGateways" });
    return route;
}

RouteRule GatewayApiRouteReader::rule(const YamlNode &n, const FieldPath &path)
{
    RouteRule rule;
    rule.pos = m_reader.pos(n);
    MapReader r(m_reader, n, typeName("Rule"), path);
    r.field("name", [&](const YamlNode &v, const FieldPath &p) { rule.name = string(v, p); });
    r.field("backendRefs", [&](const YamlNode &v, const FieldPath &p) {
        rule.backendRefsWritten = true;
        list(v, p, [&](const YamlNode &item, const FieldPath &ip) {
            rule.backendRefs.append(backendRef(item, ip));
        });
    });
    if (isHttp() || isGrpc()) {
        r.field("matches", [&](const YamlNode &v, const FieldPath &p) {
            rule.matchesWritten = true;
            list(v, p,
                [&](const YamlNode &item, const FieldPath &ip) { rule.matches.append(match(item, ip)); });
        });
        r.field("filters", [&](const YamlNode &v, const FieldPath &p) {
            rule.filters = RouteFilterReader(m_reader, isGrpc()).readList(v, p);
        });
        // Experimental (session affinity); not interpreted.
        r.known({ "sessionPersistence" });
    }
    if (isHttp()) {
        r.field("timeouts", [&](const YamlNode &v, const FieldPath &p) { rule.timeouts = timeouts(v, p); });
        r.field("retry", [&](const YamlNode &v, const FieldPath &p) { rule.retry = retry(v, p); });
    }
    return rule;
}

RouteMatch GatewayApiRouteReader::match(const YamlNode &n, const FieldPath &path)
{
    RouteMatch m;
    m.pos = m_reader.pos(n);
    MapReader r(m_reader, n, typeName("Match"), path);
    if (isGrpc()) {
        r.field("headers", [&](const YamlNode &v, const FieldPath &p) {
            m.headers = valueMatches(v, p, QStringLiteral("GRPCHeaderMatch"));
        });
        r.field("method", [&](const YamlNode &v, const FieldPath &p) { m.grpcMethod = grpcMethod(v, p); });
        return m;
    }
    r.field("path", [&](const YamlNode &v, const FieldPath &p) { m.path = pathMatch(v, p); });
    r.field("headers", [&](const YamlNode &v, const FieldPath &p) {
        m.headers = valueMatches(v, p, QStringLiteral("HTTPHeaderMatch"));
    });
    r.field("queryParams", [&](const YamlNode &v, const FieldPath &p) {
        m.queryParams = valueMatches(v, p, QStringLiteral("HTTPQueryParamMatch"));
    });
    r.field("method", [&](const YamlNode &v, const FieldPath &p) { m.method = string(v, p); });
    return m;
}

HttpPathMatch GatewayApiRouteReader::pathMatch(const YamlNode &n, const FieldPath &path)
{
    HttpPathMatch m;
    m.pos = m_reader.pos(n);
    m.present = true;
    MapReader r(m_reader, n, QStringLiteral("HTTPPathMatch"), path);
    r.field("type", [&](const YamlNode &v, const FieldPath &p) { m.type = string(v, p); });
    r.field("value", [&](const YamlNode &v, const FieldPath &p) { m.value = string(v, p); });
    return m;
}

HttpValueMatch GatewayApiRouteReader::valueMatch(
    const YamlNode &n, const FieldPath &path, const QString &type)
{
    HttpValueMatch m;
    m.pos = m_reader.pos(n);
    MapReader r(m_reader, n, type, path);
    r.field("type", [&](const YamlNode &v, const FieldPath &p) { m.type = string(v, p); });
    r.field("name", [&](const YamlNode &v, const FieldPath &p) { m.name = string(v, p); });
    r.field("value", [&](const YamlNode &v, const FieldPath &p) { m.value = string(v, p); });
    return m;
}

QList<HttpValueMatch> GatewayApiRouteReader::valueMatches(
    const YamlNode &n, const FieldPath &path, const QString &type)
{
    QList<HttpValueMatch> out;
    list(n, path, [&](const YamlNode &item, const FieldPath &ip) { out.append(valueMatch(item, ip, type)); });
    return out;
}

GrpcMethodMatch GatewayApiRouteReader::grpcMethod(const YamlNode &n, const FieldPath &path)
{
    GrpcMethodMatch m;
    m.pos = m_reader.pos(n);
    m.present = true;
    MapReader r(m_reader, n, QStringLiteral("GRPCMethodMatch"), path);
    r.field("type", [&](const YamlNode &v, const FieldPath &p) { m.type = string(v, p); });
    r.field("service", [&](const YamlNode &v, const FieldPath &p) { m.service = string(v, p); });
    r.field("method", [&](const YamlNode &v, const FieldPath &p) { m.method = string(v, p); });
    return m;
}

BackendRef GatewayApiRouteReader::backendRef(const YamlNode &n, const FieldPath &path)
{
    BackendRef b;
    b.pos = m_reader.pos(n);
    b.ref.pos = b.pos;
    const QString type = isHttp() ? QStringLiteral("HTTPBackendRef")
        : isGrpc()                ? QStringLiteral("GRPCBackendRef")
                                  : QStringLiteral("BackendRef");
    MapReader r(m_reader, n, type, path);
    backendObjectFields(r, b.ref);
    r.field("weight", [&](const YamlNode &v, const FieldPath &p) { b.weight = int32(v, p); });
    if (isHttp() || isGrpc())
        r.field("filters", [&](const YamlNode &v, const FieldPath &p) {
            b.filters = RouteFilterReader(m_reader, isGrpc()).readList(v, p);
        });
    return b;
}

HttpRouteTimeouts GatewayApiRouteReader::timeouts(const YamlNode &n, const FieldPath &path)
{
    HttpRouteTimeouts t;
    t.pos = m_reader.pos(n);
    t.present = true;
    MapReader r(m_reader, n, QStringLiteral("HTTPRouteTimeouts"), path);
    r.field("request", [&](const YamlNode &v, const FieldPath &p) { t.request = string(v, p); });
    r.field(
        "backendRequest", [&](const YamlNode &v, const FieldPath &p) { t.backendRequest = string(v, p); });
    return t;
}

// Experimental in v1.6 (HTTPRouteRetry, GEP-1731); Istio reads it in conversion.go (createRetryPolicy).
HttpRouteRetry GatewayApiRouteReader::retry(const YamlNode &n, const FieldPath &path)
{
    HttpRouteRetry t;
    t.pos = m_reader.pos(n);
    t.present = true;
    MapReader r(m_reader, n, QStringLiteral("HTTPRouteRetry"), path);
    r.field("codes", [&](const YamlNode &v, const FieldPath &p) {
        list(v, p, [&](const YamlNode &item, const FieldPath &ip) {
            const Field<qint64> code = integer(item, ip);
            if (code.present)
                t.codes.append(code);
        });
    });
    r.field("attempts", [&](const YamlNode &v, const FieldPath &p) { t.attempts = integer(v, p); });
    r.field("backoff", [&](const YamlNode &v, const FieldPath &p) { t.backoff = string(v, p); });
    return t;
}

} // namespace meshroute
