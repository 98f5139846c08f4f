#pragma once

#include "gatewayapifieldreader.h"
#include "resource.h"

namespace meshroute {

// Reads the spec of an HTTPRoute, GRPCRoute, TCPRoute or TLSRoute into one
// GatewayApiRoute. The kind decides which fields its CRD defines: a TCPRoute
// rule has no matches or filters, a GRPCRoute match has a `method` object
// where an HTTPRoute match has a method string, and what a kind lacks is an
// unknown field, as the API server would prune it.
class GatewayApiRouteReader : public GatewayApiFieldReader
{
public:
    GatewayApiRouteReader(ResourceReader &reader, ResourceKind kind)
        : GatewayApiFieldReader(reader)
        , m_kind(kind)
    { }

    GatewayApiRoute read(const YamlNode &n, const FieldPath &path);

private:
    RouteRule rule(const YamlNode &n, const FieldPath &path);
    RouteMatch match(const YamlNode &n, const FieldPath &path);
    HttpPathMatch pathMatch(const YamlNode &n, const FieldPath &path);
    HttpValueMatch valueMatch(const YamlNode &n, const FieldPath &path, const QString &typeName);
    QList<HttpValueMatch> valueMatches(const YamlNode &n, const FieldPath &path, const QString &typeName);
    GrpcMethodMatch grpcMethod(const YamlNode &n, const FieldPath &path);
    BackendRef backendRef(const YamlNode &n, const FieldPath &path);
    HttpRouteTimeouts timeouts(const YamlNode &n, const FieldPath &path);
    HttpRouteRetry retry(const YamlNode &n, const FieldPath &path);

    bool isHttp() const { return m_kind == ResourceKind::HTTPRoute; }
    bool isGrpc() const { return m_kind == ResourceKind::GRPCRoute; }
    // The Go type name of a part, for messages: "HTTPRouteRule", "GRPCRouteRule", "TCPRouteRule".
    QString typeName(const char *suffix) const;

    ResourceKind m_kind;
};

} // namespace meshroute
