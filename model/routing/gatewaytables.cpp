// The gateways' route tables: Gateways grouped by the proxies they program,
// one route configuration per Gateway and HTTP port, and one table per proxy
// and port, built on the first request that reaches it.
#include "routetabledata.h"

#include "hostname.h"

#include <QSet>

namespace meshroute {

namespace {

bool isHttpProtocol(const QString &protocol)
{
    const QString p = protocol.toUpper();
    return p == QLatin1String("HTTP") || p == QLatin1String("HTTPS") || p == QLatin1String("HTTP2")
        || p == QLatin1String("GRPC") || p == QLatin1String("GRPC-WEB");
}

// The more specific of two intersecting host patterns, or empty.
QString intersectHosts(const QString &serverHost, const QString &vsHost)
{
    if (HostName::covers(serverHost, vsHost))
        return vsHost;
    if (HostName::covers(vsHost, serverHost))
        return serverHost;
    return {};
}

// A selector as a set, so that Gateways with the same labels in another order share their proxies.
QString selectorKey(const Gateway &g)
{
    if (!g.hasSelector || g.selector.isEmpty())
        return {};
    QStringList parts;
    for (const Label &l : g.selector)
        parts << l.key + QLatin1Char('=') + l.value;
    parts.sort();
    parts.removeDuplicates();
    return parts.join(QLatin1Char('\n'));
}

// A Gateway server's host: "ns/host" limits it to VirtualServices of that
// namespace ("." the Gateway's own, "*" or none: any).
struct ServerHost
{
    QString host;
    QString namespaceFilter;
};

ServerHost serverHost(const QString &written, const QString &gatewayNamespace)
{
    ServerHost out { written.trimmed().toLower(), QStringLiteral("*") };
    const qsizetype slash = out.host.indexOf(QLatin1Char('/'));
    if (slash >= 0) {
        out.namespaceFilter = out.host.left(slash);
        out.host = out.host.mid(slash + 1);
    }
    if (out.namespaceFilter == QLatin1String("."))
        out.namespaceFilter = gatewayNamespace;
    return out;
}

// The virtual hosts of a gateway table by domain, and which VirtualServices
// each already holds (a VirtualService adds its routes to a virtual host once).
class GatewayVhosts
{
public:
    explicit GatewayVhosts(CTable &table)
        : m_table(table)
    { }
    int vhostFor(const QString &domain)
    {
        auto it = m_byDomain.constFind(domain);
        if (it != m_byDomain.cend())
            return *it;
        const int vi = int(m_table.vhosts.size());
        CVhost &vh = m_table.vhosts.emplace_back();
        vh.name = domain + QLatin1Char(':') + QString::number(m_table.port);
        vh.domains << domain;
        m_byDomain.insert(domain, vi);
        return vi;
    }
    // False when the VirtualService is already in the virtual host.
    bool bindOnce(int vhost, int vs)
    {
        if (m_added.contains({ vhost, vs }))
            return false;
        m_added.insert({ vhost, vs });
        return true;
    }

private:
    CTable &m_table;
    QHash<QString, int> m_byDomain;
    QSet<QPair<int, int>> m_added; // (vhost, vs)
};

} // namespace

void RouteTable::Data::buildGateways()
{
    for (int i = 0; i < int(vss.size()); ++i)
        for (const QString &gw : vss[i].gateways) {
            std::vector<int> &list = vssByGateway[gw];
            if (gw != kMesh && (list.empty() || list.back() != i))
                list.push_back(i);
        }
    // Gateways with equal selectors apply to the same pods: one group per
    // selector, one proxy (and one table per port) per selector and
    // namespace, so N Gateways sharing a selector cost N, not N^2 or N^3.
    QHash<QString, int> groupBySelector;
    QHash<QString, int> proxyByKey;
    std::vector<std::vector<std::shared_ptr<CTable>>> proxyTables; // parallel to proxies, by port
    for (const GatewayInfo &g : gateways) {
        const QString selector = selectorKey(*g.spec);
        auto groupIt = groupBySelector.constFind(selector);
        if (groupIt == groupBySelector.cend()) {
            groupIt = groupBySelector.insert(selector, int(gatewayGroups.size()));
            gatewayGroups.push_back(gatewayGroup(g, selector));
        }
        const CGatewayGroup &group = gatewayGroups[*groupIt];
        const QString proxyKey = selector + QLatin1Char('\0') + g.ns;
        auto proxyIt = proxyByKey.constFind(proxyKey);
        if (proxyIt == proxyByKey.cend()) {
            const int pi = int(proxies.size());
            proxies.push_back({ *groupIt, g.ns });
            std::vector<std::shared_ptr<CTable>> &tables = proxyTables.emplace_back();
            for (int port : group.ports) {
                auto t = std::make_shared<CTable>();
                t->proxy = pi;
                t->port = port;
                tables.push_back(std::move(t));
            }
            proxyIt = proxyByKey.insert(proxyKey, pi);
        }
        addGatewayConfigs(g, group, proxyTables[*proxyIt]);
    }
}

// `--gateway ns/name` of a Gateway API Gateway reaches the proxy Istio deploys
// for it: the route configurations of its first listener's generated Gateway,
// which share that proxy's tables with the other listeners. An Istio Gateway
// of the same name keeps the name.
void RouteTable::Data::addGatewayApiAliases()
{
    for (auto it = gatewayApi.gatewayAliases.cbegin(); it != gatewayApi.gatewayAliases.cend(); ++it) {
        if (gatewayConfigs.contains(it.key()))
            continue;
        const auto target = gatewayConfigs.constFind(it.value());
        if (target == gatewayConfigs.cend())
            continue;
        // A copy first: the insert may move the entries of the target's span to
        // new storage (Qt 6.4 guards only a rehash), and a reference into the
        // hash would then be read after it was freed.
        std::vector<std::pair<int, int>> portsAndConfigs = *target;
        gatewayConfigs.insert(it.key(), std::move(portsAndConfigs));
    }
}

// The Gateways that program the same proxies: those whose selector the
// named Gateway's pods (labelled with its selector) satisfy.
CGatewayGroup RouteTable::Data::gatewayGroup(const GatewayInfo &g, const QString &selector) const
{
    CGatewayGroup group;
    for (int o = 0; o < int(gateways.size()); ++o) {
        const Gateway &og = *gateways[o].spec;
        const bool applies = &gateways[o] == &g || !og.hasSelector || og.selector.isEmpty()
            || (!selector.isEmpty() && labelsContain(g.spec->selector, og.selector));
        if (applies)
            group.gateways.push_back(o);
    }
    for (int o : group.gateways)
        for (const Server &s : gateways[o].spec->servers)
            if (s.port.number.present && isHttpProtocol(s.port.protocol.valueOr(QString()))
                && !group.ports.contains(int(s.port.number.value)))
                group.ports.append(int(s.port.number.value));
    std::sort(group.ports.begin(), group.ports.end());
    for (int port : std::as_const(group.ports))
        group.protocols << [&] {
            for (int o : group.gateways)
                for (const Server &s : gateways[o].spec->servers)
                    if (s.port.number.valueOr(0) == port)
                        return s.port.protocol.valueOr(QString()).toLower();
            return QString();
        }();
    return group;
}

// One route configuration per HTTP port of the Gateway's group, over the proxy's shared tables.
void RouteTable::Data::addGatewayConfigs(
    const GatewayInfo &g, const CGatewayGroup &group, const std::vector<std::shared_ptr<CTable>> &tables)
{
    auto &list = gatewayConfigs[g.key];
    for (int k = 0; k < group.ports.size(); ++k) {
        const int port = group.ports[k];
        const int ci = int(configs.size());
        list.emplace_back(port, ci);
        CConfig &cfg = configs.emplace_back();
        cfg.sidecar = false;
        cfg.port = port;
        cfg.gatewayKey = g.key;
        cfg.gatewayNamespace = g.ns;
        cfg.proxyLabels = g.spec->selector;
        const QString &proto = group.protocols[k];
        cfg.name = QStringLiteral("%1.%2 at %3")
                       .arg(proto == QLatin1String("https") ? proto : QStringLiteral("http"))
                       .arg(port)
                       .arg(g.key);
        cfg.table = tables[k];
    }
}

CServers RouteTable::Data::gatewayServers(int port, const CGatewayGroup &group) const
{
    CServers servers;
    for (int o : group.gateways) {
        const GatewayInfo &gw = gateways[o];
        for (const Server &s : gw.spec->servers)
            if (s.port.number.valueOr(0) == port && isHttpProtocol(s.port.protocol.valueOr(QString()))) {
                servers.byGateway[gw.key].push_back(int(servers.list.size()));
                servers.list.emplace_back(&gw, &s);
            }
    }
    return servers;
}

// Only VirtualServices bound to one of these Gateways can add routes:
// those visible from the gateway's namespace, private ones first, then
// in creation order.
std::vector<int> RouteTable::Data::boundVirtualServices(const CServers &servers, const QString &ns) const
{
    std::vector<int> order;
    for (auto it = servers.byGateway.cbegin(); it != servers.byGateway.cend(); ++it) {
        const auto bound = vssByGateway.constFind(it.key());
        if (bound != vssByGateway.cend())
            order.insert(order.end(), bound->begin(), bound->end());
    }
    std::sort(order.begin(), order.end());
    order.erase(std::unique(order.begin(), order.end()), order.end());
    order.erase(std::remove_if(order.begin(), order.end(),
                    [&](int i) { return !visibleTo(vss[i].exportTo, vss[i].ns, ns); }),
        order.end());
    std::stable_sort(order.begin(), order.end(),
        [&](int a, int b) { return visibilityRank(vss[a], ns) < visibilityRank(vss[b], ns); });
    return order;
}

// The routes of a VirtualService in a gateway virtual host, with the ones
// match.gateways or match.port keep from this proxy marked.
void RouteTable::Data::addGatewayEntries(CVhost &h, int vi, const CServers &servers, int port) const
{
    const CVs &vs = vss[vi];
    if (h.vs < 0)
        h.vs = vi;
    ++h.vsCount;
    for (int i = 0; i < vs.routeCount; ++i) {
        CEntry e;
        e.route = vs.firstRoute + i;
        const CRoute &r = routes[e.route];
        if (!r.matchGateways.empty()) {
            bool any = false;
            for (const QString &n : r.matchGateways)
                any = any || servers.byGateway.contains(n);
            if (!any)
                e.staticSkip = 1;
        }
        if (r.port && r.port != port)
            e.staticSkip = 2;
        h.entries.push_back(e);
    }
}

void RouteTable::Data::buildGatewayTable(CTable &cfg) const
{
    const CProxy &proxy = proxies[cfg.proxy];
    const CServers servers = gatewayServers(cfg.port, gatewayGroups[proxy.group]);
    GatewayVhosts vhosts(cfg);
    std::vector<int> boundServers;
    for (int vi : boundVirtualServices(servers, proxy.ns)) {
        const CVs &vs = vss[vi];
        // The servers of the Gateways this VirtualService names, in server order.
        boundServers.clear();
        for (const QString &g : vs.gateways) {
            const auto it = servers.byGateway.constFind(g);
            if (it != servers.byGateway.cend())
                boundServers.insert(boundServers.end(), it->begin(), it->end());
        }
        std::sort(boundServers.begin(), boundServers.end());
        boundServers.erase(std::unique(boundServers.begin(), boundServers.end()), boundServers.end());
        for (int si : boundServers) {
            const auto &[gw, server] = servers.list[si];
            const bool redirect = server->tls.present && server->tls.httpsRedirect.valueOr(false);
            for (const Field<QString> &sh : server->hosts) {
                const ServerHost host = serverHost(sh.value, gw->ns);
                if (host.namespaceFilter != QLatin1String("*") && host.namespaceFilter != vs.ns)
                    continue;
                for (const QString &vh : vs.hosts) {
                    const QString domain = intersectHosts(host.host, vh);
                    if (domain.isEmpty())
                        continue;
                    const int hi = vhosts.vhostFor(domain);
                    if (redirect)
                        cfg.vhosts[hi].httpsRedirect = true;
                    if (vhosts.bindOnce(hi, vi))
                        addGatewayEntries(cfg.vhosts[hi], vi, servers, cfg.port);
                }
            }
        }
    }
    // An httpsRedirect server redirects even when no VirtualService binds.
    for (const auto &[gw, server] : servers.list)
        if (server->tls.present && server->tls.httpsRedirect.valueOr(false))
            for (const Field<QString> &sh : server->hosts)
                cfg.vhosts[vhosts.vhostFor(serverHost(sh.value, gw->ns).host)].httpsRedirect = true;
    for (CVhost &h : cfg.vhosts) {
        // SortVHostRoutes: catch-all routes move to the end, others keep their order.
        std::stable_partition(
            h.entries.begin(), h.entries.end(), [&](const CEntry &e) { return !routes[e.route].catchAll; });
        h.linkCatchAlls(routes);
    }
    for (int i = 0; i < int(cfg.vhosts.size()); ++i)
        cfg.addCandidate(cfg.vhosts[i].domains.first(), { i, {} });
    cfg.sortWildcards();
}

} // namespace meshroute
