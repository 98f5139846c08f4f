#include "graphmodel.h"

#include "graphbuilder.h"
#include "graphtext.h"
#include "selection.h"
#include "workspace.h"

#include <algorithm>

namespace meshroute {

namespace {

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
        parts.append(m.uri.describe()
            + (m.rare->ignoreUriCase.valueOr(false) ? QLatin1String(" (any case)") : QString()));
    if (m.hasMethod)
        parts.append(stringMatchShort(QStringLiteral("method"), m.method));
    if (m.hasAuthority)
        parts.append(stringMatchShort(QStringLiteral("authority"), m.authority));
    if (m.hasScheme)
        parts.append(stringMatchShort(QStringLiteral("scheme"), m.scheme));
    for (const Entry<StringMatch> &h : m.headers)
        parts.append(stringMatchShort(h.key, h.value));
    for (const Entry<StringMatch> &h : m.rare->withoutHeaders)
        parts.append(QLatin1String("not ") + stringMatchShort(h.key, h.value));
    for (const Entry<StringMatch> &q : m.rare->queryParams)
        parts.append(QLatin1Char('?') + stringMatchShort(q.key, q.value));
    if (m.port.present)
        parts.append(QStringLiteral("port %1").arg(m.port.value));
    if (!m.sourceLabels.isEmpty())
        parts.append(QLatin1String("from ") + GraphText::labels(m.sourceLabels));
    if (m.rare->sourceNamespace.present)
        parts.append(QLatin1String("from ns ") + m.rare->sourceNamespace.value);
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

QString GraphModel::matchText(const HttpMatchRequest *match)
{
    return match ? matchRequestSummary(*match) : QStringLiteral("any request");
}

QString GraphModel::gatewayKey(const QString &ref, const QString &vsNamespace)
{
    if (ref == QLatin1String("mesh"))
        return {};
    const qsizetype slash = ref.indexOf(QLatin1Char('/'));
    if (slash >= 0) {
        const QString ns = ref.left(slash);
        return GraphText::qualifiedName(
            ns.isEmpty() || ns == QLatin1String(".") ? vsNamespace : ns, ref.mid(slash + 1));
    }
    if (ref.contains(QLatin1Char('.'))) {
        const QStringList parts = ref.split(QLatin1Char('.'));
        return GraphText::qualifiedName(parts.value(1), parts.value(0));
    }
    return GraphText::qualifiedName(vsNamespace, ref);
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

int GraphModel::edgeBetween(int from, int to) const
{
    for (int e : m_out.value(from))
        if (m_edges[e].to == to)
            return e;
    return -1;
}

GraphModel GraphModel::build(
    const Workspace &ws, const GraphScope &scope, RuleErrors *ruleErrors, ReferentIndexCache *referents)
{
    return GraphBuilder(ws, scope, ruleErrors, referents).build();
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
    // A Gateway API route is drawn as written (route -> rule), not as the VirtualService generated from it.
    const bool gatewayApi = path.gatewayApiRouteId >= 0;
    const int routeId = gatewayApi ? path.gatewayApiRouteId : path.virtualServiceId;
    const int ruleIndex = gatewayApi ? path.gatewayApiRuleIndex : path.routeIndex;
    const int vs = routeId < 0 ? -1
        : gatewayApi           ? indexOf(QStringLiteral("route:%1").arg(routeId))
                               : indexOf(QStringLiteral("vs:%1").arg(routeId));
    int gw = path.gatewayId >= 0 ? indexOf(QStringLiteral("gw:%1").arg(path.gatewayId)) : -1;
    if (gw < 0 && path.gatewayId >= 0)
        gw = indexOf(QStringLiteral("gtw:%1").arg(path.gatewayId));
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
    else if (gatewayApi) // from a sidecar: the Service the mesh route hangs off
        for (int e : m_in.value(vs))
            if (m_nodes[m_edges[e].from].key.startsWith(QLatin1String("meshparent:"))
                && !m_edges[e].missing) {
                items.edges.insert(e);
                items.nodes.insert(m_edges[e].from);
            }
    const int rule = indexOf(QStringLiteral("rule:%1:http:%2").arg(routeId).arg(ruleIndex));
    if (rule < 0)
        return items;
    items.nodes.insert(rule);
    light(vs, rule);
    for (const TrafficPath::Hop &hop : path.destinations) {
        if (hop.share <= 0)
            continue; // a 0% destination takes none of this request's traffic
        const int service = indexOf(QLatin1String("svc:") + hop.host);
        const int target = hop.subset.isEmpty()
            ? service
            : indexOf(QLatin1String("subset:") + hop.host + u'/' + hop.subset);
        if (target < 0)
            continue;
        items.nodes.insert(target);
        light(rule, target);
        // On to the pods that serve it.
        for (int e : m_out.value(target)) {
            const GraphEdge &edge = m_edges[e];
            if (edge.kind == GraphEdge::Kind::SubsetToWorkload
                || edge.kind == GraphEdge::Kind::ServiceToWorkload) {
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
