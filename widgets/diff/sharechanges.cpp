#include "sharechanges.h"

#include "graph/graphmodel.h"
#include "graph/graphscope.h"
#include "graph/graphtext.h"
#include "workspace.h"

#include <QHash>
#include <QSet>

namespace meshroute {

namespace {

// What the rule of a rule -> destination edge stands for, the same in both workspaces.
QString ruleIdentity(const GraphModel &graph, const Workspace &workspace, const GraphEdge &e)
{
    const Resource *r = workspace.byId(e.resourceId);
    if (!r)
        return {};
    return r->kindName.value + QLatin1Char(' ') + r->namespaceName() + QLatin1Char('/') + r->name()
        + QLatin1Char('|') + QString::number(e.routeIndex) + QLatin1Char('|') + graph.nodes()[e.from].title;
}

QString edgeIdentity(const GraphModel &graph, const Workspace &workspace, const GraphEdge &e)
{
    return ruleIdentity(graph, workspace, e) + QLatin1Char('|') + graph.nodes()[e.to].key;
}

} // namespace

namespace {

// The graph around the resource named `displayName` ("VirtualService ns/name"); an empty
// graph when the workspace has none of that name.
GraphModel graphAround(const Workspace &workspace, const QString &displayName)
{
    for (const Resource &r : workspace.resources)
        if (r.displayName() == displayName)
            return GraphModel::build(workspace, GraphScope::around(workspace, QString(), r.id));
    return {};
}

} // namespace

QList<GraphDiffOverlay::ShareChange> ShareChanges::between(
    const Workspace &before, const Workspace &after, const Workspace &shown, const QStringList &resources)
{
    QList<GraphDiffOverlay::ShareChange> changes;
    for (const QString &name : resources)
        changes += between(graphAround(before, name), before, graphAround(after, name), after, shown);
    return changes;
}

QList<GraphDiffOverlay::ShareChange> ShareChanges::between(const GraphModel &old, const Workspace &before,
    const GraphModel &now, const Workspace &after, const Workspace &shown)
{
    QHash<QString, double> oldShares;
    QSet<QString> oldRules;
    for (const GraphEdge &e : old.edges()) {
        if (e.kind != GraphEdge::Kind::RuleToDestination)
            continue;
        oldShares.insert(edgeIdentity(old, before, e), e.share);
        oldRules.insert(ruleIdentity(old, before, e));
    }
    QList<GraphDiffOverlay::ShareChange> changes;
    for (const GraphEdge &e : now.edges()) {
        if (e.kind != GraphEdge::Kind::RuleToDestination)
            continue;
        const auto it = oldShares.constFind(edgeIdentity(now, after, e));
        if (it != oldShares.cend() && qFuzzyCompare(1 + *it, 1 + e.share))
            continue;
        // A rule that is new as a whole is a structure change: its edges are all new.
        if (it == oldShares.cend() && !oldRules.contains(ruleIdentity(now, after, e)))
            continue;
        const QString text = it == oldShares.cend()
            ? QObject::tr("new %1").arg(GraphText::share(e.share))
            : GraphText::share(*it) + QStringLiteral(" \u2192 ") + GraphText::share(e.share);
        const Resource *r = after.byId(e.resourceId);
        const Resource *there = r ? shown.find(r->kind, r->namespaceName(), r->name()) : nullptr;
        if (there)
            changes.append({ there->id, e.routeIndex, e.destinationIndex, text });
    }
    return changes;
}

} // namespace meshroute
