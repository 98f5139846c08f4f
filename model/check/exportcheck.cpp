#include "exportcheck.h"

#include "checker.h"
#include "diagnosticcodes.h"
#include "loader.h"
#include "parallelmap.h"

#include <QHash>
#include <QThread>

namespace meshroute {

namespace {

// As in the checker: below this many objects a thread hand-off costs more than it saves.
constexpr int ParallelThreshold = 512;

// Which YAML document of `file` holds an absolute line: the last one starting at or before it.
int documentAt(const SourceFile &file, int line)
{
    int found = -1;
    for (std::size_t i = 0; i < file.spans.size() && file.spans[i].line <= line; ++i)
        found = int(i);
    return found;
}

// Whether a loader finding falls on what is exported. It names its object only by file,
// line and display name, so it is placed in its YAML document first; a document that
// yielded no object (a syntax error, not an object) counts, since its kind is unknown.
bool onExported(const Diagnostic &d, const QList<SourceFile> &files, const Workspace &workspace,
    const ExportOptions &options)
{
    int fileIndex = -1;
    for (int i = 0; i < files.size() && fileIndex < 0; ++i)
        if (files[i].path == d.file)
            fileIndex = i;
    if (fileIndex < 0)
        return true;
    const int document = documentAt(files[fileIndex], d.line);
    QList<const Resource *> inDocument;
    for (const Resource &r : workspace.resources)
        if (r.fileIndex == fileIndex && r.documentIndex == document)
            inDocument.append(&r);
    if (inDocument.isEmpty())
        return true;
    QList<const Resource *> named; // a List's items are told apart by name
    for (const Resource *r : std::as_const(inDocument))
        if (r->displayName() == d.resource)
            named.append(r);
    for (const Resource *r : named.isEmpty() ? inDocument : named)
        if (Exporter::selects(*r, options))
            return true;
    return false;
}

} // namespace

bool ExportCheck::blocks(const Diagnostic &diagnostic)
{
    return diagnostic.severity == Diagnostic::Severity::Error
        && DiagnosticCodes::rejectedByApiServer(diagnostic.code);
}

Diagnostics ExportCheck::blockingErrors(const QList<SourceFile> &files, const Workspace &workspace,
    const Diagnostics &loadDiagnostics, const ExportOptions &options)
{
    QList<int> exported;
    for (int i = 0; i < workspace.resources.size(); ++i)
        if (Exporter::selects(workspace.resources[i], options))
            exported.append(i);

    CheckOptions checkOptions;
    checkOptions.threshold = Diagnostic::Severity::Error;
    checkOptions.applyIgnoreAnnotations = false;
    const auto own = [&](int i) {
        Diagnostics kept;
        for (Diagnostic &d : Checker::checkResource(workspace, workspace.resources[i], checkOptions))
            if (blocks(d))
                kept.append(std::move(d));
        return kept;
    };
    const std::vector<Diagnostics> found = parallelMap<Diagnostics>(int(exported.size()),
        exported.size() >= ParallelThreshold ? QThread::idealThreadCount() : 1,
        [&](int k) { return own(exported[k]); });

    Checker::Parts parts;
    for (qsizetype k = 0; k < exported.size(); ++k)
        if (!found[std::size_t(k)].isEmpty())
            parts.perResource.insert(workspace.resources[exported[k]].id, found[std::size_t(k)]);
    for (const Diagnostic &d : loadDiagnostics)
        if (blocks(d) && onExported(d, files, workspace, options))
            parts.mesh.append(d);
    return Checker::combine(workspace, parts);
}

} // namespace meshroute
