#include "meshindex.h"

#include "hostname.h"
#include "resource.h"
#include "workspace.h"

namespace meshroute {

MeshIndex::MeshIndex(const Workspace &workspace)
{
    const qsizetype n = workspace.resources.size();
    m_vsByKey.reserve(n / 4);
    m_registry.reserve(n / 4);
    m_drsByHost.reserve(n / 4);
    m_workloadsByLabel.reserve(n);
    m_referencedSubsets.reserve(n / 2);
    for (const Resource &r : workspace.resources)
        add(r);
    // Which subsets some route uses decides how loud an empty subset is.
    for (const Resource *r : std::as_const(m_virtualServices))
        noteRoutedSubsets(*r);
}

void MeshIndex::add(const Resource &r)
{
    const QString ns = r.namespaceName();
    switch (r.kind) {
    case ResourceKind::VirtualService:
        m_virtualServices.append(&r);
        m_vsByKey.insert(ns + QLatin1Char('/') + r.name(), &r);
        break;
    case ResourceKind::DestinationRule:
        if (const DestinationRule *dr = r.destinationRule(); dr && dr->host.present) {
            m_destinationRules.append(&r);
            const QString host = HostName::resolve(dr->host.value, ns).toLower();
            if (HostName::isWildcard(host))
                m_wildcardDrs.append({ host, &r });
            else
                m_drsByHost[host].append(&r);
        }
        break;
    case ResourceKind::Gateway:
        m_gateways.append(&r);
        m_gatewayByKey.insert(ns + QLatin1Char('/') + r.name(), &r);
        m_gatewayNamespaces.insert(ns);
        break;
    case ResourceKind::Service:
        addService(r);
        break;
    case ResourceKind::ServiceEntry:
        addServiceEntry(r);
        break;
    case ResourceKind::Workload:
        if (r.workload()) {
            m_workloads.append(&r);
            for (const Label &l : r.workload()->podLabels)
                m_workloadsByLabel[l.key + QLatin1Char('=') + l.value].append(&r);
        }
        break;
    case ResourceKind::KubernetesGateway:
        // Gateway API gateways can be bound by VirtualServices too; their listeners are not Istio servers.
        m_foreignGateways.insert(ns + QLatin1Char('/') + r.name());
        break;
    case ResourceKind::GatewayClass:
    case ResourceKind::HTTPRoute:
    case ResourceKind::GRPCRoute:
    case ResourceKind::TCPRoute:
    case ResourceKind::TLSRoute:
    case ResourceKind::ReferenceGrant:
        break; // the Gateway API binding checks read them from the workspace
    case ResourceKind::Other:
        if (r.kindName.value == QLatin1String("RequestAuthentication"))
            m_hasRequestAuthentication = true;
        // A Gateway of a version the readers do not know (kindOf) is still a gateway a VirtualService
        // can name.
        if (r.kindName.value == QLatin1String("Gateway"))
            m_foreignGateways.insert(ns + QLatin1Char('/') + r.name());
        break;
    }
}

void MeshIndex::addService(const Resource &r)
{
    const KubernetesService *s = r.service();
    if (!s)
        return;
    const QString ns = r.namespaceName();
    m_services.append(&r);
    m_serviceNamespaces.insert(ns);
    Entry e;
    e.resource = &r;
    e.host = HostName::serviceFqdn(r.name(), ns).toLower();
    const QString exportTo
        = labelValue(r.metadata.annotations, QStringLiteral("networking.istio.io/exportTo"));
    if (!exportTo.isEmpty())
        e.visibility = ExportVisibility::of(exportTo.split(QLatin1Char(',')), ns);
    for (const ServicePort &p : s->ports)
        if (p.port.present)
            e.ports.append(p.port.value);
    m_registry[e.host].append(e);
}

void MeshIndex::addServiceEntry(const Resource &r)
{
    const ServiceEntry *se = r.serviceEntry();
    if (!se)
        return;
    const QString ns = r.namespaceName();
    for (const Field<QString> &h : se->hosts) {
        Entry e;
        e.resource = &r;
        e.host = HostName::resolve(h.value, ns).toLower();
        e.visibility = ExportVisibility::of(se->exportTo, ns);
        for (const ServicePort &p : se->ports)
            if (p.port.present)
                e.ports.append(p.port.value);
        if (HostName::isWildcard(e.host))
            m_wildcardRegistry.append(e);
        else
            m_registry[e.host].append(e);
    }
}

void MeshIndex::noteRoutedSubsets(const Resource &r)
{
    const VirtualService &vs = *r.virtualService();
    if (appliesToMesh(vs)) {
        bool subsets = false;
        for (const HttpRoute &rule : vs.http)
            for (const HttpRouteDestination &d : rule.route)
                subsets = subsets || d.destination.subset.present;
        if (subsets)
            for (const Field<QString> &h : vs.hosts)
                m_meshSubsetRouting.insert(HostName::resolve(h.value, r.namespaceName()).toLower(), &r);
    }
    const auto note = [&](const Destination &d) {
        if (d.host.present && d.subset.present)
            m_referencedSubsets.insert(HostName::resolve(d.host.value, r.namespaceName()).toLower()
                + QLatin1Char('|') + d.subset.value);
    };
    for (const HttpRoute &h : vs.http) {
        for (const HttpRouteDestination &d : h.route)
            note(d.destination);
        if (h.hasMirror)
            note(h.mirror);
        for (const HttpMirrorPolicy &m : h.mirrors)
            note(m.destination);
    }
    for (const TcpRoute &t : vs.tcp)
        for (const RouteDestination &d : t.route)
            note(d.destination);
    for (const TlsRoute &t : vs.tls)
        for (const RouteDestination &d : t.route)
            note(d.destination);
}

QList<const MeshIndex::Entry *> MeshIndex::lookup(const QString &resolved, bool *alias) const
{
    QList<const Entry *> out;
    if (const auto it = m_registry.constFind(resolved); it != m_registry.cend())
        for (const Entry &e : *it)
            out.append(&e);
    for (const Entry &e : m_wildcardRegistry)
        if (HostName::covers(e.host, resolved))
            out.append(&e);
    if (out.isEmpty() && resolved.count(QLatin1Char('.')) == 1) {
        const QString fqdn = resolved + QLatin1Char('.') + HostName::clusterDomain();
        if (const auto it = m_registry.constFind(fqdn); it != m_registry.cend()) {
            for (const Entry &e : *it)
                out.append(&e);
            if (alias)
                *alias = true;
        }
    }
    return out;
}

QString MeshIndex::registeredHost(const QString &resolved) const
{
    bool alias = false;
    if (resolved.count(QLatin1Char('.')) == 1) // only then can lookup() take the alias
        lookup(resolved, &alias);
    return alias ? resolved + QLatin1Char('.') + HostName::clusterDomain() : resolved;
}

bool MeshIndex::knowsRuleHost(const QString &host) const
{
    bool known = !lookup(host).isEmpty();
    if (!known && HostName::isWildcard(host)) {
        for (auto it = m_registry.cbegin(); it != m_registry.cend() && !known; ++it)
            known = HostName::covers(host, it.key());
        for (const Entry &e : m_wildcardRegistry)
            known = known || HostName::overlaps(host, e.host);
    }
    return known;
}

const Resource *MeshIndex::serviceOf(const QString &host) const
{
    const Resource *service = nullptr;
    if (const auto it = m_registry.constFind(host); it != m_registry.cend())
        for (const Entry &e : *it)
            if (e.resource->kind == ResourceKind::Service)
                service = e.resource;
    return service;
}

QList<const Resource *> MeshIndex::destinationRulesFor(const QString &host) const
{
    QList<const Resource *> out = m_drsByHost.value(host);
    for (const auto &w : m_wildcardDrs)
        if (HostName::covers(w.first, host))
            out.append(w.second);
    return out;
}

QList<const Resource *> MeshIndex::podsOf(const Labels &selector, const QString &ns) const
{
    QList<const Resource *> out;
    const QList<const Resource *> candidates = selector.isEmpty()
        ? m_workloads
        : m_workloadsByLabel.value(selector.first().key + QLatin1Char('=') + selector.first().value);
    for (const Resource *w : candidates)
        if ((ns.isEmpty() || w->namespaceName() == ns) && labelsContain(w->workload()->podLabels, selector))
            out.append(w);
    return out;
}

bool MeshIndex::appliesToMesh(const VirtualService &vs)
{
    if (vs.gateways.isEmpty())
        return true;
    for (const Field<QString> &g : vs.gateways)
        if (g.value == QLatin1String("mesh"))
            return true;
    return false;
}

MeshIndex::GatewayRef MeshIndex::parseGateway(const QString &ref, const QString &own)
{
    const qsizetype slash = ref.indexOf(QLatin1Char('/'));
    if (slash >= 0) {
        const QString ns = ref.left(slash);
        return { ns == QLatin1String(".") ? own : ns, ref.mid(slash + 1) };
    }
    if (ref.contains(QLatin1Char('.'))) // legacy name.namespace.svc.cluster.local
        return { ref.section(QLatin1Char('.'), 1, 1), ref.section(QLatin1Char('.'), 0, 0) };
    return { own, ref };
}

QString MeshIndex::describeLabels(const Labels &labels)
{
    QStringList parts;
    for (const Label &l : labels)
        parts.append(l.key + QLatin1Char('=') + l.value);
    return parts.join(QLatin1Char(','));
}

} // namespace meshroute
