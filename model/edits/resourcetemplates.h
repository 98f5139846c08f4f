#pragma once

#include "resource.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace meshroute {

struct Workspace;

// New resources from templates: kubectl-ready YAML text (networking.istio.io/v1,
// as the canary template and the exporter write) for a VirtualService, a
// DestinationRule, a Gateway, or a canary split (DestinationRule + VirtualService);
// and their Gateway API counterparts (GatewayApiTemplates): a Gateway, an
// HTTPRoute for a Service, a mesh HTTPRoute, a canary split between two Services.
// Pure: reads the workspace for Service ports, workload versions and the names
// already taken, and returns text; InsertDocuments makes it an edit.
class ResourceTemplates
{
public:
    enum class Kind {
        VirtualService,
        DestinationRule,
        Gateway,
        Canary,
        GatewayApiGateway, // gateway.networking.k8s.io Gateway of class istio
        HttpRoute, // an HTTPRoute from a Gateway API Gateway to a Service
        MeshHttpRoute, // an HTTPRoute whose parent is the Service itself
        HttpRouteCanary, // an HTTPRoute splitting 100/0 between two Services
    };

    struct Request
    {
        Kind kind = Kind::VirtualService;
        QString name; // ignored for Canary: both resources take the Service's name
        QString namespaceName = QStringLiteral("default");
        // VirtualService, DestinationRule: the destination host, as it will be written.
        // Canary: a host that names the Service to split.
        QString host;
        // VirtualService: spec.hosts (empty: the host). Gateway: the server's hosts (empty: "*").
        QStringList hosts;
        // VirtualService: spec.gateways (empty: sidecars only, the implicit `mesh`).
        QStringList gateways;
        // HttpRoute (and HttpRouteCanary, where empty means a mesh route): the Gateway API
        // Gateway the route attaches to, "[namespace/]name". HttpRoute: hosts are its hostnames.
        QString parentGateway;
        // HttpRouteCanary: the host naming the Service that gets 0% (host names the stable one).
        QString canaryHost;
    };

    struct NewResource
    {
        ResourceKind kind = ResourceKind::Other;
        QString namespaceName;
        QString name;
    };

    struct Result
    {
        QList<QByteArray> documents; // each one YAML document ending in "\n", without "---"
        QList<NewResource> resources; // what each document defines, in the same order
        QString description; // for the undo stack: "New VirtualService default/details"
        QString note; // what the user may want to know, not an error (the port chosen, no subsets)
    };

    // False and an error when a field is invalid, a name is taken or (Canary)
    // the Service has no two versions to split between.
    static bool build(const Workspace &workspace, const Request &request, Result *result, QString *error);

    // A name for the new resource that is free in the request's namespace: the
    // host's first label (VirtualService, DestinationRule), "<first host label>-gateway"
    // (Gateway), or the Service's name (Canary); "-2", "-3"... when taken.
    static QString defaultName(const Workspace &workspace, const Request &request);

    // Empty when `name` can name a new `kind` in namespace `ns`, else why not.
    static QString checkNewName(
        const Workspace &workspace, ResourceKind kind, const QString &ns, const QString &name);

    // The Kubernetes Service `host` names, read in namespace `ns` (short name,
    // name.ns, name.ns.svc or the FQDN), or nullptr.
    static const Resource *serviceForHost(const Workspace &workspace, const QString &host, const QString &ns);

    static ResourceKind resourceKind(Kind kind);

    // The port a new route goes to: the only one, else the first that announces HTTP, else the first.
    static const ServicePort *routePort(const KubernetesService &service);
};

} // namespace meshroute
