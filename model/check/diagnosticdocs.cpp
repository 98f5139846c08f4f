#include "diagnosticdocs.h"

#include "diagnosticcodes.h"
#include "resourcereader.h"

#include <QHash>

namespace meshroute {

namespace {

// istioctl's analysis messages each have a page at .../analysis/<lower-case code>/, e.g.
// https://istio.io/latest/docs/reference/config/analysis/ist0101/ (its AnalysisMessageBase.doc_ref
// is "of the form ^http(s)?://(preliminary\.)?istio.io/docs/reference/config/analysis/").
const QString analysis = QStringLiteral("https://istio.io/latest/docs/reference/config/analysis/");
const QString networking = QStringLiteral("https://istio.io/latest/docs/reference/config/networking/");
// The Gateway API reference (the API types whose comments and kubebuilder markers are the CRDs' schema
// and CEL rules), one section per type.
const QString gatewayApi = QStringLiteral("https://gateway-api.sigs.k8s.io/reference/spec/#");

// The codes that are not Istio's: the reference page of the resource and, after '#', the
// section (the proto message) whose field the finding is about. The loader's type and schema
// codes are what istioctl reports as IST0106 SchemaValidationError. A flat table.
QHash<QString, QString> ownCodes()
{
    const QString vs = QStringLiteral("virtual-service/");
    const QString dr = QStringLiteral("destination-rule/");
    const QString gw = QStringLiteral("gateway/");
    const QString schema = analysis + QStringLiteral("ist0106/");
    const QString config = QStringLiteral("https://istio.io/latest/docs/reference/config/");
    const QString gatewayApi = QStringLiteral("https://gateway-api.sigs.k8s.io/reference/spec/#");
    const auto page = [&](const QString &kind, const char *section) {
        return networking + kind + (section[0] ? QLatin1Char('#') + QLatin1String(section) : QString());
    };
    return {
        { QLatin1String(ResourceReader::CodeYamlSyntax), schema },
        { QLatin1String(ResourceReader::CodeWrongType), schema },
        { QLatin1String(ResourceReader::CodeUnknownField), schema },
        { QLatin1String(ResourceReader::CodeInvalidUtf8), config },
        { QLatin1String(ResourceReader::CodeFileTooLarge), config },
        { QLatin1String(ResourceReader::CodeUnreadable), config },
        { QLatin1String(ResourceReader::CodeDuplicateKey), schema },
        { QLatin1String(ResourceReader::CodeNotAnObject), schema },
        { QLatin1String(Code::InvalidHost), page(vs, "VirtualService") },
        { QLatin1String(Code::DuplicateHost), page(vs, "VirtualService") },
        { QLatin1String(Code::MeshWildcardHost), page(vs, "VirtualService") },
        { QLatin1String(Code::NoRoutes), page(vs, "VirtualService") },
        { QLatin1String(Code::InvalidGatewayReference), page(vs, "VirtualService") },
        { QLatin1String(Code::LegacyGatewayReference), page(vs, "VirtualService") },
        { QLatin1String(Code::DelegateConstraint), page(vs, "Delegate") },
        { QLatin1String(Code::RouteActionConflict), page(vs, "HTTPRoute") },
        { QLatin1String(Code::InvalidWeight), page(vs, "HTTPRouteDestination") },
        { QLatin1String(Code::InvalidStringMatch), page(vs, "StringMatch") },
        { QLatin1String(Code::InvalidRegex), page(vs, "StringMatch") },
        { QLatin1String(Code::InvalidPort), page(vs, "PortSelector") },
        { QLatin1String(Code::InvalidDuration), page(vs, "HTTPRoute") },
        { QLatin1String(Code::InvalidPercentage), page(vs, "Percent") },
        { QLatin1String(Code::InvalidStatusCode), page(vs, "HTTPDirectResponse") },
        { QLatin1String(Code::InvalidHeaderName), page(vs, "Headers") },
        { QLatin1String(Code::InvalidHeaderValue), page(vs, "Headers") },
        { QLatin1String(Code::InvalidSubsetName), page(dr, "Subset") },
        { QLatin1String(Code::DuplicateSubset), page(dr, "Subset") },
        { QLatin1String(Code::InvalidLabel), page(dr, "Subset") },
        { QLatin1String(Code::InvalidExportTo), page(vs, "VirtualService") },
        { QLatin1String(Code::MissingRequiredField), page(vs, "") },
        { QLatin1String(Code::InvalidRewrite), page(vs, "HTTPRewrite") },
        { QLatin1String(Code::InvalidRedirect), page(vs, "HTTPRedirect") },
        { QLatin1String(Code::InvalidFault), page(vs, "HTTPFaultInjection") },
        { QLatin1String(Code::InvalidRetry), page(vs, "HTTPRetry") },
        { QLatin1String(Code::InvalidMirror), page(vs, "HTTPMirrorPolicy") },
        { QLatin1String(Code::InvalidCors), page(vs, "CorsPolicy") },
        { QLatin1String(Code::InvalidL4Route), page(vs, "TLSRoute") },
        { QLatin1String(Code::InvalidGatewayServer), page(gw, "Server") },
        { QLatin1String(Code::InvalidGatewayTls), page(gw, "ServerTLSSettings") },
        { QLatin1String(Code::GatewayTlsIgnored), page(gw, "ServerTLSSettings") },
        { QLatin1String(Code::InvalidTrafficPolicy), page(dr, "TrafficPolicy") },
        { QLatin1String(Code::InvalidWorkloadSelector), page(dr, "DestinationRule") },
        { QLatin1String(Code::InvalidName), page(vs, "") },
        { QLatin1String(Code::JwtClaimOnMesh), page(vs, "HTTPMatchRequest") },
        { QLatin1String(Code::InvalidDirectResponse), page(vs, "HTTPDirectResponse") },
        { QLatin1String(Code::InvalidMatch), page(vs, "HTTPMatchRequest") },
        { QLatin1String(Code::InvalidAddress), page(vs, "L4MatchAttributes") },
        { QLatin1String(Code::GatewayApiInvalidPath), gatewayApi + QStringLiteral("httppathmatch") },
        { QLatin1String(Code::GatewayApiInvalidFilter), gatewayApi + QStringLiteral("httproutefilter") },
        { QLatin1String(Code::GatewayApiTooManyItems), gatewayApi + QStringLiteral("httproutespec") },
        { QLatin1String(Code::GatewayApiOutOfRange), gatewayApi + QStringLiteral("backendref") },
        { QLatin1String(Code::GatewayApiInvalidHostname), gatewayApi + QStringLiteral("hostname") },
        { QLatin1String(Code::GatewayApiInvalidHeaderName), gatewayApi + QStringLiteral("httpheadername") },
        { QLatin1String(Code::GatewayApiInvalidListener), gatewayApi + QStringLiteral("listener") },
        { QLatin1String(Code::GatewayApiInvalidEnum), gatewayApi + QStringLiteral("httproutematch") },
        { QLatin1String(Code::GatewayApiInvalidTimeout), gatewayApi + QStringLiteral("httproutetimeouts") },
        { QLatin1String(Code::GatewayApiInvalidReference), gatewayApi + QStringLiteral("parentreference") },
        { QLatin1String(Code::GatewayApiMissingField), gatewayApi + QStringLiteral("httproutespec") },
        { QLatin1String(Code::GatewayApiInvalidGrpcMethod), gatewayApi + QStringLiteral("grpcmethodmatch") },
        { QLatin1String(Code::GatewayApiInvalidName), gatewayApi + QStringLiteral("sectionname") },
        { QLatin1String(Code::GatewayApiRegexNotRe2), gatewayApi + QStringLiteral("httppathmatch") },
        { QLatin1String(Code::GatewayApiRuleNeverWins), gatewayApi + QStringLiteral("httprouterule") },
        { QLatin1String(Code::RouteAndVirtualServiceShareHost), analysis + QStringLiteral("ist0109/") },
        { QLatin1String(Code::SingleDestinationWeight), page(vs, "HTTPRouteDestination") },
        { QLatin1String(Code::DuplicateDestination), page(vs, "HTTPRouteDestination") },
        { QLatin1String(Code::SeveralVirtualServicesForHost), page(vs, "VirtualService") },
        { QLatin1String(Code::ShadowedRule), page(vs, "HTTPMatchRequest") },
        { QLatin1String(Code::NameDotNamespaceHost), page(vs, "Destination") },
        { QLatin1String(Code::UnusedDelegate), page(vs, "Delegate") },
        { QLatin1String(Code::DestinationRuleMultiMatch), page(dr, "") },
        { QLatin1String(Code::ShadowAnalysisLimited), page(vs, "HTTPMatchRequest") },
        { QLatin1String(Code::GatewayApiParentNotFound), gatewayApi + QStringLiteral("parentreference") },
        { QLatin1String(Code::GatewayApiNoMatchingListener), gatewayApi + QStringLiteral("parentreference") },
        { QLatin1String(Code::GatewayApiNotAllowedByListener), gatewayApi + QStringLiteral("allowedroutes") },
        { QLatin1String(Code::GatewayApiNoMatchingHostname), gatewayApi + QStringLiteral("httproutespec") },
        { QLatin1String(Code::GatewayApiBackendNotFound), gatewayApi + QStringLiteral("backendref") },
        { QLatin1String(Code::GatewayApiRefNotPermitted), gatewayApi + QStringLiteral("referencegrant") },
        { QLatin1String(Code::GatewayApiMergeOrderAmbiguous), gatewayApi + QStringLiteral("httprouterule") },
    };
}

} // namespace

QString DiagnosticDocs::url(const QString &code)
{
    static const QHash<QString, QString> own = ownCodes();
    if (code.startsWith(QLatin1String("IST")) && DiagnosticCodes::find(code))
        return analysis + code.toLower() + QLatin1Char('/');
    return own.value(code);
}

} // namespace meshroute
