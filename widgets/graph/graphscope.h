#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace meshroute {

struct Resource;
struct Workspace;

// The part of a workspace the graph draws.
//
// A workspace of a few hundred objects is drawn whole. A mesh of thousands
// of VirtualServices would make tens of thousands of nodes: seconds to lay
// out on every edit and unreadable anyway. There the graph draws one
// neighbourhood: the resources whose name or hosts contain a text, or one
// selected resource, together with what routes to them and what they route
// to (gateways, VirtualServices, services, DestinationRules, workloads), so
// nothing inside it is wrongly drawn as missing.
class GraphScope
{
public:
    // Everything.
    GraphScope() = default;

    // The neighbourhood of the resources matching `text` (name, namespace/name
    // or a host, case-insensitive) and of `resourceId`; either may be empty/-1.
    static GraphScope around(const Workspace &workspace, const QString &text, int resourceId);

    // Roughly how many nodes a graph of the whole workspace has, without building it.
    static int estimateNodes(const Workspace &workspace);
    // Roughly how many nodes one resource brings to the graph.
    static int estimateNodes(const Resource &resource);

    // Whether the scope is still right after the resources `changedIds` changed:
    // each was inside it and still names the same hosts, gateways and labels.
    // A weight drag keeps the scope; a new destination host does not.
    bool stillHolds(const Workspace &workspace, const QList<int> &changedIds) const;

    bool isAll() const { return m_all; }
    bool contains(int resourceId) const { return m_all || m_ids.contains(resourceId); }
    // Nothing matched (a neighbourhood of nothing).
    bool isEmpty() const { return !m_all && m_ids.isEmpty(); }
    // How many resources matched the text or the id, before adding their neighbours.
    int seedCount() const { return m_seeds; }
    // Roughly how many nodes the graph of this scope has.
    int estimatedNodes() const { return m_estimatedNodes; }

private:
    bool m_all = true;
    QSet<int> m_ids;
    QHash<int, QString> m_references; // id -> what the scope read of it
    int m_seeds = 0;
    int m_estimatedNodes = 0;
};

} // namespace meshroute
