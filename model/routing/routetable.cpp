#include "routetable.h"

#include "routetabledata.h"

#include "gatewayapitranslator.h"

#include <QSet>

namespace meshroute {

namespace {

QString resolveHostLower(const QString &host, const QString &ns)
{
    QString h = HostName::resolve(host.trimmed(), ns).toLower();
    if (h.endsWith(QLatin1Char('.')))
        h.chop(1);
    return h;
}

// The routes a VirtualService's own rules give: one per match, one for a
// rule without match. Delegated rules may give more; the vectors grow then.
std::size_t ownRouteCount(const VirtualService &vs)
{
    std::size_t n = 0;
    for (const HttpRoute &rule : vs.http)
        n += std::max<qsizetype>(1, rule.match.size());
    return n;
}

} // namespace

RouteTable::Data::Data()
{
    configs.emplace_back().name = QStringLiteral("sidecar");
}

RouteTable::Data::Data(const Workspace &workspace)
    : ws(workspace)
{ }

namespace {

Workspace withGenerated(const Workspace &workspace, const GatewayApiTranslation &translation)
{
    Workspace copy = workspace;
    copy.resources.detach();
    copy.resources += translation.resources;
    return copy;
}

} // namespace

RouteTable::Data::Data(const Workspace &workspace, GatewayApiTranslation translation)
    : ws(withGenerated(workspace, translation))
    , gatewayApi(std::move(translation))
{
    gatewayApi.resources.clear(); // they live in ws
}

void RouteTable::Data::indexResource(const Resource &r)
{
    if (!byId.contains(r.id))
        byId.insert(r.id, &r); // the first of an id, as Workspace::byId finds
    const QString ns = r.namespaceName();
    switch (r.kind) {
    case ResourceKind::Service:
        if (const KubernetesService *s = r.service())
            addRegistryService(r, *s);
        break;
    case ResourceKind::ServiceEntry:
        if (const ServiceEntry *se = r.serviceEntry())
            addServiceEntry(r, *se);
        break;
    case ResourceKind::DestinationRule:
        if (const DestinationRule *dr = r.destinationRule()) {
            const QString host = resolveHostLower(dr->host.valueOr(QString()), ns);
            if (HostName::isWildcard(host))
                wildcardDrs.push_back(int(drs.size()));
            else
                drsByHost[host].push_back(int(drs.size()));
            drs.push_back({ host, dr });
        }
        break;
    case ResourceKind::Workload:
        if (const Workload *w = r.workload()) {
            workloadsByNamespace[ns].push_back(int(workloads.size()));
            workloads.push_back({ ns, w });
        }
        break;
    case ResourceKind::Gateway:
        if (const Gateway *g = r.gateway())
            gateways.push_back({ ns + QLatin1Char('/') + r.name(), ns, g });
        break;
    case ResourceKind::VirtualService:
        if (const VirtualService *vs = r.virtualService(); vs && !vs->hosts.isEmpty())
            addRootVirtualService(r, *vs); // a delegate (no hosts) is reached through its root
        break;
    default:
        break;
    }
}

void RouteTable::Data::addRegistryService(const Resource &r, const KubernetesService &s)
{
    const QString ns = r.namespaceName();
    ServiceInfo info;
    info.ns = ns;
    info.k8s = &s;
    for (const ServicePort &p : s.ports)
        if (p.port.present && !info.ports.contains(int(p.port.value)))
            info.ports.append(int(p.port.value));
    services.insert(HostName::serviceFqdn(r.name(), ns).toLower(), info);
    hasRegistry = true;
}

void RouteTable::Data::addServiceEntry(const Resource &r, const ServiceEntry &se)
{
    const QString ns = r.namespaceName();
    ServiceInfo info;
    info.ns = ns;
    for (const ServicePort &p : se.ports)
        if (p.port.present && !info.ports.contains(int(p.port.value)))
            info.ports.append(int(p.port.value));
    for (const Field<QString> &h : se.hosts) {
        const QString host = resolveHostLower(h.value, ns);
        if (HostName::isWildcard(host))
            wildcardEntries.emplace_back(host, info);
        else if (!services.contains(host))
            services.insert(host, info);
    }
    hasRegistry = true;
}

void RouteTable::Data::addRootVirtualService(const Resource &r, const VirtualService &vs)
{
    const QString ns = r.namespaceName();
    CVs c;
    c.res = &r;
    c.spec = &vs;
    c.ns = ns;
    c.key = ns + QLatin1Char('/') + r.name();
    for (const Field<QString> &g : vs.gateways)
        c.gateways.push_back(resolveGatewayName(g.value.trimmed(), ns));
    if (c.gateways.empty())
        c.gateways.push_back(kMesh);
    QSet<QString> seenHosts; // a list's contains() would be quadratic in 100,000 hosts
    for (const Field<QString> &h : vs.hosts) {
        const QString host = resolveHostLower(h.value, ns);
        if (!host.isEmpty() && !seenHosts.contains(host)) {
            seenHosts.insert(host);
            c.hosts << host;
        }
    }
    for (const Field<QString> &e : vs.exportTo)
        c.exportTo << e.value.trimmed();
    c.gatewaySemantics
        = labelValue(r.metadata.annotations, QStringLiteral("internal.istio.io/route-semantics"))
        == QLatin1String("gateway");
    vss.push_back(std::move(c));
}

RouteTable::RouteTable()
    : d(std::make_shared<Data>())
{ }
RouteTable::~RouteTable() = default;
RouteTable::RouteTable(const RouteTable &) = default;
RouteTable &RouteTable::operator=(const RouteTable &) = default;
RouteTable::RouteTable(RouteTable &&) noexcept = default;
RouteTable &RouteTable::operator=(RouteTable &&) noexcept = default;

// Compiles every VirtualService and the sidecar table; a gateway's tables are
// built when a request first asks for that gateway (Data::table), so routing
// one request builds only its own.
RouteTable RouteTable::compile(const Workspace &workspace)
{
    return compile(workspace, CompileOptions {});
}

RouteTable RouteTable::compile(const Workspace &workspace, const CompileOptions &options)
{
    // Gateway API objects become the Gateways and VirtualServices istiod generates for them.
    auto d = GatewayApiTranslator::hasGatewayApi(workspace) ? std::make_shared<Data>(
                 workspace, GatewayApiTranslator(workspace, { options.gatewayApiCrdDefaults }).translate())
                                                            : std::make_shared<Data>(workspace);
    for (const Resource &r : d->ws.resources)
        d->indexResource(r);
    // Creation order: creationTimestamp, then name, then namespace (istiod's sortConfigByCreationTime).
    std::stable_sort(d->vss.begin(), d->vss.end(), [](const CVs &a, const CVs &b) {
        const QString &ta = a.res->metadata.creationTimestamp.value,
                      &tb = b.res->metadata.creationTimestamp.value;
        if (ta != tb)
            return ta < tb;
        if (a.res->name() != b.res->name())
            return a.res->name() < b.res->name();
        return a.ns < b.ns;
    });
    // Sized once: grown by doubling, the route vectors of a 25,000-route mesh
    // kept room for 32,768 (about 6 MB unused, held as long as the table).
    std::size_t routeCount = 0;
    for (const CVs &vs : d->vss)
        routeCount += ownRouteCount(*vs.spec);
    d->routes.reserve(routeCount);
    d->infos.reserve(routeCount);
    d->routeRule.reserve(routeCount);
    for (int i = 0; i < int(d->vss.size()); ++i) {
        d->vss[i].order = i;
        d->compileVirtualService(d->vss[i]);
    }
    d->buildSidecar();
    d->buildGateways();
    d->addGatewayApiAliases();
    RouteTable t;
    t.d = std::move(d);
    return t;
}

const RouteTable::RouteInfo &RouteTable::routeInfo(int route) const
{
    return d->infos[route];
}

int RouteTable::routeCount() const
{
    return int(d->routes.size());
}

QList<RouteTable::RuleRef> RouteTable::rules() const
{
    return d->rules;
}

int RouteTable::ruleOf(int route) const
{
    return route >= 0 && route < int(d->routeRule.size()) ? d->routeRule[route] : -1;
}

const Workspace &RouteTable::workspace() const
{
    return d->ws;
}

const Resource *RouteTable::resource(int id) const
{
    return d->byId.value(id);
}

bool RouteTable::servicePorts(const QString &fqdn, QList<int> *ports) const
{
    const QString h = fqdn.toLower();
    auto it = d->services.constFind(h);
    if (it != d->services.cend()) {
        *ports = it->ports;
        return true;
    }
    for (const auto &[host, info] : d->wildcardEntries)
        if (HostName::covers(host, h)) {
            *ports = info.ports;
            return true;
        }
    return false;
}

bool RouteTable::isKnownHost(const QString &fqdn) const
{
    QList<int> ports;
    return servicePorts(fqdn, &ports);
}

bool RouteTable::hasRegistry() const
{
    return d->hasRegistry;
}

bool RouteTable::subsetDefined(const QString &fqdn, const QString &subset) const
{
    bool found = false;
    d->forDestinationRules(
        fqdn.toLower(), [&](const DrInfo &dr) { return found = dr.spec->findSubset(subset) != nullptr; });
    return found;
}

int RouteTable::readyPods(const QString &fqdn, const QString &subset) const
{
    const QString h = fqdn.toLower();
    auto it = d->services.constFind(h);
    if (it == d->services.cend() || !it->k8s || !it->k8s->hasSelector || it->k8s->selector.isEmpty())
        return -1;
    const auto inNamespace = d->workloadsByNamespace.constFind(it->ns);
    if (inNamespace == d->workloadsByNamespace.cend())
        return -1; // no workload of that namespace is loaded: the workspace cannot tell
    Labels want = it->k8s->selector;
    if (!subset.isEmpty()) {
        const Subset *s = nullptr;
        d->forDestinationRules(
            h, [&](const DrInfo &dr) { return (s = dr.spec->findSubset(subset)) != nullptr; });
        if (!s)
            return -1;
        want += s->labels;
    }
    int pods = 0;
    for (int i : *inNamespace) {
        const WorkloadInfo &w = d->workloads[i];
        if (labelsContain(w.spec->podLabels, want))
            pods += std::max(0, w.spec->replicaCount());
    }
    return pods;
}

const KubernetesService *RouteTable::kubernetesService(const QString &fqdn, QString *namespaceName) const
{
    auto it = d->services.constFind(fqdn.toLower());
    if (it == d->services.cend())
        return nullptr;
    if (namespaceName)
        *namespaceName = it->ns;
    return it->k8s;
}

QStringList RouteTable::gatewayNames() const
{
    QStringList out;
    for (const GatewayInfo &g : d->gateways)
        out << g.key;
    for (auto it = d->gatewayApi.gatewayAliases.cbegin(); it != d->gatewayApi.gatewayAliases.cend(); ++it)
        if (!out.contains(it.key()))
            out << it.key();
    return out;
}

const GatewayApiTranslation &RouteTable::gatewayApi() const
{
    return d->gatewayApi;
}

int RouteTable::compiledRegexCount() const
{
    int n = 0;
    for (const auto &[p, re] : d->regexCache)
        n += re ? 1 : 0;
    return n;
}

} // namespace meshroute
