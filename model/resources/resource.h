#pragma once

#include "destinationrule.h"
#include "gateway.h"
#include "gatewayapi.h"
#include "kubernetesservice.h"
#include "virtualservice.h"
#include "workloadpolicy.h"

#include <QString>
#include <variant>

namespace meshroute {

enum class ResourceKind {
    VirtualService,
    DestinationRule,
    Gateway,
    Service,
    ServiceEntry,
    Workload, // Deployment, StatefulSet, ReplicaSet, DaemonSet, Pod, Rollout
    // gateway.networking.k8s.io
    KubernetesGateway, // a Gateway API Gateway (kindName "Gateway")
    GatewayClass,
    HTTPRoute,
    GRPCRoute,
    TCPRoute,
    TLSRoute,
    ReferenceGrant,
    Other // kept whole, shown, exported; not interpreted. Stays last (tables are sized by it).
};

// HTTPRoute, GRPCRoute, TCPRoute and TLSRoute share one spec type.
inline bool isGatewayApiRoute(ResourceKind k)
{
    return k == ResourceKind::HTTPRoute || k == ResourceKind::GRPCRoute || k == ResourceKind::TCPRoute
        || k == ResourceKind::TLSRoute;
}

struct ObjectMeta
{
    Field<QString> name;
    Field<QString> namespace_;
    Labels labels;
    Labels annotations;
    Field<QString> creationTimestamp;
    SourcePos pos;
};

// One Kubernetes object read from a file. A plain value: copies are cheap
// enough, and commands never hold pointers to it, only its id.
struct Resource
{
    int id = -1; // stable for the life of the Document, across edits and undo
    int fileIndex = -1; // Document::file(fileIndex)
    int documentIndex = -1; // which YAML document of that file
    int listItem = -1; // index in `items` when the document is a `kind: List`, else -1
    int baseLine = 1; // line of the YAML document's first byte in its file
    int baseOffset = 0; // byte offset of that document in its file

    ResourceKind kind = ResourceKind::Other;
    Field<QString> apiVersion;
    Field<QString> kindName; // as written: "VirtualService", "Deployment", ...
    ObjectMeta metadata;
    SourcePos pos; // of the object's mapping

    std::variant<std::monostate, VirtualService, DestinationRule, Gateway, KubernetesService, ServiceEntry,
        Workload, KubernetesGateway, GatewayApiRoute, ReferenceGrant, GatewayClass, WorkloadPolicy>
        spec; // WorkloadPolicy: an Other resource that is an Istio policy selecting workloads

    QString name() const { return metadata.name.value; }
    // The namespace as written, or "default" as kubectl would apply it.
    QString namespaceName() const
    {
        return metadata.namespace_.present && !metadata.namespace_.value.isEmpty()
            ? metadata.namespace_.value
            : QStringLiteral("default");
    }
    // "VirtualService default/reviews"
    QString displayName() const
    {
        return kindName.value + QLatin1Char(' ') + namespaceName() + QLatin1Char('/') + name();
    }
    int absoluteLine(const SourcePos &p) const
    {
        return p.isValid() ? baseLine + p.line - 1 : baseLine + pos.line - 1;
    }
    int absoluteColumn(const SourcePos &p) const { return p.isValid() ? p.column : pos.column; }

    const VirtualService *virtualService() const { return std::get_if<VirtualService>(&spec); }
    const DestinationRule *destinationRule() const { return std::get_if<DestinationRule>(&spec); }
    const Gateway *gateway() const { return std::get_if<Gateway>(&spec); }
    const KubernetesService *service() const { return std::get_if<KubernetesService>(&spec); }
    const ServiceEntry *serviceEntry() const { return std::get_if<ServiceEntry>(&spec); }
    const Workload *workload() const { return std::get_if<Workload>(&spec); }
    const KubernetesGateway *kubernetesGateway() const { return std::get_if<KubernetesGateway>(&spec); }
    const GatewayApiRoute *gatewayApiRoute() const { return std::get_if<GatewayApiRoute>(&spec); }
    const ReferenceGrant *referenceGrant() const { return std::get_if<ReferenceGrant>(&spec); }
    const GatewayClass *gatewayClass() const { return std::get_if<GatewayClass>(&spec); }
    const WorkloadPolicy *workloadPolicy() const { return std::get_if<WorkloadPolicy>(&spec); }
};

} // namespace meshroute
