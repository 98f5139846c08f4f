#pragma once

#include <QString>

namespace meshroute {

// The value patterns of the Gateway API CRDs (config/crd/standard/gateway.networking.k8s.io_*.yaml),
// each compiled once from the CRD's own regular expression and applied as the API server applies an
// OpenAPI `pattern` (a search, anchored by the pattern itself). Pure and thread-safe.
class GatewayApiPatterns
{
public:
    // Hostname: ^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$, 1..253.
    static bool isHostname(const QString &s);
    // PreciseHostname (redirect and rewrite hostname): the same without the leading `*.`.
    static bool isPreciseHostname(const QString &s);
    // HTTPHeaderName: ^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$, 1..256.
    static bool isHeaderName(const QString &s);
    // SectionName, rule and listener names: a DNS-1123 subdomain, 1..253.
    static bool isSectionName(const QString &s);
    // Group: ^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$, at most 253.
    static bool isGroup(const QString &s);
    // Kind: ^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$, 1..63.
    static bool isKind(const QString &s);
    // Namespace: ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$, 1..63.
    static bool isNamespace(const QString &s);
    // Duration: ^([0-9]{1,5}(h|m|s|ms)){1,4}$ (GEP-2257).
    static bool isDuration(const QString &s);
    // A valid Duration in milliseconds.
    static qint64 durationMs(const QString &s);
    // ProtocolType: ^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]
    // ([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9]+$, 1..255.
    static bool isProtocol(const QString &s);
    // GRPCMethodMatch service (^(?i)\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$) and method
    // (^[A-Za-z_][A-Za-z_0-9]*$), for the Exact type.
    static bool isGrpcService(const QString &s);
    static bool isGrpcMethod(const QString &s);
    // The CEL rules of HTTPPathMatch for Exact and PathPrefix values: an empty string when the value
    // is accepted, else the rule's message as the CRD words it.
    static QString pathProblem(const QString &value);
    // CORS allowOrigins:
    // (^\*$)|(^(http(s)?):\/\/(((\*\.)?([a-zA-Z0-9\-]+\.)*[a-zA-Z0-9-]+|\*)(:([0-9]{1,5}))?)$)
    static bool isCorsOrigin(const QString &s);
};

} // namespace meshroute
