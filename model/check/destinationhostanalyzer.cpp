#include "destinationhostanalyzer.h"

#include "checkcontext.h"
#include "destinationwalk.h"
#include "diagnosticcodes.h"
#include "hostname.h"
#include "meshindex.h"
#include "onceperresource.h"
#include "resource.h"

namespace meshroute {

namespace {

// The namespaces whose clients use the VirtualService and so must see what it points at.
QStringList usedFrom(const Resource &r, const VirtualService &vs)
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

// Where a finding about the host itself points.
QString hostPath(const DestinationWalk::Site &site)
{
    return site.path() + QStringLiteral(".host");
}

QString portList(const QList<qint64> &ports, const QString &separator)
{
    QStringList out;
    for (qint64 p : ports)
        out.append(QString::number(p));
    return out.join(separator);
}

class DestinationHosts
{
public:
    explicit DestinationHosts(CheckContext &ctx)
        : m_ctx(ctx)
        , m_mesh(ctx.mesh())
    { }

    void virtualService(const Resource &r)
    {
        const QStringList from = usedFrom(r, *r.virtualService());
        DestinationWalk::forEach(*r.virtualService(),
            [&](const Destination &d, const DestinationWalk::Site &site) { destination(r, from, d, site); });
    }

private:
    void destination(
        const Resource &r, const QStringList &from, const Destination &d, const DestinationWalk::Site &site)
    {
        if (!d.host.present || d.host.value.isEmpty() || d.host.value == QLatin1String("*"))
            return;
        const QString resolved = HostName::resolve(d.host.value, r.namespaceName()).toLower();
        bool alias = false;
        const QList<const MeshIndex::Entry *> entries = m_mesh.lookup(resolved, &alias);
        if (alias)
            m_ctx.info(r, d.host.pos, Code::NameDotNamespaceHost,
                QStringLiteral("%1 %2 is written name.namespace, which Istio does not expand; write %3 so it "
                               "names the service's FQDN")
                    .arg(site.what(), d.host.value, resolved + QLatin1Char('.') + HostName::clusterDomain()),
                hostPath(site));
        const MeshIndex::Entry *found = nullptr;
        if (!entries.isEmpty())
            found = visibleEntry(r, from, d, entries, resolved, site);
        else if (!HostName::isWildcard(resolved))
            notFound(r, d, resolved, site);
        // Ports: only a service we can see tells which ports exist.
        if (found && !found->ports.isEmpty() && !HostName::isWildcard(found->host))
            ports(r, d, *found, site);
    }

    // The entry the namespaces in `from` all see, or null after reporting those that see none.
    const MeshIndex::Entry *visibleEntry(const Resource &r, const QStringList &from, const Destination &d,
        const QList<const MeshIndex::Entry *> &entries, const QString &resolved,
        const DestinationWalk::Site &site)
    {
        const MeshIndex::Entry *found = nullptr;
        QStringList blind;
        for (const QString &n : from) {
            bool seen = false;
            for (const MeshIndex::Entry *e : entries)
                if (e->visibility.visibleFrom(n)) {
                    seen = true;
                    found = found ? found : e;
                }
            if (!seen)
                blind.append(n);
        }
        bool exactHidden = false;
        for (const MeshIndex::Entry *e : entries)
            exactHidden = exactHidden || !HostName::isWildcard(e->host);
        if (!blind.isEmpty() && !exactHidden && !found) {
            // Only a wildcard ServiceEntry that this namespace cannot see: as good as absent.
            notFound(r, d, resolved, site);
        } else if (!blind.isEmpty()) {
            m_ctx.error(r, d.host.pos, Code::ReferencedResourceNotFound,
                QStringLiteral("Referenced %1 not found: \"%2\": %3 exists but is not exported to "
                               "namespace %4; export it there or route elsewhere")
                    .arg(site.what(), d.host.value, entries.first()->resource->displayName(),
                        blind.join(QStringLiteral(", "))),
                hostPath(site));
            found = nullptr;
        }
        return found;
    }

    void ports(const Resource &r, const Destination &d, const MeshIndex::Entry &found,
        const DestinationWalk::Site &site)
    {
        if (d.port.number.present) {
            if (!found.ports.contains(d.port.number.value))
                m_ctx.error(r, d.port.number.pos, Code::ReferencedResourceNotFound,
                    QStringLiteral("Referenced %1:port not found: \"%2:%3\"; %4 exposes %5; use one of them")
                        .arg(site.what(), d.host.value)
                        .arg(d.port.number.value)
                        .arg(found.resource->displayName(), portList(found.ports, QStringLiteral(", "))),
                    site.path() + QStringLiteral(".port.number"));
        } else if (found.ports.size() > 1) {
            m_ctx.error(r, d.host.pos, Code::DestinationPortRequired,
                QStringLiteral("This VirtualService routes to a service \"%1\" that exposes multiple ports "
                               "[%2]. Specifying a port in the destination is required to disambiguate; "
                               "add port.number")
                    .arg(d.host.value, portList(found.ports, QStringLiteral(" "))),
                hostPath(site));
        }
    }

    void notFound(
        const Resource &r, const Destination &d, const QString &resolved, const DestinationWalk::Site &site)
    {
        const QString hostNs = HostName::namespaceOf(resolved);
        if (!hostNs.isEmpty() && m_mesh.hasServicesIn(hostNs))
            m_ctx.error(r, d.host.pos, Code::ReferencedResourceNotFound,
                QStringLiteral("Referenced %1 not found: \"%2\": namespace %3 has no Service %4 among the "
                               "opened files; correct the host or add the Service")
                    .arg(site.what(), d.host.value, hostNs, resolved.section(QLatin1Char('.'), 0, 0)),
                hostPath(site));
        else if (!m_noted.first(r, resolved))
            ; // said once for this resource already
        else if (!hostNs.isEmpty())
            m_ctx.info(r, d.host.pos, Code::ReferencedResourceNotFound,
                QStringLiteral("%1 %2 is not among the opened files (no Service of namespace %3 was "
                               "opened); open them to have it checked")
                    .arg(site.what(), d.host.value, hostNs),
                hostPath(site));
        else
            m_ctx.info(r, d.host.pos, Code::ReferencedResourceNotFound,
                QStringLiteral("%1 %2 is not defined by any opened Service or ServiceEntry; if it is "
                               "outside the mesh, a ServiceEntry makes it known")
                    .arg(site.what(), d.host.value),
                hostPath(site));
    }

    CheckContext &m_ctx;
    const MeshIndex &m_mesh;
    OncePerResource m_noted;
};

} // namespace

void DestinationHostAnalyzer::analyze(CheckContext &ctx)
{
    DestinationHosts hosts(ctx);
    for (const Resource *r : ctx.mesh().virtualServices())
        hosts.virtualService(*r);
}

Analyzer DestinationHostAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("DestinationHostAnalyzer"),
        { ResourceKind::VirtualService, ResourceKind::Service, ResourceKind::ServiceEntry },
        { Code::DestinationPortRequired, Code::NameDotNamespaceHost, Code::ReferencedResourceNotFound },
        &DestinationHostAnalyzer::analyze);
}

} // namespace meshroute
