#pragma once

#include "graph/graphdiffoverlay.h"

#include <QList>

namespace meshroute {

struct Workspace;

// The rule -> destination edges of the traffic graph whose share differs
// between two workspaces, named by the ids of `shown` (the workspace the
// graph draws, which may be a third load of the same mesh) for GraphDiffOverlay.
// Edges are matched by what they stand for (the resource's kind, namespace
// and name, the rule's title, the destination's node), never by ids, which
// differ between two loads; so the labels say what the graph would show.
namespace ShareChanges {

QList<GraphDiffOverlay::ShareChange> between(
    const Workspace &before, const Workspace &after, const Workspace &shown);

} // namespace ShareChanges

} // namespace meshroute
