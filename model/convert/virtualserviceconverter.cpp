#include "virtualserviceconverter.h"

#include "backendrefconverter.h"
#include "conversioncontext.h"
#include "gatewayapiyaml.h"
#include "hostname.h"
#include "resource.h"
#include "routefilterconverter.h"
#include "routematchconverter.h"
#include "yamledit.h"

#include <QRegularExpression>

namespace meshroute {

namespace {

constexpr int maxRulesPerRoute = 16; // HTTPRoute spec.rules maxItems

QString rulePath(int index)
{
    return QStringLiteral("spec.http[%1]").arg(index);
}

} // namespace

QStringList VirtualServiceConverter::boundGateways(const Resource &r)
{
    QStringList out;
    for (const Field<QString> &g : r.virtualService()->gateways) {
        if (g.value == QLatin1String("mesh"))
            continue;
        const QString ref
            = g.value.contains(QLatin1Char('/')) ? g.value : r.namespaceName() + QLatin1Char('/') + g.value;
        if (!out.contains(ref))
            out.append(ref);
    }
    return out;
}

bool VirtualServiceConverter::appliesToMesh(const Resource &r)
{
    const VirtualService *vs = r.virtualService();
    if (vs->gateways.isEmpty())
        return true;
    for (const Field<QString> &g : vs->gateways)
        if (g.value == QLatin1String("mesh"))
            return true;
    return false;
}

QString VirtualServiceConverter::gatewayApiDuration(const QString &duration)
{
    static const QRegularExpression form(QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)(h|m|s|ms)$"));
    const QRegularExpressionMatch m = form.match(duration.trimmed());
    if (!m.hasMatch())
        return {};
    const double value = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    const double ms = value
        * (unit == QLatin1String("h")        ? 3600000.0
                : unit == QLatin1String("m") ? 60000.0
                : unit == QLatin1String("s") ? 1000.0
                                             : 1.0);
    const qint64 whole = qint64(ms + 0.5);
    if (whole % 1000 == 0 && whole / 1000 <= 99999)
        return QString::number(whole / 1000) + QLatin1Char('s');
    if (whole <= 99999)
        return QString::number(whole) + QStringLiteral("ms");
    return QString::number(whole / 1000) + QLatin1Char('s'); // sub-second part lost past 99999 ms
}

QList<YamlNode> VirtualServiceConverter::convert(const Resource &r)
{
    const VirtualService *vs = r.virtualService();
    for (int i = 0; i < vs->tcp.size(); ++i)
        m_context.warn(r, vs->tcp[i].pos, QStringLiteral("spec.tcp[%1]").arg(i),
            QStringLiteral("tcp routes are not converted (TCPRoute is experimental in Gateway API)"));
    for (int i = 0; i < vs->tls.size(); ++i)
        m_context.warn(r, vs->tls[i].pos, QStringLiteral("spec.tls[%1]").arg(i),
            QStringLiteral("tls routes are not converted (TLSRoute is experimental in Gateway API)"));
    for (const Field<QString> &e : vs->exportTo)
        if (e.value != QLatin1String("*")) {
            m_context.warn(r, e.pos, QStringLiteral("spec.exportTo"),
                QStringLiteral(
                    "exportTo: an HTTPRoute has no visibility setting; it applies to its parents"));
            break;
        }
    QList<YamlNode> out;
    if (vs->http.isEmpty())
        return out;
    const bool toGateways = !boundGateways(r).isEmpty();
    if (toGateways)
        out += routesFor(r, r.name(), gatewayParents(r), true);
    if (appliesToMesh(r)) {
        const YamlNode parents = meshParents(r);
        if (!parents.children.empty())
            out += routesFor(r, toGateways ? r.name() + QStringLiteral("-mesh") : r.name(), parents, false);
    }
    return out;
}

QList<YamlNode> VirtualServiceConverter::routesFor(
    const Resource &r, const QString &name, const YamlNode &parents, bool withHostnames)
{
    QList<YamlNode> out;
    const int total = r.virtualService()->http.size();
    for (int first = 0; first < total; first += maxRulesPerRoute) {
        const QString routeName
            = first == 0 ? name : name + QLatin1Char('-') + QString::number(first / maxRulesPerRoute + 1);
        YamlNode object = GatewayApiYaml::object(QStringLiteral("gateway.networking.k8s.io/v1"),
            QStringLiteral("HTTPRoute"), routeName, r.namespaceName());
        YamlNode spec = YamlEdit::mapping();
        GatewayApiYaml::set(spec, "parentRefs", parents);
        if (withHostnames) {
            YamlNode names = hostnames(r);
            if (!names.children.empty())
                GatewayApiYaml::set(spec, "hostnames", names);
        }
        GatewayApiYaml::set(spec, "rules", rules(r, routeName, first, qMin(maxRulesPerRoute, total - first)));
        GatewayApiYaml::set(object, "spec", spec);
        out.append(object);
    }
    return out;
}

YamlNode VirtualServiceConverter::gatewayParents(const Resource &r)
{
    YamlNode parents = YamlEdit::sequence();
    for (const QString &ref : boundGateways(r)) {
        const QString ns = ref.section(QLatin1Char('/'), 0, 0);
        const QString name = ref.section(QLatin1Char('/'), 1);
        if (!m_context.workspace().find(ResourceKind::Gateway, ns, name))
            m_context.warn(r, r.virtualService()->specPos, QStringLiteral("spec.gateways"),
                QStringLiteral("Gateway %1 is not in the workspace: the parentRef names a Gateway this "
                               "conversion did not write")
                    .arg(ref));
        YamlNode parent = YamlEdit::mapping();
        GatewayApiYaml::set(parent, "name", GatewayApiYaml::string(name));
        if (ns != r.namespaceName())
            GatewayApiYaml::set(parent, "namespace", GatewayApiYaml::string(ns));
        GatewayApiYaml::append(parents, parent);
    }
    return parents;
}

YamlNode VirtualServiceConverter::meshParents(const Resource &r)
{
    YamlNode parents = YamlEdit::sequence();
    QStringList seen;
    for (const Field<QString> &host : r.virtualService()->hosts) {
        const Resource *service = m_context.serviceOf(host.value, r.namespaceName());
        if (!service) {
            m_context.warn(r, host.pos, QStringLiteral("spec.hosts"),
                QStringLiteral("host %1 is no Service of the workspace: a mesh HTTPRoute's parentRef is a "
                               "Service, so this host's sidecar routes are not converted")
                    .arg(host.value));
            continue;
        }
        const QString key = service->namespaceName() + QLatin1Char('/') + service->name();
        if (seen.contains(key))
            continue;
        seen.append(key);
        YamlNode parent = YamlEdit::mapping();
        GatewayApiYaml::set(parent, "group", GatewayApiYaml::string(QString()));
        GatewayApiYaml::set(parent, "kind", GatewayApiYaml::string(QStringLiteral("Service")));
        GatewayApiYaml::set(parent, "name", GatewayApiYaml::string(service->name()));
        if (service->namespaceName() != r.namespaceName())
            GatewayApiYaml::set(parent, "namespace", GatewayApiYaml::string(service->namespaceName()));
        GatewayApiYaml::append(parents, parent);
    }
    return parents;
}

YamlNode VirtualServiceConverter::hostnames(const Resource &r)
{
    QStringList names;
    for (const Field<QString> &host : r.virtualService()->hosts) {
        if (host.value == QLatin1String("*"))
            return YamlEdit::sequence(); // every host: no hostnames
        const QString name = HostName::resolve(host.value, r.namespaceName());
        if (!names.contains(name))
            names.append(name);
    }
    return GatewayApiYaml::list(names);
}

YamlNode VirtualServiceConverter::rules(const Resource &r, const QString &routeName, int first, int count)
{
    YamlNode out = YamlEdit::sequence();
    const QList<HttpRoute> &http = r.virtualService()->http;
    for (int i = first; i < first + count; ++i) {
        YamlNode converted = rule(r, http[i], i);
        if (converted.children.empty())
            continue;
        m_ruleOrigins.insert(
            QStringLiteral("%1.%2.%3").arg(r.namespaceName(), routeName).arg(out.children.size()),
            { r.id, i });
        GatewayApiYaml::append(out, converted);
    }
    return out;
}

YamlNode VirtualServiceConverter::rule(const Resource &r, const HttpRoute &http, int index)
{
    const QString path = rulePath(index);
    YamlNode out = YamlEdit::mapping();
    if (http.delegate->present || http.directResponse->present) {
        m_context.warn(r, http.pos, path,
            QStringLiteral("rule %1: %2 has no Gateway API form; rule left out, its requests go to the next "
                           "rule that matches")
                .arg(http.displayName(index),
                    http.delegate->present ? QStringLiteral("delegate") : QStringLiteral("directResponse")));
        return out;
    }
    RouteMatchConverter matches(m_context, r);
    YamlNode matchList = YamlEdit::sequence();
    for (int m = 0; m < http.match.size(); ++m)
        GatewayApiYaml::append(
            matchList, matches.convert(http.match[m], path + QStringLiteral(".match[%1]").arg(m)));
    if (!matchList.children.empty())
        GatewayApiYaml::set(out, "matches", matchList);
    BackendRefConverter backends(m_context, m_planner, r);
    YamlNode filters = RouteFilterConverter(m_context, backends, r).convert(http, path);
    if (!filters.children.empty())
        GatewayApiYaml::set(out, "filters", filters);
    if (!http.redirect->present) {
        YamlNode refs = YamlEdit::sequence();
        for (int d = 0; d < http.route.size(); ++d)
            GatewayApiYaml::append(
                refs, backends.convert(http.route[d], path + QStringLiteral(".route[%1]").arg(d)));
        GatewayApiYaml::set(out, "backendRefs", refs);
    }
    if (http.timeout.present) {
        const QString timeout = gatewayApiDuration(http.timeout.value);
        if (timeout.isEmpty()) {
            m_context.warn(r, http.timeout.pos, path + QStringLiteral(".timeout"),
                QStringLiteral("timeout %1 does not parse as a duration; dropped").arg(http.timeout.value));
        } else {
            YamlNode timeouts = YamlEdit::mapping();
            GatewayApiYaml::set(timeouts, "request", GatewayApiYaml::string(timeout));
            GatewayApiYaml::set(out, "timeouts", timeouts);
        }
    }
    warnUnsupported(r, http, path);
    return out;
}

void VirtualServiceConverter::warnUnsupported(const Resource &r, const HttpRoute &http, const QString &path)
{
    const auto dropped = [&](const SourcePos &pos, const char *field, const QString &why) {
        m_context.warn(r, pos, path + QLatin1Char('.') + QLatin1String(field),
            QStringLiteral("%1: %2; dropped").arg(QLatin1String(field), why));
    };
    if (http.fault->present)
        dropped(http.fault->pos, "fault", QStringLiteral("Gateway API has no fault injection"));
    if (http.retries->present)
        dropped(http.retries->pos, "retries",
            QStringLiteral("HTTPRoute retry is experimental (v1.2); Istio's default retry policy applies"));
    if (http.corsPolicy->present)
        dropped(http.corsPolicy->pos, "corsPolicy",
            QStringLiteral("the CORS filter is experimental in Gateway API"));
}

} // namespace meshroute
