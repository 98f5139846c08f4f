// The domain index of a route table and the catch-all links of its virtual
// hosts, shared by the sidecar and the gateway tables.
#include "routetabledata.h"

namespace meshroute {

void CTable::addCandidate(const QString &domain, const Candidate &c)
{
    if (domain == QLatin1String("*")) {
        star.push_back(c);
        return;
    }
    if (domain.startsWith(QLatin1Char('*'))) {
        const std::string s = domain.mid(1).toStdString();
        for (auto &p : suffix)
            if (p.first == s) {
                p.second.push_back(c);
                return;
            }
        suffix.emplace_back(s, std::vector<Candidate> { c });
        return;
    }
    if (domain.endsWith(QLatin1Char('*'))) {
        const std::string s = domain.chopped(1).toStdString();
        for (auto &p : prefix)
            if (p.first == s) {
                p.second.push_back(c);
                return;
            }
        prefix.emplace_back(s, std::vector<Candidate> { c });
        return;
    }
    exact[domain.toStdString()].push_back(c);
}

void CTable::sortWildcards()
{
    auto longer = [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); };
    std::stable_sort(suffix.begin(), suffix.end(), longer);
    std::stable_sort(prefix.begin(), prefix.end(), longer);
}

void CTable::addServiceDomains(const QString &fqdn, int vhost, QStringList *domains)
{
    addCandidate(fqdn, { vhost, {} });
    domains->append(fqdn);
    const QString tail = QLatin1Char('.') + HostName::clusterDomain();
    if (!fqdn.endsWith(tail))
        return;
    const QStringList parts = fqdn.left(fqdn.size() - tail.size()).split(QLatin1Char('.'));
    if (parts.size() != 2)
        return;
    const QString nameNs = parts[0] + QLatin1Char('.') + parts[1];
    addCandidate(nameNs, { vhost, {} });
    addCandidate(nameNs + QStringLiteral(".svc"), { vhost, {} });
    addCandidate(parts[0], { vhost, parts[1] });
    *domains << nameNs << nameNs + QStringLiteral(".svc") << parts[0];
}

void CVhost::linkCatchAlls(const std::vector<CRoute> &routes)
{
    std::unordered_map<int, std::vector<std::pair<int, int>>> catchAlls; // vs -> (ownPos, entry)
    for (std::size_t j = 0; j < entries.size(); ++j) {
        const CRoute &o = routes[entries[j].route];
        if (o.catchAll)
            catchAlls[o.vs].emplace_back(o.ownPos, int(j));
    }
    if (catchAlls.empty())
        return;
    for (CEntry &e : entries) {
        const CRoute &r = routes[e.route];
        auto it = catchAlls.find(r.vs);
        if (it == catchAlls.end())
            continue;
        int bestPos = -1;
        for (const auto &[pos, entry] : it->second)
            if (pos < r.ownPos && pos > bestPos) {
                bestPos = pos;
                e.prevCatchAll = entry;
            }
    }
}
} // namespace meshroute
