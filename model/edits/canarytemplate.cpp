#include "canarytemplate.h"

#include "validationprimitives.h"
#include "workspace.h"
#include "yamledit.h"

#include <QCollator>
#include <QMap>
#include <algorithm>

namespace meshroute {

namespace {

QByteArray quoted(const QString &s)
{
    return YamlEdit::formatScalar(s, YamlNode::Style::Plain, true);
}

} // namespace

bool CanaryTemplate::findVersions(const Workspace &workspace, const Resource &service, int minimum,
    QString *labelKey, QStringList *versions, QString *error)
{
    const Labels &selector = service.service()->selector;
    if (selector.isEmpty()) {
        *error = QStringLiteral("Service %1 has no selector, so it has no workloads to split between")
                     .arg(service.name());
        return false;
    }
    QList<const Resource *> workloads;
    for (const Resource *w : workspace.ofKind(ResourceKind::Workload))
        if (w->namespaceName() == service.namespaceName()
            && labelsContain(w->workload()->podLabels, selector))
            workloads.append(w);
    // The label that tells the workloads apart: `version` by convention, else the
    // first pod label (outside the selector) whose values all differ.
    QStringList candidates { QStringLiteral("version") };
    if (workloads.size() >= 2)
        for (const Resource *w : workloads)
            for (const Label &l : w->workload()->podLabels)
                if (!candidates.contains(l.key) && labelValue(selector, l.key).isEmpty())
                    candidates.append(l.key);
    QString key;
    QStringList found;
    for (const QString &k : candidates) {
        QStringList values;
        bool all = true;
        for (const Resource *w : workloads) {
            const QString v = labelValue(w->workload()->podLabels, k);
            all = all && !v.isEmpty();
            values.append(v);
        }
        values.removeDuplicates();
        if (all && values.size() == workloads.size() && values.size() >= qMax(1, minimum)) {
            key = k;
            found = values;
            break;
        }
    }
    if (key.isEmpty()) {
        *error = QStringLiteral(
            "Service %1 selects %2 workload(s) that no pod label tells apart; a canary needs two "
            "versions, e.g. Deployments labelled version: v1 and version: v2")
                     .arg(service.name())
                     .arg(workloads.size());
        return false;
    }
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(found.begin(), found.end(),
        [&](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });
    for (const QString &v : found)
        if (!ValidationPrimitives::isDns1123Label(v)) {
            *error = QStringLiteral("label value \"%1\" cannot name a subset (a DNS-1123 label is needed)")
                         .arg(v);
            return false;
        }
    *labelKey = key;
    *versions = found;
    return true;
}

bool CanaryTemplate::build(const Workspace &workspace, int serviceResourceId, Result *result, QString *error)
{
    const Resource *service = workspace.byId(serviceResourceId);
    if (!service || !service->service()) {
        *error = QStringLiteral("not a Kubernetes Service");
        return false;
    }
    QString key;
    QStringList versions;
    if (!findVersions(workspace, *service, 2, &key, &versions, error))
        return false;
    const QString name = service->name();
    const QString ns = service->namespaceName();
    for (ResourceKind kind : { ResourceKind::DestinationRule, ResourceKind::VirtualService })
        if (workspace.find(kind, ns, name)) {
            *error = QStringLiteral("a %1 named %2/%3 already exists")
                         .arg(kind == ResourceKind::DestinationRule ? QStringLiteral("DestinationRule")
                                                                    : QStringLiteral("VirtualService"),
                             ns, name);
            return false;
        }
    const QByteArray meta = "metadata:\n  name: " + quoted(name) + "\n  namespace: " + quoted(ns) + "\n";
    QByteArray dr = "apiVersion: networking.istio.io/v1\nkind: DestinationRule\n" + meta
        + "spec:\n  host: " + quoted(name) + "\n  subsets:\n";
    QByteArray vs = "apiVersion: networking.istio.io/v1\nkind: VirtualService\n" + meta
        + "spec:\n  hosts:\n  - " + quoted(name) + "\n  http:\n  - name: canary\n    route:\n";
    for (int i = 0; i < versions.size(); ++i) {
        dr += "  - name: " + quoted(versions[i]) + "\n    labels:\n      " + quoted(key) + ": "
            + quoted(versions[i]) + "\n";
        vs += "    - destination:\n        host: " + quoted(name) + "\n        subset: " + quoted(versions[i])
            + "\n      weight: " + (i == 0 ? "100" : "0") + "\n";
    }
    result->destinationRule = dr;
    result->virtualService = vs;
    result->labelKey = key;
    result->versions = versions;
    return true;
}

} // namespace meshroute
