#include "referentindex.h"

#include "workspace.h"

namespace meshroute {

ReferentIndex::ReferentIndex(const Workspace &workspace)
    : m_size(workspace.resources.size())
{
    for (qsizetype i = 0; i < m_size; ++i) {
        const Resource &r = workspace.resources[i];
        const std::optional<Kind> kind = kindOf(r); // first: most resources are neither, and names cost
        if (!kind)
            continue;
        if (*kind == Kind::ReferenceGrant) {
            m_grants[r.namespaceName()].append(i);
            m_indexed.append({ i, r.id });
            m_ids.insert(r.id);
            continue;
        }
        Name name { *kind == Kind::Namespace ? QString() : r.namespaceName(), r.name() };
        QHash<Name, qsizetype> &positions = m_positions[int(*kind)];
        if (positions.contains(name))
            continue; // the first of a name is the one Istio's lookups find
        positions.insert(std::move(name), i);
        m_indexed.append({ i, r.id });
        m_ids.insert(r.id);
    }
}

std::optional<ReferentIndex::Kind> ReferentIndex::kindOf(const Resource &r)
{
    switch (r.kind) {
    case ResourceKind::KubernetesGateway:
        return Kind::Gateway;
    case ResourceKind::Service:
        return Kind::Service;
    case ResourceKind::ServiceEntry:
        return Kind::ServiceEntry;
    case ResourceKind::ReferenceGrant:
        return Kind::ReferenceGrant;
    case ResourceKind::Other:
        if (r.kindName.value == QLatin1String("Namespace"))
            return Kind::Namespace;
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

const Resource *ReferentIndex::find(
    const Workspace &workspace, Kind kind, const QString &ns, const QString &name) const
{
    if (kind == Kind::ReferenceGrant)
        return nullptr; // found by namespace: referenceGrantsIn()
    const QHash<Name, qsizetype> &positions = m_positions[int(kind)];
    const auto it = positions.constFind(Name { kind == Kind::Namespace ? QString() : ns, name });
    if (it == positions.cend() || *it >= workspace.resources.size())
        return nullptr;
    return &workspace.resources[*it];
}

QList<const Resource *> ReferentIndex::referenceGrantsIn(const Workspace &workspace, const QString &ns) const
{
    QList<const Resource *> out;
    for (qsizetype position : m_grants.value(ns))
        if (position < workspace.resources.size())
            out.append(&workspace.resources[position]);
    return out;
}

bool ReferentIndex::survives(const Workspace &workspace, const QList<int> &changedIds) const
{
    if (workspace.resources.size() != m_size)
        return false; // positions moved
    for (int id : changedIds)
        if (m_ids.contains(id))
            return false; // an indexed object changed: its name or kind may have
    if (!changedIds.isEmpty())
        for (const Resource &r : workspace.resources)
            if (changedIds.contains(r.id) && kindOf(r))
                return false; // one became such an object
    // An edit of several documents can move resources and keep the count: every indexed
    // object must still be where it was.
    for (const auto &[position, id] : m_indexed)
        if (workspace.resources[position].id != id)
            return false;
    return true;
}

} // namespace meshroute
