#pragma once

#include <QString>

namespace meshroute {

struct HttpRedirect;

// The Location header of a VirtualService redirect, in two steps as the
// request meets them: what istiod writes into Envoy's RedirectAction
// (pilot/pkg/networking/core/route/route.go ApplyRedirect), then how Envoy
// fills it from the request (source/common/http/utility.cc newUri and
// processRequestHost). The path is the caller's (uri / prefixRewrite).
class RedirectLocation
{
public:
    struct Request
    {
        QString scheme; // :scheme, also x-forwarded-proto at the edge
        QString authority; // the Host header as sent, with its port if any
        QString path; // the new path and query
        int listenerPort = 0;
        bool tlsServer = false; // a gateway server with tls (istiod's RouteOptions.IsTLS)
    };

    // The port istiod writes as port_redirect; 0 for none.
    static int portRedirect(const HttpRedirect &redirect, int listenerPort, bool tlsServer);
    static QString build(const HttpRedirect &redirect, const Request &request);
};

} // namespace meshroute
