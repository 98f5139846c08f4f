#include "router.h"

#include "hostname.h"
#include "kubernetesservice.h"
#include "redirectlocation.h"
#include "request.h"
#include "workspace.h"

#include <re2/re2.h>

namespace meshroute {

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// The port of the cluster a destination names (reference 6.9), as route.go
// GetDestinationCluster: its own, else the port of "the service" when it has
// exactly one, else the listener's. A gateway looks the host up among all
// services (gateway.go: nameToServiceMap); a sidecar only among those that
// expose the listener's port, each cut down to that one port
// (httproute.go BuildSidecarOutboundVirtualHosts: servicesByName). So from a
// sidecar a destination without a port always gets the listener's port.
int clusterPort(
    const RouteTable &table, const Destination &d, const QString &fqdn, int listenerPort, bool fromGateway)
{
    if (d.port.number.present && d.port.number.value > 0)
        return int(d.port.number.value);
    QList<int> ports;
    if (fromGateway && table.servicePorts(fqdn, &ports) && ports.size() == 1)
        return ports.first();
    return listenerPort;
}

void addDestinationWarnings(const RouteTable &table, const QString &what, const QString &fqdn,
    const QString &subset, int port, bool hasPort, RouteResult &out, int *readyPods)
{
    *readyPods = -1;
    QList<int> ports;
    const bool known = table.servicePorts(fqdn, &ports);
    if (!known && table.hasRegistry()) {
        out.warnings << QStringLiteral(
            "%1 host %2 is not a Service or ServiceEntry in the workspace: no cluster, "
            "503 NC")
                            .arg(what, fqdn);
        return;
    }
    if (!subset.isEmpty() && !table.subsetDefined(fqdn, subset)) {
        out.warnings << QStringLiteral(
            "%1 subset \"%2\" of %3 is not defined in any DestinationRule: the cluster does "
            "not exist, 503 NC")
                            .arg(what, subset, fqdn);
        return;
    }
    if (!known)
        return;
    if (!hasPort && ports.size() > 1 && !ports.contains(port))
        out.warnings << QStringLiteral(
            "%1 %2 has several ports and names none: Envoy uses the listener port %3, "
            "which the service does not expose: 503 NC (IST0112)")
                            .arg(what, fqdn)
                            .arg(port);
    else if (!hasPort && !ports.isEmpty() && !ports.contains(port))
        out.warnings << QStringLiteral(
            "%1 %2 names no port and does not expose the listener port %3: a sidecar picks the "
            "listener's port, and outbound|%3||%2 does not exist: 503 NC; name the port")
                            .arg(what, fqdn)
                            .arg(port);
    *readyPods = table.readyPods(fqdn, subset);
    if (*readyPods == 0)
        out.warnings << (subset.isEmpty()
                ? QStringLiteral("%1 %2 selects no ready pod: no healthy upstream, 503 UH").arg(what, fqdn)
                : QStringLiteral("%1 subset \"%2\" of %3 selects no ready pod: no healthy upstream, 503 UH")
                      .arg(what, subset, fqdn));
}

QString replacePrefix(const QString &path, int prefixLength, const QString &with)
{
    return with + path.mid(prefixLength);
}

// The answer when no rule of a VirtualService decides: an unknown gateway or port, a 404, the
// gateway's https redirect, or a route Istio generates itself (passthrough, the service's default).
void answerWithoutRule(
    const RouteTable &table, const Request &req, const RouteDecision &dec, RouteResult &out)
{
    using O = RouteDecision::Outcome;
    const int listenerPort = dec.listenerPort;
    switch (dec.outcome) {
    case O::UnknownGateway:
        out.warnings << QStringLiteral("no Gateway %1 in the workspace (known: %2)")
                            .arg(req.gateway(), table.gatewayNames().join(QStringLiteral(", ")));
        out.httpStatus = 0;
        return;
    case O::NoListener:
        out.httpStatus = 0; // connection refused: nothing listens
        out.warnings << out.reason;
        return;
    case O::NoVirtualHost:
    case O::NoMatch:
        out.httpStatus = 404;
        out.responseFlag = QStringLiteral("NR");
        return;
    case O::HttpsRedirect: {
        out.status = RouteResult::Status::Redirect;
        out.httpStatus = 301;
        out.redirectCode = 301;
        out.hasRedirect = true;
        // Envoy's require_tls answers with an https_redirect: only the scheme changes, and the
        // Host header's port is handled as for any redirect (utility.cc processRequestHost).
        HttpRedirect toHttps;
        toHttps.scheme.value = QStringLiteral("https");
        toHttps.scheme.present = true;
        out.location = RedirectLocation::build(
            toHttps, { qs(req.scheme()), qs(req.authority()), qs(req.path()), listenerPort, false });
        return;
    }
    case O::Passthrough: {
        out.status = RouteResult::Status::Routed;
        out.httpStatus = 0;
        RouteDestinationResult d;
        d.host = qs(req.host());
        d.port = listenerPort;
        d.share = 100;
        d.cluster = QStringLiteral("PassthroughCluster");
        out.destinations << d;
        out.defaultRetries = true;
        return;
    }
    case O::DefaultRoute: {
        out.status = RouteResult::Status::Routed;
        out.httpStatus = 0;
        const QString fqdn = table.virtualHostInfo(dec).serviceHost;
        RouteDestinationResult d;
        d.host = fqdn;
        d.port = listenerPort;
        d.share = 100;
        d.cluster = Router::clusterName(listenerPort, {}, fqdn);
        addDestinationWarnings(
            table, QStringLiteral("service"), fqdn, {}, listenerPort, true, out, &d.readyPods);
        out.destinations << d;
        out.defaultRetries = true;
        return;
    }
    case O::Matched:
        return;
    }
}

// Which rule answered, and what of it applies whatever the rule does.
void describeRule(const RouteTable::RouteInfo &info, int compiledRoute, RouteResult &out)
{
    const HttpRoute &rule = *info.rule;
    out.compiledRoute = compiledRoute;
    out.virtualService = info.virtualService;
    out.virtualServiceId = info.virtualServiceId;
    out.routeIndex = info.ruleIndex;
    out.routeName = rule.name.valueOr(QString());
    out.matchIndex = info.matchIndex;
    out.delegate = info.delegate;
    out.delegateRouteIndex = info.delegateRuleIndex;
    out.origin = info.origin;
    out.timeout = rule.timeout.valueOr(QString());
    out.retries = rule.retries;
    out.defaultRetries = !rule.retries->present;
    out.fault = rule.fault;
    out.headers = rule.headers;
    out.httpStatus = 0;
}

// A request and the rule that matched it: what the steps after the match read. The strings are
// converted once, here, and shared by the steps.
struct MatchedRequest
{
    MatchedRequest(
        const RouteTable &table, const Request &req, const RouteTable::RouteInfo &info, int listenerPort)
        : table(table)
        , req(req)
        , info(info)
        , rule(*info.rule)
        , listenerPort(listenerPort)
        , path(qs(req.path()))
        , pathOnly(qs(req.pathWithoutQuery()))
        , query(path.mid(pathOnly.size()))
    {
        // The prefix the route matched, for prefix rewrites (Envoy prefix_rewrite).
        const HttpMatchRequest *m = info.match;
        prefixMatch = !m || !m->hasUri || m->uri.type == StringMatch::Type::Prefix
            || m->uri.type == StringMatch::Type::Presence;
        matchedPrefix
            = !m || !m->hasUri || m->uri.type != StringMatch::Type::Prefix ? 1 : int(m->uri.value.size());
        if (info.gatewaySemantics && m && m->hasUri && m->uri.type == StringMatch::Type::Prefix) {
            // path_separated_prefix matched the prefix without its trailing '/'.
            QString trimmed = m->uri.value;
            while (trimmed.size() > 1 && trimmed.endsWith(QLatin1Char('/')))
                trimmed.chop(1);
            matchedPrefix = int(trimmed.size());
        }
    }

    // A path rewrite: for a prefix match (the no-uri match is Envoy's prefix "/") the matched
    // prefix is replaced, else the whole path, keeping the query.
    QString rewritePath(const QString &with) const
    {
        if (prefixMatch && info.gatewaySemantics && with == QLatin1String("/") && matchedPrefix > 1) {
            // route.go: a gateway-semantics prefix rewrite to "/" is the regex
            // ^<prefix>(/?)(.*) -> /\2, which also eats the separating slash.
            QString rest = path.mid(matchedPrefix);
            if (rest.startsWith(QLatin1Char('/')))
                rest.remove(0, 1);
            return QLatin1Char('/') + rest;
        }
        return prefixMatch ? replacePrefix(path, matchedPrefix, with) : with + query;
    }

    const RouteTable &table;
    const Request &req;
    const RouteTable::RouteInfo &info;
    const HttpRoute &rule;
    const int listenerPort;
    const QString path;
    const QString pathOnly;
    const QString query; // "?..." or empty
    bool prefixMatch = true;
    int matchedPrefix = 1;
};

void answerWithRedirect(const MatchedRequest &m, RouteResult &out)
{
    const HttpRedirect &r = m.rule.redirect;
    out.status = RouteResult::Status::Redirect;
    out.hasRedirect = true;
    out.redirect = r;
    out.redirectCode = int(r.redirectCode.valueOr(301));
    out.httpStatus = out.redirectCode;
    QString newPath = m.path;
    if (r.uri.present && !r.uri.value.isEmpty())
        newPath = r.uri.value.contains(QLatin1Char('?')) ? r.uri.value : r.uri.value + m.query;
    else if (r.prefixRewrite.present)
        newPath = m.rewritePath(r.prefixRewrite.value);
    RedirectLocation::Request at;
    at.scheme = qs(m.req.scheme());
    at.authority = qs(m.req.authority());
    at.path = newPath;
    at.listenerPort = m.listenerPort;
    // istiod's IsTLS is "the gateway server has tls"; a request that arrived as https on a
    // gateway reached such a server. Sidecars never terminate TLS.
    at.tlsServer = m.req.fromGateway() && at.scheme == QLatin1String("https");
    out.location = RedirectLocation::build(r, at);
}

void answerDirectly(const HttpDirectResponse &response, RouteResult &out)
{
    out.status = RouteResult::Status::DirectResponse;
    out.hasDirectResponse = true;
    out.directResponseStatus = int(response.status.valueOr(0));
    out.httpStatus = out.directResponseStatus;
    if (response.bodyString.present)
        out.directResponseBody = response.bodyString.value;
    else if (response.bodyBytes.present)
        out.directResponseBody
            = QString::fromUtf8(QByteArray::fromBase64(response.bodyBytes.value.toLatin1()));
}

void routeToDestinations(const MatchedRequest &m, RouteResult &out)
{
    const HttpRoute &rule = m.rule;
    out.status = RouteResult::Status::Routed;
    // Weights are relative; one destination takes everything whatever its weight.
    // Summed as double: exact for any sum of int32 weights, and weights past
    // int32 (an error of check) can neither overflow nor turn a share negative.
    double total = 0;
    for (const HttpRouteDestination &d : rule.route)
        total += double(std::max<qint64>(0, d.weight.valueOr(0)));
    for (const HttpRouteDestination &d : rule.route) {
        RouteDestinationResult r;
        r.host = HostName::resolve(d.destination.host.valueOr(QString()).trimmed(), m.info.hostNamespace);
        r.subset = d.destination.subset.valueOr(QString());
        r.port = clusterPort(m.table, d.destination, r.host, m.listenerPort, m.req.fromGateway());
        r.weight = d.weight.valueOr(0);
        r.share = rule.route.size() == 1
            ? 100.0
            : (total > 0 ? 100.0 * double(std::max<qint64>(0, r.weight)) / total : 0.0);
        // destination {} (a backend Istio refused) is the cluster UnknownService (GetDestinationCluster).
        r.cluster = r.host.isEmpty() ? QStringLiteral("UnknownService")
                                     : Router::clusterName(r.port, r.subset, r.host);
        r.headers = d.headers;
        if (r.share > 0 && r.host.isEmpty())
            out.warnings << QStringLiteral(
                "destination %1 names no backend Istio can use: cluster UnknownService, 500")
                                .arg(out.destinations.size());
        else if (r.share > 0)
            addDestinationWarnings(m.table, QStringLiteral("destination"), r.host, r.subset, r.port,
                d.destination.port.number.present, out, &r.readyPods);
        out.destinations << r;
    }
    if (rule.route.size() > 1 && total <= 0)
        out.warnings << QStringLiteral("the weights of the destinations sum to 0: istiod rejects this rule");
    if (rule.route.isEmpty())
        out.warnings << QStringLiteral("the rule has no route, redirect or direct response");
}

// What the upstream receives: the path and authority after the rule's rewrite and header set.
void rewriteForUpstream(const MatchedRequest &m, RouteResult &out)
{
    out.rewrittenPath = m.path;
    out.rewrittenAuthority = qs(m.req.authority());
    const HttpRewrite &rw = m.rule.rewrite;
    if (rw.present) {
        out.hasRewrite = true;
        out.rewrite = rw;
        if (rw.uriRegexRewrite.present && rw.uriRegexRewrite.match.present) {
            std::string p = m.pathOnly.toStdString();
            RE2::Options options;
            options.set_log_errors(false);
            const RE2 re(rw.uriRegexRewrite.match.value.toStdString(), options);
            if (re.ok()) {
                RE2::GlobalReplace(&p, re, rw.uriRegexRewrite.rewrite.valueOr(QString()).toStdString());
                out.rewrittenPath = QString::fromStdString(p) + m.query;
            } else {
                out.warnings
                    << QStringLiteral("uriRegexRewrite.match does not compile: %1").arg(qs(re.error()));
            }
        } else if (rw.uri.present && !rw.uri.value.isEmpty()) {
            out.rewrittenPath = m.rewritePath(rw.uri.value);
        }
        if (rw.authority.present && !rw.authority.value.isEmpty())
            out.rewrittenAuthority = rw.authority.value;
    }
    for (const Entry<QString> &e : m.rule.headers->request.set)
        if (e.key.compare(QLatin1String("host"), Qt::CaseInsensitive) == 0
            || e.key == QLatin1String(":authority"))
            out.rewrittenAuthority = e.value;
}

void addMirror(const MatchedRequest &m, const Destination &d, double percentage, RouteResult &out)
{
    RouteMirrorResult mr;
    mr.host = HostName::resolve(d.host.valueOr(QString()).trimmed(), m.info.hostNamespace);
    mr.subset = d.subset.valueOr(QString());
    mr.port = clusterPort(m.table, d, mr.host, m.listenerPort, m.req.fromGateway());
    mr.percentage = percentage;
    mr.cluster = Router::clusterName(mr.port, mr.subset, mr.host);
    out.mirrors << mr;
    if (percentage > 0) {
        int pods = -1;
        addDestinationWarnings(m.table, QStringLiteral("mirror"), mr.host, mr.subset, mr.port,
            d.port.number.present, out, &pods);
    }
}

void addMirrors(const MatchedRequest &m, RouteResult &out)
{
    const HttpRoute &rule = m.rule;
    if (rule.hasMirror) {
        double pct = 100;
        if (rule.mirrorPercentage->present)
            pct = rule.mirrorPercentage->value.valueOr(0);
        else if (rule.mirrorPercent.present)
            pct = double(rule.mirrorPercent.value);
        addMirror(m, rule.mirror, pct, out);
    }
    for (const HttpMirrorPolicy &mp : rule.mirrors)
        addMirror(m, mp.destination, mp.percentage.present ? mp.percentage.value.valueOr(0) : 100.0, out);
}

// The client sees 503 when every request lands on a missing cluster or an empty one.
// Gateway-semantics routes (generated from Gateway API routes) set
// cluster_not_found_response_code INTERNAL_SERVER_ERROR (route.go
// applyHTTPRouteDestination): a missing cluster answers 500 there.
void answerUpstreamFailure(const RouteTable &table, bool gatewaySemantics, RouteResult &out)
{
    bool allBroken = !out.destinations.isEmpty();
    bool allMissing = allBroken;
    QString flag;
    for (const RouteDestinationResult &d : out.destinations) {
        if (d.share <= 0)
            continue;
        const bool nc = d.host.isEmpty() || (!table.isKnownHost(d.host) && table.hasRegistry())
            || (!d.subset.isEmpty() && !table.subsetDefined(d.host, d.subset));
        const bool uh = d.readyPods == 0;
        if (nc)
            flag = QStringLiteral("NC");
        else if (uh && flag.isEmpty())
            flag = QStringLiteral("UH");
        allBroken = allBroken && (nc || uh);
        allMissing = allMissing && nc;
    }
    if (gatewaySemantics && allMissing) {
        out.httpStatus = 500;
        out.responseFlag = QStringLiteral("NC");
        return;
    }
    if (allBroken && !flag.isEmpty()) {
        out.httpStatus = 503;
        out.responseFlag = flag;
    }
}

} // namespace

QString RouteResult::statusName(Status s)
{
    switch (s) {
    case Status::Routed:
        return QStringLiteral("routed");
    case Status::Redirect:
        return QStringLiteral("redirect");
    case Status::DirectResponse:
        return QStringLiteral("direct-response");
    case Status::NoRoute:
        return QStringLiteral("no-route");
    }
    return {};
}

QString Router::clusterName(int port, const QString &subset, const QString &fqdn)
{
    return QStringLiteral("outbound|%1|%2|%3").arg(port).arg(subset, fqdn);
}

RouteResult Router::route(const Request &req) const
{
    RouteResult out;
    const RouteDecision dec = m_table.decide(req);
    out.routeConfig = m_table.configName(dec);
    out.virtualHost = m_table.virtualHostInfo(dec).name;
    out.reason = m_table.describeOutcome(req, dec);
    out.trace = m_table.explain(req, dec);
    if (dec.outcome != RouteDecision::Outcome::Matched) {
        answerWithoutRule(m_table, req, dec, out);
        return out;
    }

    const RouteTable::RouteInfo &info = m_table.routeInfo(dec.route);
    describeRule(info, dec.route, out);
    if (const Resource *from = info.origin.routeId >= 0 ? m_table.resource(info.origin.routeId) : nullptr)
        out.trace.prepend(
            QStringLiteral("generated from %1 %2/%3 rules[%4]%5 (%6:%7)")
                .arg(from->kindName.value, from->namespaceName(), from->name())
                .arg(info.origin.ruleIndex)
                .arg(info.origin.matchIndex >= 0 ? QStringLiteral(".matches[%1]").arg(info.origin.matchIndex)
                                                 : QString())
                .arg(m_table.workspace().fileOf(*from))
                .arg(from->absoluteLine(info.rule->pos)));
    if (info.orderAmbiguous)
        out.trace << QStringLiteral(
            "the rules of %1 come from several routes whose order Istio takes from creationTimestamp, "
            "which the files do not carry: ordered by namespace/name, as Istio does for equal times")
                         .arg(info.virtualService);
    const MatchedRequest matched(m_table, req, info, dec.listenerPort);
    if (info.rule->redirect->present) {
        answerWithRedirect(matched, out);
        return out;
    }
    if (info.rule->directResponse->present) {
        answerDirectly(info.rule->directResponse, out);
        return out;
    }
    routeToDestinations(matched, out);
    rewriteForUpstream(matched, out);
    addMirrors(matched, out);
    answerUpstreamFailure(m_table, info.gatewaySemantics, out);
    return out;
}

} // namespace meshroute
