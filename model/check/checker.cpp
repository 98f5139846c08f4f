#include "checker.h"

#include "analyzerregistry.h"
#include "checkcontext.h"
#include "meshanalyzer.h"
#include "parallelmap.h"
#include "workspace.h"

#include <QHash>
#include <QSet>
#include <QThread>
#include <algorithm>

namespace meshroute {

namespace {

// Resources are validated on their own, so big workspaces split across
// threads; below this size the thread hand-off costs more than it saves.
constexpr int ParallelThreshold = 512;

Diagnostics checkOne(const Workspace &ws, const Resource &r)
{
    Diagnostics out;
    CheckContext ctx(ws, out);
    for (Analyzer::ResourceCheck check : AnalyzerRegistry::resourceChecks(r.kind))
        check(ctx, r);
    return out;
}

bool isChecked(const Resource &r)
{
    return AnalyzerRegistry::checksEach(r.kind);
}

} // namespace

namespace {

// Drops what the options and the resources' own annotations silence.
class Suppression
{
public:
    Suppression(const Workspace &workspace, const CheckOptions &options)
        : m_threshold(options.threshold)
    {
        ignore(options);
        if (options.applyIgnoreAnnotations)
            for (const Resource &r : workspace.resources)
                annotate(r);
    }
    // For the findings of one resource's own validation, which name only that resource.
    Suppression(const Resource &resource, const CheckOptions &options)
        : m_threshold(options.threshold)
    {
        ignore(options);
        if (options.applyIgnoreAnnotations)
            annotate(resource);
    }

    Diagnostics filter(Diagnostics all) const
    {
        Diagnostics kept;
        kept.reserve(all.size());
        for (Diagnostic &d : all) {
            if (int(d.severity) > int(m_threshold) || m_ignored.contains(d.code))
                continue;
            if (const auto it = m_perResource.constFind(d.resourceId);
                it != m_perResource.cend() && it->contains(d.code))
                continue;
            kept.append(std::move(d));
        }
        return kept;
    }

private:
    void ignore(const CheckOptions &options)
    {
        for (const QString &c : options.ignoredCodes)
            m_ignored.insert(c.trimmed().toUpper());
    }
    void annotate(const Resource &r)
    {
        const QString value
            = labelValue(r.metadata.annotations, QString::fromLatin1(Checker::IgnoreAnnotation));
        if (value.isEmpty() || r.id < 0) // without an id a finding cannot be told apart from others'
            return;
        QSet<QString> codes;
        for (const QString &c : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            codes.insert(c.trimmed().toUpper());
        m_perResource.insert(r.id, codes);
    }

    Diagnostic::Severity m_threshold;
    QSet<QString> m_ignored;
    QHash<int, QSet<QString>> m_perResource;
};

} // namespace

Checker::Parts Checker::checkParts(const Workspace &workspace, const CheckOptions &options)
{
    QList<int> indices;
    for (int i = 0; i < workspace.resources.size(); ++i)
        if (isChecked(workspace.resources[i]))
            indices.append(i);
    std::vector<Diagnostics> own = parallelMap<Diagnostics>(int(indices.size()),
        indices.size() >= ParallelThreshold ? QThread::idealThreadCount() : 1,
        [&](int k) { return checkOne(workspace, workspace.resources[indices[k]]); });
    const Suppression suppression(workspace, options);
    Parts parts;
    for (qsizetype k = 0; k < indices.size(); ++k)
        parts.perResource.insert(
            workspace.resources[indices[k]].id, suppression.filter(std::move(own[std::size_t(k)])));
    parts.mesh = checkMesh(workspace, options);
    return parts;
}

Diagnostics Checker::checkMesh(const Workspace &workspace, const CheckOptions &options)
{
    Diagnostics mesh;
    {
        CheckContext ctx(workspace, mesh);
        MeshAnalyzer::analyze(ctx);
    }
    return Suppression(workspace, options).filter(std::move(mesh));
}

Diagnostics Checker::checkResource(
    const Workspace &workspace, const Resource &resource, const CheckOptions &options)
{
    if (!isChecked(resource))
        return {};
    return Suppression(resource, options).filter(checkOne(workspace, resource));
}

Diagnostics Checker::combine(const Workspace &workspace, const Parts &parts)
{
    Diagnostics all;
    // In resource order, as check() found them: ties in position keep that order.
    for (const Resource &r : workspace.resources)
        if (const auto it = parts.perResource.constFind(r.id); it != parts.perResource.cend())
            all.append(*it);
    all.append(parts.mesh);
    // Files in the order they were opened, then by position; ties keep the order found.
    QHash<QString, int> fileOrder;
    for (int i = 0; i < workspace.files.size(); ++i)
        fileOrder.insert(workspace.files[i], i);
    std::stable_sort(all.begin(), all.end(), [&](const Diagnostic &a, const Diagnostic &b) {
        if (a.file != b.file) {
            const int fa = fileOrder.value(a.file, INT_MAX), fb = fileOrder.value(b.file, INT_MAX);
            return fa != fb ? fa < fb : a.file < b.file;
        }
        if (a.line != b.line)
            return a.line < b.line;
        return a.column < b.column;
    });
    return all;
}

Diagnostics Checker::check(const Workspace &workspace, const CheckOptions &options)
{
    return combine(workspace, checkParts(workspace, options));
}

} // namespace meshroute
