#include "graphbuilder.h"

#include "gatewayapigraphbuilder.h"
#include "graphtext.h"
#include "hostname.h"
#include "workspace.h"

#include <algorithm>
#include <optional>

namespace meshroute {

namespace {

// An edge that carries no share or label: structure, not traffic.
GraphEdge edgeOf(GraphEdge::Kind kind, int from, int to)
{
    GraphEdge e;
    e.kind = kind;
    e.from = from;
    e.to = to;
    return e;
}

} // namespace

GraphBuilder::GraphBuilder(const Workspace &workspace, const GraphScope &scope, RuleErrors *ruleErrors,
    ReferentIndexCache *referents)
    : m_ruleErrors(ruleErrors ? ruleErrors : &m_ownRuleErrors)
    , m_referents(referents ? referents : &m_ownReferents)
    , m_workspace(workspace)
    , m_scope(scope)
{ }

GraphModel GraphBuilder::build()
{
    noteDefinedKinds();
    addServices();
    addGateways();
    // Built only for a workspace with Gateway API objects: its binders index the whole workspace.
    std::optional<GatewayApiGraphBuilder> gatewayApi;
    if (std::any_of(m_workspace.resources.cbegin(), m_workspace.resources.cend(), [](const Resource &r) {
            return r.kind == ResourceKind::KubernetesGateway || isGatewayApiRoute(r.kind);
        }))
        gatewayApi.emplace(*this);
    if (gatewayApi)
        gatewayApi->addGateways();
    addWorkloads();
    addSubsets();
    addVirtualServices();
    if (gatewayApi) {
        gatewayApi->addRoutes();
        gatewayApi->markMeshHostWinners();
    }
    addServiceWorkloadEdges();
    return std::move(m_graph);
}

template <typename Visit> void GraphBuilder::forEachInScope(Visit visit) const
{
    for (const Resource *r : m_inScope)
        visit(*r);
}

// One pass over the workspace: the kinds it defines, and the resources in scope, which the
// passes after it visit alone (a neighbourhood of a 15,000-resource mesh is a few dozen).
void GraphBuilder::noteDefinedKinds()
{
    for (const Resource &r : m_workspace.resources) {
        m_haveServices |= r.kind == ResourceKind::Service || r.kind == ResourceKind::ServiceEntry;
        m_haveWorkloads |= r.kind == ResourceKind::Workload;
        m_haveDestinationRules |= r.kind == ResourceKind::DestinationRule;
        if (m_scope.contains(r.id))
            m_inScope.append(&r);
    }
}

void GraphBuilder::addServices()
{
    forEachInScope([this](const Resource &r) {
        if (const KubernetesService *svc = r.service())
            addService(r, *svc);
        else if (const ServiceEntry *se = r.serviceEntry())
            addServiceEntryHosts(r, *se);
    });
}

void GraphBuilder::addService(const Resource &r, const KubernetesService &svc)
{
    const QString fqdn = HostName::serviceFqdn(r.name(), r.namespaceName());
    if (m_serviceByHost.contains(fqdn))
        return;
    GraphNode n;
    n.kind = GraphNode::Kind::Service;
    n.key = QLatin1String("svc:") + fqdn;
    n.title = r.name();
    QStringList ports;
    for (const ServicePort &p : svc.ports)
        ports.append(p.name.present ? QStringLiteral("%1/%2").arg(p.port.value).arg(p.name.value)
                                    : QString::number(p.port.value));
    n.details.append(QStringLiteral("Service · %1").arg(r.namespaceName()));
    if (!ports.isEmpty())
        n.details.append(QStringLiteral("ports ") + ports.join(QLatin1String(", ")));
    n.hosts = { fqdn, r.name(), r.name() + QLatin1Char('.') + r.namespaceName() };
    n.resourceId = r.id;
    const int idx = m_graph.addNode(n);
    m_serviceByHost.insert(fqdn, idx);
    m_serviceResource.insert(idx, &r);
}

void GraphBuilder::addServiceEntryHosts(const Resource &r, const ServiceEntry &se)
{
    for (const Field<QString> &h : se.hosts) {
        const QString host = HostName::resolve(h.value, r.namespaceName());
        if (host.isEmpty() || m_serviceByHost.contains(host))
            continue;
        GraphNode n;
        n.kind = GraphNode::Kind::Service;
        n.key = QLatin1String("svc:") + host;
        n.title = host;
        n.details.append(
            QStringLiteral("ServiceEntry %1").arg(GraphText::qualifiedName(r.namespaceName(), r.name())));
        n.hosts = { host };
        n.resourceId = r.id;
        const int idx = m_graph.addNode(n);
        m_serviceByHost.insert(host, idx);
        if (HostName::isWildcard(host))
            m_wildcardHosts.append({ host, idx });
    }
}

int GraphBuilder::serviceNode(const QString &fqdn)
{
    if (const int idx = m_serviceByHost.value(fqdn, -1); idx >= 0)
        return idx;
    for (const auto &[pattern, idx] : std::as_const(m_wildcardHosts))
        if (HostName::covers(pattern, fqdn))
            return idx;
    GraphNode n;
    n.kind = GraphNode::Kind::Service;
    n.key = QLatin1String("svc:") + fqdn;
    // Named from the FQDN as a Service node is, not as the first reference spells it:
    // a graph drawn around one resource (GraphScope) must draw it as the whole graph does.
    const QString ns = HostName::namespaceOf(fqdn);
    const QString name = fqdn.section(QLatin1Char('.'), 0, 0);
    n.title = ns.isEmpty() ? fqdn : name;
    n.hosts = ns.isEmpty() ? QStringList { fqdn } : QStringList { fqdn, name, name + QLatin1Char('.') + ns };
    if (m_haveServices) {
        n.missing = true;
        n.missingReason
            = QStringLiteral("Host %1 not found: no Service or ServiceEntry defines it (503 NC).").arg(fqdn);
        n.details.append(QStringLiteral("host not found"));
        n.toolTip = n.missingReason; // else addNode() gives the kind's tool tip
    } else {
        n.details.append(QStringLiteral("not in the workspace"));
    }
    const int idx = m_graph.addNode(n);
    m_serviceByHost.insert(fqdn, idx);
    return idx;
}

void GraphBuilder::addGateways()
{
    forEachInScope([this](const Resource &r) {
        if (const Gateway *gw = r.gateway())
            addGateway(r, *gw);
    });
}

void GraphBuilder::addGateway(const Resource &r, const Gateway &gw)
{
    GraphNode n;
    n.kind = GraphNode::Kind::Gateway;
    n.key = QLatin1String("gw:") + QString::number(r.id);
    n.title = r.name();
    n.details.append(QStringLiteral("Gateway · %1").arg(r.namespaceName()));
    for (const Server &s : gw.servers) {
        QStringList hosts;
        for (const Field<QString> &h : s.hosts)
            hosts.append(h.value);
        n.details.append(QStringLiteral("%1 %2: %3")
                             .arg(s.port.protocol.value)
                             .arg(s.port.number.value)
                             .arg(hosts.join(QLatin1String(", "))));
        n.hosts.append(hosts);
    }
    const QString name = GraphText::qualifiedName(r.namespaceName(), r.name());
    n.hosts.append(name);
    n.resourceId = r.id;
    m_gatewayByName.insert(name, m_graph.addNode(n));
}

int GraphBuilder::gatewayNode(const QString &name)
{
    if (const int gw = m_gatewayByName.value(name, -1); gw >= 0)
        return gw;
    GraphNode m;
    m.kind = GraphNode::Kind::Gateway;
    m.key = QLatin1String("gw-missing:") + name;
    m.title = name;
    m.missing = true;
    m.missingReason
        = QStringLiteral("Gateway %1 not found: the rules do not apply at any gateway (404 NR).").arg(name);
    m.details.append(QStringLiteral("gateway not found"));
    m.toolTip = m.missingReason;
    m.hosts.append(name);
    int gw = m_graph.indexOf(m.key);
    if (gw < 0) {
        gw = m_graph.addNode(m);
        m_gatewayByName.insert(name, gw);
    }
    return gw;
}

void GraphBuilder::addWorkloads()
{
    forEachInScope([this](const Resource &r) {
        if (const Workload *w = r.workload())
            addWorkload(r, *w);
    });
}

void GraphBuilder::addWorkload(const Resource &r, const Workload &w)
{
    GraphNode n;
    n.kind = GraphNode::Kind::Workload;
    n.key = QLatin1String("wl:") + QString::number(r.id);
    n.title = r.name();
    const int pods = w.replicaCount();
    n.details.append(QStringLiteral("%1 · %2 %3")
                         .arg(r.kindName.value)
                         .arg(pods)
                         .arg(pods == 1 ? QStringLiteral("pod") : QStringLiteral("pods")));
    if (!w.podLabels.isEmpty())
        n.details.append(GraphText::labels(w.podLabels));
    n.hosts.append(GraphText::qualifiedName(r.namespaceName(), r.name()));
    n.resourceId = r.id;
    const int idx = m_graph.addNode(n);
    m_workloadsByNamespace.insert(r.namespaceName(), idx);
    m_workloadResource.insert(idx, &r);
}

QList<int> GraphBuilder::selectWorkloads(const QString &ns, const Labels &selector) const
{
    QList<int> out;
    if (ns.isEmpty() || selector.isEmpty())
        return out;
    for (auto it = m_workloadsByNamespace.constFind(ns);
         it != m_workloadsByNamespace.constEnd() && it.key() == ns; ++it)
        if (labelsContain(m_workloadResource.value(it.value())->workload()->podLabels, selector))
            out.append(it.value());
    std::sort(out.begin(), out.end());
    return out;
}

void GraphBuilder::addSubsets()
{
    forEachInScope([this](const Resource &r) {
        const DestinationRule *dr = r.destinationRule();
        if (dr && dr->host.present)
            addSubsetsOf(r, *dr);
    });
}

void GraphBuilder::addSubsetsOf(const Resource &r, const DestinationRule &dr)
{
    const QString fqdn = HostName::resolve(dr.host.value, r.namespaceName());
    const int svc = serviceNode(fqdn);
    const Resource *svcRes = m_serviceResource.value(svc);
    const Labels serviceSelector = svcRes ? svcRes->service()->selector : Labels {};
    const QString ns = HostName::namespaceOf(fqdn);
    for (const Subset &s : dr.subsets) {
        const QString skey = fqdn + QLatin1Char('/') + s.name.value;
        if (m_subsetByKey.contains(skey))
            continue;
        GraphNode n;
        n.kind = GraphNode::Kind::Subset;
        n.key = QLatin1String("subset:") + skey;
        n.title = QStringLiteral("%1 %2").arg(m_graph.nodes()[svc].title, s.name.value);
        n.details.append(QStringLiteral("DestinationRule %1").arg(r.name()));
        if (!s.labels.isEmpty())
            n.details.append(GraphText::labels(s.labels));
        n.hosts = m_graph.nodes()[svc].hosts;
        n.resourceId = r.id;
        n.subset = s.name.value;
        // The subset's labels narrow the service's selector (same key: the subset wins).
        Labels merged = s.labels;
        for (const Label &l : serviceSelector) {
            bool overridden = false;
            for (const Label &m : std::as_const(merged))
                overridden |= m.key == l.key;
            if (!overridden)
                merged.append(l);
        }
        const QList<int> selected = selectWorkloads(ns, merged);
        if (selected.isEmpty() && m_haveWorkloads && !s.labels.isEmpty()) {
            n.missing = true;
            n.missingReason
                = QStringLiteral("Subset %1 selects no pods: no workload in %2 has the labels %3 (503 UH).")
                      .arg(s.name.value, ns, GraphText::labels(merged));
            n.details.append(QStringLiteral("selects no pods"));
            n.toolTip = n.missingReason; // else addNode() gives the kind's tool tip
        }
        const int idx = m_graph.addNode(n);
        m_subsetByKey.insert(skey, idx);
        m_graph.addEdge(edgeOf(GraphEdge::Kind::ServiceToSubset, svc, idx));
        for (int wl : selected) {
            m_graph.addEdge(edgeOf(GraphEdge::Kind::SubsetToWorkload, idx, wl));
            m_coveredWorkloads.insert({ svc, wl });
        }
    }
}

int GraphBuilder::subsetNode(const QString &fqdn, const QString &subset)
{
    const QString skey = fqdn + QLatin1Char('/') + subset;
    if (const int idx = m_subsetByKey.value(skey, -1); idx >= 0)
        return idx;
    const int svc = serviceNode(fqdn);
    GraphNode n;
    n.kind = GraphNode::Kind::Subset;
    n.key = QLatin1String("subset:") + skey;
    n.title = QStringLiteral("%1 %2").arg(m_graph.nodes()[svc].title, subset);
    if (m_haveDestinationRules) {
        n.missing = true;
        n.missingReason
            = QStringLiteral("No DestinationRule defines subset %1 of %2 (503 NC).").arg(subset, fqdn);
        n.details.append(QStringLiteral("subset not defined"));
        n.toolTip = n.missingReason;
    } else {
        n.details.append(QStringLiteral("no DestinationRule in the workspace"));
    }
    n.hosts = m_graph.nodes()[svc].hosts;
    n.subset = subset;
    const int idx = m_graph.addNode(n);
    m_subsetByKey.insert(skey, idx);
    m_graph.addEdge(edgeOf(GraphEdge::Kind::ServiceToSubset, svc, idx));
    return idx;
}

int GraphBuilder::destinationNode(const Destination &d, const QString &ns)
{
    const QString fqdn = HostName::resolve(d.host.value, ns);
    return d.subset.present && !d.subset.value.isEmpty() ? subsetNode(fqdn, d.subset.value)
                                                         : serviceNode(fqdn);
}

void GraphBuilder::addVirtualServices()
{
    forEachInScope([this](const Resource &r) {
        const VirtualService *vs = r.virtualService();
        if (!vs)
            return;
        m_vsResource = &r;
        const int vsNode = addVirtualService(r, *vs);
        connectGateways(r, *vs, vsNode);
        addHttpRules(r, *vs, vsNode);
        addTlsRules(r, *vs, vsNode);
        addTcpRules(r, *vs, vsNode);
    });
}

int GraphBuilder::addVirtualService(const Resource &r, const VirtualService &vs)
{
    const QString ns = r.namespaceName();
    GraphNode n;
    n.kind = GraphNode::Kind::VirtualService;
    n.key = QLatin1String("vs:") + QString::number(r.id);
    n.title = r.name();
    QStringList hosts;
    for (const Field<QString> &h : vs.hosts) {
        hosts.append(h.value);
        n.hosts.append(h.value);
        n.hosts.append(HostName::resolve(h.value, ns));
    }
    n.details.append(QStringLiteral("VirtualService · %1").arg(ns));
    if (!hosts.isEmpty())
        n.details.append(QStringLiteral("hosts ") + hosts.join(QLatin1String(", ")));
    n.resourceId = r.id;
    return m_graph.addNode(n);
}

void GraphBuilder::connectGateways(const Resource &r, const VirtualService &vs, int vsNode)
{
    for (const Field<QString> &ref : vs.gateways) {
        const QString name = GraphModel::gatewayKey(ref.value, r.namespaceName());
        if (name.isEmpty())
            continue;
        m_graph.addEdge(edgeOf(GraphEdge::Kind::GatewayToVirtualService, gatewayNode(name), vsNode));
    }
}

int GraphBuilder::addRule(int vsNode, GraphNode rule)
{
    rule.kind = GraphNode::Kind::Rule;
    const QString list = rule.routeKind == RouteKind::Http ? QStringLiteral("http")
        : rule.routeKind == RouteKind::Tls                 ? QStringLiteral("tls")
                                                           : QStringLiteral("tcp");
    const int index = rule.routeKind == RouteKind::Http ? rule.routeIndex : rule.l4RouteIndex;
    rule.errors = m_ruleErrors->of(m_workspace, *m_vsResource, list, index);
    if (!rule.errors.isEmpty())
        rule.details.append(QStringLiteral("rejected: ") + rule.errors.first());
    rule.hosts = m_graph.nodes()[vsNode].hosts;
    rule.resourceId = m_graph.nodes()[vsNode].resourceId;
    const int idx = m_graph.addNode(rule);
    m_graph.addEdge(edgeOf(GraphEdge::Kind::VirtualServiceToRule, vsNode, idx));
    return idx;
}

template <typename Route>
void GraphBuilder::addDestinations(const Resource &r, int ruleNode, const Route &route, int routeIndex)
{
    qint64 sum = 0;
    for (const auto &d : route)
        sum += d.weight.present ? std::max<qint64>(d.weight.value, 0) : 0;
    for (qsizetype i = 0; i < route.size(); ++i) {
        const auto &d = route[i];
        // Relative weights: share = weight / sum; a single destination takes everything.
        double share = 0;
        if (route.size() == 1)
            share = 1;
        else if (sum > 0)
            share = double(d.weight.present ? std::max<qint64>(d.weight.value, 0) : 0) / double(sum);
        GraphEdge e;
        e.kind = GraphEdge::Kind::RuleToDestination;
        e.from = ruleNode;
        e.to = destinationNode(d.destination, r.namespaceName());
        e.share = share;
        e.label = GraphText::share(share);
        e.resourceId = r.id;
        e.routeIndex = routeIndex;
        e.destinationIndex = int(i);
        m_graph.addEdge(e);
    }
}

void GraphBuilder::addHttpRules(const Resource &r, const VirtualService &vs, int vsNode)
{
    for (qsizetype i = 0; i < vs.http.size(); ++i)
        addHttpRule(r, vs.http[i], int(i), vsNode);
}

void GraphBuilder::addHttpRule(const Resource &r, const HttpRoute &rule, int index, int vsNode)
{
    const QString ns = r.namespaceName();
    GraphNode n;
    n.key = QStringLiteral("rule:%1:http:%2").arg(r.id).arg(index);
    n.title = rule.name.present && !rule.name.value.isEmpty() ? rule.name.value
                                                              : QStringLiteral("rule #%1").arg(index);
    n.details.append(GraphModel::matchSummary(rule));
    if (rule.redirect->present)
        n.details.append(
            QStringLiteral("redirect %1%2").arg(rule.redirect->authority.value, rule.redirect->uri.value));
    if (rule.directResponse->present)
        n.details.append(QStringLiteral("direct response %1").arg(rule.directResponse->status.value));
    if (rule.delegate->present)
        n.details.append(QStringLiteral("delegate to %1")
                             .arg(GraphText::qualifiedName(
                                 rule.delegate->namespace_.valueOr(ns), rule.delegate->name.value)));
    QStringList extras;
    if (rule.rewrite->present)
        extras.append(QStringLiteral("rewrite"));
    if (rule.timeout.present)
        extras.append(QStringLiteral("timeout %1").arg(rule.timeout.value));
    if (rule.retries->present)
        extras.append(QStringLiteral("retries %1").arg(rule.retries->attempts.value));
    if (rule.fault->present)
        extras.append(QStringLiteral("fault"));
    if (!extras.isEmpty())
        n.details.append(extras.join(QLatin1String(", ")));
    n.toolTip = QStringLiteral("HTTP rule %1 of %2: %3")
                    .arg(rule.displayName(index), r.name(), GraphModel::matchSummary(rule, -1));
    n.routeKind = RouteKind::Http;
    n.routeIndex = index;
    const int ruleNode = addRule(vsNode, n);
    addDestinations(r, ruleNode, rule.route, index);
    addMirrors(r, rule, index, ruleNode);
}

void GraphBuilder::addMirrors(const Resource &r, const HttpRoute &rule, int index, int ruleNode)
{
    QList<Destination> mirrors;
    if (rule.hasMirror)
        mirrors.append(rule.mirror);
    for (const HttpMirrorPolicy &m : rule.mirrors)
        mirrors.append(m.destination);
    for (const Destination &m : std::as_const(mirrors)) {
        GraphEdge e;
        e.kind = GraphEdge::Kind::Mirror;
        e.from = ruleNode;
        e.to = destinationNode(m, r.namespaceName());
        e.label = QStringLiteral("mirror");
        e.resourceId = r.id;
        e.routeIndex = index;
        m_graph.addEdge(e);
    }
}

void GraphBuilder::addTlsRules(const Resource &r, const VirtualService &vs, int vsNode)
{
    for (qsizetype i = 0; i < vs.tls.size(); ++i) {
        QStringList sni;
        for (const TlsMatchAttributes &m : vs.tls[i].match)
            for (const Field<QString> &h : m.sniHosts)
                sni.append(h.value);
        GraphNode n;
        n.key = QStringLiteral("rule:%1:tls:%2").arg(r.id).arg(i);
        n.title = QStringLiteral("TLS rule #%1").arg(i);
        n.details = { sni.isEmpty() ? QStringLiteral("any SNI")
                                    : QLatin1String("sni ") + sni.join(QLatin1String(" | ")) };
        n.toolTip = QStringLiteral("TLS rule: routes non-terminated TLS by SNI.");
        n.routeKind = RouteKind::Tls;
        n.l4RouteIndex = int(i);
        addDestinations(r, addRule(vsNode, n), vs.tls[i].route, -1);
    }
}

void GraphBuilder::addTcpRules(const Resource &r, const VirtualService &vs, int vsNode)
{
    for (qsizetype i = 0; i < vs.tcp.size(); ++i) {
        QStringList ports;
        for (const L4MatchAttributes &m : vs.tcp[i].match)
            if (m.port.present)
                ports.append(QString::number(m.port.value));
        GraphNode n;
        n.key = QStringLiteral("rule:%1:tcp:%2").arg(r.id).arg(i);
        n.title = QStringLiteral("TCP rule #%1").arg(i);
        n.details = { ports.isEmpty() ? QStringLiteral("any connection")
                                      : QLatin1String("port ") + ports.join(QLatin1String(" | ")) };
        n.toolTip = QStringLiteral("TCP rule: routes opaque TCP connections.");
        n.routeKind = RouteKind::Tcp;
        n.l4RouteIndex = int(i);
        addDestinations(r, addRule(vsNode, n), vs.tcp[i].route, -1);
    }
}

// Services straight to the workloads their selector picks, unless a subset already leads there.
void GraphBuilder::addServiceWorkloadEdges()
{
    // In node order, not hash order: the edge list must be the same for the same input.
    QList<int> serviceNodes = m_serviceResource.keys();
    std::sort(serviceNodes.begin(), serviceNodes.end());
    for (int node : std::as_const(serviceNodes)) {
        const Resource *res = m_serviceResource.value(node);
        const KubernetesService *svc = res->service();
        if (!svc->hasSelector)
            continue;
        for (int wl : selectWorkloads(res->namespaceName(), svc->selector)) {
            if (m_coveredWorkloads.contains({ node, wl }))
                continue;
            m_graph.addEdge(edgeOf(GraphEdge::Kind::ServiceToWorkload, node, wl));
        }
    }
}

} // namespace meshroute
