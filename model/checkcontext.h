#pragma once

#include "diagnostic.h"
#include "workspace.h"

namespace meshroute {

// What every validator and analyzer writes to: the workspace (for absolute
// positions) and the list of findings. One per check run; not shared
// between threads.
class CheckContext
{
public:
    CheckContext(const Workspace &workspace, Diagnostics &out)
        : m_workspace(workspace)
        , m_out(out)
    { }

    const Workspace &workspace() const { return m_workspace; }

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
};

} // namespace meshroute
