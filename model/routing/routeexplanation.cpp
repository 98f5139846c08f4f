// Explaining a decision: why each route tried before the matching one did
// not take the request, and what the outcome means, in words.
#include "routetabledata.h"

#include "request.h"

namespace meshroute {

namespace {

QString quoted(std::string_view s)
{
    return QLatin1Char('"') + QString::fromUtf8(s.data(), qsizetype(s.size())) + QLatin1Char('"');
}

QString labelsText(const Labels &labels)
{
    QStringList parts;
    for (const Label &l : labels)
        parts << l.key + QLatin1Char('=') + l.value;
    return parts.isEmpty() ? QStringLiteral("(none)") : parts.join(QLatin1Char(','));
}

// How an explanation names a route: `rule "jason"`, with its VirtualService
// when several share the virtual host, and its delegate rule and match.
QString routeLabel(const CVhost &vh, const RouteTable::RouteInfo &info)
{
    QString who;
    if (vh.vsCount > 1)
        who = info.virtualService + QLatin1Char(' ');
    who += QStringLiteral("rule ") + info.rootRule->displayName(info.ruleIndex);
    if (info.delegateId >= 0)
        who += QStringLiteral(" -> %1 rule %2")
                   .arg(info.delegate, info.rule->displayName(info.delegateRuleIndex));
    if (info.matchIndex >= 0 && info.rule->match.size() > 1)
        who += QStringLiteral(" match[%1]").arg(info.matchIndex);
    return who + QStringLiteral(": ");
}

// The first condition of the route the request fails, or empty when it matches.
QString mismatch(const CRoute &r, const Request &req)
{
    switch (r.pathKind) {
    case CRoute::PathPrefix:
        if (!r.path.matches(req.path()))
            return QStringLiteral("uri: wanted %1, got %2").arg(r.path.describe(), quoted(req.path()));
        break;
    case CRoute::PathExact:
    case CRoute::PathRegex:
        if (!r.path.matches(req.pathWithoutQuery()))
            return QStringLiteral("uri: wanted %1, got %2 (without query)")
                .arg(r.path.describe(), quoted(req.pathWithoutQuery()));
        break;
    case CRoute::PathSegmentPrefix:
        if (!segmentPrefixMatches(req.pathWithoutQuery(), r.path.value))
            return QStringLiteral("uri: wanted path-segment prefix %1 (the path itself or %1/...), got %2")
                .arg(quoted(r.path.value), quoted(req.pathWithoutQuery()));
        break;
    }
    for (const HeaderCond &h : r.headers) {
        const std::string *v = req.header(h.name);
        if (h.invert) {
            if (h.m.kind == Matcher::Presence) {
                if (v)
                    return QStringLiteral("%1: must be absent, got %2").arg(h.label, quoted(*v));
            } else if (h.m.matches(v ? std::string_view(*v) : std::string_view())) {
                return QStringLiteral("%1: must not be %2, got %3")
                    .arg(
                        h.label, h.m.describe(), v ? quoted(*v) : QStringLiteral("nothing (counts as \"\")"));
            }
        } else if (!v) {
            return QStringLiteral("%1: wanted %2, missing").arg(h.label, h.m.describe());
        } else if (!h.m.matches(*v)) {
            return QStringLiteral("%1: wanted %2, got %3").arg(h.label, h.m.describe(), quoted(*v));
        }
    }
    for (const QueryCond &q : r.query) {
        std::string_view v;
        const QString label = QStringLiteral("query param ") + QString::fromStdString(q.name);
        if (!req.queryParam(q.name, &v))
            return QStringLiteral("%1: wanted %2, missing").arg(label, q.m.describe());
        if (!q.m.matches(v))
            return QStringLiteral("%1: wanted %2, got %3").arg(label, q.m.describe(), quoted(v));
    }
    return {};
}

} // namespace

QString Matcher::describe() const
{
    switch (kind) {
    case Presence:
        return QStringLiteral("present");
    case Exact:
        return QStringLiteral("exact ") + quoted(value)
            + (ignoreCase ? QStringLiteral(" (ignoring case)") : QString());
    case Prefix:
        return QStringLiteral("prefix ") + quoted(value)
            + (ignoreCase ? QStringLiteral(" (ignoring case)") : QString());
    case Regex:
        return QStringLiteral("regex ") + quoted(value);
    case Never:
        return QStringLiteral("regex ") + quoted(value) + QStringLiteral(" (invalid: ") + error
            + QLatin1Char(')');
    }
    return {};
}

// Why the route is not emitted for this client, or empty when it is.
QString RouteTable::Data::notEmittedReason(
    const CConfig &cfg, const CVhost &vh, int entry, const Request &req, int port) const
{
    const CEntry &e = vh.entries[entry];
    const CRoute &r = routes[e.route];
    if (e.staticSkip == 1) {
        QStringList g(r.matchGateways.begin(), r.matchGateways.end());
        return QStringLiteral("gateways: [%1] does not include %2 (not emitted)")
            .arg(g.join(QStringLiteral(", ")), cfg.sidecar ? kMesh : cfg.gatewayKey);
    }
    if (e.staticSkip == 2)
        return QStringLiteral("port: wanted %1, server port is %2 (not emitted)").arg(r.port).arg(cfg.port);
    if (cfg.sidecar && r.port && r.port != port)
        return QStringLiteral("port: wanted %1, listener port is %2 (not emitted)").arg(r.port).arg(port);
    if (r.matchGateways.empty() && r.hasSourceFilter && !clientOk(cfg, r, req, port)) {
        Labels have = req.sourceLabels();
        if (!cfg.sidecar)
            for (const Label &l : cfg.proxyLabels) {
                bool seen = false;
                for (const Label &h : have)
                    seen = seen || h.key == l.key;
                if (!seen)
                    have.append(l);
            }
        if (!labelsContain(have, r.sourceLabels))
            return QStringLiteral("sourceLabels: wanted %1, client has %2 (not emitted for this client)")
                .arg(labelsText(r.sourceLabels), labelsText(have));
        return QStringLiteral(
            "sourceNamespace: wanted \"%1\", client namespace is \"%2\" (not emitted for this client)")
            .arg(r.sourceNamespace, clientNamespace(cfg, req));
    }
    for (int c = e.prevCatchAll; c >= 0; c = vh.entries[c].prevCatchAll) {
        const CEntry &ce = vh.entries[c];
        if (!ce.staticSkip && clientOk(cfg, routes[ce.route], req, port)) {
            const RouteInfo &ci = infos[ce.route];
            return QStringLiteral("after catch-all rule %1 of the same VirtualService (not emitted)")
                .arg(ci.rootRule->displayName(ci.ruleIndex));
        }
    }
    return {};
}

QString RouteTable::Data::explainRoute(
    const CConfig &cfg, const CVhost &vh, int entry, const Request &req, int port) const
{
    const int route = vh.entries[entry].route;
    const QString who = routeLabel(vh, infos[route]);
    QString why = notEmittedReason(cfg, vh, entry, req, port);
    if (why.isEmpty())
        why = mismatch(routes[route], req);
    return who + (why.isEmpty() ? QStringLiteral("matches") : why);
}

QStringList RouteTable::explain(const Request &req, const RouteDecision &decision) const
{
    QStringList out;
    if (decision.config < 0 || decision.vhost < 0)
        return out;
    const CConfig &cfg = d->configs[decision.config];
    const CVhost &vh = d->table(cfg).vhosts[decision.vhost];
    const int end
        = decision.outcome == RouteDecision::Outcome::Matched ? decision.entry : int(vh.entries.size());
    const int port = decision.listenerPort;
    for (int i = 0; i < end; ++i)
        out << d->explainRoute(cfg, vh, i, req, port);
    return out;
}

QString RouteTable::describeOutcome(const Request &req, const RouteDecision &decision) const
{
    using O = RouteDecision::Outcome;
    const QString host = QString::fromStdString(std::string(req.host()));
    switch (decision.outcome) {
    case O::UnknownGateway:
        return QStringLiteral("no Gateway %1 in the workspace").arg(req.gateway());
    case O::NoListener: {
        QStringList ports;
        for (const auto &[p, c] : d->gatewayConfigs.value(req.gateway()))
            ports << QString::number(p);
        return QStringLiteral("Gateway %1 has no HTTP server on port %2 (HTTP ports: %3)")
            .arg(req.gateway())
            .arg(decision.listenerPort)
            .arg(ports.isEmpty() ? QStringLiteral("none") : ports.join(QStringLiteral(", ")));
    }
    case O::NoVirtualHost: {
        const CConfig &cfg = d->configs[decision.config];
        QStringList domains;
        for (const CVhost &vh : d->table(cfg).vhosts) {
            domains << vh.domains;
            if (domains.size() > 12) {
                domains = domains.mid(0, 12) << QStringLiteral("...");
                break;
            }
        }
        return QStringLiteral("no virtual host for \"%1\" in %2 (domains: %3): 404 NR")
            .arg(host, cfg.name,
                domains.isEmpty() ? QStringLiteral("none") : domains.join(QStringLiteral(", ")));
    }
    case O::NoMatch:
        return QStringLiteral("virtual host %1: no route matches: 404 NR")
            .arg(virtualHostInfo(decision).name);
    case O::Matched: {
        QString s = QStringLiteral("virtual host %1").arg(virtualHostInfo(decision).name);
        if (decision.listenerPort != decision.requestPort)
            s += QStringLiteral(
                " (port %1 reaches the gateway's server port %2 through the ingress gateway Service)")
                     .arg(decision.requestPort)
                     .arg(decision.listenerPort);
        return s;
    }
    case O::DefaultRoute:
        return QStringLiteral("service %1 has no VirtualService: default route to all its endpoints")
            .arg(virtualHostInfo(decision).serviceHost);
    case O::Passthrough:
        return QStringLiteral(
            "\"%1\" on port %2 is in no route table of the sidecar: PassthroughCluster "
            "(outboundTrafficPolicy ALLOW_ANY; REGISTRY_ONLY would send it to BlackHoleCluster)")
            .arg(host)
            .arg(decision.listenerPort);
    case O::HttpsRedirect:
        return QStringLiteral("the Gateway server for \"%1\" has tls.httpsRedirect: 301 to https").arg(host);
    }
    return {};
}

RouteTable::VirtualHostInfo RouteTable::virtualHostInfo(const RouteDecision &decision) const
{
    VirtualHostInfo out;
    if (decision.config < 0 || decision.vhost < 0)
        return out;
    const CConfig &cfg = d->configs[decision.config];
    const CVhost &vh = d->table(cfg).vhosts[decision.vhost];
    out.name = vh.name;
    if (cfg.sidecar)
        out.name += QLatin1Char(':') + QString::number(decision.listenerPort);
    out.domains = vh.domains;
    out.serviceHost = vh.serviceFqdn;
    out.virtualServices = vh.vsCount;
    return out;
}

QString RouteTable::configName(const RouteDecision &decision) const
{
    if (decision.config < 0)
        return {};
    const CConfig &cfg = d->configs[decision.config];
    return cfg.sidecar ? QStringLiteral("sidecar %1").arg(decision.listenerPort) : cfg.name;
}
} // namespace meshroute
