#pragma once

#include "diagnostic.h"
#include "workspace.h"

#include <memory>

namespace meshroute {

class MeshIndex;

// What every validator and analyzer writes to: the workspace (for absolute
// positions) and the list of findings. One per check run; not shared
// between threads. The cross-resource analyzers share one MeshIndex, built
// by the first that asks, so that each does not index the workspace again.
class CheckContext
{
public:
    CheckContext(const Workspace &workspace, Diagnostics &out);
    ~CheckContext();
    CheckContext(const CheckContext &) = delete;
    CheckContext &operator=(const CheckContext &) = delete;

    const Workspace &workspace() const { return m_workspace; }
    const MeshIndex &mesh();

    void report(const Resource &r, const SourcePos &pos, Diagnostic::Severity severity, const char *code,
        const QString &message, const QString &path)
    {
        m_out.append(m_workspace.diagnostic(r, pos, severity, QString::fromLatin1(code), message, path));
    }
    void error(const Resource &r, const SourcePos &pos, const char *code, const QString &message,
        const QString &path)
    {
        report(r, pos, Diagnostic::Severity::Error, code, message, path);
    }
    void warning(const Resource &r, const SourcePos &pos, const char *code, const QString &message,
        const QString &path)
    {
        report(r, pos, Diagnostic::Severity::Warning, code, message, path);
    }
    void info(const Resource &r, const SourcePos &pos, const char *code, const QString &message,
        const QString &path)
    {
        report(r, pos, Diagnostic::Severity::Info, code, message, path);
    }

private:
    const Workspace &m_workspace;
    Diagnostics &m_out;
    std::unique_ptr<MeshIndex> m_mesh;
};

} // namespace meshroute
