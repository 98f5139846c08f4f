// The sidecars' route table: a virtual host per host of every mesh-bound
// VirtualService, and a default route per registry service.
#include "routetabledata.h"

#include "hostname.h"

namespace meshroute {

void RouteTable::Data::buildSidecar()
{
    CConfig &config = configs.emplace_back();
    config.name = QStringLiteral("sidecar");
    config.sidecar = true;
    CTable &cfg = *config.table;
    for (CVs &vs : vss) {
        if (!vs.bindsMesh())
            continue;
        for (const QString &host : vs.hosts)
            addMeshHost(cfg, vs, host);
    }
    addDefaultRoutes(cfg);
    cfg.sortWildcards();
}

void RouteTable::Data::addMeshHost(CTable &cfg, const CVs &vs, const QString &host) const
{
    const int vi = int(cfg.vhosts.size());
    CVhost &vh = cfg.vhosts.emplace_back();
    vh.vs = int(&vs - vss.data());
    vh.vsCount = 1;
    for (int i = 0; i < vs.routeCount; ++i) {
        CEntry e;
        e.route = vs.firstRoute + i;
        const CRoute &r = routes[e.route];
        if (!r.matchGateways.empty()
            && std::find(r.matchGateways.begin(), r.matchGateways.end(), kMesh) == r.matchGateways.end())
            e.staticSkip = 1;
        vh.entries.push_back(e);
    }
    vh.linkCatchAlls(routes);
    if (HostName::isWildcard(host)) {
        vh.name = host;
        vh.domains << host;
        cfg.addCandidate(host, { vi, {} });
        // Registry services under the wildcard take this VirtualService's routes.
        for (auto it = services.cbegin(); it != services.cend(); ++it) {
            if (!HostName::covers(host, it.key()))
                continue;
            const int si = int(cfg.vhosts.size());
            CVhost copy = cfg.vhosts[vi];
            copy.name = it.key();
            copy.domains.clear();
            copy.ports.assign(it->ports.begin(), it->ports.end());
            cfg.vhosts.push_back(std::move(copy));
            cfg.addServiceDomains(it.key(), si, &cfg.vhosts[si].domains);
        }
        return;
    }
    vh.name = host;
    const auto known = services.constFind(host);
    if (known != services.cend())
        vh.ports.assign(known->ports.begin(), known->ports.end());
    else if (!host.endsWith(QLatin1Char('.') + HostName::clusterDomain()))
        vh.ports = { 80 }; // reference 6.14: a mesh VS host outside the registry gets a vhost on port 80 only
    // An unknown cluster-local name is most likely a Service whose
    // manifest is not loaded: serve it on every port rather than guess.
    QStringList domains;
    cfg.addServiceDomains(host, vi, &domains);
    cfg.vhosts[vi].domains = domains;
}

// Default routes: a registry service no VirtualService claims.
void RouteTable::Data::addDefaultRoutes(CTable &cfg) const
{
    for (auto it = services.cbegin(); it != services.cend(); ++it) {
        const int vi = int(cfg.vhosts.size());
        CVhost &vh = cfg.vhosts.emplace_back();
        vh.name = it.key();
        vh.defaultRoute = true;
        vh.serviceFqdn = it.key();
        vh.ports.assign(it->ports.begin(), it->ports.end());
        QStringList domains;
        cfg.addServiceDomains(it.key(), vi, &domains);
        cfg.vhosts[vi].domains = domains;
    }
    for (const auto &[host, info] : wildcardEntries) {
        const int vi = int(cfg.vhosts.size());
        CVhost &vh = cfg.vhosts.emplace_back();
        vh.name = host;
        vh.defaultRoute = true;
        vh.serviceFqdn = host;
        vh.ports.assign(info.ports.begin(), info.ports.end());
        vh.domains << host;
        cfg.addCandidate(host, { vi, {} });
    }
}

} // namespace meshroute
