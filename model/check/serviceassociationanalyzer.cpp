#include "serviceassociationanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"

#include <QHash>
#include <QMap>
#include <QSet>

namespace meshroute {

namespace {

// analyzers/util/in_mesh.go inMesh: an istio-proxy container, else the pod's
// sidecar.istio.io/inject label, else its annotation, else the namespace's
// istio-injection=enabled label (only when the Namespace was opened).
bool inMesh(const Resource &deployment, const Workload &w, const QHash<QString, const Resource *> &namespaces)
{
    if (w.hasIstioProxy)
        return true;
    const QString inject = QStringLiteral("sidecar.istio.io/inject");
    for (const Labels *l : { &w.podLabels, &w.podAnnotations })
        for (const Label &label : *l)
            if (label.key == inject)
                return label.value == QLatin1String("true");
    if (const Resource *ns = namespaces.value(deployment.namespaceName()))
        return labelValue(ns->metadata.labels, QStringLiteral("istio-injection")) == QLatin1String("enabled");
    return false;
}

} // namespace

void ServiceAssociationAnalyzer::analyze(CheckContext &ctx)
{
    const Workspace &ws = ctx.workspace();
    QHash<QString, const Resource *> namespaces;
    QHash<QString, QList<const Resource *>> servicesByNs;
    for (const Resource &r : ws.resources) {
        if (r.kind == ResourceKind::Other && r.kindName.value == QLatin1String("Namespace"))
            namespaces.insert(r.name(), &r);
        else if (r.kind == ResourceKind::Service)
            servicesByNs[r.namespaceName()].append(&r);
    }
    for (const Resource &r : ws.resources) {
        const Workload *w = r.workload();
        if (!w || r.kindName.value != QLatin1String("Deployment"))
            continue;
        // Waypoints are made by Istio itself (services.go isWaypointDeployment).
        if (labelValue(r.metadata.labels, QStringLiteral("gateway.istio.io/managed"))
                == QLatin1String("istio.io/mesh-controller")
            || !inMesh(r, *w, namespaces))
            continue;
        // port -> Kubernetes protocol -> services; targetPort -> port -> service (services.go
        // servicePortMap and serviceTargetPortsMap). Ordered maps keep the findings stable.
        QMap<qint64, QMap<QString, QStringList>> protocols;
        QMap<QString, QMap<qint64, QString>> targets;
        for (const Resource *s : servicesByNs.value(r.namespaceName())) {
            const KubernetesService &svc = *s->service();
            if (svc.selector.isEmpty() || !labelsContain(w->podLabels, svc.selector))
                continue;
            const QString name = s->namespaceName() + QLatin1Char('/') + s->name();
            for (const ServicePort &p : svc.ports) {
                const QString protocol
                    = p.protocol.value.isEmpty() ? QStringLiteral("TCP") : p.protocol.value;
                protocols[p.port.value][protocol].append(name);
                QString target = p.targetPort.value;
                if (target.isEmpty() || target == QLatin1String("0"))
                    target = QString::number(p.port.value);
                targets[target][p.port.value] = name;
            }
        }
        for (auto it = protocols.cbegin(); it != protocols.cend(); ++it) {
            if (it->size() < 2)
                continue;
            QStringList services;
            for (const QStringList &names : *it)
                services += names;
            services.sort();
            ctx.warning(r, r.metadata.name.pos, Code::DeploymentAssociatedToMultipleServices,
                QStringLiteral("This deployment %1 is associated with multiple services using port %2 but "
                               "different protocols: [%3]; give the port one protocol")
                    .arg(r.name())
                    .arg(it.key())
                    .arg(services.join(QLatin1Char(' '))),
                QStringLiteral("metadata.name"));
        }
        for (auto it = targets.cbegin(); it != targets.cend(); ++it) {
            if (it->size() < 2)
                continue;
            QStringList services = it->values();
            services.sort();
            QStringList ports;
            for (qint64 port : it->keys())
                ports.append(QString::number(port));
            ctx.warning(r, r.metadata.name.pos, Code::DeploymentConflictingPorts,
                QStringLiteral(
                    "This deployment %1 is associated with multiple services [%2] using targetPort "
                    "\"%3\" but different ports: [%4]; Services that reach one targetPort must use "
                    "the same port")
                    .arg(r.name(), services.join(QLatin1Char(' ')), it.key(), ports.join(QLatin1Char(' '))),
                QStringLiteral("metadata.name"));
        }
    }
}

Analyzer ServiceAssociationAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("ServiceAssociationAnalyzer"),
        { ResourceKind::Service, ResourceKind::Workload },
        { Code::DeploymentAssociatedToMultipleServices, Code::DeploymentConflictingPorts },
        &ServiceAssociationAnalyzer::analyze);
}

} // namespace meshroute
