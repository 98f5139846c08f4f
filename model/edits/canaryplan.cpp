#include "canaryplan.h"

#include "document.h"
#include "loader.h"
#include "safefilewriter.h"
#include "setbackendweights.h"
#include "setweights.h"
#include "undostack.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <algorithm>
#include <numeric>

namespace meshroute {

bool CanaryPlan::parsePercents(const QString &text, QList<int> *out, QString *error)
{
    out->clear();
    const QStringList parts = QString(text)
                                  .replace(QLatin1Char('%'), QLatin1Char(' '))
                                  .split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    for (const QString &p : parts) {
        bool ok = false;
        const int v = p.toInt(&ok);
        if (!ok || v < 0 || v > 100) {
            *error = QStringLiteral("a step is a percentage from 0 to 100, got \"%1\"").arg(p);
            return false;
        }
        if (!out->isEmpty() && v <= out->last()) {
            *error = QStringLiteral("steps must increase: %1 after %2").arg(v).arg(out->last());
            return false;
        }
        out->append(v);
    }
    if (out->isEmpty()) {
        *error = QStringLiteral("give at least one step, e.g. 1, 5, 25, 50, 100");
        return false;
    }
    return true;
}

QList<int> CanaryPlan::weightsFor(const QList<int> &current, int newDestination, int percent)
{
    const int n = int(current.size());
    QList<int> out(n, 0);
    if (newDestination < 0 || newDestination >= n)
        return current;
    out[newDestination] = percent;
    const int rest = 100 - percent;
    if (n == 1 || rest == 0)
        return out;
    qint64 base = 0;
    for (int i = 0; i < n; ++i)
        if (i != newDestination)
            base += std::max(0, current[i]);
    // Shares of the others: proportional to what they carry now (evenly when nothing).
    QList<double> exact(n, 0.0);
    for (int i = 0; i < n; ++i)
        if (i != newDestination)
            exact[i]
                = base > 0 ? double(rest) * std::max(0, current[i]) / double(base) : double(rest) / (n - 1);
    int given = 0;
    for (int i = 0; i < n; ++i)
        if (i != newDestination) {
            out[i] = int(exact[i]);
            given += out[i];
        }
    QList<int> order;
    for (int i = 0; i < n; ++i)
        if (i != newDestination)
            order << i;
    // Largest remainder first; ties go to the earlier destination, so results are stable.
    std::stable_sort(
        order.begin(), order.end(), [&](int a, int b) { return exact[a] - out[a] > exact[b] - out[b]; });
    for (int k = 0; given < rest && k < order.size(); ++k, ++given)
        ++out[order[k]];
    return out;
}

bool CanaryPlan::splitOf(const Resource &resource, int routeIndex, Split *out)
{
    *out = Split();
    const QString qualified = resource.namespaceName() + QLatin1Char('/') + resource.name();
    if (const VirtualService *vs = resource.virtualService()) {
        if (routeIndex < 0 || routeIndex >= vs->http.size())
            return false;
        const HttpRoute &rule = vs->http[routeIndex];
        out->rule = qualified + QStringLiteral(" rule ") + rule.displayName(routeIndex);
        for (const HttpRouteDestination &d : rule.route) {
            const Destination &to = d.destination;
            out->destinations << to.host.value
                    + (to.subset.value.isEmpty() ? QString() : QLatin1Char(' ') + to.subset.value);
            out->weights << int(d.weight.valueOr(0));
        }
        return true;
    }
    const GatewayApiRoute *route = resource.gatewayApiRoute();
    if (!route || (resource.kind != ResourceKind::HTTPRoute && resource.kind != ResourceKind::GRPCRoute)
        || routeIndex < 0 || routeIndex >= route->rules.size())
        return false;
    const RouteRule &rule = route->rules[routeIndex];
    out->rule = resource.kindName.value + QLatin1Char(' ') + qualified + QStringLiteral(" rule ")
        + (rule.name.value.isEmpty() ? QStringLiteral("#%1").arg(routeIndex)
                                     : QLatin1Char('"') + rule.name.value + QLatin1Char('"'));
    for (const BackendRef &b : rule.backendRefs) {
        out->destinations << b.ref.name.value;
        out->weights << int(b.weight.valueOr(1)); // the CRD default
    }
    return true;
}

QList<CanaryPlan::Step> CanaryPlan::compute(const Document &document, QString *error) const
{
    QList<Step> steps;
    const Resource *resource = document.resource(m_resourceId);
    Split split;
    if (!resource || !splitOf(*resource, m_routeIndex, &split)) {
        *error = QStringLiteral("select an HTTP rule of a VirtualService or HTTPRoute to plan a canary");
        return steps;
    }
    if (m_newDestination < 0 || m_newDestination >= split.destinations.size()) {
        *error = QStringLiteral("choose the destination that receives the canary");
        return steps;
    }
    if (split.destinations.size() < 2) {
        *error
            = QStringLiteral("%1 has one destination; add the new %2 before planning a canary")
                  .arg(split.rule,
                      resource->virtualService() ? QStringLiteral("subset") : QStringLiteral("backendRef"));
        return steps;
    }
    const QList<int> current = split.weights;

    // The scratch copy: every file, so a step's workspace routes like the real one.
    LoadResult loaded;
    for (const SourceFile &f : document.files())
        Loader::addFile(loaded, f.path, f.text, {});
    Document scratch;
    scratch.setLoadResult(std::move(loaded));
    int scratchId = -1;
    for (const Resource &r : scratch.workspace().resources)
        if (r.fileIndex == resource->fileIndex && r.documentIndex == resource->documentIndex
            && r.listItem == resource->listItem) {
            scratchId = r.id;
            break;
        }
    if (scratchId < 0) {
        *error
            = QStringLiteral("%1 could not be found again in its file's text").arg(resource->displayName());
        return steps;
    }

    const QString &targetName = split.destinations[m_newDestination];
    for (int i = 0; i < m_percents.size(); ++i) {
        Step step;
        step.percent = m_percents[i];
        step.weights = weightsFor(current, m_newDestination, step.percent);
        step.label = QStringLiteral("step %1 of %2: %3% to %4")
                         .arg(i + 1)
                         .arg(m_percents.size())
                         .arg(step.percent)
                         .arg(targetName);
        std::unique_ptr<ReplaceDocumentText> command;
        if (resource->virtualService())
            command = SetWeights::create(&scratch, scratchId, m_routeIndex, step.weights, error);
        else
            command = SetBackendWeights::create(&scratch, scratchId, m_routeIndex, step.weights, error);
        if (!command)
            return {};
        const bool changes = !command->isObsolete();
        scratch.undoStack()->push(command.release());
        step.fileText = scratch.files()[resource->fileIndex].text;
        step.documentText = scratch.documentText(resource->fileIndex, resource->documentIndex);
        step.workspace = scratch.workspace();
        if (changes)
            scratch.undoStack()->undo();
        steps << step;
    }
    return steps;
}

bool CanaryPlan::exportFiles(const QList<Step> &steps, const QString &directory, const QString &baseName,
    QStringList *written, QString *error)
{
    const QDir dir(directory);
    if (!dir.exists() && !QDir().mkpath(directory)) {
        *error = QStringLiteral("%1: cannot create the folder").arg(directory);
        return false;
    }
    for (int i = 0; i < steps.size(); ++i) {
        const QString path = dir.filePath(
            QStringLiteral("%1.step-%2-%3pct.yaml").arg(baseName).arg(i + 1).arg(steps[i].percent));
        if (!SafeFileWriter::writeFile(path, steps[i].fileText, error))
            return false;
        if (written)
            written->append(path);
    }
    return true;
}

QByteArray CanaryPlan::multiDocument(const QList<Step> &steps)
{
    QByteArray out;
    for (int i = 0; i < steps.size(); ++i) {
        const Step &s = steps[i];
        QStringList weights;
        for (int w : s.weights)
            weights << QString::number(w);
        QByteArray doc = s.documentText;
        // A document's text may begin with its own separator or comments; keep one "---" per step.
        QByteArray body = doc;
        while (body.startsWith("---")) {
            const qsizetype nl = body.indexOf('\n');
            body = nl < 0 ? QByteArray() : body.mid(nl + 1);
        }
        out += "---\n# Canary ";
        out += s.label.toUtf8();
        out += " (weights ";
        out += weights.join(QLatin1Char('/')).toUtf8();
        out += ")\n";
        out += body;
        if (!out.endsWith('\n'))
            out += '\n';
    }
    return out;
}

} // namespace meshroute
