#pragma once

#include "diagnostic.h"
#include "workspace.h"

#include <QHash>

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
        const QString &message, const QString &path);
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
    // Findings repeat a few dozen codes and come resource by resource: each
    // finding shares these strings rather than holding its own copy (about
    // 2 MB for the 13,500 findings of a 5,000-VirtualService mesh).
    QHash<const char *, QString> m_codes;
    const Resource *m_named = nullptr;
    QString m_name; // m_named's displayName()
};

} // namespace meshroute
