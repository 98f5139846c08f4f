#include "graphmodel.h"

#include "hostname.h"
#include "selection.h"
#include "workspace.h"

#include <QMultiHash>
#include <algorithm>
#include <cmath>

namespace meshroute {

namespace {

QString nsName(const QString &ns, const QString &name)
{
    return ns + QLatin1Char('/') + name;
}

QString shareText(double share)
{
    const double percent = share * 100.0;
    if (std::abs(percent - std::round(percent)) < 0.05)
        return QString::number(qRound(percent)) + QLatin1Char('%');
    return QString::number(percent, 'f', 1) + QLatin1Char('%');
}

QString labelsText(const Labels &labels)
{
    QStringList parts;
    for (const Label &l : labels)
        parts.append(l.key + QLatin1Char('=') + l.value);
    return parts.join(QLatin1String(", "));
}

QString stringMatchShort(const QString &name, const StringMatch &m)
{
    switch (m.type) {
    case StringMatch::Type::Presence:
        return name + QLatin1String(" present");
    case StringMatch::Type::Exact:
        return name + QLatin1Char('=') + m.value;
    case StringMatch::Type::Prefix:
        return name + QLatin1String(" prefix ") + m.value;
    case StringMatch::Type::Regex:
        return name + QLatin1String(" regex ") + m.value;
    }
    return name;
}

QString matchRequestSummary(const HttpMatchRequest &m)
{
    QStringList parts;
    if (m.hasUri)
        parts.append(
            m.uri.describe() + (m.ignoreUriCase.valueOr(false) ? QLatin1String(" (any case)") : QString()));
    if (m.hasMethod)
        parts.append(stringMatchShort(QStringLiteral("method"), m.method));
    if (m.hasAuthority)
        parts.append(stringMatchShort(QStringLiteral("authority"), m.authority));
    if (m.hasScheme)
        parts.append(stringMatchShort(QStringLiteral("scheme"), m.scheme));
    for (const Entry<StringMatch> &h : m.headers)
        parts.append(stringMatchShort(h.key, h.value));
    for (const Entry<StringMatch> &h : m.withoutHeaders)
        parts.append(QLatin1String("not ") + stringMatchShort(h.key, h.value));
    for (const Entry<StringMatch> &q : m.queryParams)
        parts.append(QLatin1Char('?') + stringMatchShort(q.key, q.value));
    if (m.port.present)
        parts.append(QStringLiteral("port %1").arg(m.port.value));
    if (!m.sourceLabels.isEmpty())
        parts.append(QLatin1String("from ") + labelsText(m.sourceLabels));
    if (m.sourceNamespace.present)
        parts.append(QLatin1String("from ns ") + m.sourceNamespace.value);
    if (!m.gateways.isEmpty()) {
        QStringList g;
        for (const Field<QString> &f : m.gateways)
            g.append(f.value);
        parts.append(QLatin1String("via ") + g.join(QLatin1Char(',')));
    }
    if (parts.isEmpty())
        return QStringLiteral("any request");
    return parts.join(QLatin1String(" & "));
}

QString kindToolTip(GraphNode::Kind kind)
{
    switch (kind) {
    case GraphNode::Kind::Gateway:
        return QStringLiteral(
            "Gateway: a load balancer at the mesh edge; its servers say which ports and hosts it accepts.");
    case GraphNode::Kind::VirtualService:
        return QStringLiteral("VirtualService: ordered routing rules for requests to its hosts; the first "
                              "rule that matches wins.");
    case GraphNode::Kind::Rule:
        return QStringLiteral("HTTP rule: its matches are ORed, the conditions inside one match ANDed; it "
                              "forwards to weighted destinations.");
    case GraphNode::Kind::Service:
        return QStringLiteral("Service: a host of the registry (Kubernetes Service or ServiceEntry).");
    case GraphNode::Kind::Subset:
        return QStringLiteral(
            "Subset: a named group of a service's pods, selected by labels in a DestinationRule.");
    case GraphNode::Kind::Workload:
        return QStringLiteral("Workload: what runs the pods (Deployment, StatefulSet, Pod...); its template "
                              "labels decide which services and subsets select it.");
    }
    return {};
}

} // namespace

QString GraphModel::matchSummary(const HttpRoute &rule, int maxMatches)
{
    if (rule.match.isEmpty())
        return QStringLiteral("all requests");
    QStringList parts;
    for (qsizetype i = 0; i < rule.match.size(); ++i) {
        if (maxMatches >= 0 && i >= maxMatches) {
            parts.append(QStringLiteral("..."));
            break;
        }
        parts.append(matchRequestSummary(rule.match[i]));
    }
    return parts.join(QLatin1String(" | "));
}

QString GraphModel::gatewayKey(const QString &ref, const QString &vsNamespace)
{
    if (ref == QLatin1String("mesh"))
        return {};
    const qsizetype slash = ref.indexOf(QLatin1Char('/'));
    if (slash >= 0) {
        const QString ns = ref.left(slash);
        return nsName(ns.isEmpty() || ns == QLatin1String(".") ? vsNamespace : ns, ref.mid(slash + 1));
    }
    if (ref.contains(QLatin1Char('.'))) {
        const QStringList parts = ref.split(QLatin1Char('.'));
        return nsName(parts.value(1), parts.value(0));
    }
    return nsName(vsNamespace, ref);
}

int GraphModel::addNode(GraphNode node)
{
    const int index = int(m_nodes.size());
    if (node.toolTip.isEmpty())
        node.toolTip = kindToolTip(node.kind);
    m_index.insert(node.key, index);
    m_nodes.append(std::move(node));
    m_out.append(QList<int>());
    m_in.append(QList<int>());
    return index;
}

void GraphModel::addEdge(GraphEdge edge)
{
    if (edge.from < 0 || edge.to < 0)
        return;
    const int index = int(m_edges.size());
    m_out[edge.from].append(index);
    m_in[edge.to].append(index);
    if (m_nodes[edge.to].missing)
        edge.missing = true;
    m_edges.append(std::move(edge));
}

QList<int> GraphModel::outgoing(int node) const
{
    return m_out.value(node);
}

QList<int> GraphModel::incoming(int node) const
{
    return m_in.value(node);
}

GraphModel GraphModel::build(const Workspace &ws, const GraphScope &scope)
{
    GraphModel g;
    const auto &resources = ws.resources;

    // Whether "not found" can be claimed at all: a workspace of routing
    // rules only (no Services, no workloads) says nothing about the cluster,
    // and painting every host red there would hide the real mistakes.
    bool haveServices = false;
    bool haveWorkloads = false;
    bool haveDestinationRules = false;
    for (const Resource &r : resources) {
        haveServices |= r.kind == ResourceKind::Service || r.kind == ResourceKind::ServiceEntry;
        haveWorkloads |= r.kind == ResourceKind::Workload;
        haveDestinationRules |= r.kind == ResourceKind::DestinationRule;
    }

    // Services and ServiceEntry hosts, by FQDN.
    QHash<QString, int> serviceByHost;
    QList<QPair<QString, int>> wildcardHosts; // ServiceEntry "*.example.com"
    QHash<int, const Resource *> serviceResource; // node -> Kubernetes Service
    for (const Resource &r : resources) {
        if (!scope.contains(r.id))
            continue;
        if (const KubernetesService *svc = r.service()) {
            const QString fqdn = HostName::serviceFqdn(r.name(), r.namespaceName());
            if (serviceByHost.contains(fqdn))
                continue;
            GraphNode n;
            n.kind = GraphNode::Kind::Service;
            n.key = QLatin1String("svc:") + fqdn;
            n.title = r.name();
            QStringList ports;
            for (const ServicePort &p : svc->ports)
                ports.append(p.name.present ? QStringLiteral("%1/%2").arg(p.port.value).arg(p.name.value)
                                            : QString::number(p.port.value));
            n.details.append(QStringLiteral("Service · %1").arg(r.namespaceName()));
            if (!ports.isEmpty())
                n.details.append(QStringLiteral("ports ") + ports.join(QLatin1String(", ")));
            n.hosts = { fqdn, r.name(), r.name() + QLatin1Char('.') + r.namespaceName() };
            n.resourceId = r.id;
            const int idx = g.addNode(n);
            serviceByHost.insert(fqdn, idx);
            serviceResource.insert(idx, &r);
        } else if (const ServiceEntry *se = r.serviceEntry()) {
            for (const Field<QString> &h : se->hosts) {
                const QString host = HostName::resolve(h.value, r.namespaceName());
                if (host.isEmpty() || serviceByHost.contains(host))
                    continue;
                GraphNode n;
                n.kind = GraphNode::Kind::Service;
                n.key = QLatin1String("svc:") + host;
                n.title = host;
                n.details.append(QStringLiteral("ServiceEntry %1").arg(nsName(r.namespaceName(), r.name())));
                n.hosts = { host };
                n.resourceId = r.id;
                const int idx = g.addNode(n);
                serviceByHost.insert(host, idx);
                if (HostName::isWildcard(host))
                    wildcardHosts.append({ host, idx });
            }
        }
    }

    auto serviceNode = [&](const QString &fqdn) {
        if (const int idx = serviceByHost.value(fqdn, -1); idx >= 0)
            return idx;
        for (const auto &[pattern, idx] : std::as_const(wildcardHosts))
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
        n.hosts
            = ns.isEmpty() ? QStringList { fqdn } : QStringList { fqdn, name, name + QLatin1Char('.') + ns };
        if (haveServices) {
            n.missing = true;
            n.missingReason
                = QStringLiteral("Host %1 not found: no Service or ServiceEntry defines it (503 NC).")
                      .arg(fqdn);
            n.details.append(QStringLiteral("host not found"));
        } else {
            n.details.append(QStringLiteral("not in the workspace"));
        }
        n.toolTip = n.missing ? n.missingReason : kindToolTip(n.kind);
        const int idx = g.addNode(n);
        serviceByHost.insert(fqdn, idx);
        return idx;
    };

    // Gateways, by "ns/name".
    QHash<QString, int> gatewayByName;
    for (const Resource &r : resources) {
        if (!scope.contains(r.id))
            continue;
        const Gateway *gw = r.gateway();
        if (!gw)
            continue;
        GraphNode n;
        n.kind = GraphNode::Kind::Gateway;
        n.key = QLatin1String("gw:") + QString::number(r.id);
        n.title = r.name();
        n.details.append(QStringLiteral("Gateway · %1").arg(r.namespaceName()));
        for (const Server &s : gw->servers) {
            QStringList hosts;
            for (const Field<QString> &h : s.hosts)
                hosts.append(h.value);
            n.details.append(QStringLiteral("%1 %2: %3")
                                 .arg(s.port.protocol.value)
                                 .arg(s.port.number.value)
                                 .arg(hosts.join(QLatin1String(", "))));
            n.hosts.append(hosts);
        }
        n.hosts.append(nsName(r.namespaceName(), r.name()));
        n.resourceId = r.id;
        const int idx = g.addNode(n);
        gatewayByName.insert(nsName(r.namespaceName(), r.name()), idx);
    }

    // Workloads, grouped by namespace for label selection.
    QMultiHash<QString, int> workloadsByNamespace;
    QHash<int, const Resource *> workloadResource;
    for (const Resource &r : resources) {
        if (!scope.contains(r.id))
            continue;
        const Workload *w = r.workload();
        if (!w)
            continue;
        GraphNode n;
        n.kind = GraphNode::Kind::Workload;
        n.key = QLatin1String("wl:") + QString::number(r.id);
        n.title = r.name();
        const int pods = w->replicaCount();
        n.details.append(QStringLiteral("%1 · %2 %3")
                             .arg(r.kindName.value)
                             .arg(pods)
                             .arg(pods == 1 ? QStringLiteral("pod") : QStringLiteral("pods")));
        if (!w->podLabels.isEmpty())
            n.details.append(labelsText(w->podLabels));
        n.hosts.append(nsName(r.namespaceName(), r.name()));
        n.resourceId = r.id;
        const int idx = g.addNode(n);
        workloadsByNamespace.insert(r.namespaceName(), idx);
        workloadResource.insert(idx, &r);
    }
    auto selectWorkloads = [&](const QString &ns, const Labels &selector) {
        QList<int> out;
        if (ns.isEmpty() || selector.isEmpty())
            return out;
        for (auto it = workloadsByNamespace.constFind(ns);
             it != workloadsByNamespace.constEnd() && it.key() == ns; ++it)
            if (labelsContain(workloadResource.value(it.value())->workload()->podLabels, selector))
                out.append(it.value());
        std::sort(out.begin(), out.end());
        return out;
    };

    // Subsets of DestinationRules, by "fqdn/subset".
    QHash<QString, int> subsetByKey;
    QHash<int, QList<int>> subsetsOfService; // service node -> subset nodes
    QSet<QPair<int, int>> coveredWorkloads; // (service node, workload node) reached through a subset
    for (const Resource &r : resources) {
        if (!scope.contains(r.id))
            continue;
        const DestinationRule *dr = r.destinationRule();
        if (!dr || !dr->host.present)
            continue;
        const QString fqdn = HostName::resolve(dr->host.value, r.namespaceName());
        const int svc = serviceNode(fqdn);
        const Resource *svcRes = serviceResource.value(svc);
        const Labels serviceSelector = svcRes ? svcRes->service()->selector : Labels {};
        const QString ns = HostName::namespaceOf(fqdn);
        for (const Subset &s : dr->subsets) {
            const QString skey = fqdn + QLatin1Char('/') + s.name.value;
            if (subsetByKey.contains(skey))
                continue;
            GraphNode n;
            n.kind = GraphNode::Kind::Subset;
            n.key = QLatin1String("subset:") + skey;
            n.title = QStringLiteral("%1 %2").arg(g.m_nodes[svc].title, s.name.value);
            n.details.append(QStringLiteral("DestinationRule %1").arg(r.name()));
            if (!s.labels.isEmpty())
                n.details.append(labelsText(s.labels));
            n.hosts = g.m_nodes[svc].hosts;
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
            if (selected.isEmpty() && haveWorkloads && !s.labels.isEmpty()) {
                n.missing = true;
                n.missingReason = QStringLiteral(
                    "Subset %1 selects no pods: no workload in %2 has the labels %3 (503 UH).")
                                      .arg(s.name.value, ns, labelsText(merged));
                n.details.append(QStringLiteral("selects no pods"));
            }
            n.toolTip = n.missing ? n.missingReason : kindToolTip(n.kind);
            const int idx = g.addNode(n);
            subsetByKey.insert(skey, idx);
            subsetsOfService[svc].append(idx);
            GraphEdge e;
            e.kind = GraphEdge::Kind::ServiceToSubset;
            e.from = svc;
            e.to = idx;
            g.addEdge(e);
            for (int wl : selected) {
                GraphEdge we;
                we.kind = GraphEdge::Kind::SubsetToWorkload;
                we.from = idx;
                we.to = wl;
                g.addEdge(we);
                coveredWorkloads.insert({ svc, wl });
            }
        }
    }
    auto subsetNode = [&](const QString &fqdn, const QString &subset) {
        const QString skey = fqdn + QLatin1Char('/') + subset;
        if (const int idx = subsetByKey.value(skey, -1); idx >= 0)
            return idx;
        const int svc = serviceNode(fqdn);
        GraphNode n;
        n.kind = GraphNode::Kind::Subset;
        n.key = QLatin1String("subset:") + skey;
        n.title = QStringLiteral("%1 %2").arg(g.m_nodes[svc].title, subset);
        if (haveDestinationRules) {
            n.missing = true;
            n.missingReason
                = QStringLiteral("No DestinationRule defines subset %1 of %2 (503 NC).").arg(subset, fqdn);
            n.details.append(QStringLiteral("subset not defined"));
            n.toolTip = n.missingReason;
        } else {
            n.details.append(QStringLiteral("no DestinationRule in the workspace"));
        }
        n.hosts = g.m_nodes[svc].hosts;
        n.subset = subset;
        const int idx = g.addNode(n);
        subsetByKey.insert(skey, idx);
        GraphEdge e;
        e.kind = GraphEdge::Kind::ServiceToSubset;
        e.from = svc;
        e.to = idx;
        g.addEdge(e);
        return idx;
    };
    auto destinationNode = [&](const Destination &d, const QString &ns) {
        const QString fqdn = HostName::resolve(d.host.value, ns);
        return d.subset.present && !d.subset.value.isEmpty() ? subsetNode(fqdn, d.subset.value)
                                                             : serviceNode(fqdn);
    };

    // VirtualServices and their rules.
    for (const Resource &r : resources) {
        if (!scope.contains(r.id))
            continue;
        const VirtualService *vs = r.virtualService();
        if (!vs)
            continue;
        const QString ns = r.namespaceName();
        GraphNode n;
        n.kind = GraphNode::Kind::VirtualService;
        n.key = QLatin1String("vs:") + QString::number(r.id);
        n.title = r.name();
        QStringList hosts;
        for (const Field<QString> &h : vs->hosts) {
            hosts.append(h.value);
            n.hosts.append(h.value);
            n.hosts.append(HostName::resolve(h.value, ns));
        }
        n.details.append(QStringLiteral("VirtualService · %1").arg(ns));
        if (!hosts.isEmpty())
            n.details.append(QStringLiteral("hosts ") + hosts.join(QLatin1String(", ")));
        n.resourceId = r.id;
        const int vsNode = g.addNode(n);

        for (const Field<QString> &ref : vs->gateways) {
            const QString name = gatewayKey(ref.value, ns);
            if (name.isEmpty())
                continue;
            int gw = gatewayByName.value(name, -1);
            if (gw < 0) {
                GraphNode m;
                m.kind = GraphNode::Kind::Gateway;
                m.key = QLatin1String("gw-missing:") + name;
                m.title = name;
                m.missing = true;
                m.missingReason
                    = QStringLiteral("Gateway %1 not found: the rules do not apply at any gateway (404 NR).")
                          .arg(name);
                m.details.append(QStringLiteral("gateway not found"));
                m.toolTip = m.missingReason;
                m.hosts.append(name);
                gw = g.m_index.value(m.key, -1);
                if (gw < 0) {
                    gw = g.addNode(m);
                    gatewayByName.insert(name, gw);
                }
            }
            GraphEdge e;
            e.kind = GraphEdge::Kind::GatewayToVirtualService;
            e.from = gw;
            e.to = vsNode;
            g.addEdge(e);
        }

        auto addRule = [&](const QString &key, const QString &title, const QStringList &details,
                           RouteKind routeKind, int index, const QString &toolTip) {
            GraphNode rn;
            rn.kind = GraphNode::Kind::Rule;
            rn.key = key;
            rn.title = title;
            rn.details = details;
            rn.toolTip = toolTip;
            rn.hosts = g.m_nodes[vsNode].hosts;
            rn.resourceId = r.id;
            rn.routeKind = routeKind;
            if (routeKind == RouteKind::Http)
                rn.routeIndex = index;
            else
                rn.l4RouteIndex = index;
            const int idx = g.addNode(rn);
            GraphEdge e;
            e.kind = GraphEdge::Kind::VirtualServiceToRule;
            e.from = vsNode;
            e.to = idx;
            g.addEdge(e);
            return idx;
        };
        auto addDestinations = [&](int ruleNode, const auto &route, int routeIndex) {
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
                e.to = destinationNode(d.destination, ns);
                e.share = share;
                e.label = shareText(share);
                e.resourceId = r.id;
                e.routeIndex = routeIndex;
                e.destinationIndex = int(i);
                g.addEdge(e);
            }
        };

        for (qsizetype i = 0; i < vs->http.size(); ++i) {
            const HttpRoute &rule = vs->http[i];
            QStringList details;
            details.append(matchSummary(rule));
            if (rule.redirect->present)
                details.append(QStringLiteral("redirect %1%2")
                                   .arg(rule.redirect->authority.value, rule.redirect->uri.value));
            if (rule.directResponse->present)
                details.append(QStringLiteral("direct response %1").arg(rule.directResponse->status.value));
            if (rule.delegate->present)
                details.append(
                    QStringLiteral("delegate to %1")
                        .arg(nsName(rule.delegate->namespace_.valueOr(ns), rule.delegate->name.value)));
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
                details.append(extras.join(QLatin1String(", ")));
            const QString title = rule.name.present && !rule.name.value.isEmpty()
                ? rule.name.value
                : QStringLiteral("rule #%1").arg(i);
            const QString tip = QStringLiteral("HTTP rule %1 of %2: %3")
                                    .arg(rule.displayName(int(i)), r.name(), matchSummary(rule, -1));
            const int ruleNode = addRule(QStringLiteral("rule:%1:http:%2").arg(r.id).arg(i), title, details,
                RouteKind::Http, int(i), tip);
            addDestinations(ruleNode, rule.route, int(i));
            QList<Destination> mirrors;
            if (rule.hasMirror)
                mirrors.append(rule.mirror);
            for (const HttpMirrorPolicy &m : rule.mirrors)
                mirrors.append(m.destination);
            for (const Destination &m : std::as_const(mirrors)) {
                GraphEdge e;
                e.kind = GraphEdge::Kind::Mirror;
                e.from = ruleNode;
                e.to = destinationNode(m, ns);
                e.label = QStringLiteral("mirror");
                e.resourceId = r.id;
                e.routeIndex = int(i);
                g.addEdge(e);
            }
        }
        for (qsizetype i = 0; i < vs->tls.size(); ++i) {
            QStringList sni;
            for (const TlsMatchAttributes &m : vs->tls[i].match)
                for (const Field<QString> &h : m.sniHosts)
                    sni.append(h.value);
            const int ruleNode = addRule(QStringLiteral("rule:%1:tls:%2").arg(r.id).arg(i),
                QStringLiteral("TLS rule #%1").arg(i),
                { sni.isEmpty() ? QStringLiteral("any SNI")
                                : QLatin1String("sni ") + sni.join(QLatin1String(" | ")) },
                RouteKind::Tls, int(i), QStringLiteral("TLS rule: routes non-terminated TLS by SNI."));
            addDestinations(ruleNode, vs->tls[i].route, -1);
        }
        for (qsizetype i = 0; i < vs->tcp.size(); ++i) {
            QStringList ports;
            for (const L4MatchAttributes &m : vs->tcp[i].match)
                if (m.port.present)
                    ports.append(QString::number(m.port.value));
            const int ruleNode = addRule(QStringLiteral("rule:%1:tcp:%2").arg(r.id).arg(i),
                QStringLiteral("TCP rule #%1").arg(i),
                { ports.isEmpty() ? QStringLiteral("any connection")
                                  : QLatin1String("port ") + ports.join(QLatin1String(" | ")) },
                RouteKind::Tcp, int(i), QStringLiteral("TCP rule: routes opaque TCP connections."));
            addDestinations(ruleNode, vs->tcp[i].route, -1);
        }
    }

    // Services straight to the workloads their selector picks, unless a subset already leads there.
    // In node order, not hash order: the edge list must be the same for the same input.
    QList<int> serviceNodes = serviceResource.keys();
    std::sort(serviceNodes.begin(), serviceNodes.end());
    for (int node : std::as_const(serviceNodes)) {
        const Resource *res = serviceResource.value(node);
        const KubernetesService *svc = res->service();
        if (!svc->hasSelector)
            continue;
        for (int wl : selectWorkloads(res->namespaceName(), svc->selector)) {
            if (coveredWorkloads.contains({ node, wl }))
                continue;
            GraphEdge e;
            e.kind = GraphEdge::Kind::ServiceToWorkload;
            e.from = node;
            e.to = wl;
            g.addEdge(e);
        }
    }
    return g;
}

int GraphModel::nodeFor(const SelectionTarget &target) const
{
    if (target.resourceId < 0)
        return -1;
    int best = -1;
    int bestScore = 0;
    for (int i = 0; i < m_nodes.size(); ++i) {
        const GraphNode &n = m_nodes[i];
        if (n.resourceId != target.resourceId)
            continue;
        int score = 1;
        if (!target.subset.isEmpty() && n.subset == target.subset)
            score = 4;
        else if (target.routeIndex >= 0 && n.routeIndex == target.routeIndex)
            score = 3;
        else if (target.routeKind != RouteKind::Http && target.l4RouteIndex >= 0
            && n.routeKind == target.routeKind && n.l4RouteIndex == target.l4RouteIndex)
            score = 3;
        else if (n.routeIndex < 0 && n.subset.isEmpty() && n.kind != GraphNode::Kind::Rule)
            score = 2;
        if (score > bestScore) {
            best = i;
            bestScore = score;
        }
    }
    return best;
}

SelectionTarget GraphModel::selectionFor(int node) const
{
    SelectionTarget t;
    if (node < 0 || node >= m_nodes.size())
        return t;
    const GraphNode &n = m_nodes[node];
    if (n.resourceId >= 0) {
        t.resourceId = n.resourceId;
        t.routeIndex = n.routeIndex;
        t.subset = n.subset;
        t.routeKind = n.routeKind;
        t.l4RouteIndex = n.l4RouteIndex;
        return t;
    }
    // Something missing: select the place that refers to it.
    for (int e : m_in.value(node)) {
        const GraphEdge &edge = m_edges[e];
        if (edge.resourceId >= 0) {
            t.resourceId = edge.resourceId;
            t.routeIndex = edge.routeIndex;
            t.destinationIndex = edge.destinationIndex;
            // A TLS or TCP rule's destination: the rule node says which rule.
            t.routeKind = m_nodes[edge.from].routeKind;
            t.l4RouteIndex = m_nodes[edge.from].l4RouteIndex;
            return t;
        }
    }
    for (int e : m_out.value(node)) {
        const GraphNode &to = m_nodes[m_edges[e].to];
        if (to.resourceId >= 0 && to.kind == GraphNode::Kind::VirtualService) {
            t.resourceId = to.resourceId;
            return t;
        }
    }
    return t;
}

GraphModel::PathItems GraphModel::pathItems(const TrafficPath &path) const
{
    PathItems items;
    const int vs = path.virtualServiceId >= 0 ? indexOf(QStringLiteral("vs:%1").arg(path.virtualServiceId)) : -1;
    const int gw = path.gatewayId >= 0 ? indexOf(QStringLiteral("gw:%1").arg(path.gatewayId)) : -1;
    auto edgeBetween = [&](int from, int to) {
        for (int e : m_out.value(from))
            if (m_edges[e].to == to)
                return e;
        return -1;
    };
    auto light = [&](int from, int to) {
        if (const int e = edgeBetween(from, to); e >= 0)
            items.edges.insert(e);
    };
    if (gw >= 0)
        items.nodes.insert(gw);
    if (vs < 0)
        return items; // no route: only the gateway it came through
    items.nodes.insert(vs);
    if (gw >= 0)
        light(gw, vs);
    const int rule = indexOf(QStringLiteral("rule:%1:http:%2").arg(path.virtualServiceId).arg(path.routeIndex));
    if (rule < 0)
        return items;
    items.nodes.insert(rule);
    light(vs, rule);
    for (const TrafficPath::Hop &hop : path.destinations) {
        if (hop.share <= 0)
            continue; // a 0% destination takes none of this request's traffic
        const int service = indexOf(QLatin1String("svc:") + hop.host);
        const int target = hop.subset.isEmpty() ? service
                                                : indexOf(QLatin1String("subset:") + hop.host + u'/' + hop.subset);
        if (target < 0)
            continue;
        items.nodes.insert(target);
        light(rule, target);
        // On to the pods that serve it.
        for (int e : m_out.value(target)) {
            const GraphEdge &edge = m_edges[e];
            if (edge.kind == GraphEdge::Kind::SubsetToWorkload || edge.kind == GraphEdge::Kind::ServiceToWorkload) {
                items.edges.insert(e);
                items.nodes.insert(edge.to);
            }
        }
    }
    return items;
}

QSet<int> GraphModel::neighbourhood(const QString &text) const
{
    QSet<int> keep;
    const QString needle = text.trimmed();
    if (needle.isEmpty()) {
        for (int i = 0; i < m_nodes.size(); ++i)
            keep.insert(i);
        return keep;
    }
    QList<int> seeds;
    for (int i = 0; i < m_nodes.size(); ++i) {
        const GraphNode &n = m_nodes[i];
        bool hit = n.title.contains(needle, Qt::CaseInsensitive);
        for (const QString &h : n.hosts)
            hit = hit || h.contains(needle, Qt::CaseInsensitive);
        if (hit)
            seeds.append(i);
    }
    // Downstream and upstream separately: mixing directions would pull in
    // every sibling and end up with the whole component.
    for (const bool forward : { true, false }) {
        QList<int> stack = seeds;
        QSet<int> seen(seeds.cbegin(), seeds.cend());
        while (!stack.isEmpty()) {
            const int n = stack.takeLast();
            for (int e : (forward ? m_out[n] : m_in[n])) {
                const int next = forward ? m_edges[e].to : m_edges[e].from;
                if (!seen.contains(next)) {
                    seen.insert(next);
                    stack.append(next);
                }
            }
        }
        keep.unite(seen);
    }
    return keep;
}

bool GraphModel::sameShape(const GraphModel &other) const
{
    if (m_nodes.size() != other.m_nodes.size() || m_edges.size() != other.m_edges.size())
        return false;
    for (qsizetype i = 0; i < m_nodes.size(); ++i)
        if (m_nodes[i].key != other.m_nodes[i].key)
            return false;
    for (qsizetype i = 0; i < m_edges.size(); ++i)
        if (m_edges[i].from != other.m_edges[i].from || m_edges[i].to != other.m_edges[i].to
            || m_edges[i].kind != other.m_edges[i].kind)
            return false;
    return true;
}

QList<QPointF> GraphModel::layout(const QList<QSizeF> &sizes, const GraphLayoutOptions &options) const
{
    const int n = int(m_nodes.size());
    QList<QPointF> pos(n);
    if (n == 0)
        return pos;

    // Columns: one per kind that has nodes.
    constexpr int kinds = int(GraphNode::Kind::Workload) + 1;
    QList<QList<int>> columns(kinds);
    for (int i = 0; i < n; ++i)
        columns[int(m_nodes[i].kind)].append(i);
    columns.removeIf([](const QList<int> &c) { return c.isEmpty(); });

    // Rank of each node inside its column, normalised to 0..1 so columns of
    // different heights compare.
    QList<double> rank(n);
    auto setRanks = [&](const QList<int> &column) {
        for (qsizetype i = 0; i < column.size(); ++i)
            rank[column[i]] = (double(i) + 0.5) / double(column.size());
    };
    for (const QList<int> &c : std::as_const(columns))
        setRanks(c);

    auto sweep = [&](QList<int> &column, bool fromLeft) {
        QList<QPair<double, int>> keyed;
        keyed.reserve(column.size());
        for (int node : std::as_const(column)) {
            double sum = 0;
            int count = 0;
            for (int e : (fromLeft ? m_in[node] : m_out[node])) {
                sum += rank[fromLeft ? m_edges[e].from : m_edges[e].to];
                ++count;
            }
            keyed.append({ count ? sum / count : rank[node], node });
        }
        std::stable_sort(
            keyed.begin(), keyed.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        for (qsizetype i = 0; i < keyed.size(); ++i)
            column[i] = keyed[i].second;
        setRanks(column);
    };
    for (int s = 0; s < options.sweeps; ++s) {
        for (qsizetype c = 1; c < columns.size(); ++c)
            sweep(columns[c], true);
        for (qsizetype c = columns.size() - 2; c >= 0; --c)
            sweep(columns[c], false);
    }
    // A last pass from the left, so the reading direction wins ties.
    for (qsizetype c = 1; c < columns.size(); ++c)
        sweep(columns[c], true);

    double x = 0;
    for (const QList<int> &column : std::as_const(columns)) {
        double width = 0;
        for (int node : column)
            width = std::max(width, sizes.value(node).width());
        double bottom = -options.rowGap;
        for (int node : column) {
            const double h = sizes.value(node).height();
            // Level with the predecessors already placed, when there is room.
            double sum = 0;
            int count = 0;
            for (int e : m_in[node]) {
                const int from = m_edges[e].from;
                if (int(m_nodes[from].kind) < int(m_nodes[node].kind)) {
                    sum += pos[from].y() + sizes.value(from).height() / 2;
                    ++count;
                }
            }
            double y = bottom + options.rowGap;
            if (count)
                y = std::max(y, sum / count - h / 2);
            pos[node] = QPointF(x, y);
            bottom = y + h;
        }
        x += width + options.columnGap;
    }
    return pos;
}

} // namespace meshroute
