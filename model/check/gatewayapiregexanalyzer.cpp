#include "gatewayapiregexanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "resource.h"
#include "validationprimitives.h"

#include <re2/re2.h>

namespace meshroute {

namespace {

struct Re2Error
{
    QString message; // empty: RE2 compiles the pattern
    int offset = 0; // where in the pattern the offending part starts (0-based characters)
};

// RE2 as Envoy's safe_regex (google_re2) compiles a pattern: default options, UTF-8. RE2 names the
// offending fragment (error_arg); its place in the pattern is the column to point at.
Re2Error compile(const QString &pattern)
{
    // The same few patterns repeat across a mesh: ValidationPrimitives caches whether each compiles
    // (its only other refusal, a pattern over 1024 characters, is the CRD's and not RE2's).
    if (pattern.size() <= 1024 && ValidationPrimitives::checkRegex(pattern).isEmpty())
        return {};
    RE2::Options options;
    options.set_log_errors(false);
    const QByteArray u = pattern.toUtf8();
    const RE2 re(re2::StringPiece(u.constData(), size_t(u.size())), options);
    if (re.ok())
        return {};
    Re2Error e;
    e.message = QString::fromStdString(re.error());
    const QString arg = QString::fromStdString(re.error_arg());
    const qsizetype at = arg.isEmpty() ? -1 : pattern.indexOf(arg);
    e.offset = at < 0 ? 0 : int(at);
    return e;
}

// The position of character `offset` of a scalar: past the opening quote when it is quoted (the
// text between the offsets is longer than the value).
SourcePos positionInValue(const Field<QString> &f, int offset)
{
    SourcePos p = f.pos;
    if (!p.isValid())
        return p;
    const bool quoted = p.endOffset - p.offset > f.value.toUtf8().size();
    const int shift = offset + (quoted ? 1 : 0);
    p.column += shift;
    if (p.offset >= 0)
        p.offset += shift;
    return p;
}

// `path` is called only for a finding: most values compile, and a path string costs an allocation.
template <typename PathFn>
void check(
    CheckContext &ctx, const Resource &r, const Field<QString> &value, const QString &what, PathFn path)
{
    if (!value.present)
        return;
    const Re2Error e = compile(value.value);
    if (e.message.isEmpty())
        return;
    ctx.warning(r, positionInValue(value, e.offset), Code::GatewayApiRegexNotRe2,
        QStringLiteral(
            "%1 regex \"%2\" is not RE2: %3. The API server accepts it, but Envoy rejects the route, "
            "so this match never applies (istio/istio#49993); use RE2 syntax")
            .arg(what, value.value, e.message),
        path());
}

bool isRegex(const Field<QString> &type)
{
    return type.present && type.value == QLatin1String("RegularExpression");
}

// The match's path ("spec.rules[i].matches[j]") is built only for a finding.
struct MatchPath
{
    int rule, match;
    QString operator()(const char *rest) const
    {
        return QStringLiteral("spec.rules[%1].matches[%2].").arg(rule).arg(match) + QLatin1String(rest);
    }
};

void valueMatches(CheckContext &ctx, const Resource &r, const QList<HttpValueMatch> &list,
    const QString &what, const MatchPath &at, const char *key)
{
    for (int i = 0; i < list.size(); ++i)
        if (isRegex(list[i].type))
            check(ctx, r, list[i].value, what, [&] { return at(key) + QStringLiteral("[%1].value").arg(i); });
}

void match(CheckContext &ctx, const Resource &r, const RouteMatch &m, const MatchPath &at)
{
    if (m.path.present && isRegex(m.path.type))
        check(ctx, r, m.path.value, QStringLiteral("path"), [&] { return at("path.value"); });
    valueMatches(ctx, r, m.headers, QStringLiteral("header"), at, "headers");
    valueMatches(ctx, r, m.queryParams, QStringLiteral("query parameter"), at, "queryParams");
    // Istio joins a gRPC regex match into one path regex, /SERVICE/METHOD (createGRPCURIMatch in
    // pilot/pkg/config/kube/gateway/conversion.go); each part must compile on its own to be valid there.
    if (m.grpcMethod.present && isRegex(m.grpcMethod.type)) {
        check(ctx, r, m.grpcMethod.service, QStringLiteral("gRPC service"),
            [&] { return at("method.service"); });
        check(
            ctx, r, m.grpcMethod.method, QStringLiteral("gRPC method"), [&] { return at("method.method"); });
    }
}

} // namespace

void GatewayApiRegexAnalyzer::analyze(CheckContext &ctx, const Resource &r)
{
    const GatewayApiRoute *spec = r.gatewayApiRoute();
    if (!spec)
        return;
    for (int i = 0; i < spec->rules.size(); ++i)
        for (int j = 0; j < spec->rules[i].matches.size(); ++j)
            match(ctx, r, spec->rules[i].matches[j], MatchPath { i, j });
}

Analyzer GatewayApiRegexAnalyzer::httpRouteDefinition()
{
    return Analyzer::ofEach(ResourceKind::HTTPRoute, QStringLiteral("GatewayApiRegexAnalyzer"),
        { Code::GatewayApiRegexNotRe2 }, analyze);
}

Analyzer GatewayApiRegexAnalyzer::grpcRouteDefinition()
{
    return Analyzer::ofEach(ResourceKind::GRPCRoute, QStringLiteral("GatewayApiRegexAnalyzer (GRPCRoute)"),
        { Code::GatewayApiRegexNotRe2 }, analyze);
}

} // namespace meshroute
