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
    if (const GatewayApiRoute *route = r.gatewayApiRoute())
        return hostsContain(route->hostnames, needle);
    if (const KubernetesGateway *gw = r.kubernetesGateway()) {
        for (const Listener &l : gw->listeners)
            if (containsText(l.hostname.value, needle))
                return true;
    }
    return false;
}

QString qualifiedRef(const Field<QString> &ns, const Field<QString> &name, const Resource &from)
{
    return (ns.present ? ns.value : from.namespaceName()) + QLatin1Char('/') + name.value;
}

bool isCoreService(const Field<QString> &group, const Field<QString> &kind, bool parent)
{
    const bool core = !group.present || group.value.isEmpty() || group.value == QLatin1String("core");
    return core
        && kind.valueOr(parent ? QStringLiteral("Gateway") : QStringLiteral("Service"))
        == QLatin1String("Service");
}

// A Gateway API route's parents, backends and mirrors as the scope reads them: Gateways by
// "ns/name", Services (a mesh parent, a backend, a mirror) by FQDN. Binding is the graph's business, not the
// scope's.
template <typename Gateway, typename Host>
void forEachReference(const Resource &r, Gateway gateway, Host host)
{
    const GatewayApiRoute *route = r.gatewayApiRoute();
    for (const ParentReference &p : route->parentRefs) {
        const QString name = qualifiedRef(p.namespace_, p.name, r);
        if (isCoreService(p.group, p.kind, true))
            host(HostName::serviceFqdn(p.name.value, name.section(QLatin1Char('/'), 0, 0)));
        else
            gateway(name);
    }
    auto service = [&](const ObjectReference &ref) {
        if (isCoreService(ref.group, ref.kind, false))
            host(HostName::serviceFqdn(ref.name.value, ref.namespace_.valueOr(r.namespaceName())));
    };
    for (const RouteRule &rule : route->rules) {
        for (const BackendRef &b : rule.backendRefs)
            service(b.ref);
        for (const RouteFilter &f : rule.filters) // drawn as mirror edges, as a VirtualService's mirrors
            if (f.requestMirror.present)
                service(f.requestMirror.backendRef);
    }
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
    } else if (const GatewayApiRoute *route = r.gatewayApiRoute()) {
        for (const Field<QString> &h : route->hostnames)
            out.append(h.value);
        forEachReference(
            r, [&](const QString &g) { out.append(g); }, [&](const QString &h) { out.append(h); });
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
    if (const GatewayApiRoute *route = r.gatewayApiRoute()) {
        int nodes = 1 + int(route->rules.size());
        for (const RouteRule &rule : route->rules)
            nodes += int(rule.backendRefs.size());
        return nodes;
    }
    if (r.service() || r.gateway() || r.workload() || r.kubernetesGateway())
        return 1;
    return 0;
}

// The neighbourhood GraphScope::around() grows step by step: the resources taken so far
// and the hosts (FQDNs) and gateways ("ns/name") they name, which decide what the next
// step takes.
class Neighbourhood
{
public:
    explicit Neighbourhood(const Workspace &ws)
        : m_ws(ws)
    { }

    // The resources matching `needle` or with id `resourceId`; returns how many.
    int addSeeds(const QString &needle, int resourceId);
    // A workload leads to the services that select it.
    void addServicesOfWorkloadSeeds();
    // VirtualServices: the seeds, those for a host of the neighbourhood, those routing
    // to one and those bound to a gateway of it; then what they route to and hang off.
    void addVirtualServices();
    // Gateway API routes: the seeds, those attached to a seed gateway or to a Service of the
    // neighbourhood or routing to one of its hosts; then their parents and backends.
    void addGatewayApiRoutes();
    // Services, ServiceEntries and DestinationRules of the hosts, and the gateways.
    void addHostDefinitions();
    // The workloads the services and subsets taken select.
    void addSelectedWorkloads();

    const QSet<int> &ids() const { return m_ids; }

private:
    bool covered(const QString &host, const QString &ns) const;
    bool mayBeWanted(const QString &host) const;
    bool wanted(const QString &host, const QString &ns) const;
    bool routesInto(const Resource &r, const VirtualService &vs) const;
    bool boundTo(const Resource &r, const VirtualService &vs) const;
    bool definesWantedHost(const Resource &r) const;
    QList<QPair<QString, Labels>> workloadSelectors() const;

    const Workspace &m_ws;
    QSet<int> m_ids;
    QSet<QString> m_hosts; // FQDNs inside the neighbourhood
    QSet<QString> m_gateways; // "ns/name"
    // Gateways that are seeds themselves: only they bring every route attached to them (one
    // ingress Gateway can take thousands of HTTPRoutes; a route brings its Gateway, not its siblings).
    QSet<QString> m_seedGateways;
    QStringList m_wildcards; // a ServiceEntry "*.example.com" takes what it covers
    QList<const Resource *> m_workloadSeeds;
    QList<const Resource *> m_selectors; // Services and DestinationRules taken
};

int Neighbourhood::addSeeds(const QString &needle, int resourceId)
{
    int seeds = 0;
    for (const Resource &r : m_ws.resources) {
        if (r.id != resourceId && (needle.isEmpty() || !matchesText(r, needle)))
            continue;
        ++seeds;
        m_ids.insert(r.id);
        if (r.service())
            m_hosts.insert(HostName::serviceFqdn(r.name(), r.namespaceName()));
        else if (const ServiceEntry *se = r.serviceEntry())
            for (const Field<QString> &h : se->hosts)
                m_hosts.insert(HostName::resolve(h.value, r.namespaceName()));
        else if (const DestinationRule *dr = r.destinationRule())
            m_hosts.insert(HostName::resolve(dr->host.value, r.namespaceName()));
        else if (r.gateway() || r.kubernetesGateway()) {
            m_gateways.insert(r.namespaceName() + QLatin1Char('/') + r.name());
            m_seedGateways.insert(r.namespaceName() + QLatin1Char('/') + r.name());
        } else if (r.workload())
            m_workloadSeeds.append(&r);
    }
    return seeds;
}

void Neighbourhood::addServicesOfWorkloadSeeds()
{
    for (const Resource *w : std::as_const(m_workloadSeeds))
        for (const Resource &r : m_ws.resources)
            if (const KubernetesService *svc = r.service())
                if (svc->hasSelector && !svc->selector.isEmpty() && r.namespaceName() == w->namespaceName()
                    && labelsContain(w->workload()->podLabels, svc->selector))
                    m_hosts.insert(HostName::serviceFqdn(r.name(), r.namespaceName()));
}

bool Neighbourhood::covered(const QString &host, const QString &ns) const
{
    if (m_wildcards.isEmpty())
        return false;
    const QString fqdn = HostName::resolve(host, ns);
    for (const QString &w : std::as_const(m_wildcards))
        if (HostName::covers(w, fqdn))
            return true;
    return false;
}

// Resolving allocates; most names can be ruled out first by a prefix, since a short
// name resolves to an FQDN it begins ("reviews" -> reviews.ns.svc.cluster.local).
bool Neighbourhood::mayBeWanted(const QString &host) const
{
    for (const QString &h : std::as_const(m_hosts))
        if (h.startsWith(host, Qt::CaseInsensitive))
            return true;
    return false;
}

bool Neighbourhood::wanted(const QString &host, const QString &ns) const
{
    if (host.isEmpty())
        return false;
    if (covered(host, ns))
        return true;
    return mayBeWanted(host) && m_hosts.contains(HostName::resolve(host, ns));
}

bool Neighbourhood::routesInto(const Resource &r, const VirtualService &vs) const
{
    if (m_hosts.isEmpty())
        return false;
    for (const Field<QString> &h : vs.hosts)
        if (wanted(h.value, r.namespaceName()))
            return true;
    bool hit = false;
    forEachDestination(
        vs, [&](const Destination &d) { hit = hit || wanted(d.host.value, r.namespaceName()); });
    return hit;
}

bool Neighbourhood::boundTo(const Resource &r, const VirtualService &vs) const
{
    if (m_gateways.isEmpty())
        return false;
    for (const Field<QString> &g : vs.gateways)
        if (m_gateways.contains(GraphModel::gatewayKey(g.value, r.namespaceName())))
            return true;
    return false;
}

void Neighbourhood::addVirtualServices()
{
    // Only the wildcards known before the VirtualServices add their destinations.
    for (const QString &h : std::as_const(m_hosts))
        if (HostName::isWildcard(h))
            m_wildcards.append(h);
    QList<const Resource *> services;
    for (const Resource &r : m_ws.resources) {
        const VirtualService *vs = r.virtualService();
        if (!vs)
            continue;
        if (m_ids.contains(r.id) || routesInto(r, *vs) || boundTo(r, *vs))
            services.append(&r);
    }
    for (const Resource *r : std::as_const(services)) {
        m_ids.insert(r->id);
        const VirtualService *vs = r->virtualService();
        forEachDestination(*vs, [&](const Destination &d) {
            if (!d.host.value.isEmpty())
                m_hosts.insert(HostName::resolve(d.host.value, r->namespaceName()));
        });
        for (const Field<QString> &g : vs->gateways) {
            const QString key = GraphModel::gatewayKey(g.value, r->namespaceName());
            if (!key.isEmpty())
                m_gateways.insert(key);
        }
    }
}

void Neighbourhood::addGatewayApiRoutes()
{
    QList<const Resource *> routes;
    for (const Resource &r : m_ws.resources) {
        if (!r.gatewayApiRoute() || !isGatewayApiRoute(r.kind))
            continue;
        bool in = m_ids.contains(r.id);
        forEachReference(
            r, [&](const QString &g) { in = in || m_seedGateways.contains(g); },
            [&](const QString &h) { in = in || m_hosts.contains(h); });
        if (in)
            routes.append(&r);
    }
    for (const Resource *r : std::as_const(routes)) {
        m_ids.insert(r->id);
        forEachReference(
            *r, [&](const QString &g) { m_gateways.insert(g); },
            [&](const QString &h) { m_hosts.insert(h); });
    }
}

bool Neighbourhood::definesWantedHost(const Resource &r) const
{
    if (r.service())
        return mayBeWanted(r.name()) && m_hosts.contains(HostName::serviceFqdn(r.name(), r.namespaceName()));
    if (const ServiceEntry *se = r.serviceEntry()) {
        bool in = false;
        for (const Field<QString> &h : se->hosts) {
            const QString host = HostName::resolve(h.value, r.namespaceName());
            if (m_hosts.contains(host))
                in = true;
            else if (HostName::isWildcard(host))
                for (const QString &wanted : std::as_const(m_hosts))
                    in = in || HostName::covers(host, wanted);
        }
        return in;
    }
    if (const DestinationRule *dr = r.destinationRule())
        return wanted(dr->host.value, r.namespaceName());
    if (r.gateway() || r.kubernetesGateway())
        return m_gateways.contains(r.namespaceName() + QLatin1Char('/') + r.name());
    return false;
}

void Neighbourhood::addHostDefinitions()
{
    for (const Resource &r : m_ws.resources) {
        if (!m_ids.contains(r.id) && !definesWantedHost(r))
            continue;
        m_ids.insert(r.id);
        if (r.service() || r.destinationRule())
            m_selectors.append(&r);
    }
}

// (namespace, labels) pairs: a subset's labels narrow its service's selector, as in
// GraphModel: "version: v1" alone would pull in every v1 workload of the namespace.
QList<QPair<QString, Labels>> Neighbourhood::workloadSelectors() const
{
    QHash<QString, Labels> serviceSelectors; // FQDN -> selector
    for (const Resource *s : std::as_const(m_selectors))
        if (const KubernetesService *svc = s->service(); svc && svc->hasSelector)
            serviceSelectors.insert(HostName::serviceFqdn(s->name(), s->namespaceName()), svc->selector);
    QList<QPair<QString, Labels>> out;
    for (const Resource *s : std::as_const(m_selectors)) {
        if (const KubernetesService *svc = s->service()) {
            if (svc->hasSelector && !svc->selector.isEmpty())
                out.append({ s->namespaceName(), svc->selector });
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
                out.append({ HostName::namespaceOf(fqdn), merged });
            }
        }
    }
    return out;
}

void Neighbourhood::addSelectedWorkloads()
{
    const QList<QPair<QString, Labels>> selectors = workloadSelectors();
    for (const Resource &r : m_ws.resources) {
        const Workload *w = r.workload();
        if (!w || m_ids.contains(r.id))
            continue;
        for (const auto &[ns, labels] : std::as_const(selectors))
            if (ns == r.namespaceName() && labelsContain(w->podLabels, labels)) {
                m_ids.insert(r.id);
                break;
            }
    }
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
    Neighbourhood neighbourhood(ws);
    scope.m_seeds = neighbourhood.addSeeds(text.trimmed(), resourceId);
    neighbourhood.addServicesOfWorkloadSeeds();
    neighbourhood.addVirtualServices();
    neighbourhood.addGatewayApiRoutes();
    neighbourhood.addHostDefinitions();
    neighbourhood.addSelectedWorkloads();
    scope.m_ids = neighbourhood.ids();
    for (const Resource &r : ws.resources)
        if (scope.m_ids.contains(r.id)) {
            scope.m_estimatedNodes += nodesOf(r);
            scope.m_references.insert(r.id, references(r));
        }
    return scope;
}

} // namespace meshroute
