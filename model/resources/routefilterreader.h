#pragma once

#include "gatewayapifieldreader.h"

namespace meshroute {

// Reads one `filters` item of an HTTPRoute or GRPCRoute rule or backendRef.
// A GRPCRoute filter has no redirect, rewrite or CORS member (GRPCRouteFilter
// in the CRD), so there those keys are unknown fields as the API server sees them.
class RouteFilterReader : public GatewayApiFieldReader
{
public:
    RouteFilterReader(ResourceReader &reader, bool grpc)
        : GatewayApiFieldReader(reader)
        , m_grpc(grpc)
    { }

    RouteFilter read(const YamlNode &n, const FieldPath &path);
    QList<RouteFilter> readList(const YamlNode &n, const FieldPath &path);

private:
    HeaderModifier headerModifier(const YamlNode &n, const FieldPath &path);
    PathModifier pathModifier(const YamlNode &n, const FieldPath &path);
    RequestRedirect requestRedirect(const YamlNode &n, const FieldPath &path);
    UrlRewrite urlRewrite(const YamlNode &n, const FieldPath &path);
    RequestMirror requestMirror(const YamlNode &n, const FieldPath &path);
    HttpCorsFilter cors(const YamlNode &n, const FieldPath &path);

    bool m_grpc;
};

} // namespace meshroute
