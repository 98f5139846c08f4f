#include "conflictinggatewayanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "meshindex.h"
#include "resource.h"

namespace meshroute {

namespace {

bool sameLabels(const Labels &a, const Labels &b)
{
    return a.size() == b.size() && labelsContain(a, b) && labelsContain(b, a);
}

// Whether `server` repeats a host (as written) and bind of `other` on the same port number.
// istioctl indexes each Gateway's hosts per port and keeps the last server of a port only
// (initGatewaysMap overwrites the entry), so only that server is compared.
bool serversConflict(const Server &server, const Gateway &other)
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

// The other Gateways with a selector that `ra`'s selector equals, or that selects one of `ra`'s pods.
QList<const Resource *> onSameWorkloads(const MeshIndex &mesh, const Resource &ra)
{
    const Gateway &ga = *ra.gateway();
    const QList<const Resource *> podsA = mesh.podsOf(ga.selector);
    QList<const Resource *> out;
    for (const Resource *rb : mesh.gateways()) {
        const Gateway &gb = *rb->gateway();
        if (rb == &ra || !gb.hasSelector || gb.selector.isEmpty())
            continue;
        bool shared = sameLabels(ga.selector, gb.selector);
        for (const Resource *p : podsA)
            shared = shared || labelsContain(p->workload()->podLabels, gb.selector);
        if (shared)
            out.append(rb);
    }
    return out;
}

void gatewayConflicts(CheckContext &ctx, const Resource &ra)
{
    const Gateway &ga = *ra.gateway();
    const QList<const Resource *> sameWorkloads = onSameWorkloads(ctx.mesh(), ra);
    for (int i = 0; i < ga.servers.size(); ++i) {
        const Server &sa = ga.servers[i];
        QStringList others;
        for (const Resource *rb : sameWorkloads)
            if (serversConflict(sa, *rb->gateway()))
                others.append(rb->displayName().section(QLatin1Char(' '), 1));
        if (others.isEmpty())
            continue;
        others.sort();
        QStringList hosts;
        for (const Field<QString> &h : sa.hosts)
            hosts.append(h.value);
        ctx.error(ra, sa.port.pos.isValid() ? sa.port.pos : sa.pos, Code::ConflictingGateways,
            QStringLiteral("Conflict with gateways %1 (workload selector %2, port %3, hosts %4): "
                           "the same host on the same port of the same workloads; istiod keeps "
                           "one server and drops the other. Move one server to another port or "
                           "remove the duplicate host")
                .arg(others.join(QLatin1Char(',')), MeshIndex::describeLabels(ga.selector))
                .arg(sa.port.number.value)
                .arg(hosts.join(QLatin1Char(','))),
            QStringLiteral("spec.servers[%1].port").arg(i));
    }
}

} // namespace

void ConflictingGatewayAnalyzer::analyze(CheckContext &ctx)
{
    for (const Resource *r : ctx.mesh().gateways()) {
        const Gateway &gw = *r->gateway();
        if (gw.hasSelector && !gw.selector.isEmpty())
            gatewayConflicts(ctx, *r);
    }
}

Analyzer ConflictingGatewayAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("ConflictingGatewayAnalyzer"),
        { ResourceKind::Gateway, ResourceKind::Workload }, { Code::ConflictingGateways },
        &ConflictingGatewayAnalyzer::analyze);
}

} // namespace meshroute
