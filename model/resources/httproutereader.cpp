#include "httproutereader.h"

#include "mapreader.h"

namespace meshroute {

using Severity = Diagnostic::Severity;

HttpRoute HttpRouteReader::read(const YamlNode &n, const FieldPath &path)
{
    HttpRoute h;
    h.pos = m_reader.pos(n);
    MapReader r(m_reader, n, QStringLiteral("HTTPRoute"), path);
    r.field("name", [&](const YamlNode &v, const FieldPath &p) { h.name = string(v, p); });
    r.field("match", [&](const YamlNode &v, const FieldPath &p) {
        h.hasMatch = true;
        h.match.reserve(qsizetype(v.children.size()));
        list(
            v, p, [&](const YamlNode &item, const FieldPath &ip) { h.match.append(matchRequest(item, ip)); });
    });
    r.field("route", [&](const YamlNode &v, const FieldPath &p) {
        h.hasRoute = true;
        h.route.reserve(qsizetype(v.children.size()));
        list(v, p, [&](const YamlNode &item, const FieldPath &ip) {
            h.route.append(httpRouteDestination(item, ip));
        });
    });
    r.field("redirect", [&](const YamlNode &v, const FieldPath &p) { h.redirect.edit() = redirect(v, p); });
    r.field("directResponse",
        [&](const YamlNode &v, const FieldPath &p) { h.directResponse.edit() = directResponse(v, p); });
    r.field("delegate", [&](const YamlNode &v, const FieldPath &p) { h.delegate.edit() = delegate(v, p); });
    r.field("rewrite", [&](const YamlNode &v, const FieldPath &p) { h.rewrite.edit() = rewrite(v, p); });
    r.field("timeout", [&](const YamlNode &v, const FieldPath &p) { h.timeout = string(v, p); });
    r.field("retries", [&](const YamlNode &v, const FieldPath &p) { h.retries.edit() = retries(v, p); });
    r.field("fault", [&](const YamlNode &v, const FieldPath &p) { h.fault.edit() = fault(v, p); });
    r.field("mirror", [&](const YamlNode &v, const FieldPath &p) {
        h.mirror.edit() = destination(v, p);
        h.hasMirror = true;
    });
    r.field("mirrors", [&](const YamlNode &v, const FieldPath &p) {
        list(v, p,
            [&](const YamlNode &item, const FieldPath &ip) { h.mirrors.append(mirrorPolicy(item, ip)); });
    });
    r.field("mirrorPercentage",
        [&](const YamlNode &v, const FieldPath &p) { h.mirrorPercentage.edit() = percent(v, p); });
    r.field("mirrorPercent", [&](const YamlNode &v, const FieldPath &p) { h.mirrorPercent = integer(v, p); });
    r.field(
        "corsPolicy", [&](const YamlNode &v, const FieldPath &p) { h.corsPolicy.edit() = corsPolicy(v, p); });
    r.field("headers", [&](const YamlNode &v, const FieldPath &p) { h.headers.edit() = headers(v, p); });
    r.known({ "websocketUpgrade", "appendHeaders", "removeResponseHeaders", "appendResponseHeaders",
        "appendRequestHeaders", "removeRequestHeaders" });
    return h;
}

HttpRouteDestination HttpRouteReader::httpRouteDestination(const YamlNode &item, const FieldPath &ip)
{
    HttpRouteDestination d;
    d.pos = m_reader.pos(item);
    MapReader dr(m_reader, item, QStringLiteral("HTTPRouteDestination"), ip);
    dr.field(
        "destination", [&](const YamlNode &dv, const FieldPath &dp) { d.destination = destination(dv, dp); });
    dr.field("weight", [&](const YamlNode &dv, const FieldPath &dp) { d.weight = int32(dv, dp); });
    dr.field("headers", [&](const YamlNode &dv, const FieldPath &dp) { d.headers.edit() = headers(dv, dp); });
    return d;
}

HttpRedirect HttpRouteReader::redirect(const YamlNode &v, const FieldPath &p)
{
    HttpRedirect x;
    x.pos = m_reader.pos(v);
    x.present = true;
    MapReader rr(m_reader, v, QStringLiteral("HTTPRedirect"), p);
    rr.field("uri", [&](const YamlNode &f, const FieldPath &fp) { x.uri = string(f, fp); });
    rr.field("authority", [&](const YamlNode &f, const FieldPath &fp) { x.authority = string(f, fp); });
    rr.field("port", [&](const YamlNode &f, const FieldPath &fp) { x.port = integer(f, fp); });
    rr.field("derivePort", [&](const YamlNode &f, const FieldPath &fp) { x.derivePort = string(f, fp); });
    rr.field("scheme", [&](const YamlNode &f, const FieldPath &fp) { x.scheme = string(f, fp); });
    rr.field(
        "redirectCode", [&](const YamlNode &f, const FieldPath &fp) { x.redirectCode = integer(f, fp); });
    rr.field(
        "prefixRewrite", [&](const YamlNode &f, const FieldPath &fp) { x.prefixRewrite = string(f, fp); });
    return x;
}

HttpDirectResponse HttpRouteReader::directResponse(const YamlNode &v, const FieldPath &p)
{
    HttpDirectResponse x;
    x.pos = m_reader.pos(v);
    x.present = true;
    MapReader rr(m_reader, v, QStringLiteral("HTTPDirectResponse"), p);
    rr.field("status", [&](const YamlNode &f, const FieldPath &fp) { x.status = integer(f, fp); });
    rr.field("body", [&](const YamlNode &f, const FieldPath &fp) {
        MapReader br(m_reader, f, QStringLiteral("HTTPBody"), fp);
        br.field("string", [&](const YamlNode &b, const FieldPath &bp) { x.bodyString = string(b, bp); });
        br.field("bytes", [&](const YamlNode &b, const FieldPath &bp) { x.bodyBytes = string(b, bp); });
    });
    return x;
}

Delegate HttpRouteReader::delegate(const YamlNode &v, const FieldPath &p)
{
    Delegate x;
    x.pos = m_reader.pos(v);
    x.present = true;
    MapReader rr(m_reader, v, QStringLiteral("Delegate"), p);
    rr.field("name", [&](const YamlNode &f, const FieldPath &fp) { x.name = string(f, fp); });
    rr.field("namespace", [&](const YamlNode &f, const FieldPath &fp) { x.namespace_ = string(f, fp); });
    return x;
}

HttpRewrite HttpRouteReader::rewrite(const YamlNode &v, const FieldPath &p)
{
    HttpRewrite x;
    x.pos = m_reader.pos(v);
    x.present = true;
    MapReader rr(m_reader, v, QStringLiteral("HTTPRewrite"), p);
    rr.field("uri", [&](const YamlNode &f, const FieldPath &fp) { x.uri = string(f, fp); });
    rr.field("authority", [&](const YamlNode &f, const FieldPath &fp) { x.authority = string(f, fp); });
    rr.field("uriRegexRewrite", [&](const YamlNode &f, const FieldPath &fp) {
        x.uriRegexRewrite.present = true;
        x.uriRegexRewrite.pos = m_reader.pos(f);
        MapReader gr(m_reader, f, QStringLiteral("RegexRewrite"), fp);
        gr.field("match",
            [&](const YamlNode &g, const FieldPath &gp) { x.uriRegexRewrite.match = string(g, gp); });
        gr.field("rewrite",
            [&](const YamlNode &g, const FieldPath &gp) { x.uriRegexRewrite.rewrite = string(g, gp); });
    });
    return x;
}

HttpRetry HttpRouteReader::retries(const YamlNode &v, const FieldPath &p)
{
    HttpRetry x;
    x.pos = m_reader.pos(v);
    x.present = true;
    MapReader rr(m_reader, v, QStringLiteral("HTTPRetry"), p);
    rr.field("attempts", [&](const YamlNode &f, const FieldPath &fp) { x.attempts = integer(f, fp); });
    rr.field(
        "perTryTimeout", [&](const YamlNode &f, const FieldPath &fp) { x.perTryTimeout = string(f, fp); });
    rr.field("retryOn", [&](const YamlNode &f, const FieldPath &fp) { x.retryOn = string(f, fp); });
    rr.field("retryRemoteLocalities",
        [&](const YamlNode &f, const FieldPath &fp) { x.retryRemoteLocalities = boolean(f, fp); });
    rr.field("retryIgnorePreviousHosts",
        [&](const YamlNode &f, const FieldPath &fp) { x.retryIgnorePreviousHosts = boolean(f, fp); });
    rr.field("backoff", [&](const YamlNode &f, const FieldPath &fp) { x.backoff = string(f, fp); });
    return x;
}

HttpFaultInjection HttpRouteReader::fault(const YamlNode &v, const FieldPath &p)
{
    HttpFaultInjection x;
    x.pos = m_reader.pos(v);
    x.present = true;
    MapReader rr(m_reader, v, QStringLiteral("HTTPFaultInjection"), p);
    rr.field("delay", [&](const YamlNode &f, const FieldPath &fp) {
        x.delay.present = true;
        x.delay.pos = m_reader.pos(f);
        MapReader dr(m_reader, f, QStringLiteral("Delay"), fp);
        dr.field("fixedDelay",
            [&](const YamlNode &g, const FieldPath &gp) { x.delay.fixedDelay = string(g, gp); });
        dr.field("exponentialDelay",
            [&](const YamlNode &g, const FieldPath &gp) { x.delay.exponentialDelay = string(g, gp); });
        dr.field("percentage",
            [&](const YamlNode &g, const FieldPath &gp) { x.delay.percentage = percent(g, gp); });
        dr.field(
            "percent", [&](const YamlNode &g, const FieldPath &gp) { x.delay.percent = integer(g, gp); });
    });
    rr.field("abort", [&](const YamlNode &f, const FieldPath &fp) {
        x.abort.present = true;
        x.abort.pos = m_reader.pos(f);
        MapReader ar(m_reader, f, QStringLiteral("Abort"), fp);
        ar.field("httpStatus",
            [&](const YamlNode &g, const FieldPath &gp) { x.abort.httpStatus = integer(g, gp); });
        ar.field("grpcStatus",
            [&](const YamlNode &g, const FieldPath &gp) { x.abort.grpcStatus = string(g, gp); });
        ar.field("http2Error",
            [&](const YamlNode &g, const FieldPath &gp) { x.abort.http2Error = string(g, gp); });
        ar.field("percentage",
            [&](const YamlNode &g, const FieldPath &gp) { x.abort.percentage = percent(g, gp); });
    });
    return x;
}

HttpMirrorPolicy HttpRouteReader::mirrorPolicy(const YamlNode &item, const FieldPath &ip)
{
    HttpMirrorPolicy m;
    m.pos = m_reader.pos(item);
    MapReader mr(m_reader, item, QStringLiteral("HTTPMirrorPolicy"), ip);
    mr.field(
        "destination", [&](const YamlNode &f, const FieldPath &fp) { m.destination = destination(f, fp); });
    mr.field("percentage", [&](const YamlNode &f, const FieldPath &fp) { m.percentage = percent(f, fp); });
    return m;
}

CorsPolicy HttpRouteReader::corsPolicy(const YamlNode &v, const FieldPath &p)
{
    CorsPolicy c;
    c.present = true;
    c.pos = m_reader.pos(v);
    MapReader cr(m_reader, v, QStringLiteral("CorsPolicy"), p);
    cr.field("allowOrigins", [&](const YamlNode &f, const FieldPath &fp) {
        list(f, fp,
            [&](const YamlNode &item, const FieldPath &ip) { c.allowOrigins.append(stringMatch(item, ip)); });
    });
    cr.field("allowOrigin", [&](const YamlNode &f, const FieldPath &fp) { c.allowOrigin = strings(f, fp); });
    cr.field(
        "allowMethods", [&](const YamlNode &f, const FieldPath &fp) { c.allowMethods = strings(f, fp); });
    cr.field(
        "allowHeaders", [&](const YamlNode &f, const FieldPath &fp) { c.allowHeaders = strings(f, fp); });
    cr.field(
        "exposeHeaders", [&](const YamlNode &f, const FieldPath &fp) { c.exposeHeaders = strings(f, fp); });
    cr.field("maxAge", [&](const YamlNode &f, const FieldPath &fp) { c.maxAge = string(f, fp); });
    cr.field("allowCredentials",
        [&](const YamlNode &f, const FieldPath &fp) { c.allowCredentials = boolean(f, fp); });
    cr.field("unmatchedPreflights",
        [&](const YamlNode &f, const FieldPath &fp) { c.unmatchedPreflights = string(f, fp); });
    return c;
}

HttpMatchRequest HttpRouteReader::matchRequest(const YamlNode &n, const FieldPath &path)
{
    HttpMatchRequest m;
    m.pos = m_reader.pos(n);
    MapReader r(m_reader, n, QStringLiteral("HTTPMatchRequest"), path);
    r.field("name", [&](const YamlNode &v, const FieldPath &p) { m.rare.edit().name = string(v, p); });
    r.field("uri", [&](const YamlNode &v, const FieldPath &p) {
        m.uri = stringMatch(v, p);
        m.hasUri = true;
    });
    r.field("scheme", [&](const YamlNode &v, const FieldPath &p) {
        m.scheme.edit() = stringMatch(v, p);
        m.hasScheme = true;
    });
    r.field("method", [&](const YamlNode &v, const FieldPath &p) {
        m.method.edit() = stringMatch(v, p);
        m.hasMethod = true;
    });
    r.field("authority", [&](const YamlNode &v, const FieldPath &p) {
        m.authority.edit() = stringMatch(v, p);
        m.hasAuthority = true;
    });
    r.field("headers", [&](const YamlNode &v, const FieldPath &p) { m.headers = stringMatchMap(v, p); });
    r.field("withoutHeaders",
        [&](const YamlNode &v, const FieldPath &p) { m.rare.edit().withoutHeaders = stringMatchMap(v, p); });
    r.field("queryParams",
        [&](const YamlNode &v, const FieldPath &p) { m.rare.edit().queryParams = stringMatchMap(v, p); });
    r.field("port", [&](const YamlNode &v, const FieldPath &p) { m.port = integer(v, p); });
    r.field("sourceLabels", [&](const YamlNode &v, const FieldPath &p) { m.sourceLabels = labels(v, p); });
    r.field("gateways", [&](const YamlNode &v, const FieldPath &p) { m.gateways = strings(v, p); });
    r.field("ignoreUriCase",
        [&](const YamlNode &v, const FieldPath &p) { m.rare.edit().ignoreUriCase = boolean(v, p); });
    r.field("sourceNamespace",
        [&](const YamlNode &v, const FieldPath &p) { m.rare.edit().sourceNamespace = string(v, p); });
    r.field("statPrefix",
        [&](const YamlNode &v, const FieldPath &p) { m.rare.edit().statPrefix = string(v, p); });
    return m;
}

StringMatch HttpRouteReader::stringMatch(const YamlNode &n, const FieldPath &path, const char *typeName)
{
    StringMatch m;
    m.pos = m_reader.pos(n);
    MapReader r(m_reader, n, QString::fromLatin1(typeName), path);
    auto take = [&](StringMatch::Type t) {
        return [&, t](const YamlNode &v, const FieldPath &p) {
            Field<QString> f = string(v, p);
            ++m.typeCount;
            if (f.present && m.typeCount == 1) {
                m.type = t;
                m.value = f.value;
                m.valuePos = f.pos;
            }
        };
    };
    r.field("exact", take(StringMatch::Type::Exact));
    r.field("prefix", take(StringMatch::Type::Prefix));
    r.field("regex", take(StringMatch::Type::Regex));
    return m;
}

StringMatchMap HttpRouteReader::stringMatchMap(const YamlNode &n, const FieldPath &path)
{
    StringMatchMap out;
    if (isNullScalar(n))
        return out;
    if (!n.isMapping()) {
        m_reader.report(Severity::Error, ResourceReader::CodeWrongType, n, path,
            QStringLiteral("%1 must be a mapping of names to StringMatch, got %2")
                .arg(path.toString(), describeNode(n)));
        return out;
    }
    for (std::size_t i = 0; i + 1 < n.children.size(); i += 2) {
        const QString key = m_reader.text(n.children[i].value);
        Entry<StringMatch> e { key, m_reader.pos(n.children[i]), {} };
        const FieldPath p(&path, &key);
        e.value = stringMatch(n.children[i + 1], p);
        if (!e.value.pos.isValid())
            e.value.pos = e.keyPos;
        out.append(e);
    }
    return out;
}

HeaderOperations HttpRouteReader::headerOperations(const YamlNode &n, const FieldPath &path)
{
    HeaderOperations h;
    h.pos = m_reader.pos(n);
    h.present = true;
    MapReader r(m_reader, n, QStringLiteral("HeaderOperations"), path);
    r.field("set", [&](const YamlNode &v, const FieldPath &p) { h.set = stringEntries(v, p); });
    r.field("add", [&](const YamlNode &v, const FieldPath &p) { h.add = stringEntries(v, p); });
    r.field("remove", [&](const YamlNode &v, const FieldPath &p) { h.remove = strings(v, p); });
    return h;
}

Headers HttpRouteReader::headers(const YamlNode &n, const FieldPath &path)
{
    Headers h;
    h.pos = m_reader.pos(n);
    h.present = true;
    MapReader r(m_reader, n, QStringLiteral("Headers"), path);
    r.field("request", [&](const YamlNode &v, const FieldPath &p) { h.request = headerOperations(v, p); });
    r.field("response", [&](const YamlNode &v, const FieldPath &p) { h.response = headerOperations(v, p); });
    return h;
}

Percent HttpRouteReader::percent(const YamlNode &n, const FieldPath &path)
{
    Percent pc;
    pc.pos = m_reader.pos(n);
    pc.present = true;
    MapReader r(m_reader, n, QStringLiteral("Percent"), path);
    r.field("value", [&](const YamlNode &v, const FieldPath &p) { pc.value = number(v, p); });
    return pc;
}

} // namespace meshroute
