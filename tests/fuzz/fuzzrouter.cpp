// Fuzz entry for the request parser and the matcher.
//
// Input: line 1 is the request line, line 2 the gateway ("" for a sidecar),
// every further line a header. The workspace is fixed and covers every
// matcher kind (exact/prefix/regex/presence, ignoreUriCase, withoutHeaders,
// queryParams, source filters, delegation, gateway merge).
#include "fuzztargets.h"

#include "loader.h"
#include "request.h"
#include "router.h"
#include "routetable.h"

#include <QList>

namespace meshroute::fuzz {

namespace {

const char kWorkspace[] = R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: a, namespace: default}
spec:
  hosts: [a.example.com, "*.b.example.com", reviews]
  gateways: [mesh, gw]
  http:
  - match:
    - uri: {regex: "/u/[0-9]+(/.*)?"}
      headers: {x-a: {regex: "(?i)yes|true"}, x-b: {}}
      queryParams: {q: {prefix: "x"}, p: {regex: "*"}}
    - uri: {prefix: /P}
      ignoreUriCase: true
      withoutHeaders: {x-c: {exact: "1"}, x-d: {}}
    - method: {regex: "GET|HEAD"}
      authority: {prefix: a.}
      scheme: {exact: https}
      sourceLabels: {app: x}
    route:
    - destination: {host: reviews, subset: v1}
      weight: 3
    - destination: {host: reviews, subset: v2}
      weight: 1
    rewrite: {uriRegexRewrite: {match: "^/u/(.*)$", rewrite: "/v/\\1"}}
  - match:
    - uri: {prefix: /d}
    delegate: {name: d}
  - route:
    - destination: {host: other}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: d, namespace: default}
spec:
  http:
  - match:
    - uri: {prefix: /d/x}
    redirect: {uri: /y, scheme: https}
  - route:
    - destination: {host: d}
)";

const Router &fixedRouter()
{
    LoadOptions options;
    options.threads = 1;
    static const Router r(RouteTable::compile(
        Loader::loadText(QByteArray(kWorkspace), QStringLiteral("fuzz.yaml"), options).workspace));
    return r;
}

} // namespace

QString router(const QByteArray &input)
{
    const QList<QByteArray> lines = input.split('\n');
    Request req;
    if (!req.setRequestLine(QString::fromUtf8(lines.value(0))))
        return {};
    req.setGateway(QString::fromUtf8(lines.value(1)));
    for (qsizetype i = 2; i < lines.size(); ++i)
        req.addHeaderLine(QString::fromUtf8(lines[i]));
    const RouteResult r = fixedRouter().route(req);
    // Shares of a routed request add up to 100 (or 0 when nothing is weighted).
    double total = 0;
    for (const RouteDestinationResult &d : r.destinations)
        total += d.share;
    if (!r.destinations.isEmpty() && total != 0 && (total < 99.999 || total > 100.001))
        return QStringLiteral("shares of %1 destinations add up to %2").arg(r.destinations.size()).arg(total);
    return {};
}

} // namespace meshroute::fuzz
