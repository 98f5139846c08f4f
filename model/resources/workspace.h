#pragma once

#include "diagnostic.h"
#include "resource.h"

#include <QList>
#include <QStringList>

namespace meshroute {

// The resources of every opened file, as plain values: what the validator,
// the router and the views read. A Document keeps one and replaces the
// resources an edit touches; a copy is a cheap snapshot (QList shares) for a
// background check.
struct Workspace
{
    QList<Resource> resources;
    QStringList files; // Resource::fileIndex indexes this

    QString fileOf(const Resource &r) const { return r.fileIndex >= 0 && r.fileIndex < files.size() ? files[r.fileIndex] : QString(); }

    const Resource *byId(int id) const
    {
        for (const Resource &r : resources)
            if (r.id == id)
                return &r;
        return nullptr;
    }
    // The first resource of that kind, namespace and name, or nullptr.
    const Resource *find(ResourceKind kind, const QString &namespaceName, const QString &name) const
    {
        for (const Resource &r : resources)
            if (r.kind == kind && r.name() == name && r.namespaceName() == namespaceName)
                return &r;
        return nullptr;
    }
    QList<const Resource *> ofKind(ResourceKind kind) const
    {
        QList<const Resource *> out;
        for (const Resource &r : resources)
            if (r.kind == kind)
                out.append(&r);
        return out;
    }
    // A diagnostic pointing at `pos` inside `r` (or at `r` itself when pos is unknown).
    Diagnostic diagnostic(const Resource &r, const SourcePos &pos, Diagnostic::Severity severity,
                          const QString &code, const QString &message, const QString &path) const
    {
        Diagnostic d;
        d.severity = severity;
        d.code = code;
        d.message = message;
        d.file = fileOf(r);
        const SourcePos at = pos.keyLine > 0 ? SourcePos { pos.keyLine, pos.keyColumn } : pos;
        d.line = r.absoluteLine(at);
        d.column = r.absoluteColumn(at);
        d.resource = r.displayName();
        d.path = path;
        d.resourceId = r.id;
        return d;
    }
};

} // namespace meshroute
