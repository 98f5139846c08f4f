#pragma once

#include "graphscope.h"
#include "routekind.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QSet>
#include <QSizeF>
#include <QString>
#include <QStringList>

namespace meshroute {

class ReferentIndexCache;
class RuleErrors;
struct HttpMatchRequest;
struct HttpRoute;
struct SelectionTarget;
struct TrafficPath;
struct Workspace;

// One box of the traffic graph. Plain data computed from a Workspace; the
// key is stable across edits (built from resource ids and names), so the
// view can keep its items and the positions the user gave them.
struct GraphNode
{
    // Also the layer (column) of the layout, left to right.
    enum class Kind { Gateway, VirtualService, Rule, Service, Subset, Workload };

    Kind kind = Kind::Service;
    QString key;
    QString title; // first line, bold
    QStringList details; // further lines
    QString toolTip;
    bool missing = false; // referenced but not defined: drawn dashed and red
    QString missingReason;
    QStringList hosts; // FQDNs and names this node stands for (the host filter looks here)
    // What the API server would reject in it (a rule whose regex RE2 refuses...): drawn in the
    // error colour, the messages in the tool tip.
    QStringList errors;

    // What selecting the node selects.
    int resourceId = -1;
    int routeIndex = -1;
    QString subset;
    // A TLS or TCP rule node: spec.tls/tcp[l4RouteIndex] (routeIndex stays -1, as in SelectionTarget).
    RouteKind routeKind = RouteKind::Http;
    int l4RouteIndex = -1;
    // The resource tree's icon drawn before the title (resources/icons/<icon>.svg), so a
    // Gateway API node reads apart from the Istio one of its column; empty: none.
    QString icon;
    // The kind whose colour it wears when not its column's: a Service as a mesh route's parent.
    int colourKind = -1;

    bool operator==(const GraphNode &o) const
    {
        return kind == o.kind && key == o.key && title == o.title && details == o.details
            && toolTip == o.toolTip && missing == o.missing && missingReason == o.missingReason
            && hosts == o.hosts && errors == o.errors && resourceId == o.resourceId
            && routeIndex == o.routeIndex && subset == o.subset && routeKind == o.routeKind
            && l4RouteIndex == o.l4RouteIndex && icon == o.icon && colourKind == o.colourKind;
    }
};

struct GraphEdge
{
    enum class Kind {
        GatewayToVirtualService,
        VirtualServiceToRule,
        RuleToDestination,
        Mirror,
        ServiceToSubset,
        ServiceToWorkload,
        SubsetToWorkload
    };

    Kind kind = Kind::VirtualServiceToRule;
    int from = -1; // node indexes
    int to = -1;
    double share = -1; // 0..1 of the rule's traffic for RuleToDestination, else -1
    QString label; // "99%", "mirror"
    bool missing = false;
    QString toolTip; // why it is missing or refused (a binding failure), or what it carries

    int resourceId = -1; // the VirtualService (or HTTPRoute) of a RuleToDestination edge
    int routeIndex = -1;
    int destinationIndex = -1;

    bool operator==(const GraphEdge &o) const
    {
        return kind == o.kind && from == o.from && to == o.to && share == o.share && label == o.label
            && missing == o.missing && toolTip == o.toolTip && resourceId == o.resourceId
            && routeIndex == o.routeIndex && destinationIndex == o.destinationIndex;
    }
};

struct GraphLayoutOptions
{
    double columnGap = 90;
    double rowGap = 14;
    int sweeps = 4; // barycentre sweeps (each one down and back up)
};

// The traffic graph of a workspace as Istio's Bookinfo diagram draws it:
// gateway -> VirtualService -> HTTP rule -> service or subset (with the
// share of the rule's traffic), service -> subset -> workload by label
// selection. QtCore only, so it is unit-tested without a display, and the
// scene is a projection of it.
class GraphModel
{
public:
    // The graph of the resources in `scope` (all by default). Whether hosts,
    // subsets and pods count as missing is decided on the whole workspace.
    // `ruleErrors`, if given, keeps the checker's findings about rules from one build to the next;
    // `referents`, the names Gateway API references are resolved by.
    static GraphModel build(const Workspace &workspace, const GraphScope &scope = GraphScope(),
        RuleErrors *ruleErrors = nullptr, ReferentIndexCache *referents = nullptr);

    const QList<GraphNode> &nodes() const { return m_nodes; }
    const QList<GraphEdge> &edges() const { return m_edges; }
    int indexOf(const QString &key) const { return m_index.value(key, -1); }
    QList<int> outgoing(int node) const;
    QList<int> incoming(int node) const;
    // The first edge from node `from` to node `to`, or -1.
    int edgeBetween(int from, int to) const;

    // The node that stands best for a selection, or -1.
    int nodeFor(const SelectionTarget &target) const;
    // The selection a click on a node makes.
    SelectionTarget selectionFor(int node) const;

    // The nodes and edges a request takes along `path` (gateway -> VirtualService
    // -> rule -> destinations -> the workloads that serve them).
    struct PathItems
    {
        QSet<int> nodes;
        QSet<int> edges;
    };
    PathItems pathItems(const TrafficPath &path) const;

    // Nodes whose hosts or title contain `text` (case-insensitive), with
    // everything upstream and downstream of them: one host's neighbourhood.
    // An empty text keeps every node.
    QSet<int> neighbourhood(const QString &text) const;

    // Same nodes and edges (keys and ends)? Then a view can update its items
    // in place instead of laying out again.
    bool sameShape(const GraphModel &other) const;

    // The quick layered left-to-right layout, for a graph too big for dot
    // (GraphvizLayout) or until dot is done: one column per node kind (empty kinds
    // skipped), order inside a column from barycentre sweeps to reduce
    // crossings, each node placed level with its predecessors when there is
    // room. `sizes` is parallel to nodes(); returns top-left corners.
    QList<QPointF> layout(const QList<QSizeF> &sizes, const GraphLayoutOptions &options = {}) const;

    // "exact /productpage | prefix /static | ..." for a rule's match list (at most `maxMatches`).
    static QString matchSummary(const HttpRoute &rule, int maxMatches = 2);
    // "exact /productpage & end-user=jason" for one match; "any request" for none (nullptr).
    static QString matchText(const HttpMatchRequest *match);
    // A VirtualService's gateway reference as "ns/name" (reference 6.10), or empty for `mesh`.
    static QString gatewayKey(const QString &ref, const QString &vsNamespace);

private:
    friend class GraphBuilder; // adds the nodes and edges
    friend class GatewayApiGraphBuilder;

    int addNode(GraphNode node);
    void addEdge(GraphEdge edge);

    QList<GraphNode> m_nodes;
    QList<GraphEdge> m_edges;
    QHash<QString, int> m_index;
    QList<QList<int>> m_out; // edge indexes per node
    QList<QList<int>> m_in;
};

} // namespace meshroute
