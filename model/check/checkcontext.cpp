#include "checkcontext.h"

#include "meshindex.h"

namespace meshroute {

CheckContext::CheckContext(const Workspace &workspace, Diagnostics &out)
    : m_workspace(workspace)
    , m_out(out)
{ }

CheckContext::~CheckContext() = default;

void CheckContext::report(const Resource &r, const SourcePos &pos, Diagnostic::Severity severity,
    const char *code, const QString &message, const QString &path)
{
    auto known = m_codes.constFind(code);
    if (known == m_codes.constEnd())
        known = m_codes.insert(code, QString::fromLatin1(code));
    Diagnostic d = m_workspace.diagnostic(r, pos, severity, known.value(), message, path);
    if (&r != m_named) {
        m_named = &r;
        m_name = d.resource;
    }
    d.resource = m_name;
    m_out.append(std::move(d));
}

const MeshIndex &CheckContext::mesh()
{
    if (!m_mesh)
        m_mesh = std::make_unique<MeshIndex>(m_workspace);
    return *m_mesh;
}

} // namespace meshroute
