#include "gatewayapiroutevalidator.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "gatewayapifieldchecks.h"
#include "gatewayapifiltervalidator.h"
#include "gatewayapipatterns.h"
#include "resource.h"

namespace meshroute {

namespace {

using P = GatewayApiPatterns;
using Owner = GatewayApiFilterValidator::Owner;

QString at(const QString &path, int i)
{
    return path + QStringLiteral("[%1]").arg(i);
}

template <typename T> SourcePos extraPos(const QList<T> &list, qsizetype limit, const SourcePos &fallback)
{
    return list.size() > limit ? list.at(limit).pos : fallback;
}

// Two parentRefs name the same parent when group, kind, name and namespace agree after the
// defaults, the namespace compared as the CEL rule does (both unset or empty, or both equal).
bool sameParent(const ParentReference &a, const ParentReference &b)
{
    const QString gw = QStringLiteral("gateway.networking.k8s.io");
    const QString kind = QStringLiteral("Gateway");
    const bool aNs = !a.namespace_.valueOr(QString()).isEmpty();
    const bool bNs = !b.namespace_.valueOr(QString()).isEmpty();
    return a.group.valueOr(gw) == b.group.valueOr(gw) && a.kind.valueOr(kind) == b.kind.valueOr(kind)
        && a.name.value == b.name.value && aNs == bNs && (!aNs || a.namespace_.value == b.namespace_.value);
}

// Two references to one parent on different ports (port set on both): the standard channel's CRD
// rejects them (its rule ignores port), the experimental channel's accepts them ("sectionName or
// port must be unique ..."); GAMMA routes use it for a Service's ports (Istio's mesh.yaml test
// input). Only what both channels reject is reported, so that neither tells a user a valid file is
// broken.
bool distinctPorts(const ParentReference &a, const ParentReference &b)
{
    return a.port.present && b.port.present && a.port.value != b.port.value;
}

// The two CEL rules of spec.parentRefs: "sectionName must be specified when parentRefs includes 2 or
// more references to the same parent" and "sectionName must be unique when ...".
void parentSections(const GatewayApiFieldChecks &c, const QList<ParentReference> &refs)
{
    for (int j = 1; j < refs.size(); ++j)
        for (int i = 0; i < j; ++i) {
            if (!sameParent(refs[i], refs[j]))
                continue;
            const QString si = refs[i].sectionName.valueOr(QString());
            const QString sj = refs[j].sectionName.valueOr(QString());
            const QString p = at(QStringLiteral("spec.parentRefs"), j);
            if (si.isEmpty() != sj.isEmpty())
                c.error(refs[j].pos, Code::GatewayApiInvalidReference,
                    QStringLiteral(
                        "sectionName must be specified when parentRefs includes 2 or more references "
                        "to the same parent (parentRefs[%1] and [%2])")
                        .arg(i)
                        .arg(j),
                    p + QStringLiteral(".sectionName"));
            else if (si == sj && !distinctPorts(refs[i], refs[j]))
                c.error(refs[j].pos, Code::GatewayApiInvalidReference,
                    QStringLiteral(
                        "sectionName must be unique when parentRefs includes 2 or more references to "
                        "the same parent (parentRefs[%1] and [%2])")
                        .arg(i)
                        .arg(j),
                    p + QStringLiteral(".sectionName"));
            else
                continue;
            break;
        }
}

void parentRefs(const GatewayApiFieldChecks &c, const GatewayApiRoute &spec)
{
    const QString p = QStringLiteral("spec.parentRefs");
    c.maxItems(spec.parentRefs.size(), 32, extraPos(spec.parentRefs, 32, spec.specPos), p);
    for (int i = 0; i < spec.parentRefs.size(); ++i) {
        const ParentReference &ref = spec.parentRefs[i];
        const QString rp = at(p, i);
        c.required(ref.name, ref.pos, rp + QStringLiteral(".name"));
        c.group(ref.group, rp + QStringLiteral(".group"));
        c.kind(ref.kind, rp + QStringLiteral(".kind"));
        c.namespaceName(ref.namespace_, rp + QStringLiteral(".namespace"));
        c.sectionName(ref.sectionName, rp + QStringLiteral(".sectionName"));
        c.port(ref.port, rp + QStringLiteral(".port"));
    }
    parentSections(c, spec.parentRefs);
}

void hostnames(const GatewayApiFieldChecks &c, const GatewayApiRoute &spec)
{
    const QString p = QStringLiteral("spec.hostnames");
    c.maxItems(spec.hostnames.size(), 16, extraPos(spec.hostnames, 16, spec.specPos), p);
    for (int i = 0; i < spec.hostnames.size(); ++i)
        c.hostname(spec.hostnames[i], false, at(p, i));
}

void pathMatch(const GatewayApiFieldChecks &c, const HttpPathMatch &m, const QString &p)
{
    if (!m.present)
        return;
    if (m.type.present && m.type.value != QLatin1String("Exact")
        && m.type.value != QLatin1String("PathPrefix") && m.type.value != QLatin1String("RegularExpression"))
        c.error(m.type.pos, Code::GatewayApiInvalidEnum,
            QStringLiteral("type must be one of ['Exact', 'PathPrefix', 'RegularExpression'], not \"%1\"")
                .arg(m.type.value),
            p + QStringLiteral(".type"));
    const QString type = m.type.valueOr(QStringLiteral("PathPrefix"));
    if (m.value.present && m.value.value.size() > 1024)
        c.error(m.value.pos, Code::GatewayApiTooManyItems,
            QStringLiteral("value is longer than 1024 characters"), p + QStringLiteral(".value"));
    if (type != QLatin1String("Exact") && type != QLatin1String("PathPrefix"))
        return;
    const QString why = P::pathProblem(m.value.valueOr(QStringLiteral("/")));
    if (!why.isEmpty())
        c.error(m.value.present ? m.value.pos : m.pos, Code::GatewayApiInvalidPath,
            QStringLiteral("%1 (path \"%2\", type %3)").arg(why, m.value.value, type),
            p + QStringLiteral(".value"));
}

// headers or queryParams of a match: a list keyed by name, each with a name, a value and a type.
void valueMatches(const GatewayApiFieldChecks &c, const QList<HttpValueMatch> &list, qsizetype maxValue,
    const SourcePos &owner, const QString &p)
{
    c.maxItems(list.size(), 16, extraPos(list, 16, owner), p);
    QList<const Field<QString> *> names;
    for (int i = 0; i < list.size(); ++i) {
        const HttpValueMatch &m = list[i];
        const QString ip = at(p, i);
        if (c.required(m.name, m.pos, ip + QStringLiteral(".name")))
            c.headerName(m.name, ip + QStringLiteral(".name"));
        if (c.required(m.value, m.pos, ip + QStringLiteral(".value")) && m.value.value.size() > maxValue)
            c.error(m.value.pos, Code::GatewayApiTooManyItems,
                QStringLiteral("value is longer than %1 characters").arg(maxValue),
                ip + QStringLiteral(".value"));
        c.oneOf(m.type, { QStringLiteral("Exact"), QStringLiteral("RegularExpression") },
            ip + QStringLiteral(".type"));
        names.append(&m.name);
    }
    c.uniqueNames(
        names, Qt::CaseSensitive, Code::GatewayApiInvalidHeaderName, p + QStringLiteral("[%1].name"));
}

void grpcMethod(const GatewayApiFieldChecks &c, const GrpcMethodMatch &m, const QString &p)
{
    if (!m.present)
        return;
    c.oneOf(m.type, { QStringLiteral("Exact"), QStringLiteral("RegularExpression") },
        p + QStringLiteral(".type"));
    // "One or both of 'service' or 'method' must be specified": type is defaulted to Exact, so the
    // rule's has(self.type) always holds.
    if (!m.service.present && !m.method.present)
        c.error(m.pos, Code::GatewayApiInvalidGrpcMethod,
            QStringLiteral("One or both of 'service' or 'method' must be specified"), p);
    if (m.type.valueOr(QStringLiteral("Exact")) != QLatin1String("Exact"))
        return;
    if (m.service.present && !P::isGrpcService(m.service.value))
        c.error(m.service.pos, Code::GatewayApiInvalidGrpcMethod,
            QStringLiteral("service must only contain valid characters (matching "
                           "^(?i)\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$): \"%1\"")
                .arg(m.service.value),
            p + QStringLiteral(".service"));
    if (m.method.present && !P::isGrpcMethod(m.method.value))
        c.error(m.method.pos, Code::GatewayApiInvalidGrpcMethod,
            QStringLiteral(
                "method must only contain valid characters (matching ^[A-Za-z_][A-Za-z_0-9]*$): \"%1\"")
                .arg(m.method.value),
            p + QStringLiteral(".method"));
}

void match(const GatewayApiFieldChecks &c, const RouteMatch &m, bool grpc, const QString &p)
{
    valueMatches(c, m.headers, 4096, m.pos, p + QStringLiteral(".headers"));
    if (grpc) {
        grpcMethod(c, m.grpcMethod, p + QStringLiteral(".method"));
        return;
    }
    pathMatch(c, m.path, p + QStringLiteral(".path"));
    valueMatches(c, m.queryParams, 1024, m.pos, p + QStringLiteral(".queryParams"));
    c.oneOf(m.method,
        { QStringLiteral("GET"), QStringLiteral("HEAD"), QStringLiteral("POST"), QStringLiteral("PUT"),
            QStringLiteral("DELETE"), QStringLiteral("CONNECT"), QStringLiteral("OPTIONS"),
            QStringLiteral("TRACE"), QStringLiteral("PATCH") },
        p + QStringLiteral(".method"));
}

void backendRefs(const GatewayApiFieldChecks &c, const RouteRule &rule, bool grpc, const QString &p)
{
    c.maxItems(rule.backendRefs.size(), 16, extraPos(rule.backendRefs, 16, rule.pos), p);
    for (int i = 0; i < rule.backendRefs.size(); ++i) {
        const BackendRef &b = rule.backendRefs[i];
        c.objectReference(b.ref, true, at(p, i));
        c.range(b.weight, 0, 1000000, at(p, i) + QStringLiteral(".weight"));
        GatewayApiFilterValidator::validate(c, b.filters, grpc ? Owner::GrpcBackend : Owner::HttpBackend,
            at(p, i) + QStringLiteral(".filters"));
    }
}

void timeouts(const GatewayApiFieldChecks &c, const HttpRouteTimeouts &t, const QString &p)
{
    if (!t.present)
        return;
    bool valid = true;
    for (const auto &[f, key] :
        { std::pair { &t.request, "request" }, std::pair { &t.backendRequest, "backendRequest" } })
        if (f->present && !P::isDuration(f->value)) {
            valid = false;
            c.error(f->pos, Code::GatewayApiInvalidTimeout,
                QStringLiteral(
                    "timeout \"%1\" does not match ^([0-9]{1,5}(h|m|s|ms)){1,4}$ (e.g. 10s, 1m30s, "
                    "500ms)")
                    .arg(f->value),
                p + QLatin1Char('.') + QLatin1String(key));
        }
    // "backendRequest timeout cannot be longer than request timeout", unless request is 0s (none).
    if (!valid || !t.request.present || !t.backendRequest.present)
        return;
    const qint64 request = P::durationMs(t.request.value);
    if (request != 0 && P::durationMs(t.backendRequest.value) > request)
        c.error(t.backendRequest.pos, Code::GatewayApiInvalidTimeout,
            QStringLiteral("backendRequest timeout cannot be longer than request timeout (%1 > %2)")
                .arg(t.backendRequest.value, t.request.value),
            p + QStringLiteral(".backendRequest"));
}

} // namespace

namespace {
void rule(const GatewayApiFieldChecks &c, const RouteRule &rule, bool grpc, const QString &p);
void ruleCel(const GatewayApiFieldChecks &c, const RouteRule &rule, const QString &p);
} // namespace

void GatewayApiRouteValidator::validate(CheckContext &ctx, const Resource &r)
{
    const GatewayApiRoute *spec = r.gatewayApiRoute();
    if (!spec)
        return;
    const bool grpc = r.kind == ResourceKind::GRPCRoute;
    const GatewayApiFieldChecks c(ctx, r);
    parentRefs(c, *spec);
    hostnames(c, *spec);
    const QString p = QStringLiteral("spec.rules");
    c.maxItems(spec->rules.size(), 16, extraPos(spec->rules, 16, spec->specPos), p);
    int totalMatches = 0;
    for (int i = 0; i < spec->rules.size(); ++i) {
        const RouteRule &ru = spec->rules[i];
        // An HTTPRoute rule without matches gets the CRD's default, one PathPrefix "/" match.
        const int count = !grpc && !ru.matchesWritten ? 1 : int(ru.matches.size());
        const int before = totalMatches;
        totalMatches += count;
        if (totalMatches >= 128 && before < 128)
            c.error(127 - before < ru.matches.size() ? ru.matches[127 - before].pos : ru.pos,
                Code::GatewayApiTooManyItems,
                QStringLiteral(
                    "While 16 rules and 64 matches per rule are allowed, the total number of matches "
                    "across all rules in a route must be less than 128"),
                at(p, i) + QStringLiteral(".matches"));
        rule(c, ru, grpc, at(p, i));
    }
}

namespace {

void rule(const GatewayApiFieldChecks &c, const RouteRule &ru, bool grpc, const QString &p)
{
    c.sectionName(ru.name, p + QStringLiteral(".name"));
    c.maxItems(ru.matches.size(), 64, extraPos(ru.matches, 64, ru.pos), p + QStringLiteral(".matches"));
    for (int i = 0; i < ru.matches.size(); ++i)
        match(c, ru.matches[i], grpc, at(p + QStringLiteral(".matches"), i));
    GatewayApiFilterValidator::validate(
        c, ru.filters, grpc ? Owner::GrpcRule : Owner::HttpRule, p + QStringLiteral(".filters"));
    backendRefs(c, ru, grpc, p + QStringLiteral(".backendRefs"));
    if (grpc)
        return;
    timeouts(c, ru.timeouts, p + QStringLiteral(".timeouts"));
    ruleCel(c, ru, p);
}

bool replacesPrefix(const PathModifier &m)
{
    return m.present && m.type.value == QLatin1String("ReplacePrefixMatch") && m.replacePrefixMatch.present;
}

// exists_one over filters with a ReplacePrefixMatch in a redirect (or a rewrite).
bool exactlyOneReplacePrefix(const QList<RouteFilter> &filters, bool rewrite)
{
    int n = 0;
    for (const RouteFilter &f : filters)
        if (rewrite ? (f.urlRewrite.present && replacesPrefix(f.urlRewrite.path))
                    : (f.requestRedirect.present && replacesPrefix(f.requestRedirect.path)))
            ++n;
    return n == 1;
}

// With the CRD's defaults: no matches written is one PathPrefix "/" match, a match without path a
// PathPrefix "/" path, a path without type a PathPrefix.
bool exactlyOnePathPrefixMatch(const RouteRule &ru)
{
    if (!ru.matchesWritten)
        return true;
    if (ru.matches.size() != 1)
        return false;
    const HttpPathMatch &path = ru.matches.first().path;
    return !path.present || path.type.valueOr(QStringLiteral("PathPrefix")) == QLatin1String("PathPrefix");
}

void ruleCel(const GatewayApiFieldChecks &c, const RouteRule &ru, const QString &p)
{
    if (!ru.backendRefs.isEmpty())
        for (int i = 0; i < ru.filters.size(); ++i)
            if (ru.filters[i].requestRedirect.present)
                c.error(ru.filters[i].requestRedirect.pos, Code::GatewayApiInvalidFilter,
                    QStringLiteral("RequestRedirect filter must not be used together with backendRefs"),
                    p + QStringLiteral(".filters[%1].requestRedirect").arg(i));
    if (exactlyOnePathPrefixMatch(ru))
        return;
    for (const bool rewrite : { false, true }) {
        const QString what = rewrite ? QStringLiteral("URLRewrite") : QStringLiteral("RequestRedirect");
        int backends = 0;
        for (const BackendRef &b : ru.backendRefs)
            backends += exactlyOneReplacePrefix(b.filters, rewrite) ? 1 : 0;
        const SourcePos at = ru.matches.isEmpty() ? ru.pos : ru.matches.first().pos;
        const QString rule
            = QStringLiteral("%1 filter with path.replacePrefixMatch, exactly one PathPrefix match must "
                             "be specified")
                  .arg(what);
        if (exactlyOneReplacePrefix(ru.filters, rewrite))
            c.error(at, Code::GatewayApiInvalidFilter, QStringLiteral("When using ") + rule,
                p + QStringLiteral(".matches"));
        // The CRD words the backendRefs rules "Within backendRefs, when using RequestRedirect ..." and
        // "Within backendRefs, When using URLRewrite ...".
        if (backends == 1)
            c.error(at, Code::GatewayApiInvalidFilter,
                QStringLiteral("Within backendRefs, %1 ")
                        .arg(rewrite ? QStringLiteral("When using") : QStringLiteral("when using"))
                    + rule,
                p + QStringLiteral(".matches"));
    }
}

} // namespace

Analyzer GatewayApiRouteValidator::httpRouteDefinition()
{
    return Analyzer::ofEach(ResourceKind::HTTPRoute, QStringLiteral("GatewayApiRouteValidator"),
        { Code::GatewayApiInvalidPath, Code::GatewayApiInvalidFilter, Code::GatewayApiTooManyItems,
            Code::GatewayApiOutOfRange, Code::GatewayApiInvalidHostname, Code::GatewayApiInvalidHeaderName,
            Code::GatewayApiInvalidEnum, Code::GatewayApiInvalidTimeout, Code::GatewayApiInvalidReference,
            Code::GatewayApiMissingField, Code::GatewayApiInvalidName },
        validate);
}

Analyzer GatewayApiRouteValidator::grpcRouteDefinition()
{
    return Analyzer::ofEach(ResourceKind::GRPCRoute, QStringLiteral("GatewayApiRouteValidator (GRPCRoute)"),
        { Code::GatewayApiInvalidFilter, Code::GatewayApiTooManyItems, Code::GatewayApiOutOfRange,
            Code::GatewayApiInvalidHostname, Code::GatewayApiInvalidHeaderName, Code::GatewayApiInvalidEnum,
            Code::GatewayApiInvalidReference, Code::GatewayApiMissingField, Code::GatewayApiInvalidGrpcMethod,
            Code::GatewayApiInvalidName },
        validate);
}

} // namespace meshroute
