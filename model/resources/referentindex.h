#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <array>
#include <optional>
#include <utility>

namespace meshroute {

struct Workspace;
struct Resource;

// The objects Gateway API references name (a parentRef's Gateway, Service or ServiceEntry, a
// backendRef's Service, an allowedRoutes selector's Namespace), found by namespace/name, and
// the ReferenceGrants that allow references into a namespace.
// ParentBinder and BackendResolver read it; building it walks the whole workspace and reads
// every name, which on a mesh of thousands of Services costs more than binding the few routes a
// graph draws. So a view keeps one across edits: survives() tells whether an edit of some
// resources left it true, which it does unless they are (or were) such objects or moved.
class ReferentIndex
{
public:
    enum class Kind { Gateway, Service, ServiceEntry, Namespace, ReferenceGrant }; // by name, then grants

    explicit ReferentIndex(const Workspace &workspace);

    // The first `kind` named namespace/name in `workspace` (the one indexed, or one
    // survives() accepted); a Namespace has no namespace: pass an empty one. No ReferenceGrant
    // is found by name.
    const Resource *find(const Workspace &workspace, Kind kind, const QString &ns, const QString &name) const;

    // Every ReferenceGrant of namespace `ns`, in workspace order.
    QList<const Resource *> referenceGrantsIn(const Workspace &workspace, const QString &ns) const;

    // Whether this index still describes `workspace` after the resources `changedIds` changed.
    bool survives(const Workspace &workspace, const QList<int> &changedIds) const;

    static std::optional<Kind> kindOf(const Resource &r);

private:
    using Name = std::pair<QString, QString>; // namespace, name: no string is built to look one up
    static constexpr int NamedKindCount = int(Kind::ReferenceGrant); // the kinds found by name
    std::array<QHash<Name, qsizetype>, NamedKindCount> m_positions; // by Kind: the position in resources
    QHash<QString, QList<qsizetype>> m_grants; // by namespace: positions of every ReferenceGrant
    QList<std::pair<qsizetype, int>> m_indexed; // (position, id), by position
    QSet<int> m_ids; // of m_indexed
    qsizetype m_size = 0; // of Workspace::resources when indexed
};

} // namespace meshroute
