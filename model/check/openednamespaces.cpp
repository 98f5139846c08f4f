#include "openednamespaces.h"

#include "workspace.h"

namespace meshroute {

OpenedNamespaces::OpenedNamespaces(const Workspace &workspace)
{
    for (const Resource &r : workspace.resources)
        m_opened.insert({ int(r.kind), r.namespaceName() });
}

bool OpenedNamespaces::has(ResourceKind kind, const QString &ns) const
{
    return m_opened.contains({ int(kind), ns });
}

} // namespace meshroute
