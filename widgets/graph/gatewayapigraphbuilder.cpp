#include "gatewayapigraphbuilder.h"

#include "graphbuilder.h"
#include "graphtext.h"
#include "hostname.h"
#include "meshindex.h"
#include "routeorder.h"
#include "workspace.h"

#include <QSet>

#include <algorithm>
#include <optional>

namespace meshroute {

namespace {

QString typed(const Field<QString> &type, const QString &dflt)
{
    return type.present && !type.value.isEmpty() ? type.value : dflt;
}

QString pathText(const HttpPathMatch &p)
{
    const QString type = typed(p.type, QStringLiteral("PathPrefix"));
    const QString value = p.value.present ? p.value.value : QStringLiteral("/");
    if (type == QLatin1String("Exact"))
        return QLatin1String("exact ") + value;
    if (type == QLatin1String("RegularExpression"))
        return QLatin1String("regex ") + value;
    return QLatin1String("prefix ") + value;
}

QString valueText(const QString &prefix, const HttpValueMatch &m)
{
    const bool regex = typed(m.type, QStringLiteral("Exact")) == QLatin1String("RegularExpression");
    return prefix + m.name.value + (regex ? QLatin1String(" regex ") : QLatin1String("=")) + m.value.value;
}

QString iconOf(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::GRPCRoute:
        return QStringLiteral("grpcroute");
    case ResourceKind::TCPRoute:
        return QStringLiteral("tcproute");
    case ResourceKind::TLSRoute:
        return QStringLiteral("tlsroute");
    default:
        return QStringLiteral("httproute");
    }
}

QString qualified(const Resource &r)
{
    return GraphText::qualifiedName(r.namespaceName(), r.name());
}

// A short name for a parentRef failure, beside the edge; the whole reason is its tool tip.
QString failureLabel(ParentBinding::Failure f)
{
    switch (f) {
    case ParentBinding::Failure::NoMatchingListener:
        return QStringLiteral("no such listener");
    case ParentBinding::Failure::NoMatchingHostname:
        return QStringLiteral("hostname refused");
    case ParentBinding::Failure::NamespaceNotAllowed:
        return QStringLiteral("namespace refused");
    case ParentBinding::Failure::KindNotAllowed:
        return QStringLiteral("kind refused");
    default:
        return QStringLiteral("not attached");
    }
}

} // namespace

GatewayApiGraphBuilder::GatewayApiGraphBuilder(GraphBuilder &builder)
    : m_b(builder)
    , m_binder(builder.m_workspace, builder.m_referents->of(builder.m_workspace))
    , m_resolver(builder.m_workspace, m_binder.referents())
{ }

GraphNode &GatewayApiGraphBuilder::node(int index)
{
    return m_b.m_graph.m_nodes[index];
}

QString GatewayApiGraphBuilder::matchSummary(const RouteMatch &m)
{
    QStringList parts;
    if (m.path.present)
        parts << pathText(m.path);
    if (m.method.present)
        parts << QLatin1String("method ") + m.method.value;
    if (m.grpcMethod.present)
        parts << QStringLiteral("grpc %1/%2")
                     .arg(m.grpcMethod.service.valueOr(QStringLiteral("*")),
                         m.grpcMethod.method.valueOr(QStringLiteral("*")));
    for (const HttpValueMatch &h : m.headers)
        parts << valueText(QString(), h);
    for (const HttpValueMatch &q : m.queryParams)
        parts << valueText(QStringLiteral("?"), q);
    return parts.isEmpty() ? QStringLiteral("prefix /") : parts.join(QLatin1String(" & "));
}

QString GatewayApiGraphBuilder::ruleSummary(const Resource &route, const RouteRule &rule, int maxMatches)
{
    if (rule.matches.isEmpty())
        return route.kind == ResourceKind::HTTPRoute ? QStringLiteral("prefix / (all requests)")
                                                     : QStringLiteral("all requests");
    QStringList parts;
    for (qsizetype i = 0; i < rule.matches.size(); ++i) {
        if (maxMatches >= 0 && i >= maxMatches) {
            parts << QStringLiteral("...");
            break;
        }
        parts << matchSummary(rule.matches[i]);
    }
    return parts.join(QLatin1String(" | "));
}

void GatewayApiGraphBuilder::addGateways()
{
    for (const Resource &r : m_b.m_workspace.resources)
        if (m_b.m_scope.contains(r.id) && r.kubernetesGateway())
            addGateway(r);
}

void GatewayApiGraphBuilder::addGateway(const Resource &r)
{
    GraphNode n;
    n.kind = GraphNode::Kind::Gateway;
    n.key = QLatin1String("gtw:") + QString::number(r.id);
    n.title = r.name();
    n.icon = QStringLiteral("kubernetesgateway");
    n.details << QStringLiteral("Gateway API Gateway · %1").arg(r.namespaceName());
    for (const Listener &l : r.kubernetesGateway()->listeners) {
        const QString host = l.hostname.present ? l.hostname.value : QStringLiteral("any host");
        n.details
            << QStringLiteral("%1: %2 %3 %4").arg(l.name.value, l.protocol.value).arg(l.port.value).arg(host);
        if (l.hostname.present)
            n.hosts << l.hostname.value;
    }
    n.hosts << qualified(r);
    n.toolTip = QStringLiteral("Gateway (Gateway API): Istio deploys a proxy for it; each listener (name: "
                               "protocol port hostname) takes the routes that attach to it.");
    n.resourceId = r.id;
    m_gatewayByName.insert(qualified(r), m_b.m_graph.addNode(n));
}

void GatewayApiGraphBuilder::addRoutes()
{
    for (const Resource &r : m_b.m_workspace.resources) {
        const GatewayApiRoute *route = r.gatewayApiRoute();
        if (!route || !isGatewayApiRoute(r.kind) || !m_b.m_scope.contains(r.id))
            continue;
        const QList<ParentBinding> parents = m_binder.bind(r);
        const int routeNode = addRoute(r, *route, parents);
        bool anyGateway = false;
        for (const ParentBinding &p : parents) {
            addParent(r, p, routeNode);
            anyGateway = anyGateway || p.kind == ParentBinding::Kind::Gateway;
        }
        // As the translator binds backends (GatewayApiTranslator bindingOf): ReferenceGrants
        // are enforced when a Gateway is among the parents (conversion.go enforceRefGrant = !mesh).
        for (qsizetype i = 0; i < route->rules.size(); ++i) {
            const int ruleNode = addRule(r, route->rules[i], int(i), routeNode);
            addBackends(r, route->rules[i], int(i), ruleNode, anyGateway);
            addMirrors(r, route->rules[i], int(i), ruleNode, anyGateway);
        }
    }
}

int GatewayApiGraphBuilder::addRoute(
    const Resource &r, const GatewayApiRoute &route, const QList<ParentBinding> &parents)
{
    GraphNode n;
    n.kind = GraphNode::Kind::VirtualService;
    n.key = QLatin1String("route:") + QString::number(r.id);
    n.title = r.name();
    n.icon = iconOf(r.kind);
    n.details << QStringLiteral("%1 · %2").arg(r.kindName.value, r.namespaceName());
    QStringList hostnames;
    for (const Field<QString> &h : route.hostnames)
        hostnames << h.value;
    if (!hostnames.isEmpty())
        n.details << QLatin1String("hostnames ") + hostnames.join(QLatin1String(", "));
    n.hosts = hostnames;
    for (const ParentBinding &p : parents)
        if (p.attached()) {
            n.hosts << p.meshHosts;
            for (const ListenerBinding &l : p.listeners)
                n.hosts << l.hosts;
        }
    n.hosts << qualified(r);
    n.hosts.removeDuplicates();
    n.toolTip = QStringLiteral("%1: Gateway API routing rules for the listeners (or, for a Service parent, "
                               "the mesh) it attaches to; Istio merges them with the other routes there.")
                    .arg(r.kindName.value);
    n.resourceId = r.id;
    return m_b.m_graph.addNode(n);
}

void GatewayApiGraphBuilder::addParent(const Resource &r, const ParentBinding &p, int routeNode)
{
    const bool mesh = p.kind == ParentBinding::Kind::Service || p.kind == ParentBinding::Kind::ServiceEntry;
    const int parent = mesh ? meshParentNode(p) : gatewayParentNode(p);
    GraphEdge e;
    e.kind = GraphEdge::Kind::GatewayToVirtualService;
    e.from = parent;
    e.to = routeNode;
    e.resourceId = r.id;
    if (!p.attached()) {
        e.missing = true;
        e.toolTip = p.message;
        if (!node(parent).missing)
            e.label = failureLabel(p.failure);
    } else if (!mesh) {
        QStringList names, tips;
        for (const ListenerBinding &l : p.listeners) {
            names << l.listenerName;
            tips << QStringLiteral("listener %1 (%2 %3): %4")
                        .arg(l.listenerName, l.protocol)
                        .arg(l.port)
                        .arg(l.hosts.join(QLatin1String(", ")));
        }
        e.label = names.join(QLatin1String(", "));
        e.toolTip = QStringLiteral("%1 attaches to %2").arg(qualified(r), tips.join(QLatin1String("; ")));
    } else {
        e.toolTip = QStringLiteral("%1 routes %2 for the mesh")
                        .arg(qualified(r), p.meshHosts.join(QLatin1String(", ")));
        for (const QString &h : p.meshHosts)
            m_meshHostRoutes[h] << routeNode;
    }
    m_b.m_graph.addEdge(e);
}

int GatewayApiGraphBuilder::gatewayParentNode(const ParentBinding &p)
{
    const QString name = GraphText::qualifiedName(p.parentNamespace, p.parentName);
    const bool gateway = p.kind == ParentBinding::Kind::Gateway;
    if (const int gw = gateway ? m_gatewayByName.value(name, -1) : -1; gw >= 0)
        return gw;
    GraphNode n;
    n.kind = GraphNode::Kind::Gateway;
    // A parent of a kind Istio does not take is not a missing Gateway of the same name.
    n.key = (gateway ? QLatin1String("gtw-missing:") : QLatin1String("parent-unsupported:")) + name;
    if (const int existing = m_b.m_graph.indexOf(n.key); existing >= 0)
        return existing;
    n.title = name;
    n.icon = QStringLiteral("kubernetesgateway");
    n.missing = true;
    // The same words whichever route names it first.
    n.missingReason = gateway
        ? QStringLiteral("Gateway %1 is not in the workspace: the routes that name it attach nowhere there.")
              .arg(name)
        : p.message;
    n.details << (gateway ? QStringLiteral("Gateway API Gateway not found")
                          : QStringLiteral("parent kind not supported"));
    n.toolTip = n.missingReason;
    n.hosts << name;
    return m_b.m_graph.addNode(n);
}

// A mesh route's parent: the Service the clients call, drawn in the gateways' column so the
// request reads left to right (Service -> HTTPRoute -> backends).
int GatewayApiGraphBuilder::meshParentNode(const ParentBinding &p)
{
    // Made from the parent alone, never from the route that names it first: every route that
    // names it, and a graph drawn around any of them, draw the same node.
    const bool service = p.kind == ParentBinding::Kind::Service;
    const QString kind = service ? QStringLiteral("Service") : QStringLiteral("ServiceEntry");
    const QString name = GraphText::qualifiedName(p.parentNamespace, p.parentName);
    GraphNode n;
    n.kind = GraphNode::Kind::Gateway;
    n.key = QStringLiteral("meshparent:%1:%2").arg(kind, name);
    if (const int existing = m_b.m_graph.indexOf(n.key); existing >= 0)
        return existing;
    n.colourKind = int(GraphNode::Kind::Service);
    n.icon = QStringLiteral("service");
    n.title = p.parentName;
    n.details << QStringLiteral("%1 · %2 · mesh parent").arg(kind, p.parentNamespace);
    n.hosts << name << p.parentName;
    if (service)
        n.hosts << HostName::serviceFqdn(p.parentName, p.parentNamespace);
    const Resource *parent = m_b.m_workspace.find(
        service ? ResourceKind::Service : ResourceKind::ServiceEntry, p.parentNamespace, p.parentName);
    if (parent) {
        n.resourceId = parent->id;
        n.toolTip = QStringLiteral("%1 %2 as a mesh route's parent: the route applies to requests that "
                                   "sidecars send to it.")
                        .arg(kind, name);
    } else {
        n.missing = true;
        n.missingReason = n.toolTip
            = QStringLiteral("%1 %2 not found: the route applies to no host.").arg(kind, name);
        n.details << QStringLiteral("%1 not found").arg(kind);
    }
    return m_b.m_graph.addNode(n);
}

int GatewayApiGraphBuilder::addRule(const Resource &r, const RouteRule &rule, int index, int routeNode)
{
    GraphNode n;
    n.kind = GraphNode::Kind::Rule;
    n.key = QStringLiteral("rule:%1:http:%2").arg(r.id).arg(index);
    n.title = rule.name.present && !rule.name.value.isEmpty() ? rule.name.value
                                                              : QStringLiteral("rule #%1").arg(index);
    n.details << ruleSummary(r, rule);
    QStringList filters;
    for (const RouteFilter &f : rule.filters)
        filters << f.type.value;
    if (!filters.isEmpty())
        n.details << filters.join(QLatin1String(", "));
    n.toolTip = QStringLiteral("%1 rule %2 of %3: %4")
                    .arg(r.kindName.value)
                    .arg(index)
                    .arg(qualified(r), ruleSummary(r, rule, -1));
    n.hosts = node(routeNode).hosts;
    n.resourceId = r.id;
    n.routeIndex = index;
    const int idx = m_b.m_graph.addNode(n);
    GraphEdge e;
    e.kind = GraphEdge::Kind::VirtualServiceToRule;
    e.from = routeNode;
    e.to = idx;
    m_b.m_graph.addEdge(e);
    return idx;
}

void GatewayApiGraphBuilder::addBackends(
    const Resource &r, const RouteRule &rule, int index, int ruleNode, bool enforceGrants)
{
    // The CRD default weight is 1: a backendRef without weight takes as much as one with weight: 1.
    auto weightOf
        = [](const BackendRef &b) { return b.weight.present ? std::max<qint64>(b.weight.value, 0) : 1; };
    qint64 sum = 0;
    for (const BackendRef &b : rule.backendRefs)
        sum += weightOf(b);
    for (qsizetype i = 0; i < rule.backendRefs.size(); ++i) {
        const BackendRef &ref = rule.backendRefs[i];
        const BackendResolution resolved = m_resolver.resolve(r, ref.ref, enforceGrants);
        GraphEdge e;
        e.kind = GraphEdge::Kind::RuleToDestination;
        e.from = ruleNode;
        e.to = backendNode(ref, resolved, r);
        e.share = rule.backendRefs.size() == 1 ? 1 : sum > 0 ? double(weightOf(ref)) / double(sum) : 0;
        e.label = GraphText::share(e.share);
        e.resourceId = r.id;
        e.routeIndex = index;
        e.destinationIndex = int(i);
        if (!resolved.ok()) {
            e.missing = true;
            e.toolTip = resolved.message;
        }
        m_b.m_graph.addEdge(e);
    }
}

// RequestMirror filters: a "mirror" edge (with its share of requests when not all) to the
// backend, as the VirtualService's mirror edges; one Istio cannot resolve is dropped from the
// route (GatewayApiRuleConverter::applyFilter) and drawn dashed red with why.
void GatewayApiGraphBuilder::addMirrors(
    const Resource &r, const RouteRule &rule, int index, int ruleNode, bool enforceGrants)
{
    for (const RouteFilter &f : rule.filters) {
        const RequestMirror &m = f.requestMirror;
        if (!m.present)
            continue;
        const BackendResolution resolved = m_resolver.resolve(r, m.backendRef, enforceGrants);
        GraphEdge e;
        e.kind = GraphEdge::Kind::Mirror;
        e.from = ruleNode;
        e.to = backendNode(BackendRef { m.backendRef, {}, {}, m.pos }, resolved, r);
        e.label = QStringLiteral("mirror");
        if (m.percent.present || m.fractionNumerator.present) {
            const double share = m.percent.present ? double(m.percent.value) / 100.0
                                                   : double(m.fractionNumerator.value)
                    / double(std::max<qint64>(m.fractionDenominator.valueOr(100), 1));
            e.label += QLatin1Char(' ') + GraphText::share(share);
        }
        e.resourceId = r.id;
        e.routeIndex = index;
        if (!resolved.ok()) {
            e.missing = true;
            e.toolTip = resolved.mirrorMessage();
        }
        m_b.m_graph.addEdge(e);
    }
}

int GatewayApiGraphBuilder::backendNode(const BackendRef &ref, const BackendResolution &b, const Resource &r)
{
    QString host = b.host;
    if (host.isEmpty() && b.status == BackendResolution::Status::NotPermitted)
        host = HostName::serviceFqdn(ref.ref.name.value, ref.ref.namespace_.valueOr(r.namespaceName()));
    if (!host.isEmpty()) {
        return m_b.serviceNode(host); // the edge carries the resolver's reason
    }
    GraphNode n;
    n.kind = GraphNode::Kind::Service;
    n.key = QStringLiteral("backend:%1/%2/%3").arg(ref.ref.kind.value, r.namespaceName(), ref.ref.name.value);
    if (const int existing = m_b.m_graph.indexOf(n.key); existing >= 0)
        return existing;
    n.title = ref.ref.name.value;
    n.details << QStringLiteral("%1 (not supported)").arg(ref.ref.kind.value);
    n.missing = true;
    n.missingReason = n.toolTip = b.message;
    return m_b.m_graph.addNode(n);
}

namespace {

bool claims(const Resource &r, const QString &host)
{
    const VirtualService *vs = r.virtualService();
    if (!vs || !MeshIndex::appliesToMesh(*vs))
        return false;
    for (const Field<QString> &h : vs->hosts)
        if (HostName::covers(HostName::resolve(h.value, r.namespaceName()), host))
            return true;
    return false;
}

// The hosts mesh VirtualServices claim: exact ones in a set, wildcards in a list, so that
// a mesh of thousands is read once, not once per mesh route.
struct MeshVirtualServiceHosts
{
    QSet<QString> exact;
    QStringList wildcards;

    explicit MeshVirtualServiceHosts(const Workspace &ws)
    {
        for (const Resource &r : ws.resources)
            if (const VirtualService *vs = r.virtualService(); vs && MeshIndex::appliesToMesh(*vs))
                for (const Field<QString> &h : vs->hosts) {
                    const QString host = HostName::resolve(h.value, r.namespaceName());
                    if (HostName::isWildcard(host))
                        wildcards << host;
                    else
                        exact.insert(host);
                }
    }
    bool claim(const QString &host) const
    {
        if (exact.contains(host))
            return true;
        for (const QString &w : wildcards)
            if (HostName::covers(w, host))
                return true;
        return false;
    }
};

} // namespace

// Where a mesh HTTPRoute and a mesh-bound VirtualService claim one host, sidecars use one of
// them (MR2013): the graph says which, from the router's own table. Decided on the whole
// workspace, so a graph drawn around one resource says the same.
QList<QPair<QString, int>> GatewayApiGraphBuilder::contestedMeshHosts() const
{
    QList<QPair<QString, int>> out;
    const MeshVirtualServiceHosts claimed(m_b.m_workspace);
    if (claimed.exact.isEmpty() && claimed.wildcards.isEmpty())
        return out; // no mesh VirtualService: nothing to contest, no route to bind
    QHash<QString, int> meshHosts; // host -> the parentRef's port (0: any)
    for (const Resource &r : m_b.m_workspace.resources)
        if (isGatewayApiRoute(r.kind) && r.gatewayApiRoute())
            for (const ParentBinding &p : m_binder.bind(r))
                if (p.attached())
                    for (const QString &h : p.meshHosts)
                        if (claimed.claim(h))
                            meshHosts.insert(h, p.meshPort);
    for (auto it = meshHosts.cbegin(); it != meshHosts.cend(); ++it)
        out << qMakePair(it.key(), it.value());
    std::sort(out.begin(), out.end());
    return out;
}

void GatewayApiGraphBuilder::markMeshHostWinners()
{
    const QList<QPair<QString, int>> contested = contestedMeshHosts();
    if (contested.isEmpty())
        return;
    // The drawn VirtualServices by id: a node's resource without a walk of the workspace.
    QHash<int, const Resource *> drawn;
    for (const Resource *r : std::as_const(m_b.m_inScope))
        if (r->virtualService()) // as GraphBuilder::addVirtualServices draws them
            drawn.insert(r->id, r);
    std::optional<RouteTable> table; // compiled only when a contested host is drawn
    for (const auto &[host, meshPort] : contested) {
        // Only the claimants drawn in this graph (a neighbourhood of a big mesh draws few).
        QList<int> claimants = m_meshHostRoutes.value(host);
        for (int i = 0; i < m_b.m_graph.m_nodes.size(); ++i) {
            const GraphNode &n = m_b.m_graph.m_nodes[i];
            const Resource *vs = n.key.startsWith(QLatin1String("vs:")) ? drawn.value(n.resourceId) : nullptr;
            if (vs && claims(*vs, host))
                claimants << i;
        }
        if (claimants.isEmpty())
            continue;
        if (!table)
            table = RouteTable::compile(m_b.m_workspace);
        QList<int> ports;
        const int port = meshPort                                   ? meshPort
            : table->servicePorts(host, &ports) && !ports.isEmpty() ? ports.first()
                                                                    : 80;
        const QList<RouteOrderHost> used = RouteOrder::forMeshHost(*table, host, port);
        const Resource *winner
            = used.isEmpty() || used[0].rows.isEmpty() ? nullptr : table->resource(used[0].rows[0].sourceId);
        if (!winner)
            continue;
        for (int c : std::as_const(claimants))
            markClaimant(node(c), host, *winner);
    }
}

void GatewayApiGraphBuilder::markClaimant(GraphNode &n, const QString &host, const Resource &winner)
{
    if (n.resourceId == winner.id) {
        n.details << QStringLiteral("wins %1").arg(host);
        n.toolTip
            += QStringLiteral("\n\nSidecars route %1 with this %2's rules; the other routes that claim it "
                              "are ignored there (the router's answer; MR2013).")
                   .arg(host, winner.kindName.value);
    } else {
        n.details << QStringLiteral("loses %1").arg(host);
        n.toolTip += QStringLiteral("\n\nSidecars route %1 with %2 %3's rules and ignore these for it (the "
                                    "router's answer; MR2013).")
                         .arg(host, winner.kindName.value, qualified(winner));
    }
}

} // namespace meshroute
