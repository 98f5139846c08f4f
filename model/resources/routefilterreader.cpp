#include "routefilterreader.h"

#include "mapreader.h"

namespace meshroute {

RouteFilter RouteFilterReader::read(const YamlNode &n, const FieldPath &path)
{
    RouteFilter f;
    f.pos = m_reader.pos(n);
    MapReader r(
        m_reader, n, m_grpc ? QStringLiteral("GRPCRouteFilter") : QStringLiteral("HTTPRouteFilter"), path);
    r.field("type", [&](const YamlNode &v, const FieldPath &p) { f.type = string(v, p); });
    r.field("requestHeaderModifier",
        [&](const YamlNode &v, const FieldPath &p) { f.requestHeaderModifier = headerModifier(v, p); });
    r.field("responseHeaderModifier",
        [&](const YamlNode &v, const FieldPath &p) { f.responseHeaderModifier = headerModifier(v, p); });
    r.field("requestMirror",
        [&](const YamlNode &v, const FieldPath &p) { f.requestMirror = requestMirror(v, p); });
    r.field("extensionRef", [&](const YamlNode &v, const FieldPath &p) {
        f.extensionRef = objectReference(v, p, QStringLiteral("LocalObjectReference"), false, false);
    });
    if (!m_grpc) {
        r.field("requestRedirect",
            [&](const YamlNode &v, const FieldPath &p) { f.requestRedirect = requestRedirect(v, p); });
        r.field(
            "urlRewrite", [&](const YamlNode &v, const FieldPath &p) { f.urlRewrite = urlRewrite(v, p); });
        r.field("cors", [&](const YamlNode &v, const FieldPath &p) { f.cors = cors(v, p); });
        // Experimental in v1.6 (HTTPExternalAuthFilter); not interpreted.
        r.known({ "externalAuth" });
    }
    return f;
}

QList<RouteFilter> RouteFilterReader::readList(const YamlNode &n, const FieldPath &path)
{
    QList<RouteFilter> out;
    list(n, path, [&](const YamlNode &item, const FieldPath &ip) { out.append(read(item, ip)); });
    return out;
}

HeaderModifier RouteFilterReader::headerModifier(const YamlNode &n, const FieldPath &path)
{
    HeaderModifier h;
    h.pos = m_reader.pos(n);
    h.present = true;
    MapReader r(m_reader, n, QStringLiteral("HTTPHeaderFilter"), path);
    r.field("set", [&](const YamlNode &v, const FieldPath &p) { h.set = headerValues(v, p); });
    r.field("add", [&](const YamlNode &v, const FieldPath &p) { h.add = headerValues(v, p); });
    r.field("remove", [&](const YamlNode &v, const FieldPath &p) { h.remove = strings(v, p); });
    return h;
}

PathModifier RouteFilterReader::pathModifier(const YamlNode &n, const FieldPath &path)
{
    PathModifier m;
    m.pos = m_reader.pos(n);
    m.present = true;
    MapReader r(m_reader, n, QStringLiteral("HTTPPathModifier"), path);
    r.field("type", [&](const YamlNode &v, const FieldPath &p) { m.type = string(v, p); });
    r.field(
        "replaceFullPath", [&](const YamlNode &v, const FieldPath &p) { m.replaceFullPath = string(v, p); });
    r.field("replacePrefixMatch",
        [&](const YamlNode &v, const FieldPath &p) { m.replacePrefixMatch = string(v, p); });
    return m;
}

RequestRedirect RouteFilterReader::requestRedirect(const YamlNode &n, const FieldPath &path)
{
    RequestRedirect x;
    x.pos = m_reader.pos(n);
    x.present = true;
    MapReader r(m_reader, n, QStringLiteral("HTTPRequestRedirectFilter"), path);
    r.field("scheme", [&](const YamlNode &v, const FieldPath &p) { x.scheme = string(v, p); });
    r.field("hostname", [&](const YamlNode &v, const FieldPath &p) { x.hostname = string(v, p); });
    r.field("path", [&](const YamlNode &v, const FieldPath &p) { x.path = pathModifier(v, p); });
    r.field("port", [&](const YamlNode &v, const FieldPath &p) { x.port = int32(v, p); });
    r.field("statusCode", [&](const YamlNode &v, const FieldPath &p) { x.statusCode = integer(v, p); });
    return x;
}

UrlRewrite RouteFilterReader::urlRewrite(const YamlNode &n, const FieldPath &path)
{
    UrlRewrite x;
    x.pos = m_reader.pos(n);
    x.present = true;
    MapReader r(m_reader, n, QStringLiteral("HTTPURLRewriteFilter"), path);
    r.field("hostname", [&](const YamlNode &v, const FieldPath &p) { x.hostname = string(v, p); });
    r.field("path", [&](const YamlNode &v, const FieldPath &p) { x.path = pathModifier(v, p); });
    return x;
}

RequestMirror RouteFilterReader::requestMirror(const YamlNode &n, const FieldPath &path)
{
    RequestMirror x;
    x.pos = m_reader.pos(n);
    x.present = true;
    MapReader r(m_reader, n, QStringLiteral("HTTPRequestMirrorFilter"), path);
    r.field("backendRef", [&](const YamlNode &v, const FieldPath &p) {
        x.backendRef = objectReference(v, p, QStringLiteral("BackendObjectReference"));
    });
    r.field("percent", [&](const YamlNode &v, const FieldPath &p) { x.percent = int32(v, p); });
    r.field("fraction", [&](const YamlNode &v, const FieldPath &p) {
        MapReader fr(m_reader, v, QStringLiteral("Fraction"), p);
        fr.field(
            "numerator", [&](const YamlNode &f, const FieldPath &fp) { x.fractionNumerator = int32(f, fp); });
        fr.field("denominator",
            [&](const YamlNode &f, const FieldPath &fp) { x.fractionDenominator = int32(f, fp); });
    });
    return x;
}

HttpCorsFilter RouteFilterReader::cors(const YamlNode &n, const FieldPath &path)
{
    HttpCorsFilter c;
    c.pos = m_reader.pos(n);
    c.present = true;
    MapReader r(m_reader, n, QStringLiteral("HTTPCORSFilter"), path);
    r.field("allowOrigins", [&](const YamlNode &v, const FieldPath &p) { c.allowOrigins = strings(v, p); });
    r.field("allowMethods", [&](const YamlNode &v, const FieldPath &p) { c.allowMethods = strings(v, p); });
    r.field("allowHeaders", [&](const YamlNode &v, const FieldPath &p) { c.allowHeaders = strings(v, p); });
    r.field("exposeHeaders", [&](const YamlNode &v, const FieldPath &p) { c.exposeHeaders = strings(v, p); });
    r.field("allowCredentials",
        [&](const YamlNode &v, const FieldPath &p) { c.allowCredentials = boolean(v, p); });
    r.field("maxAge", [&](const YamlNode &v, const FieldPath &p) { c.maxAge = int32(v, p); });
    return c;
}

} // namespace meshroute
