#include "graphscope.h"

#include "graphmodel.h"
#include "hostname.h"
#include "workspace.h"

#include <QHash>

namespace meshroute {

namespace {

bool containsText(const QString &haystack, const QString &needle)
{
    return haystack.contains(needle, Qt::CaseInsensitive);
}

bool hostsContain(const QList<Field<QString>> &hosts, const QString &needle)
{
    for (const Field<QString> &h : hosts)
        if (containsText(h.value, needle))
            return true;
    return false;
}

// Whether the resource's name or any host it stands for contains the text.
bool matchesText(const Resource &r, const QString &needle)
{
    if (containsText(r.name(), needle)
        || containsText(r.namespaceName() + QLatin1Char('/') + r.name(), needle))
        return true;
    if (const VirtualService *vs = r.virtualService())
        return hostsContain(vs->hosts, needle);
    if (const DestinationRule *dr = r.destinationRule())
        return containsText(dr->host.value, needle);
    if (const ServiceEntry *se = r.serviceEntry())
        return hostsContain(se->hosts, needle);
    if (const Gateway *gw = r.gateway()) {
        for (const Server &s : gw->servers)
            if (hostsContain(s.hosts, needle))
                return true;
        return false;
    }
    if (r.service())
        return containsText(HostName::serviceFqdn(r.name(), r.namespaceName()), needle);
    return false;
}

template <typename Visit> void forEachDestination(const VirtualService &vs, Visit visit)
{
    for (const HttpRoute &rule : vs.http) {
        for (const HttpRouteDestination &d : rule.route)
            visit(d.destination);
        if (rule.hasMirror)
            visit(rule.mirror);
        for (const HttpMirrorPolicy &m : rule.mirrors)
            visit(m.destination);
    }
    for (const TlsRoute &rule : vs.tls)
        for (const RouteDestination &d : rule.route)
            visit(d.destination);
    for (const TcpRoute &rule : vs.tcp)
        for (const RouteDestination &d : rule.route)
            visit(d.destination);
}

// What the scope's computation reads of a resource: the names it stands for and
// points to, and the labels it selects or carries. Weights are not in it.
QString references(const Resource &r)
{
    QStringList out { r.name(), r.namespaceName() };
    if (const VirtualService *vs = r.virtualService()) {
        for (const Field<QString> &h : vs->hosts)
            out.append(h.value);
        out.append(QStringLiteral("|"));
        for (const Field<QString> &g : vs->gateways)
            out.append(g.value);
        out.append(QStringLiteral("|"));
        forEachDestination(*vs, [&](const Destination &d) { out.append(d.host.value); });
    } else if (const DestinationRule *dr = r.destinationRule()) {
        out.append(dr->host.value);
        for (const Subset &s : dr->subsets)
            for (const Label &l : s.labels)
                out.append(s.name.value + u':' + l.key + u'=' + l.value);
    } else if (const KubernetesService *svc = r.service()) {
        for (const Label &l : svc->selector)
            out.append(l.key + u'=' + l.value);
    } else if (const ServiceEntry *se = r.serviceEntry()) {
        for (const Field<QString> &h : se->hosts)
            out.append(h.value);
    } else if (const Workload *w = r.workload()) {
        for (const Label &l : w->podLabels)
            out.append(l.key + u'=' + l.value);
    }
    return out.join(QChar(0x1f));
}

int nodesOf(const Resource &r)
{
    if (const VirtualService *vs = r.virtualService()) {
        int destinations = 0;
        forEachDestination(*vs, [&](const Destination &) { ++destinations; });
        // The VS, its rules and (at most) one node per destination.
        return 1 + int(vs->http.size() + vs->tls.size() + vs->tcp.size()) + destinations;
    }
    if (const DestinationRule *dr = r.destinationRule())
        return int(dr->subsets.size());
    if (const ServiceEntry *se = r.serviceEntry())
        return int(se->hosts.size());
    if (r.service() || r.gateway() || r.workload())
        return 1;
    return 0;
}

} // namespace

int GraphScope::estimateNodes(const Resource &resource)
{
    return nodesOf(resource);
}

bool GraphScope::stillHolds(const Workspace &workspace, const QList<int> &changedIds) const
{
    if (m_all)
        return true;
    for (int id : changedIds)
        if (!m_ids.contains(id))
            return false;
    int found = 0;
    for (const Resource &r : workspace.resources) {
        if (!changedIds.contains(r.id))
            continue;
        if (references(r) != m_references.value(r.id))
            return false;
        ++found;
    }
    return found == changedIds.size(); // none was deleted
}

int GraphScope::estimateNodes(const Workspace &workspace)
{
    int nodes = 0;
    for (const Resource &r : workspace.resources)
        nodes += nodesOf(r);
    return nodes;
}

GraphScope GraphScope::around(const Workspace &ws, const QString &text, int resourceId)
{
    GraphScope scope;
    scope.m_all = false;
    const QString needle = text.trimmed();

    QSet<QString> hosts; // FQDNs inside the neighbourhood
    QSet<QString> gateways; // "ns/name"
    QList<const Resource *> workloadSeeds;
    for (const Resource &r : ws.resources) {
        if (r.id != resourceId && (needle.isEmpty() || !matchesText(r, needle)))
            continue;
        ++scope.m_seeds;
        scope.m_ids.insert(r.id);
        if (r.service())
            hosts.insert(HostName::serviceFqdn(r.name(), r.namespaceName()));
        else if (const ServiceEntry *se = r.serviceEntry())
            for (const Field<QString> &h : se->hosts)
                hosts.insert(HostName::resolve(h.value, r.namespaceName()));
        else if (const DestinationRule *dr = r.destinationRule())
            hosts.insert(HostName::resolve(dr->host.value, r.namespaceName()));
        else if (r.gateway())
            gateways.insert(r.namespaceName() + QLatin1Char('/') + r.name());
        else if (r.workload())
            workloadSeeds.append(&r);
    }
    // A workload leads to the services that select it.
    for (const Resource *w : std::as_const(workloadSeeds))
        for (const Resource &r : ws.resources)
            if (const KubernetesService *svc = r.service())
                if (svc->hasSelector && !svc->selector.isEmpty() && r.namespaceName() == w->namespaceName()
                    && labelsContain(w->workload()->podLabels, svc->selector))
                    hosts.insert(HostName::serviceFqdn(r.name(), r.namespaceName()));

    // VirtualServices: the seeds, those for a host of the neighbourhood, those routing to
    // one and those bound to a gateway of it. A short destination host resolves to a name
    // it begins, so the cheap prefix test keeps resolving off the hot path.
    QStringList wildcards; // a ServiceEntry "*.example.com" takes what it covers
    for (const QString &h : std::as_const(hosts))
        if (HostName::isWildcard(h))
            wildcards.append(h);
    auto covered = [&](const QString &host, const QString &ns) {
        if (wildcards.isEmpty())
            return false;
        const QString fqdn = HostName::resolve(host, ns);
        for (const QString &w : std::as_const(wildcards))
            if (HostName::covers(w, fqdn))
                return true;
        return false;
    };
    // Resolving allocates; most names can be ruled out first by a prefix, since a short
    // name resolves to an FQDN it begins ("reviews" -> reviews.ns.svc.cluster.local).
    auto mayBeWanted = [&](const QString &host) {
        for (const QString &h : std::as_const(hosts))
            if (h.startsWith(host, Qt::CaseInsensitive))
                return true;
        return false;
    };
    auto wanted = [&](const QString &host, const QString &ns) {
        if (host.isEmpty())
            return false;
        if (covered(host, ns))
            return true;
        return mayBeWanted(host) && hosts.contains(HostName::resolve(host, ns));
    };
    auto routesInto = [&](const Resource &r, const VirtualService &vs) {
        if (hosts.isEmpty())
            return false;
        for (const Field<QString> &h : vs.hosts)
            if (wanted(h.value, r.namespaceName()))
                return true;
        bool hit = false;
        forEachDestination(
            vs, [&](const Destination &d) { hit = hit || wanted(d.host.value, r.namespaceName()); });
        return hit;
    };
    auto boundTo = [&](const Resource &r, const VirtualService &vs) {
        if (gateways.isEmpty())
            return false;
        for (const Field<QString> &g : vs.gateways)
            if (gateways.contains(GraphModel::gatewayKey(g.value, r.namespaceName())))
                return true;
        return false;
    };
    QList<const Resource *> services;
    for (const Resource &r : ws.resources) {
        const VirtualService *vs = r.virtualService();
        if (!vs)
            continue;
        if (scope.m_ids.contains(r.id) || routesInto(r, *vs) || boundTo(r, *vs))
            services.append(&r);
    }
    // Everything the included VirtualServices route to and hang off.
    for (const Resource *r : std::as_const(services)) {
        scope.m_ids.insert(r->id);
        const VirtualService *vs = r->virtualService();
        forEachDestination(*vs, [&](const Destination &d) {
            if (!d.host.value.isEmpty())
                hosts.insert(HostName::resolve(d.host.value, r->namespaceName()));
        });
        for (const Field<QString> &g : vs->gateways) {
            const QString key = GraphModel::gatewayKey(g.value, r->namespaceName());
            if (!key.isEmpty())
                gateways.insert(key);
        }
    }
    // Services, ServiceEntries and DestinationRules of those hosts, the gateways, and the
    // workloads the services and subsets select.
    QList<const Resource *> selectors;
    for (const Resource &r : ws.resources) {
        bool in = scope.m_ids.contains(r.id);
        if (r.service())
            in = in
                || (mayBeWanted(r.name())
                    && hosts.contains(HostName::serviceFqdn(r.name(), r.namespaceName())));
        else if (const ServiceEntry *se = r.serviceEntry()) {
            for (const Field<QString> &h : se->hosts) {
                const QString host = HostName::resolve(h.value, r.namespaceName());
                if (hosts.contains(host))
                    in = true;
                else if (HostName::isWildcard(host))
                    for (const QString &wanted : std::as_const(hosts))
                        in = in || HostName::covers(host, wanted);
            }
        } else if (const DestinationRule *dr = r.destinationRule())
            in = in || wanted(dr->host.value, r.namespaceName());
        else if (r.gateway())
            in = in || gateways.contains(r.namespaceName() + QLatin1Char('/') + r.name());
        if (!in)
            continue;
        scope.m_ids.insert(r.id);
        if (r.service() || r.destinationRule())
            selectors.append(&r);
    }
    // A subset's labels narrow its service's selector, as in GraphModel: "version: v1"
    // alone would pull in every v1 workload of the namespace.
    QHash<QString, Labels> serviceSelectors; // FQDN -> selector
    for (const Resource *s : std::as_const(selectors))
        if (const KubernetesService *svc = s->service(); svc && svc->hasSelector)
            serviceSelectors.insert(HostName::serviceFqdn(s->name(), s->namespaceName()), svc->selector);
    QList<QPair<QString, Labels>> workloadSelectors; // namespace, labels
    for (const Resource *s : std::as_const(selectors)) {
        if (const KubernetesService *svc = s->service()) {
            if (svc->hasSelector && !svc->selector.isEmpty())
                workloadSelectors.append({ s->namespaceName(), svc->selector });
        } else if (const DestinationRule *dr = s->destinationRule()) {
            const QString fqdn = HostName::resolve(dr->host.value, s->namespaceName());
            const Labels service = serviceSelectors.value(fqdn);
            for (const Subset &sub : dr->subsets) {
                if (sub.labels.isEmpty())
                    continue;
                Labels merged = sub.labels;
                for (const Label &l : service) {
                    bool overridden = false;
                    for (const Label &m : sub.labels)
                        overridden |= m.key == l.key;
                    if (!overridden)
                        merged.append(l);
                }
                workloadSelectors.append({ HostName::namespaceOf(fqdn), merged });
            }
        }
    }
    for (const Resource &r : ws.resources) {
        const Workload *w = r.workload();
        if (!w || scope.m_ids.contains(r.id))
            continue;
        for (const auto &[ns, labels] : std::as_const(workloadSelectors))
            if (ns == r.namespaceName() && labelsContain(w->podLabels, labels)) {
                scope.m_ids.insert(r.id);
                break;
            }
    }
    for (const Resource &r : ws.resources)
        if (scope.m_ids.contains(r.id)) {
            scope.m_estimatedNodes += nodesOf(r);
            scope.m_references.insert(r.id, references(r));
        }
    return scope;
}

} // namespace meshroute
