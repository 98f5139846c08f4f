#include "ineffectiveselectoranalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "workspace.h"

#include <QHash>
#include <QSet>

namespace meshroute {

namespace {

const QString kGatewayNameLabel = QStringLiteral("gateway.networking.k8s.io/gateway-name");

// The pod labels of each namespace's Gateway API gateway pods.
QHash<QString, QList<Labels>> gatewayPods(const Workspace &ws)
{
    QHash<QString, QList<Labels>> pods;
    for (const Resource &r : ws.resources) {
        if (const Workload *w = r.workload()) {
            if (!labelValue(w->podLabels, kGatewayNameLabel).isEmpty())
                pods[r.namespaceName()].append(w->podLabels);
        } else if (const KubernetesGateway *g = r.kubernetesGateway()) {
            if (g->gatewayClassName.value == QLatin1String("istio"))
                pods[r.namespaceName()].append(Labels { Label { kGatewayNameLabel, r.name(), {} } });
        }
    }
    return pods;
}

} // namespace

void IneffectiveSelectorAnalyzer::analyze(CheckContext &ctx)
{
    const Workspace &ws = ctx.workspace();
    const QHash<QString, QList<Labels>> pods = gatewayPods(ws);
    if (pods.isEmpty())
        return;
    for (const Resource &r : ws.resources) {
        const WorkloadPolicy *p = r.workloadPolicy();
        if (!p || p->hasTargetRef || !p->hasSelector)
            continue;
        QSet<QString> reported;
        for (const Labels &labels : pods.value(r.namespaceName())) {
            const QString gateway = labelValue(labels, kGatewayNameLabel);
            if (!labelsContain(labels, p->matchLabels) || reported.contains(gateway))
                continue;
            reported.insert(gateway);
            ctx.warning(r, p->selectorPos, Code::IneffectiveSelector,
                QStringLiteral("the selector picks the pods of Gateway API gateway %1, where Istio ignores "
                               "selectors: name the Gateway in targetRefs instead")
                    .arg(gateway),
                QStringLiteral("spec.selector"));
        }
    }
}

Analyzer IneffectiveSelectorAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("IneffectiveSelectorAnalyzer"),
        { ResourceKind::Other, ResourceKind::Workload, ResourceKind::KubernetesGateway },
        { Code::IneffectiveSelector }, analyze);
}

} // namespace meshroute
