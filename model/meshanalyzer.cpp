#include "meshanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "disjointsets.h"
#include "hostname.h"
#include "resource.h"
#include "validationprimitives.h"

#include <QHash>
#include <QSet>

namespace meshroute {

namespace {

// Which namespaces see a resource, from its exportTo (empty or `*` = all).
struct Visibility
{
    bool all = true;
    QSet<QString> namespaces;

    static Visibility of(const QList<Field<QString>> &exportTo, const QString &own)
    {
        QStringList values;
        for (const Field<QString> &e : exportTo)
            values.append(e.value);
        return of(values, own);
    }
    static Visibility of(const QStringList &exportTo, const QString &own)
    {
        Visibility v;
        if (exportTo.isEmpty() || exportTo.contains(QStringLiteral("*")))
            return v;
        v.all = false;
        for (const QString &e : exportTo)
            v.namespaces.insert(e == QLatin1String(".") ? own : e.trimmed());
        return v;
    }
    bool visibleFrom(const QString &ns) const { return all || namespaces.contains(ns); }
    bool intersects(const Visibility &o) const
    {
        if (all || o.all)
            return all ? (o.all || !o.namespaces.isEmpty()) : !namespaces.isEmpty();
        for (const QString &n : namespaces)
            if (o.namespaces.contains(n))
                return true;
        return false;
    }
};

// A host of the registry: a Kubernetes Service or a ServiceEntry host.
struct RegistryEntry
{
    const Resource *resource = nullptr;
    QString host; // as registered, lower case
    Visibility visibility;
    QList<qint64> ports;
};

struct GatewayRef
{
    QString ns, name;
    QString key() const { return ns + QLatin1Char('/') + name; }
};

bool isTopologyLabel(const QString &key)
{
    return key.startsWith(QLatin1String("topology.kubernetes.io/"))
        || key.startsWith(QLatin1String("topology.istio.io/"))
        || key == QLatin1String("kubernetes.io/hostname") || key.startsWith(QLatin1String("failure-domain."));
}

QString describeLabels(const Labels &labels)
{
    QStringList parts;
    for (const Label &l : labels)
        parts.append(l.key + QLatin1Char('=') + l.value);
    return parts.join(QLatin1Char(','));
}

bool sameLabels(const Labels &a, const Labels &b)
{
    return a.size() == b.size() && labelsContain(a, b) && labelsContain(b, a);
}

class Analysis
{
public:
    explicit Analysis(CheckContext &ctx)
        : m_ctx(ctx)
        , m_ws(ctx.workspace())
    { }

    void run()
    {
        index();
        for (const Resource *r : std::as_const(m_virtualServices))
            virtualService(*r);
        meshHostConflicts();
        gatewayMerges();
        for (const Resource *r : std::as_const(m_destinationRules))
            destinationRule(*r);
        gatewayConflicts();
        for (const Resource *r : std::as_const(m_gateways))
            gatewayWorkloads(*r);
        duplicateCertificates();
        for (const Resource *r : std::as_const(m_services))
            servicePortNames(*r);
    }

private:
    // ---- index -------------------------------------------------------------------------------

    void index()
    {
        const qsizetype n = m_ws.resources.size();
        m_vsByKey.reserve(n / 4);
        m_registry.reserve(n / 4);
        m_drsByHost.reserve(n / 4);
        m_workloadsByLabel.reserve(n);
        m_referencedSubsets.reserve(n / 2);
        for (const Resource &r : m_ws.resources) {
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
                if (const KubernetesService *s = r.service()) {
                    m_services.append(&r);
                    m_serviceNamespaces.insert(ns);
                    RegistryEntry e;
                    e.resource = &r;
                    e.host = HostName::serviceFqdn(r.name(), ns).toLower();
                    const QString exportTo
                        = labelValue(r.metadata.annotations, QStringLiteral("networking.istio.io/exportTo"));
                    if (!exportTo.isEmpty())
                        e.visibility = Visibility::of(exportTo.split(QLatin1Char(',')), ns);
                    for (const ServicePort &p : s->ports)
                        if (p.port.present)
                            e.ports.append(p.port.value);
                    m_registry[e.host].append(e);
                }
                break;
            case ResourceKind::ServiceEntry:
                if (const ServiceEntry *se = r.serviceEntry()) {
                    for (const Field<QString> &h : se->hosts) {
                        RegistryEntry e;
                        e.resource = &r;
                        e.host = HostName::resolve(h.value, ns).toLower();
                        e.visibility = Visibility::of(se->exportTo, ns);
                        for (const ServicePort &p : se->ports)
                            if (p.port.present)
                                e.ports.append(p.port.value);
                        if (HostName::isWildcard(e.host))
                            m_wildcardRegistry.append(e);
                        else
                            m_registry[e.host].append(e);
                    }
                }
                break;
            case ResourceKind::Workload:
                if (r.workload()) {
                    m_workloads.append(&r);
                    m_workloadsByNs[ns].append(&r);
                    for (const Label &l : r.workload()->podLabels)
                        m_workloadsByLabel[l.key + QLatin1Char('=') + l.value].append(&r);
                }
                break;
            case ResourceKind::Other:
                if (r.kindName.value == QLatin1String("RequestAuthentication"))
                    m_hasRequestAuthentication = true;
                // Gateway API gateways can be bound by VirtualServices too; we do not read their listeners.
                if (r.kindName.value == QLatin1String("Gateway"))
                    m_foreignGateways.insert(ns + QLatin1Char('/') + r.name());
                break;
            }
        }
        // Which subsets some route uses decides how loud an empty subset is.
        for (const Resource *r : std::as_const(m_virtualServices)) {
            const VirtualService &vs = *r->virtualService();
            if (appliesToMesh(vs)) {
                bool subsets = false;
                for (const HttpRoute &rule : vs.http)
                    for (const HttpRouteDestination &d : rule.route)
                        subsets = subsets || d.destination.subset.present;
                if (subsets)
                    for (const Field<QString> &h : vs.hosts)
                        m_meshSubsetRouting.insert(
                            HostName::resolve(h.value, r->namespaceName()).toLower(), r);
            }
            const auto note = [&](const Destination &d) {
                if (d.host.present && d.subset.present)
                    m_referencedSubsets.insert(HostName::resolve(d.host.value, r->namespaceName()).toLower()
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
    }

    // ---- VirtualService references ----------------------------------------------------------

    static bool appliesToMesh(const VirtualService &vs)
    {
        if (vs.gateways.isEmpty())
            return true;
        for (const Field<QString> &g : vs.gateways)
            if (g.value == QLatin1String("mesh"))
                return true;
        return false;
    }

    // The namespaces whose clients use the VirtualService and so must see what it points at.
    static QStringList usedFrom(const Resource &r, const VirtualService &vs)
    {
        const QString own = r.namespaceName();
        QStringList out;
        for (const Field<QString> &e : vs.exportTo) {
            if (e.value == QLatin1String("*"))
                return { own };
            const QString ns = e.value == QLatin1String(".") ? own : e.value;
            if (!out.contains(ns))
                out.append(ns);
        }
        return out.isEmpty() ? QStringList { own } : out;
    }

    static GatewayRef parseGateway(const QString &ref, const QString &own)
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

    // The registry entries a destination host names, following Istio's
    // resolution; `alias` is set when only the `name.namespace` reading matched.
    QList<const RegistryEntry *> lookup(const QString &resolved, bool *alias = nullptr) const
    {
        QList<const RegistryEntry *> out;
        if (const auto it = m_registry.constFind(resolved); it != m_registry.cend())
            for (const RegistryEntry &e : *it)
                out.append(&e);
        for (const RegistryEntry &e : m_wildcardRegistry)
            if (HostName::covers(e.host, resolved))
                out.append(&e);
        if (out.isEmpty() && resolved.count(QLatin1Char('.')) == 1) {
            const QString fqdn = resolved + QLatin1Char('.') + HostName::clusterDomain();
            if (const auto it = m_registry.constFind(fqdn); it != m_registry.cend()) {
                for (const RegistryEntry &e : *it)
                    out.append(&e);
                if (alias)
                    *alias = true;
            }
        }
        return out;
    }

    void notFound(const Resource &r, const Destination &d, const QString &resolved, const QString &what,
        const QString &hostPath)
    {
        const QString hostNs = HostName::namespaceOf(resolved);
        if (!hostNs.isEmpty() && m_serviceNamespaces.contains(hostNs))
            m_ctx.error(r, d.host.pos, Code::ReferencedResourceNotFound,
                QStringLiteral("Referenced %1 not found: \"%2\": namespace %3 has no Service %4 among the "
                               "opened files; correct the host or add the Service")
                    .arg(what, d.host.value, hostNs, resolved.section(QLatin1Char('.'), 0, 0)),
                hostPath);
        else if (!notedOnce(r, resolved))
            ; // said once for this resource already
        else if (!hostNs.isEmpty())
            m_ctx.info(r, d.host.pos, Code::ReferencedResourceNotFound,
                QStringLiteral("%1 %2 is not among the opened files (no Service of namespace %3 was "
                               "opened); open them to have it checked")
                    .arg(what, d.host.value, hostNs),
                hostPath);
        else
            m_ctx.info(r, d.host.pos, Code::ReferencedResourceNotFound,
                QStringLiteral("%1 %2 is not defined by any opened Service or ServiceEntry; if it is "
                               "outside the mesh, a ServiceEntry makes it known")
                    .arg(what, d.host.value),
                hostPath);
    }

    void destination(const Resource &r, const QStringList &from, const Destination &d, const QString &path,
        const QString &what)
    {
        if (!d.host.present || d.host.value.isEmpty() || d.host.value == QLatin1String("*"))
            return;
        const QString ns = r.namespaceName();
        const QString resolved = HostName::resolve(d.host.value, ns).toLower();
        bool alias = false;
        const QList<const RegistryEntry *> entries = lookup(resolved, &alias);
        const QString hostPath = path + QStringLiteral(".host"); // cheap next to the lookups below
        if (alias)
            m_ctx.info(r, d.host.pos, Code::NameDotNamespaceHost,
                QStringLiteral("%1 %2 is written name.namespace, which Istio does not expand; write %3 so it "
                               "names the service's FQDN")
                    .arg(what, d.host.value, resolved + QLatin1Char('.') + HostName::clusterDomain()),
                hostPath);
        const RegistryEntry *found = nullptr;
        if (!entries.isEmpty()) {
            QStringList blind;
            for (const QString &n : from) {
                bool seen = false;
                for (const RegistryEntry *e : entries)
                    if (e->visibility.visibleFrom(n)) {
                        seen = true;
                        found = found ? found : e;
                    }
                if (!seen)
                    blind.append(n);
            }
            bool exactHidden = false;
            for (const RegistryEntry *e : entries)
                exactHidden = exactHidden || !HostName::isWildcard(e->host);
            if (!blind.isEmpty() && !exactHidden && !found) {
                // Only a wildcard ServiceEntry that this namespace cannot see: as good as absent.
                notFound(r, d, resolved, what, hostPath);
            } else if (!blind.isEmpty()) {
                m_ctx.error(r, d.host.pos, Code::ReferencedResourceNotFound,
                    QStringLiteral("Referenced %1 not found: \"%2\": %3 exists but is not exported to "
                                   "namespace %4; export it there or route elsewhere")
                        .arg(what, d.host.value, entries.first()->resource->displayName(),
                            blind.join(QStringLiteral(", "))),
                    hostPath);
                found = nullptr;
            }
        } else if (!HostName::isWildcard(resolved)) {
            notFound(r, d, resolved, what, hostPath);
        }
        // Ports: only a service we can see tells which ports exist.
        if (found && !found->ports.isEmpty() && !HostName::isWildcard(found->host)) {
            if (d.port.number.present) {
                if (!found->ports.contains(d.port.number.value)) {
                    QStringList ports;
                    for (qint64 p : found->ports)
                        ports.append(QString::number(p));
                    m_ctx.error(r, d.port.number.pos, Code::ReferencedResourceNotFound,
                        QStringLiteral(
                            "Referenced %1:port not found: \"%2:%3\"; %4 exposes %5; use one of them")
                            .arg(what, d.host.value)
                            .arg(d.port.number.value)
                            .arg(found->resource->displayName(), ports.join(QStringLiteral(", "))),
                        path + QStringLiteral(".port.number"));
                }
            } else if (found->ports.size() > 1) {
                QStringList ports;
                for (qint64 p : found->ports)
                    ports.append(QString::number(p));
                m_ctx.error(r, d.host.pos, Code::DestinationPortRequired,
                    QStringLiteral(
                        "This VirtualService routes to a service \"%1\" that exposes multiple ports "
                        "[%2]. Specifying a port in the destination is required to disambiguate; "
                        "add port.number")
                        .arg(d.host.value, ports.join(QLatin1Char(' '))),
                    hostPath);
            }
        }
        if (d.subset.present && !d.subset.value.isEmpty())
            subset(r, d, alias ? resolved + QLatin1Char('.') + HostName::clusterDomain() : resolved, path);
    }

    // Information about what was not opened is given once per resource and name, not at every use.
    bool notedOnce(const Resource &r, const QString &what)
    {
        const QString key = QString::number(r.id) + QLatin1Char('|') + what;
        if (m_noted.contains(key))
            return false;
        m_noted.insert(key);
        return true;
    }

    QList<const Resource *> drsFor(const QString &host) const
    {
        QList<const Resource *> out = m_drsByHost.value(host);
        for (const auto &w : m_wildcardDrs)
            if (HostName::covers(w.first, host))
                out.append(w.second);
        return out;
    }

    void subset(const Resource &r, const Destination &d, const QString &host, const QString &path)
    {
        const QList<const Resource *> drs = drsFor(host);
        const QString ns = r.namespaceName();
        QStringList visibleNames, hidden;
        for (const Resource *dr : drs) {
            const DestinationRule &rule = *dr->destinationRule();
            if (!Visibility::of(rule.exportTo, dr->namespaceName()).visibleFrom(ns)) {
                hidden.append(dr->displayName());
                continue;
            }
            if (rule.findSubset(d.subset.value))
                return;
            visibleNames.append(dr->displayName());
        }
        const QString p = path + QStringLiteral(".subset");
        if (!visibleNames.isEmpty())
            m_ctx.error(r, d.subset.pos, Code::ReferencedResourceNotFound,
                QStringLiteral("Referenced host+subset in destinationrule not found: \"%1+%2\"; %3 does not "
                               "define subset %2: add it there or route to an existing subset (else 503 NC)")
                    .arg(d.host.value, d.subset.value, visibleNames.join(QStringLiteral(", "))),
                p);
        else if (!hidden.isEmpty())
            m_ctx.error(r, d.subset.pos, Code::ReferencedResourceNotFound,
                QStringLiteral("Referenced host+subset in destinationrule not found: \"%1+%2\"; %3 is not "
                               "exported to namespace %4; export it there")
                    .arg(d.host.value, d.subset.value, hidden.join(QStringLiteral(", ")), ns),
                p);
        else if (notedOnce(r, host + QLatin1Char('|') + d.subset.value))
            m_ctx.info(r, d.subset.pos, Code::ReferencedResourceNotFound,
                QStringLiteral("no opened DestinationRule for %1 defines subset %2; open the DestinationRule "
                               "to have it checked (a missing subset means 503 NC)")
                    .arg(d.host.value, d.subset.value),
                p);
    }

    void gatewayReference(const Resource &r, const VirtualService &vs, const Field<QString> &ref,
        const QString &path, bool checkHosts)
    {
        if (ref.value == QLatin1String("mesh") || ref.value.isEmpty())
            return;
        if (ref.value.contains(QLatin1String("~istio-autogenerated-"))) {
            if (r.name().contains(QLatin1Char('~')))
                return; // generated by Istio itself, together with the gateway it names
            m_ctx.warning(r, ref.pos, Code::ReferencedInternalGateway,
                QStringLiteral("Gateway reference in VirtualService %1 is to an implementation-generated "
                               "internal Gateway: %2; reference the Gateway API Gateway's own resources "
                               "instead")
                    .arg(r.name(), ref.value),
                path);
            return;
        }
        const GatewayRef g = parseGateway(ref.value, r.namespaceName());
        const Resource *gw = m_gatewayByKey.value(g.key());
        if (!gw) {
            if (m_foreignGateways.contains(g.key()))
                return; // a Gateway API gateway: its listeners are not read
            if (m_gatewayNamespaces.contains(g.ns)) {
                m_ctx.error(r, ref.pos, Code::ReferencedResourceNotFound,
                    QStringLiteral(
                        "Referenced gateway not found: \"%1\"; namespace %2 has no Gateway %3 among "
                        "the opened files; correct the name (namespace/name) or add the Gateway")
                        .arg(ref.value, g.ns, g.name),
                    path);
                // virtualservice/gateways.go analyzeVirtualService goes on to vsHostInGateway, which
                // finds no server host of a Gateway that does not exist: IST0132 as well.
                if (checkHosts)
                    m_ctx.warning(r, ref.pos, Code::HostNotFoundInGateway,
                        QStringLiteral("no host of VirtualService %1 is served by Gateway %2, which does not "
                                       "exist: requests bound to it get no route")
                            .arg(r.displayName().section(QLatin1Char(' '), 1), g.key()),
                        path);
            } else
                m_ctx.info(r, ref.pos, Code::ReferencedResourceNotFound,
                    QStringLiteral("gateway %1 is not among the opened files (no Gateway of namespace %2 was "
                                   "opened); open it to have the binding checked")
                        .arg(ref.value, g.ns),
                    path);
            return;
        }
        if (!checkHosts)
            return;
        // IST0132: does any server of this Gateway accept any of the VirtualService's hosts?
        const Gateway &gateway = *gw->gateway();
        const QString vsNs = r.namespaceName();
        QStringList serverHosts;
        for (const Server &s : gateway.servers)
            for (const Field<QString> &h : s.hosts) {
                serverHosts.append(h.value);
                const qsizetype slash = h.value.indexOf(QLatin1Char('/'));
                const QString hostNs = slash >= 0 ? h.value.left(slash) : QStringLiteral("*");
                const QString dns = slash >= 0 ? h.value.mid(slash + 1) : h.value;
                if (hostNs != QLatin1String("*")
                    && (hostNs == QLatin1String(".") ? gw->namespaceName() : hostNs) != vsNs)
                    continue;
                for (const Field<QString> &vh : vs.hosts)
                    if (HostName::overlaps(dns.toLower(), HostName::resolve(vh.value, vsNs).toLower())
                        || HostName::overlaps(dns.toLower(), vh.value.toLower()))
                        return;
            }
        QStringList hosts;
        for (const Field<QString> &vh : vs.hosts)
            hosts.append(vh.value);
        m_ctx.warning(r, ref.pos, Code::HostNotFoundInGateway,
            QStringLiteral("one or more host [%1] defined in VirtualService %2 not found in Gateway %3 (its "
                           "servers accept [%4] for namespace %5); add the host to a server or correct the "
                           "VirtualService hosts, else requests get 404 at the gateway")
                .arg(hosts.join(QStringLiteral(", ")), r.displayName().section(QLatin1Char(' '), 1), g.key(),
                    serverHosts.join(QStringLiteral(", ")), vsNs),
            path);
    }

    void virtualService(const Resource &r)
    {
        const VirtualService &vs = *r.virtualService();
        const QStringList from = usedFrom(r, vs);
        const QString ns = r.namespaceName();
        for (int i = 0; i < vs.gateways.size(); ++i)
            gatewayReference(r, vs, vs.gateways[i], QStringLiteral("spec.gateways[%1]").arg(i), true);

        const bool mesh = appliesToMesh(vs);
        if (!mesh && !m_hasRequestAuthentication)
            for (int i = 0; i < vs.http.size(); ++i)
                for (int m = 0; m < vs.http[i].match.size(); ++m)
                    for (const Entry<StringMatch> &h : vs.http[i].match[m].headers)
                        if (h.key.startsWith(QLatin1String("@request.auth.claims")) && notedOnce(r, h.key))
                            m_ctx.info(r, h.keyPos, Code::JwtClaimRoutingWithoutRequestAuthN,
                                QStringLiteral(
                                    "The virtual service uses JWT claim based routing (key: %1) but "
                                    "no RequestAuthentication was opened; the gateway pods need one "
                                    "to validate the token and make the claims available, else the "
                                    "rule never matches")
                                    .arg(h.key),
                                QStringLiteral("spec.http[%1].match[%2].headers.%3")
                                    .arg(i)
                                    .arg(m)
                                    .arg(h.key));
        for (int i = 0; i < vs.http.size(); ++i) {
            const HttpRoute &rule = vs.http[i];
            const QString rp = QStringLiteral("spec.http[") + QString::number(i) + QLatin1Char(']');
            for (int m = 0; m < rule.match.size(); ++m)
                for (int g = 0; g < rule.match[m].gateways.size(); ++g)
                    gatewayReference(r, vs, rule.match[m].gateways[g],
                        QStringLiteral("%1.match[%2].gateways[%3]").arg(rp).arg(m).arg(g), false);
            for (int k = 0; k < rule.route.size(); ++k) {
                const QString dp
                    = rp + QStringLiteral(".route[") + QString::number(k) + QStringLiteral("].destination");
                destination(r, from, rule.route[k].destination, dp, QStringLiteral("host"));
                if (!mesh)
                    ingressSubsets(r, vs, rule.route[k].destination, dp);
            }
            if (rule.hasMirror)
                destination(
                    r, from, rule.mirror, rp + QStringLiteral(".mirror"), QStringLiteral("mirror host"));
            for (int k = 0; k < rule.mirrors.size(); ++k)
                destination(r, from, rule.mirrors[k].destination,
                    QStringLiteral("%1.mirrors[%2].destination").arg(rp).arg(k),
                    QStringLiteral("mirror host"));
            if (rule.delegate->present && rule.delegate->name.present)
                delegate(r, rule.delegate, rp + QStringLiteral(".delegate"));
            routeWeights(r, rule.route, rp + QStringLiteral(".route"));
        }
        for (int i = 0; i < vs.tcp.size(); ++i) {
            const QString rp = QStringLiteral("spec.tcp[%1]").arg(i);
            for (int k = 0; k < vs.tcp[i].route.size(); ++k)
                destination(r, from, vs.tcp[i].route[k].destination,
                    QStringLiteral("%1.route[%2].destination").arg(rp).arg(k), QStringLiteral("host"));
            routeWeights(r, vs.tcp[i].route, rp + QStringLiteral(".route"));
        }
        for (int i = 0; i < vs.tls.size(); ++i) {
            const QString rp = QStringLiteral("spec.tls[%1]").arg(i);
            for (int k = 0; k < vs.tls[i].route.size(); ++k)
                destination(r, from, vs.tls[i].route[k].destination,
                    QStringLiteral("%1.route[%2].destination").arg(rp).arg(k), QStringLiteral("host"));
            routeWeights(r, vs.tls[i].route, rp + QStringLiteral(".route"));
        }
        Q_UNUSED(ns);
    }

    void delegate(const Resource &r, const Delegate &d, const QString &path)
    {
        const QString ns
            = d.namespace_.present && !d.namespace_.value.isEmpty() ? d.namespace_.value : r.namespaceName();
        const QString key = ns + QLatin1Char('/') + d.name.value;
        if (const Resource *target = m_vsByKey.value(key)) {
            if (!target->virtualService()->hosts.isEmpty())
                m_ctx.error(r, d.name.pos, Code::DelegateConstraint,
                    QStringLiteral("delegate %1 has hosts, so it is not a delegate VirtualService and Istio "
                                   "ignores the delegation; remove its hosts")
                        .arg(key),
                    path + QStringLiteral(".name"));
            return;
        }
        // Delegates of the own namespace are always "opened": the root is.
        bool namespaceOpened = ns == r.namespaceName();
        for (const Resource *vs : std::as_const(m_virtualServices))
            namespaceOpened = namespaceOpened || vs->namespaceName() == ns;
        if (namespaceOpened)
            m_ctx.error(r, d.name.pos, Code::ReferencedResourceNotFound,
                QStringLiteral("Referenced delegate not found: \"%1\"; no VirtualService %1 among the opened "
                               "files: requests this rule takes get 404; add it or correct the name")
                    .arg(key),
                path + QStringLiteral(".name"));
        else
            m_ctx.info(r, d.name.pos, Code::ReferencedResourceNotFound,
                QStringLiteral("delegate %1 is not among the opened files; open it to have it checked")
                    .arg(key),
                path + QStringLiteral(".name"));
    }

    template <typename D> void routeWeights(const Resource &r, const QList<D> &route, const QString &path)
    {
        if (route.size() == 1 && route.first().weight.present && route.first().weight.value < 100
            && route.first().weight.value >= 0)
            m_ctx.warning(r, route.first().weight.pos, Code::SingleDestinationWeight,
                QStringLiteral("weight %1 on the only destination has no effect: it receives all traffic; "
                               "remove the weight or add the other destinations")
                    .arg(route.first().weight.value),
                path + QStringLiteral("[0].weight"));
        if (route.size() < 2)
            return;
        QStringList hosts;
        for (const D &rd : route)
            hosts.append(HostName::resolve(rd.destination.host.value, r.namespaceName()).toLower());
        for (int i = 1; i < route.size(); ++i) {
            const Destination &d = route[i].destination;
            if (!d.host.present)
                continue;
            const QString &host = hosts[i];
            for (int j = 0; j < i; ++j) {
                const Destination &e = route[j].destination;
                if (e.host.present && hosts[j] == host && e.subset.value == d.subset.value
                    && e.port.number.value == d.port.number.value
                    && e.port.number.present == d.port.number.present) {
                    m_ctx.warning(r, d.host.pos, Code::DuplicateDestination,
                        QStringLiteral("destination %1%2 is already listed at route[%3]; merge the two "
                                       "entries into one with the summed weight")
                            .arg(d.host.value,
                                d.subset.present ? QStringLiteral(" subset ") + d.subset.value : QString())
                            .arg(j),
                        QStringLiteral("%1[%2].destination").arg(path).arg(i));
                    break;
                }
            }
        }
    }

    // IST0140: a gateway-only VirtualService sends a host's traffic without subset while the
    // mesh VirtualService of that host splits by subsets, which ingress traffic never sees.
    void ingressSubsets(
        const Resource &r, const VirtualService &vs, const Destination &d, const QString &path)
    {
        if (!d.host.present || d.subset.present)
            return;
        const QString host = HostName::resolve(d.host.value, r.namespaceName()).toLower();
        const Resource *other = m_meshSubsetRouting.value(host);
        if (!other || other == &r)
            return;
        // It matters only if some pod of the service gets ingress traffic that the mesh rules would never
        // send it; with the pods not opened we cannot tell, so it is information then.
        const int strays = podsOutsideRoutedSubsets(*other, host);
        if (strays == 0)
            return;
        QStringList gateways;
        for (const Field<QString> &g : vs.gateways)
            gateways.append(g.value);
        const QString message
            = QStringLiteral(
                "Subset in virtual service %1 has no effect on ingress gateway %2 requests: this route "
                "sends %3 traffic to all its pods%4; route to the subsets here too, or bind %1 to the "
                "gateway")
                  .arg(other->displayName().section(QLatin1Char(' '), 1), gateways.join(QStringLiteral(", ")),
                      d.host.value,
                      strays > 0 ? QStringLiteral(", including %1 the mesh rules never use").arg(strays)
                                 : QStringLiteral(" (their workloads were not opened)"));
        m_ctx.report(r, d.host.pos, strays > 0 ? Diagnostic::Severity::Warning : Diagnostic::Severity::Info,
            Code::IngressRouteRulesNotAffected, message, path + QStringLiteral(".host"));
    }

    // How many opened workloads of `host` no subset routed by the mesh VirtualService selects:
    // -1 when that cannot be told (service, pods or subsets not opened).
    int podsOutsideRoutedSubsets(const Resource &meshVs, const QString &host) const
    {
        const Resource *svcRes = nullptr;
        for (const RegistryEntry &e : m_registry.value(host))
            if (e.resource->kind == ResourceKind::Service)
                svcRes = e.resource;
        if (!svcRes || svcRes->service()->selector.isEmpty())
            return -1;
        const KubernetesService &svc = *svcRes->service();
        QList<Labels> selectors;
        for (const HttpRoute &rule : meshVs.virtualService()->http)
            for (const HttpRouteDestination &d : rule.route) {
                if (!d.destination.host.present
                    || HostName::resolve(d.destination.host.value, meshVs.namespaceName()).toLower() != host)
                    continue;
                if (!d.destination.subset.present)
                    return 0; // the mesh rules also send traffic to every pod
                const Subset *subset = nullptr;
                for (const Resource *dr : drsFor(host))
                    subset = subset ? subset : dr->destinationRule()->findSubset(d.destination.subset.value);
                if (!subset)
                    return -1;
                Labels merged = svc.selector;
                merged.append(subset->labels);
                selectors.append(merged);
            }
        int strays = 0, pods = 0;
        for (const Resource *w : podsOf(svc.selector, svcRes->namespaceName())) {
            ++pods;
            bool routed = false;
            for (const Labels &sel : std::as_const(selectors))
                routed = routed || labelsContain(w->workload()->podLabels, sel);
            strays += routed ? 0 : 1;
        }
        return pods == 0 ? -1 : strays;
    }

    // ---- hosts claimed twice -----------------------------------------------------------------

    void meshHostConflicts()
    {
        struct Claim
        {
            const Resource *r;
            int hostIndex;
            QString host;
            Visibility visibility;
        };
        QHash<QString, QList<Claim>> exact;
        QList<Claim> wildcards;
        for (const Resource *r : std::as_const(m_virtualServices)) {
            const VirtualService &vs = *r->virtualService();
            if (vs.hosts.isEmpty() || !appliesToMesh(vs))
                continue;
            const Visibility v = Visibility::of(vs.exportTo, r->namespaceName());
            for (int i = 0; i < vs.hosts.size(); ++i) {
                Claim c { r, i, HostName::resolve(vs.hosts[i].value, r->namespaceName()).toLower(), v };
                if (HostName::isWildcard(c.host))
                    wildcards.append(c);
                else
                    exact[c.host].append(c);
            }
        }
        QHash<const Resource *, QSet<int>> reported;
        // `who`: the VirtualServices named in the message, this claim's first.
        const auto reportAs = [&](const Claim &c, const QString &who) {
            if (reported[c.r].contains(c.hostIndex))
                return;
            reported[c.r].insert(c.hostIndex);
            const VirtualService &vs = *c.r->virtualService();
            m_ctx.error(*c.r, vs.hosts[c.hostIndex].pos, Code::ConflictingMeshGatewayHosts,
                QStringLiteral(
                    "The VirtualServices %1 associated with mesh gateway define the same host %2 "
                    "which can lead to undefined behavior: sidecars use only one of them. Merge the "
                    "conflicting VirtualServices into a single resource")
                    .arg(who, vs.hosts[c.hostIndex].value),
                QStringLiteral("spec.hosts[%1]").arg(c.hostIndex));
        };
        const auto report = [&](const Claim &c, const QList<const Claim *> &others) {
            QStringList names { c.r->displayName().section(QLatin1Char(' '), 1) };
            for (const Claim *o : others)
                names.append(o->r->displayName().section(QLatin1Char(' '), 1));
            reportAs(c, names.join(QStringLiteral(", ")));
        };
        // A member of a group of `names` (in claim order) whose first claim is `lead`.
        const auto reportMember = [&](const Claim &c, const Claim &lead, const QStringList &names) {
            constexpr int kNamedInEach = 5;
            const QString self = c.r->displayName().section(QLatin1Char(' '), 1);
            if (names.size() <= kNamedInEach) {
                QStringList ordered { self };
                for (const QString &n : names)
                    if (n != self)
                        ordered.append(n);
                reportAs(c, ordered.join(QStringLiteral(", ")));
            } else if (c.r == lead.r) {
                reportAs(c, names.join(QStringLiteral(", ")));
            } else {
                reportAs(c,
                    QStringLiteral("%1, %2 and %3 more (all listed at %2)")
                        .arg(self, lead.r->displayName().section(QLatin1Char(' '), 1))
                        .arg(names.size() - 2));
            }
        };
        // The claims of one host linked by overlapping exportTo, directly or
        // through others, in claim order: union-find over namespaces instead
        // of comparing every pair.
        const auto conflictGroups = [](const QList<Claim> &claims) {
            DisjointSets sets(int(claims.size()));
            int firstAll = -1;
            QHash<QString, int> byNamespace;
            for (int i = 0; i < claims.size(); ++i) {
                const Visibility &v = claims[i].visibility;
                if (v.all && firstAll < 0)
                    firstAll = i;
                for (const QString &ns : v.namespaces) {
                    const auto it = byNamespace.constFind(ns);
                    if (it == byNamespace.cend())
                        byNamespace.insert(ns, i);
                    else
                        sets.unite(i, *it);
                }
            }
            if (firstAll >= 0) // exported everywhere: overlaps every claim visible anywhere
                for (int i = 0; i < claims.size(); ++i)
                    if (claims[i].visibility.all || !claims[i].visibility.namespaces.isEmpty())
                        sets.unite(i, firstAll);
            QHash<int, int> groupOf;
            QList<QList<int>> groups;
            for (int i = 0; i < claims.size(); ++i) {
                const Visibility &v = claims[i].visibility;
                if (!v.all && v.namespaces.isEmpty())
                    continue; // visible nowhere: conflicts with nothing
                const int root = sets.find(i);
                auto it = groupOf.constFind(root);
                if (it == groupOf.cend()) {
                    it = groupOf.insert(root, int(groups.size()));
                    groups.append(QList<int>());
                }
                groups[*it].append(i);
            }
            return groups;
        };
        const auto conflict = [](const Claim &a, const Claim &b) {
            return a.r != b.r && a.visibility.intersects(b.visibility);
        };
        // istioctl's ConflictingMeshGatewayHostsAnalyzer reports every VirtualService of a host
        // group, each naming the whole group (istio/istio
        // pkg/config/analysis/analyzers/virtualservice/conflictingmeshgatewayhosts.go, Analyze).
        // We report every member too, but only small groups name everyone in every finding: in a
        // large group the first member lists all and the others point to it, so that N
        // VirtualServices on one host make N findings of bounded size, not N^2 names.
        for (auto it = exact.cbegin(); it != exact.cend(); ++it) {
            const QList<Claim> &claims = *it;
            if (claims.size() < 2)
                continue;
            for (const QList<int> &group : conflictGroups(claims)) {
                QStringList names;
                QSet<const Resource *> resources;
                for (int i : group)
                    if (!resources.contains(claims[i].r)) {
                        resources.insert(claims[i].r);
                        names.append(claims[i].r->displayName().section(QLatin1Char(' '), 1));
                    }
                if (resources.size() < 2)
                    continue; // a VirtualService does not conflict with itself
                for (int i : group)
                    reportMember(claims[i], claims[group.first()], names);
            }
        }
        for (const Claim &w : wildcards) {
            QList<const Claim *> others;
            for (const Claim &b : wildcards)
                if (conflict(w, b) && HostName::overlaps(w.host, b.host))
                    others.append(&b);
            for (auto it = exact.cbegin(); it != exact.cend(); ++it)
                if (HostName::covers(w.host, it.key()))
                    for (const Claim &b : *it)
                        if (conflict(w, b)) {
                            others.append(&b);
                            report(b, { &w });
                        }
            if (!others.isEmpty())
                report(w, others);
        }
    }

    // Kiali's KIA1106 for gateways: Istio merges them, so this is information, not a fault.
    void gatewayMerges()
    {
        QHash<QString, QList<QPair<const Resource *, int>>> byGatewayHost;
        for (const Resource *r : std::as_const(m_virtualServices)) {
            const VirtualService &vs = *r->virtualService();
            for (const Field<QString> &g : vs.gateways) {
                if (g.value == QLatin1String("mesh"))
                    continue;
                const QString gw = parseGateway(g.value, r->namespaceName()).key();
                for (int i = 0; i < vs.hosts.size(); ++i)
                    byGatewayHost[gw + QLatin1Char('|')
                        + HostName::resolve(vs.hosts[i].value, r->namespaceName()).toLower()]
                        .append({ r, i });
            }
        }
        for (auto it = byGatewayHost.cbegin(); it != byGatewayHost.cend(); ++it) {
            const auto &list = *it;
            if (list.size() < 2)
                continue;
            for (int k = 1; k < list.size(); ++k) {
                const Resource *r = list[k].first;
                if (r == list[0].first)
                    continue;
                const VirtualService &vs = *r->virtualService();
                m_ctx.info(*r, vs.hosts[list[k].second].pos, Code::SeveralVirtualServicesForHost,
                    QStringLiteral(
                        "host %1 on gateway %2 is also routed by %3: the gateway merges their rules "
                        "in creation order and moves catch-all rules last; keep one catch-all, or "
                        "merge the VirtualServices")
                        .arg(vs.hosts[list[k].second].value, it.key().section(QLatin1Char('|'), 0, 0),
                            list[0].first->displayName()),
                    QStringLiteral("spec.hosts[%1]").arg(list[k].second));
            }
        }
    }

    // ---- DestinationRules ---------------------------------------------------------------------

    void destinationRule(const Resource &r)
    {
        const DestinationRule &dr = *r.destinationRule();
        const QString ns = r.namespaceName();
        const QString host = HostName::resolve(dr.host.value, ns).toLower();
        bool known = !lookup(host).isEmpty();
        if (!known && HostName::isWildcard(host)) {
            for (auto it = m_registry.cbegin(); it != m_registry.cend() && !known; ++it)
                known = HostName::covers(host, it.key());
            for (const RegistryEntry &e : m_wildcardRegistry)
                known = known || HostName::overlaps(host, e.host);
        }
        if (!known && host != QLatin1String("*")) {
            const QString hostNs = HostName::namespaceOf(host);
            if (!hostNs.isEmpty() && m_serviceNamespaces.contains(hostNs))
                m_ctx.warning(r, dr.host.pos, Code::UnknownDestinationRuleHost,
                    QStringLiteral("The host %1 defined in the DestinationRule does not match any services "
                                   "in the mesh: namespace %2 has no Service %3 among the opened files; "
                                   "correct the host")
                        .arg(dr.host.value, hostNs, host.section(QLatin1Char('.'), 0, 0)),
                    QStringLiteral("spec.host"));
            else
                m_ctx.info(r, dr.host.pos, Code::UnknownDestinationRuleHost,
                    QStringLiteral("The host %1 defined in the DestinationRule matches no Service or "
                                   "ServiceEntry among the opened files; open them to have it checked")
                        .arg(dr.host.value),
                    QStringLiteral("spec.host"));
        }
        subsetPods(r, dr, host);
    }

    // IST0173: Istio picks a subset's endpoints with the service selector plus the subset labels.
    void subsetPods(const Resource &r, const DestinationRule &dr, const QString &host)
    {
        const auto it = m_registry.constFind(host);
        if (it == m_registry.cend())
            return;
        const Resource *svcRes = nullptr;
        for (const RegistryEntry &e : *it)
            if (e.resource->kind == ResourceKind::Service)
                svcRes = e.resource;
        if (!svcRes)
            return;
        const KubernetesService &svc = *svcRes->service();
        if (svc.selector.isEmpty() || svc.type.value == QLatin1String("ExternalName"))
            return;
        const QList<const Resource *> servicePods = podsOf(svc.selector, svcRes->namespaceName());
        for (int i = 0; i < dr.subsets.size(); ++i) {
            const Subset &s = dr.subsets[i];
            if (s.labels.isEmpty())
                continue;
            Labels merged = svc.selector;
            bool impossible = false;
            for (const Label &l : s.labels) {
                if (isTopologyLabel(l.key)) {
                    impossible = impossible || l.value.isEmpty(); // a node label that can never be empty
                    continue;
                }
                merged.append(l);
            }
            bool selects = false;
            for (const Resource *w : std::as_const(servicePods))
                selects = selects || labelsContain(w->workload()->podLabels, merged);
            if (selects && !impossible)
                continue;
            const bool referenced = m_referencedSubsets.contains(host + QLatin1Char('|') + s.name.value);
            const QString path = QStringLiteral("spec.subsets[%1].labels").arg(i);
            const SourcePos at = s.labelsPos.isValid() ? s.labelsPos : s.pos;
            if (servicePods.isEmpty()) {
                // Nothing of the service's pods was opened: say so once per rule, not per subset.
                if (!notedOnce(r, QStringLiteral("pods|") + host))
                    continue;
                m_ctx.info(r, at, Code::SubsetSelectsNoPods,
                    QStringLiteral(
                        "The subsets defined in the DestinationRule select no pod among the opened "
                        "files: no workload matches the selector %1 of %2; open the Deployments to "
                        "have them checked")
                        .arg(describeLabels(svc.selector), svcRes->displayName()),
                    path);
                continue;
            }
            // Say what the service's workloads carry for the keys the subset asks for.
            QStringList seen;
            for (const Resource *w : std::as_const(servicePods)) {
                QStringList values;
                for (const Label &l : s.labels)
                    values.append(l.key + QLatin1Char('=')
                        + labelValue(w->workload()->podLabels, l.key, QStringLiteral("(none)")));
                seen.append(QStringLiteral("%1 %2 has %3")
                                .arg(w->kindName.value, w->name(), values.join(QLatin1Char(','))));
                if (seen.size() == 4)
                    break;
            }
            const QString message
                = QStringLiteral(
                    "The Subset %1 defined in the DestinationRule does not select any pods: %2 wants %3 "
                    "but %4. %5")
                      .arg(s.name.value, svcRes->displayName(), describeLabels(merged),
                          seen.join(QStringLiteral("; ")),
                          referenced ? QStringLiteral(
                              "Traffic routed to it gets 503 UH (no healthy upstream); fix the "
                              "subset labels or the pod template labels")
                                     : QStringLiteral(
                                         "No opened VirtualService routes to it yet; fix the labels before "
                                         "one does"));
            // An error whether or not a route uses the subset yet: istioctl's PodNotSelectedAnalyzer
            // (analyzers/destinationrule/subset.go) reports every unmatched subset, and
            // msg/messages.gen.go gives DestinationRuleSubsetNotSelectPods the level diag.Error.
            m_ctx.error(r, at, Code::SubsetSelectsNoPods, message, path);
        }
    }

    // ---- Gateways ------------------------------------------------------------------------------

    // Workloads whose pod labels include `selector`, optionally in one namespace only.
    QList<const Resource *> podsOf(const Labels &selector, const QString &ns = {}) const
    {
        QList<const Resource *> out;
        const QList<const Resource *> candidates = selector.isEmpty()
            ? m_workloads
            : m_workloadsByLabel.value(selector.first().key + QLatin1Char('=') + selector.first().value);
        for (const Resource *w : candidates)
            if ((ns.isEmpty() || w->namespaceName() == ns)
                && labelsContain(w->workload()->podLabels, selector))
                out.append(w);
        return out;
    }

    // IST0145 as istioctl's ConflictingGatewayAnalyzer (gateway/conflictinggateway.go analyzeGateway,
    // isGWConflict -> model.CheckDuplicates): Gateways on the same workloads whose servers share a
    // port number and a host written identically with the same bind. The protocol is not compared.
    void gatewayConflicts()
    {
        for (int a = 0; a < m_gateways.size(); ++a) {
            const Resource &ra = *m_gateways[a];
            const Gateway &ga = *ra.gateway();
            if (!ga.hasSelector || ga.selector.isEmpty())
                continue;
            const QList<const Resource *> podsA = podsOf(ga.selector);
            QList<const Resource *> sameWorkloads;
            for (int b = 0; b < m_gateways.size(); ++b) {
                const Gateway &gb = *m_gateways[b]->gateway();
                if (a == b || !gb.hasSelector || gb.selector.isEmpty())
                    continue;
                bool shared = sameLabels(ga.selector, gb.selector);
                for (const Resource *p : podsA)
                    shared = shared || labelsContain(p->workload()->podLabels, gb.selector);
                if (shared)
                    sameWorkloads.append(m_gateways[b]);
            }
            for (int i = 0; i < ga.servers.size(); ++i) {
                const Server &sa = ga.servers[i];
                QStringList others;
                for (const Resource *rb : std::as_const(sameWorkloads))
                    if (serversConflict(sa, *rb->gateway()))
                        others.append(rb->displayName().section(QLatin1Char(' '), 1));
                if (others.isEmpty())
                    continue;
                others.sort();
                QStringList hosts;
                for (const Field<QString> &h : sa.hosts)
                    hosts.append(h.value);
                m_ctx.error(ra, sa.port.pos.isValid() ? sa.port.pos : sa.pos, Code::ConflictingGateways,
                    QStringLiteral("Conflict with gateways %1 (workload selector %2, port %3, hosts %4): "
                                   "the same host on the same port of the same workloads; istiod keeps "
                                   "one server and drops the other. Move one server to another port or "
                                   "remove the duplicate host")
                        .arg(others.join(QLatin1Char(',')), describeLabels(ga.selector))
                        .arg(sa.port.number.value)
                        .arg(hosts.join(QLatin1Char(','))),
                    QStringLiteral("spec.servers[%1].port").arg(i));
            }
        }
    }

    // Whether `server` repeats a host (as written) and bind of `other` on the same port number.
    // istioctl indexes each Gateway's hosts per port and keeps the last server of a port only
    // (initGatewaysMap overwrites the entry), so only that server is compared.
    static bool serversConflict(const Server &server, const Gateway &other)
    {
        const Server *last = nullptr;
        for (const Server &s : other.servers)
            if (s.port.number.value == server.port.number.value)
                last = &s;
        if (!last || last->bind.valueOr(QString()) != server.bind.valueOr(QString()))
            return false;
        for (const Field<QString> &h : server.hosts)
            for (const Field<QString> &known : last->hosts)
                if (h.value == known.value)
                    return true;
        return false;
    }

    void gatewayWorkloads(const Resource &r)
    {
        const Gateway &gw = *r.gateway();
        if (!gw.hasSelector || gw.selector.isEmpty())
            return;
        const QList<const Resource *> pods = podsOf(gw.selector);
        const QString selector = describeLabels(gw.selector);
        if (pods.isEmpty()) {
            const bool defaultIngress = gw.selector.size() == 1
                && gw.selector.first().key == QLatin1String("istio")
                && gw.selector.first().value == QLatin1String("ingressgateway");
            const bool defaultEgress = gw.selector.size() == 1
                && gw.selector.first().key == QLatin1String("istio")
                && gw.selector.first().value == QLatin1String("egressgateway");
            if (defaultIngress) {
                // Assume the default installation, whose Service exposes these ports.
                static const QList<qint64> defaults = { 80, 443, 8080, 8443, 15021, 15443, 31400 };
                for (int i = 0; i < gw.servers.size(); ++i) {
                    const GatewayPort &p = gw.servers[i].port;
                    if (p.number.present && !defaults.contains(p.number.value))
                        m_ctx.info(r, p.number.pos, Code::GatewayPortNotOnService,
                            QStringLiteral(
                                "port %1 is not exposed by the default istio-ingressgateway Service "
                                "(80, 443, 15443, 31400); add it to your ingress gateway Service, or "
                                "open that Service to have this checked")
                                .arg(p.number.value),
                            QStringLiteral("spec.servers[%1].port.number").arg(i));
                }
            } else if (!defaultEgress) {
                m_ctx.info(r, gw.selectorPos.isValid() ? gw.selectorPos : r.pos,
                    Code::ReferencedResourceNotFound,
                    QStringLiteral(
                        "the selector %1 matches no pod among the opened files; open the gateway's "
                        "Deployment to have it checked, or correct the selector (no pod, no gateway)")
                        .arg(selector),
                    QStringLiteral("spec.selector"));
            }
            return;
        }
        // The Services in front of those pods, and the ports they expose.
        QList<qint64> ports;
        QStringList services;
        for (const Resource *s : std::as_const(m_services)) {
            const KubernetesService &svc = *s->service();
            if (svc.selector.isEmpty())
                continue;
            bool fronts = false;
            for (const Resource *p : pods)
                fronts = fronts
                    || (p->namespaceName() == s->namespaceName()
                        && labelsContain(p->workload()->podLabels, svc.selector));
            if (!fronts)
                continue;
            services.append(s->displayName().section(QLatin1Char(' '), 1));
            for (const ServicePort &sp : svc.ports) {
                if (sp.port.present)
                    ports.append(sp.port.value);
                bool ok = false;
                const qint64 target = sp.targetPort.value.toLongLong(&ok);
                if (ok)
                    ports.append(target);
            }
        }
        if (services.isEmpty())
            return;
        for (int i = 0; i < gw.servers.size(); ++i) {
            const GatewayPort &p = gw.servers[i].port;
            if (p.number.present && !ports.contains(p.number.value))
                m_ctx.warning(r, p.number.pos, Code::GatewayPortNotOnService,
                    QStringLiteral(
                        "The gateway is listening on a target port (port %1) that is not defined in "
                        "the Service associated with its workload instances (Pod selector %2; "
                        "Service %3); add the port to the Service or it cannot be reached through it")
                        .arg(p.number.value)
                        .arg(selector, services.join(QStringLiteral(", "))),
                    QStringLiteral("spec.servers[%1].port.number").arg(i));
        }
    }

    // IST0138: the same certificate on Gateways whose pods overlap lets browsers reuse an HTTP/2
    // connection for a host the other Gateway serves, which answers 404.
    void duplicateCertificates()
    {
        for (const Resource *a : std::as_const(m_gateways)) {
            const Gateway &ga = *a->gateway();
            for (int i = 0; i < ga.servers.size(); ++i) {
                const Field<QString> &cert = ga.servers[i].tls.credentialName;
                if (!cert.present || cert.value.isEmpty())
                    continue;
                QStringList others;
                for (const Resource *b : std::as_const(m_gateways)) {
                    if (b == a)
                        continue;
                    const Gateway &gb = *b->gateway();
                    if (!labelsContain(gb.selector, ga.selector))
                        continue;
                    for (const Server &s : gb.servers)
                        if (s.tls.credentialName.value == cert.value && !others.contains(b->displayName()))
                            others.append(b->displayName().section(QLatin1Char(' '), 1));
                }
                if (others.isEmpty())
                    continue;
                m_ctx.warning(*a, cert.pos, Code::GatewayDuplicateCertificate,
                    QStringLiteral("Duplicate certificate in multiple gateways [%1, %2] may cause 404s if "
                                   "clients re-use HTTP2 connections; serve these hosts from one Gateway or "
                                   "use a certificate per Gateway")
                        .arg(
                            a->displayName().section(QLatin1Char(' '), 1), others.join(QStringLiteral(", "))),
                    QStringLiteral("spec.servers[%1].tls.credentialName").arg(i));
                break;
            }
        }
    }

    // ---- Services ------------------------------------------------------------------------------

    void servicePortNames(const Resource &r)
    {
        const QString ns = r.namespaceName();
        if (ns.startsWith(QLatin1String("kube-")) || ns == QLatin1String("istio-system"))
            return;
        const KubernetesService &svc = *r.service();
        const bool externalName = svc.type.value == QLatin1String("ExternalName");
        for (int i = 0; i < svc.ports.size(); ++i) {
            const ServicePort &p = svc.ports[i];
            const bool named = (p.appProtocol.present && !p.appProtocol.value.isEmpty())
                || !ValidationPrimitives::protocolOfPortName(p.name.value).isEmpty();
            // service/portname.go analyzeService: on an ExternalName Service an unnamed protocol,
            // and also the plain name "tcp", is IST0150 instead of IST0118.
            if (externalName) {
                if (!named || p.name.value == QLatin1String("tcp"))
                    m_ctx.warning(r, p.name.present ? p.name.pos : p.pos, Code::ExternalNameInvalidPortName,
                        QStringLiteral(
                            "Port name %1 of an ExternalName service is invalid: the proxy may stop "
                            "tcp-named ports and unmatched TCP traffic from being forwarded "
                            "correctly; name it for its protocol (http-, https-, tls-) or set "
                            "appProtocol")
                            .arg(p.name.present ? p.name.value : QStringLiteral("(none)")),
                        QStringLiteral("spec.ports[%1].name").arg(i));
                continue;
            }
            if (named)
                continue;
            m_ctx.info(r, p.name.present ? p.name.pos : p.pos, Code::PortNameNotUnderConvention,
                QStringLiteral(
                    "Port name %1 (port: %2, targetPort: %3) doesn't follow the naming convention of "
                    "Istio port: name it <protocol>[-suffix] (http-web, grpc, tcp-db) or set "
                    "appProtocol, else Istio guesses the protocol and HTTP rules may not apply")
                    .arg(p.name.present ? p.name.value : QStringLiteral("(none)"))
                    .arg(p.port.value)
                    .arg(p.targetPort.present ? p.targetPort.value : QString::number(p.port.value)),
                QStringLiteral("spec.ports[%1].name").arg(i));
        }
    }

    CheckContext &m_ctx;
    const Workspace &m_ws;
    QList<const Resource *> m_virtualServices, m_destinationRules, m_gateways, m_services, m_workloads;
    QHash<QString, const Resource *> m_vsByKey, m_gatewayByKey;
    QHash<QString, const Resource *>
        m_meshSubsetRouting; // host -> a mesh VirtualService splitting it by subsets
    QSet<QString> m_noted;
    bool m_hasRequestAuthentication = false;
    QSet<QString> m_gatewayNamespaces, m_serviceNamespaces, m_foreignGateways, m_referencedSubsets;
    QHash<QString, QList<RegistryEntry>> m_registry;
    QList<RegistryEntry> m_wildcardRegistry;
    QHash<QString, QList<const Resource *>> m_drsByHost, m_workloadsByNs;
    QHash<QString, QList<const Resource *>> m_workloadsByLabel; // "key=value" of pod labels -> workloads
    QList<QPair<QString, const Resource *>> m_wildcardDrs;
};

} // namespace

void MeshAnalyzer::analyze(CheckContext &ctx)
{
    Analysis(ctx).run();
}

} // namespace meshroute
