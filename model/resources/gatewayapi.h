#pragma once

#include "field.h"

#include <QList>
#include <QString>

namespace meshroute {

// The types of the Kubernetes Gateway API (gateway.networking.k8s.io v1,
// v1beta1 and v1alpha2 where still served), as plain values that keep where
// each value was written. Field names follow the API. A value the file leaves
// out is not present; the CRD defaults (weight 1, PathPrefix "/", Exact, ...)
// are applied by the code that interprets the value, never stored here, so
// that a save writes back only what the user wrote.

// One `matchExpressions` item of a Kubernetes LabelSelector.
struct LabelSelectorRequirement
{
    Field<QString> key;
    Field<QString> operator_; // In, NotIn, Exists, DoesNotExist
    QList<Field<QString>> values;
    SourcePos pos;
};

struct LabelSelector
{
    Labels matchLabels;
    QList<LabelSelectorRequirement> matchExpressions;
    SourcePos pos;
    bool present = false;
};

// A reference to a Kubernetes object by group, kind, namespace and name, as
// parentRefs, backendRefs, certificateRefs and mirrors write it.
struct ObjectReference
{
    Field<QString> group;
    Field<QString> kind;
    Field<QString> name;
    Field<QString> namespace_;
    Field<qint64> port;
    SourcePos pos;
};

struct ParentReference
{
    Field<QString> group; // default gateway.networking.k8s.io
    Field<QString> kind; // default Gateway
    Field<QString> namespace_; // default: the route's namespace
    Field<QString> name;
    Field<QString> sectionName; // a listener name (Gateway) or port name (Service)
    Field<qint64> port;
    SourcePos pos;
};

struct RouteGroupKind
{
    Field<QString> group;
    Field<QString> kind;
    SourcePos pos;
};

struct AllowedRoutes
{
    Field<QString> namespacesFrom; // Same (default), All, Selector, None
    LabelSelector namespacesSelector;
    QList<RouteGroupKind> kinds; // empty: the kinds the listener's protocol takes
    SourcePos pos;
    bool present = false;
};

struct ListenerTls
{
    Field<QString> mode; // Terminate (default) or Passthrough
    QList<ObjectReference> certificateRefs;
    QList<Entry<QString>> options;
    SourcePos pos;
    bool present = false;
};

struct Listener
{
    Field<QString> name;
    Field<QString> hostname;
    Field<qint64> port;
    Field<QString> protocol; // HTTP, HTTPS, TLS, TCP, UDP, or a domain-prefixed name
    ListenerTls tls;
    AllowedRoutes allowedRoutes;
    SourcePos pos;
};

struct GatewayAddress
{
    Field<QString> type; // IPAddress (default), Hostname, NamedAddress
    Field<QString> value;
    SourcePos pos;
};

// A gateway.networking.k8s.io Gateway. Istio's own networking.istio.io
// Gateway is `Gateway` (gateway.h); the two never share a ResourceKind.
struct KubernetesGateway
{
    Field<QString> gatewayClassName;
    QList<Listener> listeners;
    QList<GatewayAddress> addresses;
    SourcePos specPos;
};

struct GatewayClass
{
    Field<QString> controllerName;
    Field<QString> description;
    SourcePos specPos;
};

// One `from` or `to` item of a ReferenceGrant.
struct ReferenceGrantPeer
{
    Field<QString> group;
    Field<QString> kind;
    Field<QString> namespace_; // `from` only
    Field<QString> name; // `to` only; absent: every object of that kind
    SourcePos pos;
};

struct ReferenceGrant
{
    QList<ReferenceGrantPeer> from;
    QList<ReferenceGrantPeer> to;
    SourcePos specPos;
};

// A path, header, query parameter or gRPC method match. `type` absent means
// the CRD default (PathPrefix for a path, Exact for the others).
struct HttpPathMatch
{
    Field<QString> type; // Exact, PathPrefix, RegularExpression
    Field<QString> value;
    SourcePos pos;
    bool present = false;
};

struct HttpValueMatch // a header or query parameter
{
    Field<QString> type; // Exact, RegularExpression
    Field<QString> name;
    Field<QString> value;
    SourcePos pos;
};

struct GrpcMethodMatch
{
    Field<QString> type; // Exact, RegularExpression
    Field<QString> service;
    Field<QString> method;
    SourcePos pos;
    bool present = false;
};

// One `matches` item: an HTTPRouteMatch, or a GRPCRouteMatch (grpcMethod and
// headers; path, queryParams and method stay absent).
struct RouteMatch
{
    HttpPathMatch path;
    QList<HttpValueMatch> headers;
    QList<HttpValueMatch> queryParams;
    Field<QString> method;
    GrpcMethodMatch grpcMethod;
    SourcePos pos;
};

struct HttpHeaderValue
{
    Field<QString> name;
    Field<QString> value;
    SourcePos pos;
};

struct HeaderModifier
{
    QList<HttpHeaderValue> set;
    QList<HttpHeaderValue> add;
    QList<Field<QString>> remove;
    SourcePos pos;
    bool present = false;
};

struct PathModifier
{
    Field<QString> type; // ReplaceFullPath, ReplacePrefixMatch
    Field<QString> replaceFullPath;
    Field<QString> replacePrefixMatch;
    SourcePos pos;
    bool present = false;
};

struct RequestRedirect
{
    Field<QString> scheme;
    Field<QString> hostname;
    PathModifier path;
    Field<qint64> port;
    Field<qint64> statusCode; // default 302
    SourcePos pos;
    bool present = false;
};

struct UrlRewrite
{
    Field<QString> hostname;
    PathModifier path;
    SourcePos pos;
    bool present = false;
};

struct RequestMirror
{
    ObjectReference backendRef;
    Field<qint64> percent;
    Field<qint64> fractionNumerator;
    Field<qint64> fractionDenominator; // default 100
    SourcePos pos;
    bool present = false;
};

struct HttpCorsFilter
{
    QList<Field<QString>> allowOrigins;
    QList<Field<QString>> allowMethods;
    QList<Field<QString>> allowHeaders;
    QList<Field<QString>> exposeHeaders;
    Field<bool> allowCredentials;
    Field<qint64> maxAge;
    SourcePos pos;
    bool present = false;
};

// One `filters` item. `type` says which member holds the filter; the others
// are absent. ExtensionRef keeps only its reference.
struct RouteFilter
{
    Field<QString> type; // RequestHeaderModifier, ResponseHeaderModifier, RequestRedirect,
                         // URLRewrite, RequestMirror, CORS, ExtensionRef
    HeaderModifier requestHeaderModifier;
    HeaderModifier responseHeaderModifier;
    RequestRedirect requestRedirect;
    UrlRewrite urlRewrite;
    RequestMirror requestMirror;
    HttpCorsFilter cors;
    ObjectReference extensionRef;
    SourcePos pos;
};

struct BackendRef
{
    ObjectReference ref; // kind default Service, group default "" (core)
    Field<qint64> weight; // default 1; 0 sends nothing
    QList<RouteFilter> filters;
    SourcePos pos;
};

struct HttpRouteTimeouts
{
    Field<QString> request;
    Field<QString> backendRequest;
    SourcePos pos;
    bool present = false;
};

struct HttpRouteRetry
{
    QList<Field<qint64>> codes;
    Field<qint64> attempts;
    Field<QString> backoff;
    SourcePos pos;
    bool present = false;
};

// One `rules` item of an HTTPRoute, GRPCRoute, TCPRoute or TLSRoute.
struct RouteRule
{
    Field<QString> name;
    QList<RouteMatch> matches; // empty: the CRD default (PathPrefix "/" for HTTP)
    bool matchesWritten = false;
    QList<RouteFilter> filters;
    QList<BackendRef> backendRefs;
    bool backendRefsWritten = false;
    HttpRouteTimeouts timeouts;
    HttpRouteRetry retry;
    SourcePos pos;
};

// The spec of an HTTPRoute, GRPCRoute, TCPRoute or TLSRoute; the Resource's
// kind says which, and which parts of RouteMatch apply.
struct GatewayApiRoute
{
    QList<ParentReference> parentRefs;
    QList<Field<QString>> hostnames;
    QList<RouteRule> rules;
    SourcePos specPos;
};

} // namespace meshroute
