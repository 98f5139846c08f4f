#include "analyzerregistry.h"

#include "cacertificateanalyzer.h"
#include "conflictinggatewayanalyzer.h"
#include "delegatereferenceanalyzer.h"
#include "destinationhostanalyzer.h"
#include "destinationrulemultimatchanalyzer.h"
#include "destinationrulevalidator.h"
#include "destinationsubsetanalyzer.h"
#include "gatewayapibackendanalyzer.h"
#include "gatewayapicrdversionanalyzer.h"
#include "gatewayapimergeorderanalyzer.h"
#include "gatewayapiparentanalyzer.h"
#include "gatewayapiregexanalyzer.h"
#include "gatewayapiroutevalidator.h"
#include "gatewayapishadowanalyzer.h"
#include "gatewaycertificateanalyzer.h"
#include "gatewayclassvalidator.h"
#include "gatewaymergeanalyzer.h"
#include "gatewayvalidator.h"
#include "ineffectiveselectoranalyzer.h"
#include "ingressgatewayportanalyzer.h"
#include "ingresssubsetanalyzer.h"
#include "jwtclaimrouteanalyzer.h"
#include "kubernetesgatewayvalidator.h"
#include "meshhostconflictanalyzer.h"
#include "portnameanalyzer.h"
#include "referencegrantvalidator.h"
#include "routevirtualservicehostanalyzer.h"
#include "routeweightanalyzer.h"
#include "serviceassociationanalyzer.h"
#include "serviceentryvalidator.h"
#include "shadowanalyzer.h"
#include "subsetpodsanalyzer.h"
#include "unknowndestinationrulehostanalyzer.h"
#include "unuseddelegateanalyzer.h"
#include "virtualservicegatewayanalyzer.h"
#include "virtualservicevalidator.h"

namespace meshroute {

const QList<Analyzer> &AnalyzerRegistry::all()
{
    // The webhook's rules and analyses of one resource first, then the analyses
    // across the mesh. Findings at one position keep this order (Checker::combine
    // sorts stably): a destination host's IST0101/IST0112 come before its IST0140
    // and MR2002.
    static const QList<Analyzer> registry {
        VirtualServiceValidator::definition(),
        ShadowAnalyzer::definition(),
        DestinationRuleValidator::definition(),
        CaCertificateAnalyzer::definition(),
        GatewayValidator::definition(),
        ServiceEntryValidator::definition(),
        GatewayApiRouteValidator::httpRouteDefinition(),
        GatewayApiRouteValidator::grpcRouteDefinition(),
        KubernetesGatewayValidator::definition(),
        ReferenceGrantValidator::definition(),
        GatewayClassValidator::definition(),
        GatewayApiRegexAnalyzer::httpRouteDefinition(),
        GatewayApiRegexAnalyzer::grpcRouteDefinition(),
        VirtualServiceGatewayAnalyzer::definition(),
        JwtClaimRouteAnalyzer::definition(),
        DestinationHostAnalyzer::definition(),
        DestinationSubsetAnalyzer::definition(),
        IngressSubsetAnalyzer::definition(),
        DelegateReferenceAnalyzer::definition(),
        RouteWeightAnalyzer::definition(),
        MeshHostConflictAnalyzer::definition(),
        GatewayApiShadowAnalyzer::definition(),
        RouteVirtualServiceHostAnalyzer::definition(),
        GatewayMergeAnalyzer::definition(),
        UnknownDestinationRuleHostAnalyzer::definition(),
        SubsetPodsAnalyzer::definition(),
        ConflictingGatewayAnalyzer::definition(),
        IngressGatewayPortAnalyzer::definition(),
        GatewayCertificateAnalyzer::definition(),
        PortNameAnalyzer::definition(),
        UnusedDelegateAnalyzer::definition(),
        DestinationRuleMultiMatchAnalyzer::definition(),
        ServiceAssociationAnalyzer::definition(),
        GatewayApiCrdVersionAnalyzer::definition(),
        IneffectiveSelectorAnalyzer::definition(),
        GatewayApiParentAnalyzer::definition(),
        GatewayApiBackendAnalyzer::definition(),
        GatewayApiMergeOrderAnalyzer::definition(),
    };
    return registry;
}

const QList<Analyzer::ResourceCheck> &AnalyzerRegistry::resourceChecks(ResourceKind kind)
{
    // Indexed by kind: this is asked once per resource of every check run.
    static const QList<QList<Analyzer::ResourceCheck>> byKind = [] {
        QList<QList<Analyzer::ResourceCheck>> out(static_cast<int>(ResourceKind::Other) + 1);
        for (const Analyzer &a : all())
            if (a.checkResource)
                out[static_cast<int>(a.reads.first())].append(a.checkResource);
        return out;
    }();
    return byKind[static_cast<int>(kind)];
}

QStringList AnalyzerRegistry::reporting(const QString &code)
{
    QStringList names;
    for (const Analyzer &a : all())
        for (const char *c : a.codes)
            if (code == QLatin1String(c))
                names.append(a.name);
    return names;
}

} // namespace meshroute
