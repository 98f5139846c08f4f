#include "referentindexcache.h"

#include "document.h"

namespace meshroute {

std::shared_ptr<const ReferentIndex> ReferentIndexCache::of(const Workspace &workspace)
{
    if (!m_index)
        m_index = std::make_shared<const ReferentIndex>(workspace);
    return m_index;
}

void ReferentIndexCache::update(const Workspace &workspace, const ChangeEvent &event)
{
    if (event.type == ChangeEvent::Type::Saved)
        return;
    if (event.type == ChangeEvent::Type::Reset
        || (m_index && !m_index->survives(workspace, event.resourceIds)))
        m_index.reset();
}

} // namespace meshroute
