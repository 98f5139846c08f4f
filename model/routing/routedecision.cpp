// Deciding a request: the route configuration it reaches, the virtual host
// its Host selects, and the first emitted route that matches it. The hot
// path: it allocates nothing.
#include "routetabledata.h"

#include "request.h"

namespace meshroute {

QString RouteTable::Data::clientNamespace(const CConfig &cfg, const Request &req) const
{
    if (!req.sourceNamespace().isEmpty())
        return req.sourceNamespace();
    return cfg.sidecar ? QStringLiteral("default") : cfg.gatewayNamespace;
}

int RouteTable::Data::lookup(
    const CConfig &cfg, const CTable &table, std::string_view host, const QString &clientNs, int port) const
{
    // Among the candidates of one domain, the sidecar takes the first
    // VirtualService visible from the client's namespace (first one wins).
    auto pick = [&](const std::vector<Candidate> &cands) {
        int best = -1;
        int bestRank = 0, bestOrder = 0;
        for (const Candidate &c : cands) {
            const CVhost &vh = table.vhosts[c.vhost];
            if (!c.requiredNamespace.isEmpty() && c.requiredNamespace != clientNs)
                continue;
            if (cfg.sidecar && !vh.ports.empty()
                && std::find(vh.ports.begin(), vh.ports.end(), port) == vh.ports.end())
                continue;
            int rank = 3, order = 0;
            if (vh.vs >= 0) {
                const CVs &vs = vss[vh.vs];
                if (cfg.sidecar && !visibleTo(vs.exportTo, vs.ns, clientNs))
                    continue;
                rank = visibilityRank(vs, clientNs);
                order = vs.order;
            }
            if (best < 0 || rank < bestRank || (rank == bestRank && order < bestOrder)) {
                best = c.vhost;
                bestRank = rank;
                bestOrder = order;
            }
        }
        return best;
    };
    auto it = table.exact.find(host);
    if (it != table.exact.end()) {
        const int v = pick(it->second);
        if (v >= 0)
            return v;
    }
    for (const auto &[suffix, cands] : table.suffix)
        if (host.size() > suffix.size() && host.substr(host.size() - suffix.size()) == suffix) {
            const int v = pick(cands);
            if (v >= 0)
                return v;
        }
    for (const auto &[prefix, cands] : table.prefix)
        if (host.size() > prefix.size() && host.substr(0, prefix.size()) == prefix) {
            const int v = pick(cands);
            if (v >= 0)
                return v;
        }
    return pick(table.star);
}

bool RouteTable::Data::clientOk(const CConfig &cfg, const CRoute &r, const Request &req, int port) const
{
    if (cfg.sidecar && r.port && r.port != port)
        return false;
    if (!r.matchGateways.empty() || !r.hasSourceFilter)
        return true; // with match.gateways, istiod checks neither sourceLabels nor sourceNamespace
    for (const Label &want : r.sourceLabels) {
        bool ok = false;
        bool seen = false;
        for (const Label &l : req.sourceLabels())
            if (l.key == want.key) {
                seen = true;
                ok = l.value == want.value;
                break;
            }
        if (!seen && !cfg.sidecar)
            for (const Label &l : cfg.proxyLabels)
                if (l.key == want.key) {
                    ok = l.value == want.value;
                    break;
                }
        if (!ok)
            return false;
    }
    if (!r.sourceNamespace.isEmpty() && r.sourceNamespace != clientNamespace(cfg, req))
        return false;
    return true;
}

bool RouteTable::Data::emitted(
    const CConfig &cfg, const CVhost &vh, int entry, const Request &req, int port) const
{
    const CEntry &e = vh.entries[entry];
    if (e.staticSkip || !clientOk(cfg, routes[e.route], req, port))
        return false;
    for (int c = e.prevCatchAll; c >= 0; c = vh.entries[c].prevCatchAll) {
        const CEntry &ce = vh.entries[c];
        if (!ce.staticSkip && clientOk(cfg, routes[ce.route], req, port))
            return false;
    }
    return true;
}

bool RouteTable::Data::matches(const CRoute &r, const Request &req)
{
    switch (r.pathKind) {
    case CRoute::PathPrefix:
        if (!r.path.matches(req.path())) // the raw :path, query included
            return false;
        break;
    case CRoute::PathExact:
    case CRoute::PathRegex:
        if (!r.path.matches(req.pathWithoutQuery()))
            return false;
        break;
    case CRoute::PathSegmentPrefix:
        if (!segmentPrefixMatches(req.pathWithoutQuery(), r.path.value))
            return false;
        break;
    }
    for (const HeaderCond &h : r.headers) {
        const std::string *v = req.header(h.name);
        if (h.invert) {
            if (h.m.kind == Matcher::Presence) {
                if (v)
                    return false;
            } else if (h.m.matches(v ? std::string_view(*v) : std::string_view())) {
                return false; // withoutHeaders: a missing header counts as ""
            }
        } else if (!v || !h.m.matches(*v)) {
            return false;
        }
    }
    for (const QueryCond &q : r.query) {
        std::string_view v;
        if (!req.queryParam(q.name, &v) || !q.m.matches(v))
            return false;
    }
    return true;
}

RouteDecision RouteTable::decide(const Request &req) const
{
    RouteDecision out;
    out.requestPort = req.port();
    out.listenerPort = out.requestPort;
    int ci = 0;
    if (req.fromGateway()) {
        auto it = d->gatewayConfigs.constFind(req.gateway());
        if (it == d->gatewayConfigs.cend()) {
            out.outcome = RouteDecision::Outcome::UnknownGateway;
            return out;
        }
        ci = -1;
        for (const auto &[p, c] : *it)
            if (p == out.requestPort)
                ci = c;
        if (ci < 0) {
            // Istio's ingress gateway Service maps 80 -> 8080 and 443 -> 8443
            // (the pods run unprivileged), and Gateways often declare the pod port.
            const int podPort = out.requestPort == 80 ? 8080 : out.requestPort == 443 ? 8443 : 0;
            for (const auto &[p, c] : *it)
                if (podPort && p == podPort)
                    ci = c;
            if (ci < 0) {
                out.outcome = RouteDecision::Outcome::NoListener;
                return out;
            }
            out.listenerPort = podPort;
        }
    }
    out.config = ci;
    const int port = out.listenerPort;
    const CConfig &cfg = d->configs[ci];
    const QString &ns = req.sourceNamespace();
    static const QString kDefault = QStringLiteral("default");
    const QString &clientNs = !ns.isEmpty() ? ns : (cfg.sidecar ? kDefault : cfg.gatewayNamespace);
    const CTable &table = d->table(cfg);
    const int vi = d->lookup(cfg, table, req.host(), clientNs, port);
    if (vi < 0) {
        out.outcome
            = cfg.sidecar ? RouteDecision::Outcome::Passthrough : RouteDecision::Outcome::NoVirtualHost;
        return out;
    }
    out.vhost = vi;
    const CVhost &vh = table.vhosts[vi];
    if (vh.httpsRedirect && req.scheme() != "https") {
        out.outcome = RouteDecision::Outcome::HttpsRedirect;
        return out;
    }
    if (vh.defaultRoute) {
        out.outcome = RouteDecision::Outcome::DefaultRoute;
        return out;
    }
    for (int i = 0; i < int(vh.entries.size()); ++i) {
        if (!d->emitted(cfg, vh, i, req, port))
            continue;
        if (Data::matches(d->routes[vh.entries[i].route], req)) {
            out.outcome = RouteDecision::Outcome::Matched;
            out.entry = i;
            out.route = vh.entries[i].route;
            return out;
        }
    }
    out.outcome = RouteDecision::Outcome::NoMatch;
    return out;
}
} // namespace meshroute
