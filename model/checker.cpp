#include "checker.h"

#include "checkcontext.h"
#include "destinationrulevalidator.h"
#include "gatewayvalidator.h"
#include "meshanalyzer.h"
#include "shadowanalyzer.h"
#include "virtualservicevalidator.h"
#include "workspace.h"

#include <QHash>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>
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
    switch (r.kind) {
    case ResourceKind::VirtualService:
        VirtualServiceValidator::validate(ctx, r);
        ShadowAnalyzer::analyze(ctx, r);
        break;
    case ResourceKind::DestinationRule:
        DestinationRuleValidator::validate(ctx, r);
        break;
    case ResourceKind::Gateway:
        GatewayValidator::validate(ctx, r);
        break;
    default:
        break;
    }
    return out;
}

bool isChecked(const Resource &r)
{
    return r.kind == ResourceKind::VirtualService || r.kind == ResourceKind::DestinationRule
        || r.kind == ResourceKind::Gateway;
}

} // namespace

Diagnostics Checker::check(const Workspace &workspace, const CheckOptions &options)
{
    Diagnostics all;
    QList<int> indices;
    for (int i = 0; i < workspace.resources.size(); ++i)
        if (isChecked(workspace.resources[i]))
            indices.append(i);
    if (indices.size() >= ParallelThreshold) {
        const QList<Diagnostics> parts = QtConcurrent::blockingMapped(
            indices, [&workspace](int i) { return checkOne(workspace, workspace.resources[i]); });
        for (const Diagnostics &p : parts)
            all.append(p);
    } else {
        for (int i : std::as_const(indices))
            all.append(checkOne(workspace, workspace.resources[i]));
    }
    {
        CheckContext ctx(workspace, all);
        MeshAnalyzer::analyze(ctx);
    }

    // Suppression: by option, then by the resource's own annotation.
    QSet<QString> ignored;
    for (const QString &c : options.ignoredCodes)
        ignored.insert(c.trimmed().toUpper());
    QHash<int, QSet<QString>> perResource;
    for (const Resource &r : workspace.resources) {
        const QString value = labelValue(r.metadata.annotations, QString::fromLatin1(IgnoreAnnotation));
        if (value.isEmpty() || r.id < 0) // without an id a finding cannot be told apart from others'
            continue;
        QSet<QString> codes;
        for (const QString &c : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            codes.insert(c.trimmed().toUpper());
        perResource.insert(r.id, codes);
    }
    Diagnostics kept;
    kept.reserve(all.size());
    for (Diagnostic &d : all) {
        if (int(d.severity) > int(options.threshold) || ignored.contains(d.code))
            continue;
        if (const auto it = perResource.constFind(d.resourceId);
            it != perResource.cend() && it->contains(d.code))
            continue;
        kept.append(std::move(d));
    }
    // Files in the order they were opened, then by position; ties keep the order found.
    QHash<QString, int> fileOrder;
    for (int i = 0; i < workspace.files.size(); ++i)
        fileOrder.insert(workspace.files[i], i);
    std::stable_sort(kept.begin(), kept.end(), [&](const Diagnostic &a, const Diagnostic &b) {
        if (a.file != b.file) {
            const int fa = fileOrder.value(a.file, INT_MAX), fb = fileOrder.value(b.file, INT_MAX);
            return fa != fb ? fa < fb : a.file < b.file;
        }
        if (a.line != b.line)
            return a.line < b.line;
        return a.column < b.column;
    });
    return kept;
}

} // namespace meshroute
