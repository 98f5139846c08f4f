#include "gatewayapiruleconverter.h"

#include "resource.h"

namespace meshroute {

namespace {

template <typename T> Field<T> written(const T &value, const SourcePos &pos)
{
    Field<T> f;
    f.value = value;
    f.pos = pos;
    f.present = true;
    return f;
}

StringMatch stringMatch(StringMatch::Type type, const QString &value, const SourcePos &pos)
{
    StringMatch sm;
    sm.type = type;
    sm.value = value;
    sm.pos = pos;
    sm.valuePos = pos;
    sm.typeCount = 1;
    return sm;
}

// Header and query matches: Exact unless RegularExpression (the CRD default is Exact).
StringMatch valueMatch(const HttpValueMatch &v)
{
    const bool regex = v.type.value == QLatin1String("RegularExpression");
    return stringMatch(regex ? StringMatch::Type::Regex : StringMatch::Type::Exact, v.value.value, v.pos);
}

// conversion.go createGRPCURIMatch: Exact service+method is an exact path, a
// service alone a prefix "/service/", a method alone or any regex a regex path.
StringMatch grpcPath(const GrpcMethodMatch &g)
{
    const bool regex = g.type.value == QLatin1String("RegularExpression");
    const QString service = g.service.value, method = g.method.value;
    if (!regex) {
        if (g.service.present && g.method.present)
            return stringMatch(
                StringMatch::Type::Exact, QLatin1Char('/') + service + QLatin1Char('/') + method, g.pos);
        if (g.service.present)
            return stringMatch(
                StringMatch::Type::Prefix, QLatin1Char('/') + service + QLatin1Char('/'), g.pos);
        return stringMatch(StringMatch::Type::Regex, QStringLiteral("/[^/]+/") + method, g.pos);
    }
    const QString s = g.service.present ? service : QStringLiteral("[^/]+");
    const QString m = g.method.present ? method : QStringLiteral("[^/]+");
    return stringMatch(StringMatch::Type::Regex, QLatin1Char('/') + s + QLatin1Char('/') + m, g.pos);
}

void addHeaderOperations(const HeaderModifier &mod, HeaderOperations &ops)
{
    ops.present = true;
    ops.pos = mod.pos;
    for (const HttpHeaderValue &h : mod.set)
        ops.set << Entry<QString> { h.name.value, h.name.pos, h.value.value };
    for (const HttpHeaderValue &h : mod.add)
        ops.add << Entry<QString> { h.name.value, h.name.pos, h.value.value };
    for (const Field<QString> &r : mod.remove)
        ops.remove << r;
}

void applyHeaderModifiers(const RouteFilter &f, Rare<Headers> &headers)
{
    if (f.requestHeaderModifier.present) {
        Headers &h = headers.edit();
        h.present = true;
        addHeaderOperations(f.requestHeaderModifier, h.request);
    }
    if (f.responseHeaderModifier.present) {
        Headers &h = headers.edit();
        h.present = true;
        addHeaderOperations(f.responseHeaderModifier, h.response);
    }
}

// conversion.go createRedirectFilter: no port means the request's port, or the
// scheme's default when a scheme is given.
HttpRedirect redirectOf(const RequestRedirect &r, bool applyCrdDefaults)
{
    HttpRedirect out;
    out.present = true;
    out.pos = r.pos;
    if (r.scheme.present)
        out.scheme = r.scheme;
    if (r.hostname.present)
        out.authority = r.hostname;
    if (r.port.present)
        out.port = r.port;
    else
        out.derivePort = written(
            r.scheme.present ? QStringLiteral("FROM_PROTOCOL_DEFAULT") : QStringLiteral("FROM_REQUEST_PORT"),
            r.pos);
    if (r.statusCode.present)
        out.redirectCode = r.statusCode;
    else if (applyCrdDefaults)
        out.redirectCode = written<qint64>(302, r.pos);
    if (r.path.present) {
        if (r.path.type.value == QLatin1String("ReplaceFullPath"))
            out.uri = written(r.path.replaceFullPath.value, r.path.pos);
        else if (r.path.type.value == QLatin1String("ReplacePrefixMatch"))
            out.prefixRewrite = written(r.path.replacePrefixMatch.value, r.path.pos);
    }
    return out;
}

// conversion.go createRewriteFilter: a full path is a regex rewrite of "/.*";
// a prefix replacement of "" is "/", which route.go applies as a regex that
// also eats the separating slash.
HttpRewrite rewriteOf(const UrlRewrite &r)
{
    HttpRewrite out;
    out.present = true;
    out.pos = r.pos;
    if (r.hostname.present)
        out.authority = r.hostname;
    if (r.path.present) {
        if (r.path.type.value == QLatin1String("ReplaceFullPath")) {
            out.uriRegexRewrite.present = true;
            out.uriRegexRewrite.pos = r.path.pos;
            out.uriRegexRewrite.match = written(QStringLiteral("/.*"), r.path.pos);
            out.uriRegexRewrite.rewrite = written(r.path.replaceFullPath.value, r.path.pos);
        } else if (r.path.type.value == QLatin1String("ReplacePrefixMatch")) {
            const QString v = r.path.replacePrefixMatch.value;
            out.uri = written(v.isEmpty() ? QStringLiteral("/") : v, r.path.pos);
        }
    }
    return out;
}

} // namespace

HttpMatchRequest GatewayApiRuleConverter::convertMatch(const Input &in, const RouteMatch &m)
{
    HttpMatchRequest out;
    out.pos = m.pos;
    if (m.path.present) {
        const QString type = m.path.type.valueOr(QStringLiteral("PathPrefix"));
        const QString value = m.path.value.valueOr(QStringLiteral("/"));
        const StringMatch::Type t = type == QLatin1String("Exact") ? StringMatch::Type::Exact
            : type == QLatin1String("RegularExpression")           ? StringMatch::Type::Regex
                                                                   : StringMatch::Type::Prefix;
        out.uri = stringMatch(t, value, m.path.pos);
        out.hasUri = true;
    } else if (m.grpcMethod.present) {
        out.uri = grpcPath(m.grpcMethod);
        out.hasUri = true;
    } else if (in.applyCrdDefaults && in.route->kind == ResourceKind::HTTPRoute) {
        out.uri = stringMatch(StringMatch::Type::Prefix, QStringLiteral("/"), m.pos);
        out.hasUri = true;
    }
    for (const HttpValueMatch &h : m.headers)
        out.headers << Entry<StringMatch> { h.name.value.toLower(), h.name.pos, valueMatch(h) };
    for (const HttpValueMatch &q : m.queryParams)
        out.rare.edit().queryParams << Entry<StringMatch> { q.name.value, q.name.pos, valueMatch(q) };
    if (m.method.present) {
        out.method.edit() = stringMatch(StringMatch::Type::Exact, m.method.value, m.method.pos);
        out.hasMethod = true;
    }
    if (in.meshPort > 0)
        out.port = written<qint64>(in.meshPort, m.pos);
    return out;
}

void GatewayApiRuleConverter::applyFilter(const Input &in, const RouteFilter &f, HttpRoute &out)
{
    applyHeaderModifiers(f, out.headers);
    if (f.requestRedirect.present)
        out.redirect.edit() = redirectOf(f.requestRedirect, in.applyCrdDefaults);
    if (f.urlRewrite.present)
        out.rewrite.edit() = rewriteOf(f.urlRewrite);
    if (f.requestMirror.present && in.resolveMirror) {
        // A mirror Istio cannot resolve is dropped; the rule still routes (conversion.go
        // createMirrorFilter). One to a port the Service lacks is kept.
        const BackendResolution r = in.resolveMirror(f.requestMirror.backendRef);
        if (r.dropsMirror())
            return;
        HttpMirrorPolicy mp;
        mp.pos = f.requestMirror.pos;
        mp.destination.host = written(r.host, f.requestMirror.backendRef.pos);
        if (r.port > 0)
            mp.destination.port.number = written<qint64>(r.port, f.requestMirror.backendRef.pos);
        const RequestMirror &m = f.requestMirror;
        if (m.percent.present || m.fractionNumerator.present) {
            mp.percentage.present = true;
            mp.percentage.value.present = true;
            mp.percentage.value.value = m.percent.present
                ? double(m.percent.value)
                : 100.0 * double(m.fractionNumerator.value) / double(m.fractionDenominator.valueOr(100));
        }
        out.mirrors << mp;
    }
}

// Weight 0 is dropped; one destination carries no weight; a backend Istio
// cannot use keeps its weight as destination {} (or its missing host), which
// Envoy answers with 500. Nothing weighted and no redirect: a direct 500.
void GatewayApiRuleConverter::addDestinations(
    const Input &in, const RouteRule &rule, HttpRoute &out, GatewayApiOrigin *origin)
{
    qint64 weightSum = 0;
    for (int i = 0; i < rule.backendRefs.size(); ++i) {
        const BackendRef &b = rule.backendRefs[i];
        const qint64 weight = b.weight.valueOr(1);
        if (weight <= 0)
            continue;
        weightSum += weight;
        const BackendResolution r = in.backends.value(i);
        HttpRouteDestination d;
        d.pos = b.pos;
        // Istio checks neither that the Service exists nor that it has the port
        // (buildDestination): those keep their host and port, a cluster that may not exist.
        const bool keepsHost = r.ok() || r.status == BackendResolution::Status::ServiceNotFound
            || r.status == BackendResolution::Status::PortNotFound;
        if (keepsHost && !r.host.isEmpty())
            d.destination.host = written(r.host, b.ref.name.pos);
        if (keepsHost && r.port > 0)
            d.destination.port.number = written<qint64>(r.port, b.ref.port.pos);
        d.destination.pos = b.pos;
        d.weight = written(weight, b.weight.present ? b.weight.pos : b.pos);
        for (const RouteFilter &f : b.filters)
            applyHeaderModifiers(f, d.headers);
        out.route << d;
        origin->backendRefs << i;
    }
    out.hasRoute = !out.route.isEmpty();
    if (out.route.size() == 1)
        out.route[0].weight = {};
    if (weightSum == 0) {
        out.route.clear();
        origin->backendRefs.clear();
        out.hasRoute = false;
        HttpDirectResponse &dr = out.directResponse.edit();
        dr.present = true;
        dr.status = written<qint64>(500, rule.pos);
        dr.pos = rule.pos;
    }
}

HttpRoute GatewayApiRuleConverter::convert(const Input &in, GatewayApiOrigin *origin)
{
    const RouteRule &rule = in.route->gatewayApiRoute()->rules[in.ruleIndex];
    origin->routeId = in.route->id;
    origin->ruleIndex = in.ruleIndex;
    origin->matchIndex = in.matchIndex;
    HttpRoute out;
    out.pos = in.matchIndex >= 0 ? rule.matches[in.matchIndex].pos : rule.pos;
    out.name = rule.name.present
        ? rule.name
        : written(
            QStringLiteral("%1.%2.%3").arg(in.route->namespaceName(), in.route->name()).arg(in.ruleIndex),
            rule.pos);
    if (in.matchIndex >= 0) {
        out.match << convertMatch(in, rule.matches[in.matchIndex]);
    } else if ((in.applyCrdDefaults && in.route->kind == ResourceKind::HTTPRoute) || in.meshPort > 0) {
        RouteMatch none;
        none.pos = rule.pos;
        out.match << convertMatch(in, none);
    }
    out.hasMatch = !out.match.isEmpty();
    for (const RouteFilter &f : rule.filters)
        applyFilter(in, f, out);
    if (rule.timeouts.present) {
        if (rule.timeouts.request.present)
            out.timeout = rule.timeouts.request;
        if (rule.timeouts.backendRequest.present)
            out.timeout = rule.timeouts.backendRequest; // replaces the request timeout, as Istio does
    }
    if (rule.retry.present && rule.retry.attempts.present) {
        HttpRetry &r = out.retries.edit();
        r.present = true;
        r.attempts = rule.retry.attempts;
        r.pos = rule.retry.pos;
    }
    if (!out.redirect->present)
        addDestinations(in, rule, out, origin);
    return out;
}

} // namespace meshroute
