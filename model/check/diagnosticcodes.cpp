#include "diagnosticcodes.h"

#include "analyzerregistry.h"

#include "resourcereader.h"

#include <QHash>

namespace meshroute {

namespace {

using S = Diagnostic::Severity;

// The code table, one row per code: a flat table (scripts/sizes does not measure it).
QList<DiagnosticCodeInfo> makeTable()
{
    const auto row = [](const char *code, S severity, const char *title, const char *explanation) {
        return DiagnosticCodeInfo { QString::fromLatin1(code), severity, QString::fromLatin1(title),
            QString::fromUtf8(explanation) };
    };
    QList<DiagnosticCodeInfo> table = {
        // Istio's analyzer codes (istioctl analyze), same meaning.
        row(Code::Deprecated, S::Warning, "Deprecated",
            "A deprecated field is used (mirrorPercent, fault.delay.percent, corsPolicy.allowOrigin)."),
        row(Code::ReferencedResourceNotFound, S::Error, "ReferencedResourceNotFound",
            "A destination or mirror host, host:port, subset, gateway or delegate is not defined; info only "
            "when "
            "it would live in files that were not opened."),
        row(Code::ConflictingMeshGatewayHosts, S::Error, "ConflictingMeshGatewayVirtualServiceHosts",
            "Several mesh-bound VirtualServices visible in one namespace claim the same host; sidecars use "
            "only one."),
        row(Code::DestinationPortRequired, S::Error, "VirtualServiceDestinationPortSelectorRequired",
            "A destination has no port while its service exposes several."),
        row(Code::DeploymentAssociatedToMultipleServices, S::Warning,
            "DeploymentAssociatedToMultipleServices",
            "Services selecting one mesh Deployment offer one port with different protocols (TCP, UDP)."),
        row(Code::PortNameNotUnderConvention, S::Info, "PortNameIsNotUnderNamingConvention",
            "A Service port has neither a protocol-prefixed name (http-, grpc-, ...) nor appProtocol."),
        row(Code::NoServerCertificateVerification, S::Warning,
            "NoServerCertificateVerificationDestinationLevel",
            "DestinationRule TLS SIMPLE/MUTUAL without caCertificates: the server's identity is not "
            "verified."),
        row(Code::NoServerCertificateVerificationPort, S::Warning, "NoServerCertificateVerificationPortLevel",
            "The same for one port: a portLevelSettings TLS SIMPLE/MUTUAL without caCertificates."),
        row(Code::UnreachableRule, S::Warning, "VirtualServiceUnreachableRule",
            "A rule can never match: it follows a rule without match, or all its matches repeat earlier "
            "ones."),
        row(Code::IneffectiveMatch, S::Info, "VirtualServiceIneffectiveMatch",
            "One match of a rule is a duplicate of, or covered by, an earlier match."),
        row(Code::HostNotFoundInGateway, S::Warning, "VirtualServiceHostNotFoundInGateway",
            "None of the VirtualService's hosts is served by a Gateway it binds to (404 at the gateway)."),
        row(Code::DeploymentConflictingPorts, S::Warning, "DeploymentConflictingPorts",
            "Services selecting one mesh Deployment reach the same targetPort through different ports."),
        row(Code::GatewayDuplicateCertificate, S::Warning, "GatewayDuplicateCertificate",
            "The same credentialName on Gateways sharing pods: HTTP/2 connection reuse gives 404s."),
        row(Code::IngressRouteRulesNotAffected, S::Warning, "IngressRouteRulesNotAffected",
            "A gateway-bound VirtualService routes to a host whose subsets a mesh VirtualService splits; "
            "the mesh rules do not apply to ingress traffic."),
        row(Code::ConflictingGateways, S::Error, "ConflictingGateways",
            "Gateways on the same workloads declare the same host (as written) on the same port number and "
            "bind, whatever the protocol."),
        row(Code::JwtClaimRoutingWithoutRequestAuthN, S::Error, "JwtClaimBasedRoutingWithoutRequestAuthN",
            "JWT claim routing without a RequestAuthentication for the gateway; info when none was opened."),
        row(Code::ExternalNameInvalidPortName, S::Warning, "ExternalNameServiceTypeInvalidPortName",
            "A port of an ExternalName Service is named `tcp` or for no protocol: TCP traffic to it may not "
            "be forwarded."),
        row(Code::GatewayPortNotOnService, S::Warning, "GatewayPortNotDefinedOnService",
            "A Gateway server port is not exposed by the Service in front of the gateway pods."),
        row(Code::ReferencedInternalGateway, S::Warning, "ReferencedInternalGateway",
            "A VirtualService binds to a Gateway that Istio generates internally (Gateway API)."),
        row(Code::IneffectiveSelector, S::Warning, "IneffectiveSelector",
            "An AuthorizationPolicy, RequestAuthentication, Telemetry or WasmPlugin selects the pods of a "
            "Gateway API gateway (opened pods labelled with its name, or those istiod deploys for an opened "
            "Gateway of class istio) with spec.selector and no targetRefs: Istio ignores the selector "
            "there."),
        row(Code::SubsetSelectsNoPods, S::Error, "DestinationRuleSubsetNotSelectPods",
            "A subset's labels merged with the service selector match no opened workload (503 UH), "
            "whether or not a route uses it yet; info when no workload of the service was opened."),
        row(Code::UnknownDestinationRuleHost, S::Warning, "UnknownDestinationRuleHost",
            "A DestinationRule's host matches no Service or ServiceEntry; info when it would live in files "
            "that "
            "were not opened."),
        row(Code::GatewayApiCrdVersionBelowMinimum, S::Warning, "GatewayAPICRDVersionBelowMinimum",
            "A Gateway API CRD's bundle-version annotation is below what Istio requires (GRPCRoute 1.1, "
            "BackendTLSPolicy 1.4, TLSRoute 1.5, TCPRoute 1.6): istiod ignores its resources."),
    };
    // The admission webhook's and the CRD schema's rules: istioctl reports them as IST0106/IST0133, and
    // the API server refuses an object with one of these errors, so export refuses to write it.
    QList<DiagnosticCodeInfo> rejected = {
        row(Code::InvalidHost, S::Error, "InvalidHost",
            "A host name is not a valid (wildcard) DNS name or IP."),
        row(Code::DuplicateHost, S::Error, "DuplicateHost",
            "Two hosts of one VirtualService are equal or overlap."),
        row(Code::MeshWildcardHost, S::Error, "MeshWildcardHost",
            "Host `*` in a VirtualService bound to the mesh."),
        row(Code::NoRoutes, S::Error, "NoRoutes", "A VirtualService has none of http, tcp and tls."),
        row(Code::InvalidGatewayReference, S::Error, "InvalidGatewayReference",
            "A gateway reference is not `namespace/name` with DNS-1123 labels."),
        row(Code::LegacyGatewayReference, S::Warning, "LegacyGatewayReference",
            "A gateway is referenced by a dotted name; use `namespace/name`."),
        row(Code::DelegateConstraint, S::Error, "DelegateConstraint",
            "Delegation rules: a delegate VirtualService (no hosts) has no gateways/tcp/tls and delegates no "
            "further."),
        row(Code::RouteActionConflict, S::Error, "RouteActionConflict",
            "An HTTP rule mixes route, redirect, directResponse and delegate, or has none of them."),
        row(Code::InvalidWeight, S::Error, "InvalidWeight",
            "A negative weight, or several destinations whose weights add up to 0."),
        row(Code::InvalidStringMatch, S::Error, "InvalidStringMatch",
            "A StringMatch sets more than one of exact/prefix/regex, an empty prefix or an empty regex."),
        row(Code::InvalidRegex, S::Error, "InvalidRegex",
            "A regex is longer than 1024 characters or is not RE2 (look-around, back-references)."),
        row(Code::InvalidPort, S::Error, "InvalidPort", "A port number is outside 1..65535."),
        row(Code::InvalidDuration, S::Error, "InvalidDuration",
            "A duration is not Go syntax (5s, 100ms, 1h30m), is below 1ms or is finer than 1ms."),
        row(Code::InvalidPercentage, S::Error, "InvalidPercentage", "A percentage is outside 0..100."),
        row(Code::InvalidStatusCode, S::Error, "InvalidStatusCode",
            "An HTTP status is out of range (abort and directResponse 200..600, redirect 300..399)."),
        row(Code::InvalidHeaderName, S::Error, "InvalidHeaderName",
            "A header name is empty, has characters outside the HTTP token set, or is a pseudo-header that "
            "may "
            "not be used there."),
        row(Code::InvalidHeaderValue, S::Error, "InvalidHeaderValue",
            "A header value has control characters or a malformed %VARIABLE%."),
        row(Code::InvalidSubsetName, S::Error, "InvalidSubsetName", "A subset name is not a DNS-1123 label."),
        row(Code::DuplicateSubset, S::Error, "DuplicateSubset",
            "Two subsets of one DestinationRule share a name."),
        row(Code::InvalidLabel, S::Error, "InvalidLabel", "A label key or value is not Kubernetes syntax."),
        row(Code::InvalidExportTo, S::Error, "InvalidExportTo",
            "exportTo has an invalid or duplicate namespace, or `*` together with others."),
        row(Code::MissingRequiredField, S::Error, "MissingRequiredField",
            "A field the CRD requires is missing (destination, host, tls match, status, port, ...)."),
        row(Code::InvalidRewrite, S::Error, "InvalidRewrite",
            "rewrite sets both uri and uriRegexRewrite, nothing, or an incomplete regex rewrite."),
        row(Code::InvalidRedirect, S::Error, "InvalidRedirect",
            "redirect sets both uri and prefixRewrite, nothing, prefixRewrite on a non-prefix match, or a "
            "scheme other than http and https."),
        row(Code::InvalidFault, S::Error, "InvalidFault",
            "fault without delay or abort, a delay without fixedDelay, an abort without a supported type."),
        row(Code::InvalidRetry, S::Error, "InvalidRetry",
            "retries with negative attempts, unknown retryOn policies, or settings with attempts 0."),
        row(Code::InvalidMirror, S::Error, "InvalidMirror",
            "mirror and mirrors together, or a mirror without target."),
        row(Code::InvalidCors, S::Error, "InvalidCors",
            "corsPolicy with an empty origin, unknown method, invalid header name or sub-second maxAge."),
        row(Code::InvalidL4Route, S::Error, "InvalidL4Route",
            "A tcp/tls rule without route, a tls rule without match or sniHosts, or an SNI host outside the "
            "VirtualService hosts."),
        row(Code::InvalidGatewayServer, S::Error, "InvalidGatewayServer",
            "A Gateway server with no hosts, a bad host form, an unknown protocol, a duplicate port name or "
            "targetPort."),
        row(Code::InvalidGatewayTls, S::Error, "InvalidGatewayTls",
            "HTTPS/TLS server without tls, certificates missing or not allowed for the TLS mode."),
        row(Code::GatewayTlsIgnored, S::Warning, "GatewayTlsIgnored",
            "TLS settings that have no effect (certificates with PASSTHROUGH, no mode, httpsRedirect off "
            "HTTP)."),
        row(Code::InvalidTrafficPolicy, S::Error, "InvalidTrafficPolicy",
            "An empty trafficPolicy, tunnel with proxyProtocol, or MUTUAL TLS without client certificate."),
        row(Code::InvalidWorkloadSelector, S::Error, "InvalidWorkloadSelector",
            "A DestinationRule workloadSelector with `*` or an empty key, or exported beyond its namespace."),
        row(Code::InvalidName, S::Error, "InvalidName",
            "metadata.name is missing or not a DNS-1123 name (a label for Gateways)."),
        row(Code::JwtClaimOnMesh, S::Error, "JwtClaimOnMesh",
            "JWT claim header matches in a VirtualService that applies to sidecars."),
        row(Code::InvalidDirectResponse, S::Error, "InvalidDirectResponse",
            "directResponse body larger than 1 MB (warning above 100 KB)."),
        row(Code::InvalidMatch, S::Error, "InvalidMatch",
            "A match sets an invalid sourceNamespace or other malformed condition."),
        row(Code::InvalidAddress, S::Error, "InvalidAddress",
            "A destinationSubnet is not an IP or CIDR, or a server bind is not an IP or unix:// path."),
        // The Gateway API CRDs (openAPIV3Schema and x-kubernetes-validations CEL rules).
        row(Code::GatewayApiInvalidPath, S::Error, "GatewayApiInvalidPath",
            "An Exact or PathPrefix path does not start with '/', contains '//', '/./', '/../', '%2f', '#' "
            "or a character outside the CRD's set, or ends in '/.' or '/..'."),
        row(Code::GatewayApiInvalidFilter, S::Error, "GatewayApiInvalidFilter",
            "A filter whose member does not match its type, a filter repeated in one rule, RequestRedirect "
            "with URLRewrite or with backendRefs, ReplacePrefixMatch without exactly one PathPrefix match, "
            "a path modifier without its value, a mirror with both percent and fraction."),
        row(Code::GatewayApiTooManyItems, S::Error, "GatewayApiTooManyItems",
            "More items than the CRD's maxItems (16 rules, 64 matches, 16 backendRefs, 16 filters, 16 "
            "hostnames, 32 parentRefs, 64 listeners, ...), 128 matches in a route, or fewer than minItems."),
        row(Code::GatewayApiOutOfRange, S::Error, "GatewayApiOutOfRange",
            "A number outside the CRD's range: weight 0..1000000, port 1..65535, redirect status 301, 302, "
            "303, 307 or 308, mirror percent 0..100, fraction numerator above its denominator."),
        row(Code::GatewayApiInvalidHostname, S::Error, "GatewayApiInvalidHostname",
            "A hostname that is not a lower-case DNS name (with an optional leading `*.`), or a wildcard, IP "
            "or upper case where the CRD takes a precise name."),
        row(Code::GatewayApiInvalidHeaderName, S::Error, "GatewayApiInvalidHeaderName",
            "A header or query parameter name outside the HTTP token characters, or a name repeated in one "
            "list keyed by name."),
        row(Code::GatewayApiInvalidListener, S::Error, "GatewayApiInvalidListener",
            "Listener names or (port, protocol, hostname) not unique, tls on HTTP/TCP/UDP, TLS without a "
            "mode, HTTPS not Terminate, Terminate without certificateRefs or options, a hostname on "
            "TCP/UDP."),
        row(Code::GatewayApiInvalidEnum, S::Error, "GatewayApiInvalidEnum",
            "A value outside the CRD's enum (path, header and query match type, method, filter type, scheme, "
            "TLS mode, namespaces.from, path modifier type, protocol form)."),
        row(Code::GatewayApiInvalidTimeout, S::Error, "GatewayApiInvalidTimeout",
            "A timeout that is not 1 to 4 groups of up to 5 digits with h, m, s or ms, or a backendRequest "
            "timeout longer than the request timeout."),
        row(Code::GatewayApiInvalidReference, S::Error, "GatewayApiInvalidReference",
            "A parent, backend, certificate or ReferenceGrant reference with a bad group, kind or namespace, "
            "a Service backend without port, or two parentRefs to one parent without distinct sectionNames."),
        row(Code::GatewayApiMissingField, S::Error, "GatewayApiMissingField",
            "A field the Gateway API CRD requires is missing (a reference's name, a filter's type, a "
            "listener's port, gatewayClassName, a ReferenceGrant's from and to, ...)."),
        row(Code::GatewayApiInvalidGrpcMethod, S::Error, "GatewayApiInvalidGrpcMethod",
            "A GRPCRoute method match with neither service nor method, or an Exact service or method "
            "with characters a protobuf name cannot have."),
        row(Code::GatewayApiInvalidName, S::Error, "GatewayApiInvalidName",
            "A rule name, listener name or sectionName that is not a DNS-1123 subdomain, or a GatewayClass "
            "controllerName that is not a domain-prefixed path."),
    };
    for (DiagnosticCodeInfo &c : rejected)
        c.rejectedByApiServer = true;
    table += rejected;
    table += {
        // meshroute's own analysis.
        row(Code::SingleDestinationWeight, S::Warning, "SingleDestinationWeight",
            "A lone destination has a weight below 100; it receives all traffic anyway (Kiali KIA1104)."),
        row(Code::DuplicateDestination, S::Warning, "DuplicateDestination",
            "The same host, subset and port appear twice in one route (Kiali KIA1105)."),
        row(Code::SeveralVirtualServicesForHost, S::Info, "SeveralVirtualServicesForHost",
            "Several VirtualServices bound to one Gateway share a host; their rules are merged in creation "
            "order "
            "(Kiali KIA1106)."),
        row(Code::ShadowedRule, S::Warning, "ShadowedRule",
            "Every match of a rule is covered by earlier matches (prefix under prefix, exact or regex under "
            "prefix, weaker other conditions): the rule is never used."),
        row(Code::NameDotNamespaceHost, S::Info, "NameDotNamespaceHost",
            "A host written `name.namespace`; Istio does not expand it to the service's FQDN."),
        row(Code::UnusedDelegate, S::Warning, "UnusedDelegate",
            "A VirtualService without hosts (a delegate) that no opened VirtualService delegates to: its "
            "rules are never used."),
        row(Code::DestinationRuleMultiMatch, S::Warning, "DestinationRuleMultiMatch",
            "Two DestinationRules for the same host define the same subset, or one has no subsets; istiod "
            "keeps one definition (Kiali KIA0201)."),
        row(Code::GatewayApiRegexNotRe2, S::Warning, "GatewayApiRegexNotRe2",
            "A RegularExpression match of an HTTPRoute or GRPCRoute that RE2 does not compile: the API "
            "server "
            "accepts it, Envoy rejects the route and it silently matches nothing (istio/istio#49993)."),
        row(Code::GatewayApiRuleNeverWins, S::Warning, "GatewayApiRuleNeverWins",
            "A match of an HTTPRoute or GRPCRoute that never wins for its parent and host under Istio's "
            "order "
            "(an exact or longer prefix first, a catch-all ends the list, or an identical earlier match)."),
        row(Code::RouteAndVirtualServiceShareHost, S::Warning, "RouteAndVirtualServiceShareHost",
            "An HTTPRoute and a VirtualService route the same host for the same proxies: sidecars use only "
            "one, the older; undefined when the files carry no creationTimestamp."),
        row(Code::ShadowAnalysisLimited, S::Info, "ShadowAnalysisLimited",
            "The shadowed-rule analysis of a VirtualService stopped at its bound of compared match pairs; "
            "says how many matches were not compared."),
        row(Code::GatewayApiParentNotFound, S::Warning, "GatewayApiParentNotFound",
            "A Gateway API route's parentRef names a Gateway, Service or ServiceEntry that is not in the "
            "workspace: the route attaches nowhere there (status NoMatchingParent)."),
        row(Code::GatewayApiNoMatchingListener, S::Warning, "GatewayApiNoMatchingListener",
            "A parentRef's sectionName or port names no listener of the Gateway (status NoMatchingParent)."),
        row(Code::GatewayApiNotAllowedByListener, S::Warning, "GatewayApiNotAllowedByListener",
            "The listeners a parentRef names do not allow routes of the route's namespace or kind "
            "(allowedRoutes; status NotAllowedByListeners)."),
        row(Code::GatewayApiNoMatchingHostname, S::Warning, "GatewayApiNoMatchingHostname",
            "No hostname of the route intersects the hostname of a listener it names (status "
            "NoMatchingListenerHostname)."),
        row(Code::GatewayApiBackendNotFound, S::Warning, "GatewayApiBackendNotFound",
            "A backendRef names a Service or port that is not in the workspace, or a kind Istio does not "
            "take: Istio answers its share of the requests with 500 (ResolvedRefs BackendNotFound). On a "
            "RequestMirror's backendRef: Istio drops the mirror (a missing port keeps it, copying to no "
            "cluster)."),
        row(Code::GatewayApiRefNotPermitted, S::Warning, "GatewayApiRefNotPermitted",
            "A backendRef of a route with a Gateway parent names another namespace and no ReferenceGrant "
            "there permits it: Istio answers its share of the requests with 500 (RefNotPermitted), or drops "
            "the RequestMirror that names it."),
        row(Code::GatewayApiMergeOrderAmbiguous, S::Info, "GatewayApiMergeOrderAmbiguous",
            "Routes merged on one listener or Service and host are ordered by creationTimestamp, which the "
            "files do not carry: Istio then orders them by namespace/name, and the cluster may differ."),
    };
    return table;
}

} // namespace

const QList<DiagnosticCodeInfo> &DiagnosticCodes::all()
{
    static const QList<DiagnosticCodeInfo> table = makeTable();
    return table;
}

const DiagnosticCodeInfo *DiagnosticCodes::find(const QString &code)
{
    static const QHash<QString, int> index = [] {
        QHash<QString, int> h;
        const QList<DiagnosticCodeInfo> &t = all();
        for (int i = 0; i < t.size(); ++i)
            h.insert(t[i].code, i);
        return h;
    }();
    const auto it = index.constFind(code);
    return it == index.cend() ? nullptr : &all()[*it];
}

QStringList DiagnosticCodes::reportedBy(const QString &code)
{
    for (const DiagnosticCodeInfo &c : ResourceReader::codes())
        if (c.code == code)
            return { QStringLiteral("ResourceReader") };
    return AnalyzerRegistry::reporting(code);
}

QString DiagnosticCodes::markdownHeader()
{
    return QStringLiteral(
        "| code | severity | title | what triggers it | reported by |\n|---|---|---|---|---|\n");
}

QString DiagnosticCodes::markdownRow(const DiagnosticCodeInfo &c)
{
    return QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
        .arg(c.code, Diagnostic::severityName(c.severity), c.title,
            QString(c.explanation).replace(QLatin1Char('|'), QLatin1String("\\|")),
            reportedBy(c.code).join(QLatin1String(", ")));
}

QString DiagnosticCodes::textRow(const DiagnosticCodeInfo &c)
{
    return QStringLiteral("%1  %2  %3: %4 (%5)\n")
        .arg(c.code, Diagnostic::severityName(c.severity).leftJustified(7), c.title, c.explanation,
            reportedBy(c.code).join(QLatin1String(", ")));
}

QString DiagnosticCodes::markdownTable()
{
    QString out = markdownHeader();
    for (const DiagnosticCodeInfo &c : all())
        out += markdownRow(c);
    return out;
}

QString DiagnosticCodes::textTable()
{
    QString out;
    for (const DiagnosticCodeInfo &c : all())
        out += textRow(c);
    return out;
}

bool DiagnosticCodes::rejectedByApiServer(const QString &code)
{
    if (const DiagnosticCodeInfo *c = find(code))
        return c->rejectedByApiServer;
    for (const DiagnosticCodeInfo &c : ResourceReader::codes())
        if (c.code == code)
            return c.rejectedByApiServer;
    return false;
}

} // namespace meshroute
