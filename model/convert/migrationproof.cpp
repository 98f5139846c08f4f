#include "migrationproof.h"

#include "gatewayapimigration.h"
#include "loader.h"
#include "request.h"
#include "router.h"

#include <algorithm>

namespace meshroute {

Workspace MigrationProof::convertedWorkspace(
    const Workspace &original, const MigrationResult &migration, Diagnostics *readerErrors)
{
    Workspace out;
    out.files = original.files;
    int maxId = 0;
    for (const Resource &r : original.resources) {
        maxId = std::max(maxId, r.id);
        if (!migration.replacedIds.contains(r.id))
            out.resources.append(r);
    }
    const LoadResult converted = Loader::loadText(migration.yaml, QStringLiteral("converted.yaml"));
    if (readerErrors)
        for (const Diagnostic &d : converted.diagnostics)
            if (d.severity == Diagnostic::Severity::Error)
                readerErrors->append(d);
    const int fileOffset = out.files.size();
    out.files += converted.workspace.files;
    for (Resource r : converted.workspace.resources) {
        r.id = maxId + 1 + r.id;
        r.fileIndex += fileOffset;
        out.resources.append(r);
    }
    return out;
}

QString MigrationProof::outcome(const RouteResult &r, const MigrationResult &migration)
{
    QString text = RouteResult::statusName(r.status) + QLatin1Char(' ') + QString::number(r.httpStatus);
    QStringList destinations;
    for (const RouteDestinationResult &d : r.destinations) {
        QString host = d.host, subset = d.subset;
        const auto origin = migration.subsetOrigins.constFind(host);
        if (origin != migration.subsetOrigins.cend() && subset.isEmpty()) {
            host = origin->first;
            subset = origin->second;
        }
        destinations.append(host + (subset.isEmpty() ? QString() : QStringLiteral(" subset ") + subset)
            + QStringLiteral(" ") + QString::number(d.share, 'f', 1) + QLatin1Char('%'));
    }
    destinations.sort();
    if (!destinations.isEmpty())
        text += QStringLiteral(" -> ") + destinations.join(QStringLiteral(", "));
    if (r.hasRedirect)
        text += QStringLiteral(" redirect %1 %2").arg(r.redirectCode).arg(r.location);
    if (r.fault.present)
        text += QStringLiteral(" with fault injection");
    if (r.status == RouteResult::Status::Routed && !r.rewrittenPath.isEmpty())
        text += QStringLiteral(" path ") + r.rewrittenPath;
    if (r.status == RouteResult::Status::Routed && !r.rewrittenAuthority.isEmpty())
        text += QStringLiteral(" authority ") + r.rewrittenAuthority;
    return text;
}

ProofReport MigrationProof::run(const Workspace &original, const MigrationResult &migration)
{
    ProofReport report;
    const Workspace converted = convertedWorkspace(original, migration, &report.convertedErrors);
    const Router before(RouteTable::compile(original));
    const Router after(RouteTable::compile(converted));
    const QList<ProofRequest> requests = ProofRequestPlanner(original).plan();
    for (const ProofRequest &p : requests) {
        Request req;
        if (!p.sample.toRequest(&req))
            continue;
        ++report.requests;
        const RouteResult a = before.route(req);
        const RouteResult b = after.route(req);
        const QString was = outcome(a, migration), is = outcome(b, migration);
        if (was != is)
            report.differences.append({ p, was, is, why(p, a, b, original, migration) });
    }
    return report;
}

QString MigrationProof::why(const ProofRequest &p, const RouteResult &before, const RouteResult &after,
    const Workspace &original, const MigrationResult &migration)
{
    if (p.variant == QLatin1String("segment boundary"))
        return p.sample.url.endsWith(QLatin1Char('x'))
            ? QStringLiteral("segment prefix: a Gateway API PathPrefix matches whole path segments only")
            : QStringLiteral(
                "trailing '/': a Gateway API PathPrefix ignores it, so the path without it matches too");
    const auto ruleOrigin = migration.ruleOrigins.constFind(after.routeName);
    const bool sameVs
        = ruleOrigin != migration.ruleOrigins.cend() && ruleOrigin->first == before.virtualServiceId;
    if (before.routeIndex >= 0 && sameVs && ruleOrigin->second != before.routeIndex)
        return QStringLiteral(
            "order: the VirtualService takes the first rule that matches (http[%1]), Gateway "
            "API the most specific (http[%2])")
            .arg(before.routeIndex)
            .arg(ruleOrigin->second);
    // A rule whose conversion was warned about: the first warning says what Gateway API lacks.
    for (int index : { before.routeIndex, sameVs ? ruleOrigin->second : -1 }) {
        if (index < 0)
            continue;
        const Resource *vs = original.byId(before.virtualServiceId);
        const QString path = QStringLiteral("spec.http[%1]").arg(index);
        for (const Diagnostic &d : migration.warnings)
            if (vs && d.resourceId == vs->id
                && (d.path == path || d.path.startsWith(path + QLatin1Char('.'))))
                return QStringLiteral("unsupported: ") + d.message;
    }
    if (ruleOrigin != migration.ruleOrigins.cend() && !sameVs && before.virtualServiceId >= 0)
        return QStringLiteral("another route is more specific: Gateway API merges the routes of one host and "
                              "orders their rules together");
    return {};
}

} // namespace meshroute
