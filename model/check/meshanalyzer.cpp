#include "meshanalyzer.h"

#include "conflictinggatewayanalyzer.h"
#include "delegatereferenceanalyzer.h"
#include "destinationhostanalyzer.h"
#include "destinationsubsetanalyzer.h"
#include "gatewaycertificateanalyzer.h"
#include "gatewaymergeanalyzer.h"
#include "ingressgatewayportanalyzer.h"
#include "ingresssubsetanalyzer.h"
#include "jwtclaimrouteanalyzer.h"
#include "meshhostconflictanalyzer.h"
#include "portnameanalyzer.h"
#include "routeweightanalyzer.h"
#include "subsetpodsanalyzer.h"
#include "unknowndestinationrulehostanalyzer.h"
#include "virtualservicegatewayanalyzer.h"

namespace meshroute {

void MeshAnalyzer::analyze(CheckContext &ctx)
{
    // Findings at one position keep this order (Checker::combine sorts stably): a destination
    // host's IST0101/IST0112 come before its IST0140 and MR2002.
    VirtualServiceGatewayAnalyzer::analyze(ctx);
    JwtClaimRouteAnalyzer::analyze(ctx);
    DestinationHostAnalyzer::analyze(ctx);
    DestinationSubsetAnalyzer::analyze(ctx);
    IngressSubsetAnalyzer::analyze(ctx);
    DelegateReferenceAnalyzer::analyze(ctx);
    RouteWeightAnalyzer::analyze(ctx);
    MeshHostConflictAnalyzer::analyze(ctx);
    GatewayMergeAnalyzer::analyze(ctx);
    UnknownDestinationRuleHostAnalyzer::analyze(ctx);
    SubsetPodsAnalyzer::analyze(ctx);
    ConflictingGatewayAnalyzer::analyze(ctx);
    IngressGatewayPortAnalyzer::analyze(ctx);
    GatewayCertificateAnalyzer::analyze(ctx);
    PortNameAnalyzer::analyze(ctx);
}

} // namespace meshroute
