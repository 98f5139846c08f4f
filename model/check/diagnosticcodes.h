#pragma once

#include "diagnosticcodeinfo.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace meshroute {

// The single source of truth for the checker's codes: Istio's IST codes where
// istioctl has one, MR1xxx for the admission webhook's and the CRD's own
// rules (which istioctl lumps into IST0106/IST0133), MR2xxx for analysis
// Istio does not do. The loader's MR00xx codes are listed by the loader.
class DiagnosticCodes
{
public:
    static const QList<DiagnosticCodeInfo> &all();
    // nullptr for an unknown code
    static const DiagnosticCodeInfo *find(const QString &code);
    // The checks that report a code (AnalyzerRegistry), or ResourceReader for the loader's codes.
    static QStringList reportedBy(const QString &code);
    // A Markdown table (code | severity | title | explanation | reported by) for the README.
    static QString markdownTable();
    static QString markdownHeader();
    static QString markdownRow(const DiagnosticCodeInfo &code);
    // Fixed-width text, one code a line, for `meshroute check --list-codes`.
    static QString textTable();
    static QString textRow(const DiagnosticCodeInfo &code);
    // Whether an error with this code, the checker's or the loader's, is one the API server rejects.
    static bool rejectedByApiServer(const QString &code);
};

// The codes as constants, so a typo is a compile error and not a silent new code.
namespace Code {
inline constexpr const char Deprecated[] = "IST0002";
inline constexpr const char ReferencedResourceNotFound[] = "IST0101";
inline constexpr const char ConflictingMeshGatewayHosts[] = "IST0109";
inline constexpr const char DestinationPortRequired[] = "IST0112";
inline constexpr const char DeploymentAssociatedToMultipleServices[] = "IST0116";
inline constexpr const char PortNameNotUnderConvention[] = "IST0118";
inline constexpr const char NoServerCertificateVerification[] = "IST0128";
inline constexpr const char NoServerCertificateVerificationPort[] = "IST0129";
inline constexpr const char UnreachableRule[] = "IST0130";
inline constexpr const char IneffectiveMatch[] = "IST0131";
inline constexpr const char HostNotFoundInGateway[] = "IST0132";
inline constexpr const char DeploymentConflictingPorts[] = "IST0137";
inline constexpr const char GatewayDuplicateCertificate[] = "IST0138";
inline constexpr const char IngressRouteRulesNotAffected[] = "IST0140";
inline constexpr const char ConflictingGateways[] = "IST0145";
inline constexpr const char JwtClaimRoutingWithoutRequestAuthN[] = "IST0149";
inline constexpr const char ExternalNameInvalidPortName[] = "IST0150";
inline constexpr const char GatewayPortNotOnService[] = "IST0162";
inline constexpr const char ReferencedInternalGateway[] = "IST0165";
inline constexpr const char IneffectiveSelector[] = "IST0166";
inline constexpr const char SubsetSelectsNoPods[] = "IST0173";
inline constexpr const char UnknownDestinationRuleHost[] = "IST0174";
inline constexpr const char GatewayApiCrdVersionBelowMinimum[] = "IST0176";

inline constexpr const char InvalidHost[] = "MR1001";
inline constexpr const char DuplicateHost[] = "MR1002";
inline constexpr const char MeshWildcardHost[] = "MR1003";
inline constexpr const char NoRoutes[] = "MR1004";
inline constexpr const char InvalidGatewayReference[] = "MR1005";
inline constexpr const char LegacyGatewayReference[] = "MR1006";
inline constexpr const char DelegateConstraint[] = "MR1007";
inline constexpr const char RouteActionConflict[] = "MR1008";
inline constexpr const char InvalidWeight[] = "MR1009";
inline constexpr const char InvalidStringMatch[] = "MR1010";
inline constexpr const char InvalidRegex[] = "MR1011";
inline constexpr const char InvalidPort[] = "MR1012";
inline constexpr const char InvalidDuration[] = "MR1013";
inline constexpr const char InvalidPercentage[] = "MR1014";
inline constexpr const char InvalidStatusCode[] = "MR1015";
inline constexpr const char InvalidHeaderName[] = "MR1016";
inline constexpr const char InvalidHeaderValue[] = "MR1017";
inline constexpr const char InvalidSubsetName[] = "MR1018";
inline constexpr const char DuplicateSubset[] = "MR1019";
inline constexpr const char InvalidLabel[] = "MR1020";
inline constexpr const char InvalidExportTo[] = "MR1021";
inline constexpr const char MissingRequiredField[] = "MR1022";
inline constexpr const char InvalidRewrite[] = "MR1023";
inline constexpr const char InvalidRedirect[] = "MR1024";
inline constexpr const char InvalidFault[] = "MR1025";
inline constexpr const char InvalidRetry[] = "MR1026";
inline constexpr const char InvalidMirror[] = "MR1027";
inline constexpr const char InvalidCors[] = "MR1028";
inline constexpr const char InvalidL4Route[] = "MR1029";
inline constexpr const char InvalidGatewayServer[] = "MR1030";
inline constexpr const char InvalidGatewayTls[] = "MR1031";
inline constexpr const char GatewayTlsIgnored[] = "MR1032";
inline constexpr const char InvalidTrafficPolicy[] = "MR1033";
inline constexpr const char InvalidWorkloadSelector[] = "MR1034";
inline constexpr const char InvalidName[] = "MR1035";
inline constexpr const char JwtClaimOnMesh[] = "MR1036";
inline constexpr const char InvalidDirectResponse[] = "MR1037";
inline constexpr const char InvalidMatch[] = "MR1038";
inline constexpr const char InvalidAddress[] = "MR1039";

// The Gateway API CRDs' schema and CEL rules (gateway.networking.k8s.io).
inline constexpr const char GatewayApiInvalidPath[] = "MR1101";
inline constexpr const char GatewayApiInvalidFilter[] = "MR1102";
inline constexpr const char GatewayApiTooManyItems[] = "MR1103";
inline constexpr const char GatewayApiOutOfRange[] = "MR1104";
inline constexpr const char GatewayApiInvalidHostname[] = "MR1105";
inline constexpr const char GatewayApiInvalidHeaderName[] = "MR1106";
inline constexpr const char GatewayApiInvalidListener[] = "MR1107";
inline constexpr const char GatewayApiInvalidEnum[] = "MR1108";
inline constexpr const char GatewayApiInvalidTimeout[] = "MR1109";
inline constexpr const char GatewayApiInvalidReference[] = "MR1110";
inline constexpr const char GatewayApiMissingField[] = "MR1111";
inline constexpr const char GatewayApiInvalidGrpcMethod[] = "MR1112";
inline constexpr const char GatewayApiInvalidName[] = "MR1113";

inline constexpr const char SingleDestinationWeight[] = "MR2001";
inline constexpr const char DuplicateDestination[] = "MR2002";
inline constexpr const char SeveralVirtualServicesForHost[] = "MR2003";
inline constexpr const char ShadowedRule[] = "MR2004";
inline constexpr const char NameDotNamespaceHost[] = "MR2005";
inline constexpr const char UnusedDelegate[] = "MR2006";
inline constexpr const char DestinationRuleMultiMatch[] = "MR2007";
inline constexpr const char GatewayApiRegexNotRe2[] = "MR2011";
inline constexpr const char GatewayApiRuleNeverWins[] = "MR2012";
inline constexpr const char RouteAndVirtualServiceShareHost[] = "MR2013";
inline constexpr const char ShadowAnalysisLimited[] = "MR2020";
// Gateway API binding, as Istio's controller binds (ParentBinder, BackendResolver).
inline constexpr const char GatewayApiParentNotFound[] = "MR2040";
inline constexpr const char GatewayApiNoMatchingListener[] = "MR2041";
inline constexpr const char GatewayApiNotAllowedByListener[] = "MR2042";
inline constexpr const char GatewayApiNoMatchingHostname[] = "MR2043";
inline constexpr const char GatewayApiBackendNotFound[] = "MR2044";
inline constexpr const char GatewayApiRefNotPermitted[] = "MR2045";
inline constexpr const char GatewayApiMergeOrderAmbiguous[] = "MR2046";
} // namespace Code

} // namespace meshroute
