#pragma once

#include "gatewayapitranslation.h"

namespace meshroute {

struct Workspace;

// Translates the workspace's Gateway API objects into the Istio Gateways and
// VirtualServices istiod generates from them
// (pilot/pkg/config/kube/gateway/conversion.go, route_collections.go), so one
// routing engine answers for both APIs: one Gateway per listener, one
// VirtualService per parent and host with the rules of every route bound
// there merged (creationTimestamp, then namespace/name) and sorted
// (sortHTTPRoutes), each rule split to one match.
class GatewayApiTranslator
{
public:
    struct Options
    {
        // Apply the CRD defaults as the API server would (matches PathPrefix "/",
        // redirect 302). Off for Istio's goldens, whose inputs are not defaulted.
        bool applyCrdDefaults = true;
    };

    explicit GatewayApiTranslator(const Workspace &workspace);
    GatewayApiTranslator(const Workspace &workspace, Options options);

    GatewayApiTranslation translate() const;

    // Whether the workspace holds anything to translate.
    static bool hasGatewayApi(const Workspace &workspace);

private:
    const Workspace &m_ws;
    Options m_options;
};

} // namespace meshroute
