#include "gatewayapifiltervalidator.h"

#include "diagnosticcodes.h"
#include "gatewayapifieldchecks.h"
#include "gatewayapipatterns.h"
#include "resource.h"

namespace meshroute {

namespace {

using Owner = GatewayApiFilterValidator::Owner;

bool isGrpc(Owner o)
{
    return o == Owner::GrpcRule || o == Owner::GrpcBackend;
}

QStringList allowedTypes(Owner o)
{
    if (isGrpc(o))
        return { QStringLiteral("ResponseHeaderModifier"), QStringLiteral("RequestHeaderModifier"),
            QStringLiteral("RequestMirror"), QStringLiteral("ExtensionRef") };
    return { QStringLiteral("RequestHeaderModifier"), QStringLiteral("ResponseHeaderModifier"),
        QStringLiteral("RequestMirror"), QStringLiteral("RequestRedirect"), QStringLiteral("URLRewrite"),
        QStringLiteral("ExtensionRef"), QStringLiteral("CORS") };
}

// Which member each type names, and whether it was written: "filter.X must be nil if the filter.type
// is not T" and "filter.X must be specified for T filter.type".
struct Member
{
    const char *type;
    const char *key;
    bool present;
};

QList<Member> membersOf(const RouteFilter &f)
{
    return { { "RequestHeaderModifier", "requestHeaderModifier", f.requestHeaderModifier.present },
        { "ResponseHeaderModifier", "responseHeaderModifier", f.responseHeaderModifier.present },
        { "RequestMirror", "requestMirror", f.requestMirror.present },
        { "RequestRedirect", "requestRedirect", f.requestRedirect.present },
        { "URLRewrite", "urlRewrite", f.urlRewrite.present }, { "CORS", "cors", f.cors.present },
        { "ExtensionRef", "extensionRef", f.extensionRef.pos.isValid() } };
}

SourcePos memberPos(const RouteFilter &f, const QString &key)
{
    if (key == QLatin1String("requestHeaderModifier"))
        return f.requestHeaderModifier.pos;
    if (key == QLatin1String("responseHeaderModifier"))
        return f.responseHeaderModifier.pos;
    if (key == QLatin1String("requestMirror"))
        return f.requestMirror.pos;
    if (key == QLatin1String("requestRedirect"))
        return f.requestRedirect.pos;
    if (key == QLatin1String("urlRewrite"))
        return f.urlRewrite.pos;
    if (key == QLatin1String("cors"))
        return f.cors.pos;
    return f.extensionRef.pos;
}

void typeAndMember(const GatewayApiFieldChecks &c, const RouteFilter &f, Owner owner, const QString &p)
{
    if (!c.required(f.type, f.pos, p + QStringLiteral(".type")))
        return;
    const QStringList allowed = allowedTypes(owner);
    c.oneOf(f.type, allowed, p + QStringLiteral(".type"));
    for (const Member &m : membersOf(f)) {
        if (!allowed.contains(QLatin1String(m.type)))
            continue; // not a member of this CRD's filter (the reader reports it as an unknown field)
        const QString key = QLatin1String(m.key);
        const bool named = f.type.value == QLatin1String(m.type);
        if (m.present && !named)
            c.error(memberPos(f, key), Code::GatewayApiInvalidFilter,
                QStringLiteral("filter.%1 must be nil if the filter.type is not %2")
                    .arg(key, QLatin1String(m.type)),
                p + QLatin1Char('.') + key);
        else if (!m.present && named)
            c.error(f.type.pos, Code::GatewayApiInvalidFilter,
                QStringLiteral("filter.%1 must be specified for %2 filter.type")
                    .arg(key, QLatin1String(m.type)),
                p + QLatin1Char('.') + key);
    }
}

void headerModifier(const GatewayApiFieldChecks &c, const HeaderModifier &h, const QString &p)
{
    if (!h.present)
        return;
    for (const auto &[list, key] : { std::pair { &h.set, "set" }, std::pair { &h.add, "add" } }) {
        const QString lp = p + QLatin1Char('.') + QLatin1String(key);
        c.maxItems(list->size(), 16, list->size() > 16 ? list->at(16).pos : h.pos, lp);
        QList<const Field<QString> *> names;
        for (int i = 0; i < list->size(); ++i) {
            const HttpHeaderValue &v = list->at(i);
            const QString ip = lp + QStringLiteral("[%1]").arg(i);
            if (c.required(v.name, v.pos, ip + QStringLiteral(".name")))
                c.headerName(v.name, ip + QStringLiteral(".name"));
            c.required(v.value, v.pos, ip + QStringLiteral(".value"));
            names.append(&v.name);
        }
        c.uniqueNames(
            names, Qt::CaseSensitive, Code::GatewayApiInvalidHeaderName, lp + QStringLiteral("[%1].name"));
    }
    c.maxItems(h.remove.size(), 16, h.remove.size() > 16 ? h.remove.at(16).pos : h.pos,
        p + QStringLiteral(".remove"));
    QList<const Field<QString> *> removed;
    for (const Field<QString> &r : h.remove)
        removed.append(&r);
    c.uniqueNames(
        removed, Qt::CaseSensitive, Code::GatewayApiInvalidHeaderName, p + QStringLiteral(".remove[%1]"));
}

void pathModifier(const GatewayApiFieldChecks &c, const PathModifier &m, const QString &p)
{
    if (!m.present)
        return;
    if (!c.required(m.type, m.pos, p + QStringLiteral(".type")))
        return;
    c.oneOf(m.type, { QStringLiteral("ReplaceFullPath"), QStringLiteral("ReplacePrefixMatch") },
        p + QStringLiteral(".type"));
    for (const auto &[value, name] : { std::pair { &m.replaceFullPath, "ReplaceFullPath" },
             std::pair { &m.replacePrefixMatch, "ReplacePrefixMatch" } }) {
        const QString key = QChar(QLatin1Char(name[0])).toLower() + QLatin1String(name + 1);
        const bool typed = m.type.value == QLatin1String(name);
        if (typed && !value->present)
            c.error(m.type.pos, Code::GatewayApiInvalidFilter,
                QStringLiteral("%1 must be specified when type is set to '%2'").arg(key, QLatin1String(name)),
                p + QLatin1Char('.') + key);
        else if (!typed && value->present)
            c.error(value->pos, Code::GatewayApiInvalidFilter,
                QStringLiteral("type must be '%1' when %2 is set").arg(QLatin1String(name), key),
                p + QLatin1Char('.') + key);
        if (value->present && value->value.size() > 1024)
            c.error(value->pos, Code::GatewayApiTooManyItems,
                QStringLiteral("%1 is longer than 1024").arg(key), p + QLatin1Char('.') + key);
    }
}

void redirect(const GatewayApiFieldChecks &c, const RequestRedirect &r, const QString &p)
{
    if (!r.present)
        return;
    c.oneOf(r.scheme, { QStringLiteral("http"), QStringLiteral("https") }, p + QStringLiteral(".scheme"));
    c.hostname(r.hostname, true, p + QStringLiteral(".hostname"));
    c.port(r.port, p + QStringLiteral(".port"));
    if (r.statusCode.present && !QList<qint64> { 301, 302, 303, 307, 308 }.contains(r.statusCode.value))
        c.error(r.statusCode.pos, Code::GatewayApiOutOfRange,
            QStringLiteral("statusCode %1: supported values: 301, 302, 303, 307, 308")
                .arg(r.statusCode.value),
            p + QStringLiteral(".statusCode"));
    pathModifier(c, r.path, p + QStringLiteral(".path"));
}

void mirror(const GatewayApiFieldChecks &c, const RequestMirror &m, const QString &p)
{
    if (!m.present)
        return;
    c.objectReference(m.backendRef, true, p + QStringLiteral(".backendRef"));
    c.range(m.percent, 0, 100, p + QStringLiteral(".percent"));
    const bool fraction = m.fractionNumerator.present || m.fractionDenominator.present;
    if (m.percent.present && fraction)
        c.error(m.percent.pos, Code::GatewayApiInvalidFilter,
            QStringLiteral("Only one of percent or fraction may be specified in HTTPRequestMirrorFilter"), p);
    if (!fraction)
        return;
    const QString fp = p + QStringLiteral(".fraction");
    if (!m.fractionNumerator.present) {
        c.error(m.fractionDenominator.pos, Code::GatewayApiMissingField,
            QStringLiteral("numerator is required"), fp + QStringLiteral(".numerator"));
        return;
    }
    c.range(m.fractionNumerator, 0, 2147483647, fp + QStringLiteral(".numerator"));
    c.range(m.fractionDenominator, 1, 2147483647, fp + QStringLiteral(".denominator"));
    if (m.fractionNumerator.value > m.fractionDenominator.valueOr(100))
        c.error(m.fractionNumerator.pos, Code::GatewayApiOutOfRange,
            QStringLiteral("numerator must be less than or equal to denominator (%1 > %2)")
                .arg(m.fractionNumerator.value)
                .arg(m.fractionDenominator.valueOr(100)),
            fp + QStringLiteral(".numerator"));
}

// "X cannot contain '*' alongside other ...".
void starAlone(
    const GatewayApiFieldChecks &c, const QList<Field<QString>> &list, const QString &p, const char *rule)
{
    if (list.size() < 2)
        return;
    for (const Field<QString> &v : list)
        if (v.value == QLatin1String("*"))
            c.error(v.pos, Code::GatewayApiInvalidFilter, QLatin1String(rule), p);
}

void cors(const GatewayApiFieldChecks &c, const HttpCorsFilter &f, const QString &p)
{
    if (!f.present)
        return;
    for (int i = 0; i < f.allowOrigins.size(); ++i)
        if (!GatewayApiPatterns::isCorsOrigin(f.allowOrigins[i].value))
            c.error(f.allowOrigins[i].pos, Code::GatewayApiInvalidFilter,
                QStringLiteral("origin \"%1\" is not *, or http(s)://host[:port] with an optional leading *.")
                    .arg(f.allowOrigins[i].value),
                p + QStringLiteral(".allowOrigins[%1]").arg(i));
    starAlone(c, f.allowOrigins, p + QStringLiteral(".allowOrigins"),
        "AllowOrigins cannot contain '*' alongside other origins");
    starAlone(c, f.allowMethods, p + QStringLiteral(".allowMethods"),
        "AllowMethods cannot contain '*' alongside other methods");
    starAlone(c, f.allowHeaders, p + QStringLiteral(".allowHeaders"),
        "AllowHeaders cannot contain '*' alongside other methods"); // sic, the CRD's words
    const QStringList methods { QStringLiteral("GET"), QStringLiteral("HEAD"), QStringLiteral("POST"),
        QStringLiteral("PUT"), QStringLiteral("DELETE"), QStringLiteral("CONNECT"), QStringLiteral("OPTIONS"),
        QStringLiteral("TRACE"), QStringLiteral("PATCH"), QStringLiteral("*") };
    for (int i = 0; i < f.allowMethods.size(); ++i)
        c.oneOf(f.allowMethods[i], methods, p + QStringLiteral(".allowMethods[%1]").arg(i));
    for (int i = 0; i < f.allowHeaders.size(); ++i)
        c.headerName(f.allowHeaders[i], p + QStringLiteral(".allowHeaders[%1]").arg(i));
    for (int i = 0; i < f.exposeHeaders.size(); ++i)
        c.headerName(f.exposeHeaders[i], p + QStringLiteral(".exposeHeaders[%1]").arg(i));
    c.maxItems(f.allowMethods.size(), 9, f.allowMethods.size() > 9 ? f.allowMethods[9].pos : f.pos,
        p + QStringLiteral(".allowMethods"));
    c.range(f.maxAge, 1, 2147483647, p + QStringLiteral(".maxAge"));
}

void oneFilter(const GatewayApiFieldChecks &c, const RouteFilter &f, Owner owner, const QString &p)
{
    typeAndMember(c, f, owner, p);
    headerModifier(c, f.requestHeaderModifier, p + QStringLiteral(".requestHeaderModifier"));
    headerModifier(c, f.responseHeaderModifier, p + QStringLiteral(".responseHeaderModifier"));
    mirror(c, f.requestMirror, p + QStringLiteral(".requestMirror"));
    if (isGrpc(owner))
        return;
    redirect(c, f.requestRedirect, p + QStringLiteral(".requestRedirect"));
    if (f.urlRewrite.present) {
        c.hostname(f.urlRewrite.hostname, true, p + QStringLiteral(".urlRewrite.hostname"));
        pathModifier(c, f.urlRewrite.path, p + QStringLiteral(".urlRewrite.path"));
    }
    cors(c, f.cors, p + QStringLiteral(".cors"));
    if (f.extensionRef.pos.isValid()) {
        if (!f.extensionRef.group.present) // required, but may be "" (the core group)
            c.error(f.extensionRef.pos, Code::GatewayApiMissingField, QStringLiteral("group is required"),
                p + QStringLiteral(".extensionRef.group"));
        c.required(f.extensionRef.kind, f.extensionRef.pos, p + QStringLiteral(".extensionRef.kind"));
        c.required(f.extensionRef.name, f.extensionRef.pos, p + QStringLiteral(".extensionRef.name"));
        c.group(f.extensionRef.group, p + QStringLiteral(".extensionRef.group"));
        c.kind(f.extensionRef.kind, p + QStringLiteral(".extensionRef.kind"));
    }
}

// The list rules: "T filter cannot be repeated" and "May specify either httpRouteFilterRequestRedirect
// or httpRouteFilterRequestRewrite, but not both".
void listRules(
    const GatewayApiFieldChecks &c, const QList<RouteFilter> &filters, Owner owner, const QString &p)
{
    QStringList once { QStringLiteral("RequestHeaderModifier"), QStringLiteral("ResponseHeaderModifier") };
    if (!isGrpc(owner))
        once << QStringLiteral("RequestRedirect") << QStringLiteral("URLRewrite") << QStringLiteral("CORS");
    QStringList seen;
    int redirectAt = -1, rewriteAt = -1;
    for (int i = 0; i < filters.size(); ++i) {
        const Field<QString> &t = filters[i].type;
        if (once.contains(t.value) && seen.contains(t.value))
            c.error(t.pos, Code::GatewayApiInvalidFilter,
                QStringLiteral("%1 filter cannot be repeated").arg(t.value),
                p + QStringLiteral("[%1].type").arg(i));
        seen.append(t.value);
        if (t.value == QLatin1String("RequestRedirect") && redirectAt < 0)
            redirectAt = i;
        if (t.value == QLatin1String("URLRewrite") && rewriteAt < 0)
            rewriteAt = i;
    }
    if (redirectAt >= 0 && rewriteAt >= 0) {
        const int later = qMax(redirectAt, rewriteAt);
        c.error(filters[later].type.pos, Code::GatewayApiInvalidFilter,
            QStringLiteral(
                "May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, "
                "but not both"),
            p + QStringLiteral("[%1].type").arg(later));
    }
}

} // namespace

void GatewayApiFilterValidator::validate(
    const GatewayApiFieldChecks &c, const QList<RouteFilter> &filters, Owner owner, const QString &path)
{
    c.maxItems(filters.size(), 16, filters.size() > 16 ? filters[16].pos : SourcePos {}, path);
    for (int i = 0; i < filters.size(); ++i)
        oneFilter(c, filters[i], owner, path + QStringLiteral("[%1]").arg(i));
    listRules(c, filters, owner, path);
}

} // namespace meshroute
