#pragma once

#include <QList>
#include <QString>

namespace meshroute {

class GatewayApiFieldChecks;
struct RouteFilter;

// The schema and CEL rules of HTTPRoute and GRPCRoute filters (a rule's and a backendRef's), as
// the CRDs state them (gateway.networking.k8s.io_httproutes.yaml and _grpcroutes.yaml, v1): the
// type enum, one member matching the type, filters that may not repeat, RequestRedirect and
// URLRewrite not together, and each filter's own fields. Part of GatewayApiRouteValidator.
class GatewayApiFilterValidator
{
public:
    enum class Owner { HttpRule, HttpBackend, GrpcRule, GrpcBackend };
    static void validate(const GatewayApiFieldChecks &checks, const QList<RouteFilter> &filters, Owner owner,
        const QString &path);
};

} // namespace meshroute
