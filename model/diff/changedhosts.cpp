#include "changedhosts.h"

#include "hostname.h"

namespace meshroute {

namespace {

// The hosts a VirtualService or HTTPRoute routes; false when it reaches further than its hosts.
bool hostsOf(const Resource &r, QStringList *out)
{
    if (const VirtualService *vs = r.virtualService()) {
        for (const Field<QString> &h : vs->hosts)
            out->append(HostName::resolve(h.value, r.namespaceName()));
        return !out->isEmpty(); // no hosts: a delegate, reached through its roots
    }
    if (const GatewayApiRoute *route = r.gatewayApiRoute()) {
        for (const Field<QString> &h : route->hostnames)
            out->append(h.value);
        if (!out->isEmpty())
            return true;
        // A mesh route without hostnames routes the hosts of its parent Services.
        for (const ParentReference &p : route->parentRefs) {
            if (p.kind.value != QLatin1String("Service"))
                return false;
            const QString ns = p.namespace_.present ? p.namespace_.value : r.namespaceName();
            out->append(HostName::serviceFqdn(p.name.value, ns));
        }
        return !out->isEmpty();
    }
    return false;
}

} // namespace

ChangedHosts ChangedHosts::everything()
{
    ChangedHosts h;
    h.m_all = true;
    return h;
}

ChangedHosts ChangedHosts::of(const QList<ResourcePair> &pairs)
{
    ChangedHosts h;
    for (const ResourcePair &p : pairs) {
        if (!p.edited)
            continue;
        for (const Resource *r : { p.before, p.after })
            if (r)
                h.add(*r);
        if (h.m_all)
            break;
    }
    h.m_patterns.removeDuplicates();
    return h;
}

void ChangedHosts::add(const Resource &r)
{
    switch (r.kind) {
    case ResourceKind::Workload: // pods: not part of an answer the diff compares
    case ResourceKind::TCPRoute: // read and bound, not routed
    case ResourceKind::TLSRoute:
    case ResourceKind::Other:
        return;
    case ResourceKind::VirtualService:
    case ResourceKind::HTTPRoute:
    case ResourceKind::GRPCRoute:
        if (hostsOf(r, &m_patterns))
            return;
        break;
    default:
        break;
    }
    m_all = true;
}

bool ChangedHosts::covers(const QString &host) const
{
    if (m_all)
        return true;
    for (const QString &p : m_patterns)
        if (HostName::covers(p, host))
            return true;
    return false;
}

bool ChangedHosts::touches(const Resource &r) const
{
    if (m_all)
        return true;
    QStringList hosts;
    if (!hostsOf(r, &hosts))
        return true;
    for (const QString &host : hosts)
        for (const QString &p : m_patterns)
            if (HostName::overlaps(p, host))
                return true;
    return false;
}

} // namespace meshroute
