#pragma once

#include "analyzer.h"

namespace meshroute {

// Routing on JWT claims (@request.auth.claims headers) in a gateway-only
// VirtualService needs a RequestAuthentication on the gateway pods to
// validate the token, as istioctl's JWTClaimRouteAnalyzer
// (analyzers/virtualservice/jwtclaimroute.go) says (IST0149). Only
// information here, since we do not read which pods a RequestAuthentication
// selects: reported when none was opened at all.
class JwtClaimRouteAnalyzer
{
public:
    static void analyze(CheckContext &ctx);
    // What it reports and reads, for the checker's registry (analyzerregistry.cpp).
    static Analyzer definition();
};

} // namespace meshroute
