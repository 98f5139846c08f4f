#pragma once

#include "gatewayapifieldreader.h"

namespace meshroute {

// Reads the spec of a Gateway API Gateway (gateway.networking.k8s.io): its
// class, listeners and addresses. The fields the CRD defines that routing
// does not use (infrastructure, spec-level tls, allowedListeners) are
// accepted as written, so only what the API server would drop is reported.
class KubernetesGatewayReader : public GatewayApiFieldReader
{
public:
    using GatewayApiFieldReader::GatewayApiFieldReader;

    KubernetesGateway read(const YamlNode &n, const FieldPath &path);

private:
    Listener listener(const YamlNode &n, const FieldPath &path);
    ListenerTls listenerTls(const YamlNode &n, const FieldPath &path);
    AllowedRoutes allowedRoutes(const YamlNode &n, const FieldPath &path);
    GatewayAddress address(const YamlNode &n, const FieldPath &path);
};

} // namespace meshroute
