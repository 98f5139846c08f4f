#include "checkcontext.h"

#include "meshindex.h"

namespace meshroute {

CheckContext::CheckContext(const Workspace &workspace, Diagnostics &out)
    : m_workspace(workspace)
    , m_out(out)
{ }

CheckContext::~CheckContext() = default;

const MeshIndex &CheckContext::mesh()
{
    if (!m_mesh)
        m_mesh = std::make_unique<MeshIndex>(m_workspace);
    return *m_mesh;
}

} // namespace meshroute
