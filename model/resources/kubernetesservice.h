#pragma once

#include "field.h"

#include <QList>
#include <QString>

namespace meshroute {

struct ServicePort
{
    Field<QString> name;
    Field<qint64> port;
    Field<QString> targetPort; // number or name, as written
    Field<QString> protocol;
    Field<QString> appProtocol;
    SourcePos pos;
};

// A Kubernetes Service: the registry host `name.namespace.svc.cluster.local`
// and the pods its selector picks.
struct KubernetesService
{
    Field<QString> type;
    Field<QString> externalName;
    Labels selector;
    bool hasSelector = false;
    QList<ServicePort> ports;
    SourcePos specPos;
};

// An Istio ServiceEntry: hosts added to the mesh's registry.
struct ServiceEntry
{
    QList<Field<QString>> hosts;
    QList<ServicePort> ports;
    Field<QString> location;
    Field<QString> resolution;
    QList<Field<QString>> exportTo;
    Labels workloadSelector;
    SourcePos specPos;
};

// What runs pods: Deployment, StatefulSet, ReplicaSet, DaemonSet, Argo
// Rollout (template labels, replicas) or a bare Pod (its own labels, one replica).
struct Workload
{
    Labels podLabels;
    SourcePos podLabelsPos;
    Labels podAnnotations; // of the pod template
    bool hasIstioProxy = false; // the template has an istio-proxy container
    Field<qint64> replicas; // absent means 1, as Kubernetes defaults it
    Labels selector;

    int replicaCount() const { return replicas.present ? int(replicas.value) : 1; }
};

} // namespace meshroute
