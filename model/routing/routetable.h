#pragma once

#include "field.h"
#include "gatewayapitranslation.h"
#include "virtualservice.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

namespace meshroute {

class Request;
struct Workspace;
struct KubernetesService;

// Which compiled route a request takes, with no strings: the allocation-free
// answer of RouteTable::decide(). Router turns it into a RouteResult.
struct RouteDecision
{
    enum class Outcome : std::uint8_t {
        UnknownGateway, // --gateway names no Gateway in the workspace
        NoListener, // the gateway has no HTTP server on the request's port
        NoVirtualHost, // no domain matches the Host (404 NR at gateways)
        NoMatch, // a virtual host, but no route matches (404 NR)
        Matched, // a VirtualService route matched
        DefaultRoute, // a registry service without VirtualService: outbound|port||fqdn
        Passthrough, // sidecar, host not in any route table: PassthroughCluster (ALLOW_ANY)
        HttpsRedirect // gateway server with tls.httpsRedirect: 301 to https
    };
    Outcome outcome = Outcome::NoVirtualHost;
    int config = -1; // route configuration (a gateway port, or the sidecar table)
    int vhost = -1; // virtual host in it
    int entry = -1; // position of the matched route in the virtual host
    int route = -1; // compiled route (RouteTable::routeInfo)
    int listenerPort = 0; // the Envoy listener (gateway server port, or the sidecar's service port)
    int requestPort = 0; // the port the client sent to (differs at a gateway reached through its Service)
};

// The compiled route tables of a workspace: what istiod would send to the
// gateways and to the sidecars, as Envoy evaluates it.
//
// Built once per edit (compile), then asked for many requests (decide,
// explain). Every regex is compiled once with RE2 at compile time; deciding
// a request allocates nothing. The table keeps a snapshot of the workspace,
// so pointers it hands out stay valid for its lifetime. Copies share the
// compiled data.
class RouteTable
{
public:
    // One Envoy route: one match entry of one rule of one VirtualService
    // (after delegation: the delegate rule merged into its root rule).
    struct RouteInfo
    {
        int virtualServiceId = -1; // Resource::id of the root VirtualService
        QString virtualService; // "ns/name"
        int ruleIndex = -1; // in the root's http[]
        int matchIndex = -1; // in the rule's match[] (the delegate's when delegated); -1: no match
        QString envoyName; // rule name (+ "-" + delegate rule name), "." + match name
        int delegateId = -1; // Resource::id of the delegate VirtualService, or -1
        QString delegate; // "ns/name"
        int delegateRuleIndex = -1;
        const HttpRoute *rule = nullptr; // effective rule (merged with the root's when delegated)
        const HttpRoute *rootRule = nullptr; // the root VirtualService's rule
        const HttpMatchRequest *match = nullptr; // effective match, nullptr for a match-less rule
        QString hostNamespace; // namespace short destination hosts resolve in
        bool catchAll = false; // prefix "/" (or regex ".*") and no header/query condition
        // Istio's route semantics "gateway" (VirtualServices generated from Gateway API routes):
        // path-segment prefixes, and a missing cluster answers 500.
        bool gatewaySemantics = false;
        GatewayApiOrigin origin; // the HTTPRoute / GRPCRoute rule behind a generated rule (routeId -1: none)
        // The rules of this generated VirtualService come from several routes whose order
        // rests on creationTimestamps the files do not carry (namespace/name decided).
        bool orderAmbiguous = false;
    };

    struct VirtualHostInfo
    {
        QString name; // "bookinfo.app:80", "reviews.default.svc.cluster.local:9080"
        QStringList domains; // as Envoy lists them
        QString serviceHost; // FQDN of the registry service behind a default route
        int virtualServices = 0;
    };

    // A rule of a VirtualService as routing tests count them for coverage.
    struct RuleRef
    {
        int virtualServiceId = -1;
        QString virtualService;
        int ruleIndex = -1;
        QString ruleName; // "\"name\"" or "#2"
        int delegateId = -1; // rule of a delegate reached through virtualServiceId
        QString delegate;
        int delegateRuleIndex = -1;
        QString droppedReason; // why istiod emits no route for it (delegate conflict, missing delegate)
    };

    RouteTable();
    ~RouteTable();
    RouteTable(const RouteTable &);
    RouteTable &operator=(const RouteTable &);
    RouteTable(RouteTable &&) noexcept;
    RouteTable &operator=(RouteTable &&) noexcept;

    struct CompileOptions
    {
        // Apply the Gateway API CRD defaults as the API server would; off to
        // compare with Istio's translation goldens, whose inputs are not defaulted.
        bool gatewayApiCrdDefaults = true;
    };
    static RouteTable compile(const Workspace &workspace);
    static RouteTable compile(const Workspace &workspace, const CompileOptions &options);

    RouteDecision decide(const Request &request) const;
    // For every route tried before the decision's (or all, when none matched):
    // why it did not take the request, one line each, e.g.
    // `rule "jason": header end-user: wanted exact "jason", got "Jason"`.
    QStringList explain(const Request &request, const RouteDecision &decision) const;
    // Every rule whose routes are tried, in order, when the request lands on
    // the decision's virtual host (for coverage).
    QString describeOutcome(const Request &request, const RouteDecision &decision) const;

    const RouteInfo &routeInfo(int route) const;
    int routeCount() const;
    VirtualHostInfo virtualHostInfo(const RouteDecision &decision) const;
    QString configName(
        const RouteDecision &decision) const; // "http.80 at default/bookinfo-gateway", "sidecar 9080"

    // One virtual host of a route configuration, its routes in the order Envoy tries them.
    struct VirtualHostRoutes
    {
        QString name; // "bookinfo.app:80", "reviews.default.svc.cluster.local"
        QStringList domains;
        QString serviceHost; // a default route's registry service (no entries)
        struct Entry
        {
            int route = -1; // routeInfo() index
            // Why istiod does not send it to this proxy (match.gateways or match.port exclude
            // it, or an earlier catch-all of its VirtualService ends that VirtualService's
            // routes); empty when sent.
            QString notSent;
        };
        QList<Entry> entries;
    };
    // The virtual hosts of the configuration a gateway ("ns/name": an Istio Gateway, or a
    // Gateway API Gateway by its own name) has on `port`; an empty gateway: the sidecars'
    // (port unused). Empty when the gateway has no HTTP server on that port.
    QList<VirtualHostRoutes> virtualHosts(const QString &gateway, int port) const;
    // The virtual hosts of a decision's configuration: decision.vhost indexes the list.
    QList<VirtualHostRoutes> virtualHosts(const RouteDecision &decision) const;

    QList<RuleRef> rules() const;
    // The RuleRef index (in rules()) a compiled route belongs to.
    int ruleOf(int route) const;

    // Registry and context, for clusters and warnings.
    const Workspace &workspace() const;
    // The resource of workspace() with that id (generated ones included), or nullptr; a lookup
    // where Workspace::byId walks the list.
    const Resource *resource(int id) const;
    // The ports of a registry host (K8s Service or ServiceEntry); false when unknown.
    bool servicePorts(const QString &fqdn, QList<int> *ports) const;
    bool isKnownHost(const QString &fqdn) const;
    bool hasRegistry() const; // the workspace holds at least one Service or ServiceEntry
    // Whether a DestinationRule visible from `clientNamespace` defines the subset for the host.
    bool subsetDefined(const QString &fqdn, const QString &subset) const;
    // Ready pods behind a host and subset: -1 when the workspace cannot tell.
    int readyPods(const QString &fqdn, const QString &subset) const;
    // The Kubernetes Service for a FQDN, or nullptr (with its namespace).
    const KubernetesService *kubernetesService(const QString &fqdn, QString *namespaceName = nullptr) const;
    QStringList gatewayNames() const; // "ns/name" of every Gateway (Istio's and Gateway API's)
    // The Gateway API objects as istiod translates them (bindings, origins, ambiguous orders).
    const GatewayApiTranslation &gatewayApi() const;
    int compiledRegexCount() const;

private:
    struct Data;
    std::shared_ptr<const Data> d;
};

} // namespace meshroute
