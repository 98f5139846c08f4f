#include "fieldhelp.h"

#include <QHash>

namespace meshroute {

// One entry per field: a flat table (scripts/sizes does not measure it).
QString FieldHelp::toolTip(const QString &key)
{
    static const QHash<QString, QString> help = {
        { QStringLiteral("apiVersion"),
            QStringLiteral(
                "API group and version; networking.istio.io v1, v1beta1 and v1alpha3 share one schema.") },
        { QStringLiteral("kind"),
            QStringLiteral(
                "The type of object: VirtualService, DestinationRule, Gateway, Service, Deployment...") },
        { QStringLiteral("metadata"),
            QStringLiteral("Name, namespace, labels and annotations of the object.") },
        { QStringLiteral("name"),
            QStringLiteral("The object's name (or a rule's, a subset's, a port's name).") },
        { QStringLiteral("namespace"),
            QStringLiteral("Namespace of the object; short host names resolve in it. Default: default.") },
        { QStringLiteral("hosts"),
            QStringLiteral("Hosts the rules apply to: DNS names, *.wildcards or short names expanded in this "
                           "namespace.") },
        { QStringLiteral("gateways"),
            QStringLiteral("Gateways (ns/name) that apply these rules; `mesh` means the sidecars. Empty "
                           "means mesh only.") },
        { QStringLiteral("http"),
            QStringLiteral("Ordered HTTP rules: the first rule that matches a request wins.") },
        { QStringLiteral("tls"),
            QStringLiteral("Rules for non-terminated TLS, routed by SNI (or a DestinationRule's client TLS "
                           "settings).") },
        { QStringLiteral("tcp"), QStringLiteral("Rules for opaque TCP traffic.") },
        { QStringLiteral("exportTo"),
            QStringLiteral("Namespaces that can see this object: `.` its own, `*` all (the default).") },
        { QStringLiteral("match"),
            QStringLiteral("Conditions of a rule: any entry may match (OR); everything inside one entry must "
                           "(AND). None: every request.") },
        { QStringLiteral("uri"),
            QStringLiteral("Match on the request path: exact, prefix (plain characters, not segments) or "
                           "regex (RE2, whole path).") },
        { QStringLiteral("exact"),
            QStringLiteral("The value must equal this string exactly (case-sensitive).") },
        { QStringLiteral("prefix"),
            QStringLiteral("The value must start with this string; /api also matches /api-docs.") },
        { QStringLiteral("regex"),
            QStringLiteral("RE2 regular expression that must match the whole value; (?i) for any case.") },
        { QStringLiteral("ignoreUriCase"),
            QStringLiteral("Compare exact and prefix uri matches case-insensitively (never regex).") },
        { QStringLiteral("method"), QStringLiteral("Match on the HTTP method (:method).") },
        { QStringLiteral("authority"),
            QStringLiteral("Match on the Host / :authority header. (In a rewrite: the new Host.)") },
        { QStringLiteral("scheme"),
            QStringLiteral("Match on the URI scheme (:scheme). (In a redirect: the new scheme.)") },
        { QStringLiteral("headers"),
            QStringLiteral("Header matches (lowercase keys; {} means present), or header operations on "
                           "requests and responses.") },
        { QStringLiteral("withoutHeaders"),
            QStringLiteral("The rule does not match when these headers match.") },
        { QStringLiteral("queryParams"),
            QStringLiteral("Match on query parameters (exact, prefix or regex; {} means present).") },
        { QStringLiteral("sourceLabels"),
            QStringLiteral("Only for clients whose workload has these labels (decided at config time).") },
        { QStringLiteral("sourceNamespace"),
            QStringLiteral("Only for clients in this namespace (decided at config time).") },
        { QStringLiteral("statPrefix"), QStringLiteral("Envoy stat prefix for this match.") },
        { QStringLiteral("route"),
            QStringLiteral(
                "Where matching requests go: weighted destinations; share = weight / sum of weights.") },
        { QStringLiteral("destination"),
            QStringLiteral("A registry service (host), optionally one of its subsets and a port.") },
        { QStringLiteral("host"),
            QStringLiteral("A Service or ServiceEntry host; short names expand to "
                           "name.<namespace>.svc.cluster.local.") },
        { QStringLiteral("subset"),
            QStringLiteral(
                "A subset defined by a DestinationRule for the host; undefined subsets give 503 NC.") },
        { QStringLiteral("port"),
            QStringLiteral(
                "A port: the destination's port (number), a match's listener port, or a server's port.") },
        { QStringLiteral("number"), QStringLiteral("Port number, 1 to 65535.") },
        { QStringLiteral("weight"),
            QStringLiteral("Relative share of the rule's traffic; omitted or 0 gets nothing when there are "
                           "several destinations.") },
        { QStringLiteral("redirect"), QStringLiteral("Answer with a 3xx redirect instead of forwarding.") },
        { QStringLiteral("directResponse"),
            QStringLiteral("Answer with a fixed status and body instead of forwarding.") },
        { QStringLiteral("delegate"),
            QStringLiteral("Hand this rule to another VirtualService (root VirtualServices only).") },
        { QStringLiteral("rewrite"),
            QStringLiteral(
                "Rewrite the path (matched prefix or whole path) or the Host before forwarding.") },
        { QStringLiteral("uriRegexRewrite"),
            QStringLiteral("Rewrite the path with an RE2 match and a replacement using \\1 references.") },
        { QStringLiteral("timeout"),
            QStringLiteral("Timeout of the whole request, e.g. \"5s\"; default none.") },
        { QStringLiteral("retries"),
            QStringLiteral("Retry policy; absent means the mesh default of 2 attempts.") },
        { QStringLiteral("attempts"),
            QStringLiteral("Number of retries (total tries = 1 + attempts); 0 disables retries.") },
        { QStringLiteral("perTryTimeout"),
            QStringLiteral("Timeout of each try, e.g. \"2s\" (at least 1ms).") },
        { QStringLiteral("retryOn"),
            QStringLiteral(
                "Comma list of conditions that trigger a retry: 5xx, gateway-error, connect-failure...") },
        { QStringLiteral("fault"), QStringLiteral("Inject delays or aborts into a share of the requests.") },
        { QStringLiteral("delay"), QStringLiteral("Delay a share of the requests by fixedDelay.") },
        { QStringLiteral("abort"),
            QStringLiteral("Fail a share of the requests with an HTTP status or gRPC code.") },
        { QStringLiteral("fixedDelay"), QStringLiteral("How long to delay, e.g. \"5s\".") },
        { QStringLiteral("httpStatus"), QStringLiteral("HTTP status of an injected abort (200 to 600).") },
        { QStringLiteral("percentage"), QStringLiteral("Share of requests affected, {value: 0..100}.") },
        { QStringLiteral("mirror"),
            QStringLiteral("Send a copy of the traffic to this destination (responses ignored).") },
        { QStringLiteral("mirrors"),
            QStringLiteral("Several mirror destinations, each with its own percentage.") },
        { QStringLiteral("mirrorPercentage"),
            QStringLiteral("Share of traffic mirrored; absent means 100%.") },
        { QStringLiteral("corsPolicy"), QStringLiteral("Cross-origin resource sharing policy of the rule.") },
        { QStringLiteral("set"), QStringLiteral("Headers to overwrite.") },
        { QStringLiteral("add"), QStringLiteral("Headers to append.") },
        { QStringLiteral("remove"), QStringLiteral("Headers to remove.") },
        { QStringLiteral("request"), QStringLiteral("Header operations on the request, before forwarding.") },
        { QStringLiteral("response"),
            QStringLiteral("Header operations on the response, before returning it.") },
        { QStringLiteral("subsets"),
            QStringLiteral(
                "Named groups of the host's pods, picked by labels on top of the service's selector.") },
        { QStringLiteral("labels"),
            QStringLiteral("Labels: a subset's selection of pods, or the object's own labels.") },
        { QStringLiteral("trafficPolicy"),
            QStringLiteral(
                "Load balancing, connection pool, outlier detection and TLS for the host or subset.") },
        { QStringLiteral("loadBalancer"),
            QStringLiteral("How endpoints are picked: simple (ROUND_ROBIN, LEAST_REQUEST, RANDOM...) or "
                           "consistentHash.") },
        { QStringLiteral("connectionPool"),
            QStringLiteral("Limits on connections and requests to the host.") },
        { QStringLiteral("outlierDetection"), QStringLiteral("Ejects endpoints that keep failing.") },
        { QStringLiteral("workloadSelector"),
            QStringLiteral("Only the workloads with these labels apply this object.") },
        { QStringLiteral("selector"),
            QStringLiteral("Labels of the pods this selects (a Service's pods, a Gateway's gateway pods).") },
        { QStringLiteral("servers"),
            QStringLiteral("What the gateway listens on: port, protocol, hosts and TLS.") },
        { QStringLiteral("protocol"), QStringLiteral("HTTP, HTTPS, GRPC, HTTP2, MONGO, TCP or TLS.") },
        { QStringLiteral("credentialName"),
            QStringLiteral("Kubernetes secret holding the server's certificate and key.") },
        { QStringLiteral("mode"),
            QStringLiteral("TLS mode: SIMPLE, MUTUAL, PASSTHROUGH, ISTIO_MUTUAL... (a gateway TLS block "
                           "without mode is PASSTHROUGH).") },
        { QStringLiteral("httpsRedirect"), QStringLiteral("Answer plain HTTP with a 301 to HTTPS.") },
        { QStringLiteral("sniHosts"),
            QStringLiteral(
                "SNI names a TLS rule matches; each must fall inside the VirtualService's hosts.") },
        { QStringLiteral("replicas"), QStringLiteral("Number of pods the workload runs (default 1).") },
        { QStringLiteral("template"),
            QStringLiteral(
                "The pod template: its labels decide which Services and subsets select the pods.") },
        { QStringLiteral("ports"),
            QStringLiteral("Ports of the Service; name them http-*, grpc-*... (or set appProtocol) so Istio "
                           "treats them as HTTP.") },
        { QStringLiteral("targetPort"), QStringLiteral("The container port the Service forwards to.") },
        { QStringLiteral("appProtocol"),
            QStringLiteral("The application protocol of a Service port (http, grpc, tcp...).") },
    };
    return help.value(key);
}

} // namespace meshroute
