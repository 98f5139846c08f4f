#pragma once

#include "graph/graphdiffoverlay.h"

#include <QList>
#include <QStringList>

namespace meshroute {

class GraphModel;
struct Workspace;

// The rule -> destination edges of the traffic graph whose share differs
// between two workspaces, named by the ids of `shown` (the workspace the
// graph draws, which may be a third load of the same mesh) for GraphDiffOverlay.
// Edges are matched by what they stand for (the resource's kind, namespace
// and name, the rule's title, the destination's node), never by ids, which
// differ between two loads; so the labels say what the graph would show.
namespace ShareChanges {

// Around each of `resources` ("VirtualService ns/name", as a DiffReport's splits name them): a
// change of shares is a change of a split, so a mesh of thousands needs graphs of a few nodes.
QList<GraphDiffOverlay::ShareChange> between(
    const Workspace &before, const Workspace &after, const Workspace &shown, const QStringList &resources);
// Between two graphs of the workspaces.
QList<GraphDiffOverlay::ShareChange> between(const GraphModel &old, const Workspace &before,
    const GraphModel &now, const Workspace &after, const Workspace &shown);

} // namespace ShareChanges

} // namespace meshroute
