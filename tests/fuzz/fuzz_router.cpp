// libFuzzer target for the request parser and the matcher. Not part of the
// default build (it needs clang's -fsanitize=fuzzer). Build by hand, e.g.:
//
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -DQT_NO_KEYWORDS \
//     -I model $(pkg-config --cflags Qt6Core re2 yaml-cpp) tests/fuzz/fuzz_router.cpp \
//     model/*.cpp $(pkg-config --libs Qt6Core Qt6Concurrent re2 yaml-cpp) -o fuzz_router
//   ./fuzz_router -max_total_time=60
//
// Input: line 1 is the request line, line 2 the gateway ("" for a sidecar),
// every further line a header. The workspace is fixed and covers every
// matcher kind (exact/prefix/regex/presence, ignoreUriCase, withoutHeaders,
// queryParams, source filters, delegation, gateway merge).
#include "loader.h"
#include "request.h"
#include "router.h"

#include <QByteArray>
#include <QList>
#include <cstddef>
#include <cstdint>

using namespace meshroute;

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

const Router &router()
{
    static const Router r(
        RouteTable::compile(Loader::loadText(QByteArray(kWorkspace), QStringLiteral("fuzz.yaml")).workspace));
    return r;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QList<QByteArray> lines
        = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)).split('\n');
    Request req;
    if (!req.setRequestLine(QString::fromUtf8(lines.value(0))))
        return 0;
    req.setGateway(QString::fromUtf8(lines.value(1)));
    for (qsizetype i = 2; i < lines.size(); ++i)
        req.addHeaderLine(QString::fromUtf8(lines[i]));
    const RouteResult r = router().route(req);
    // Shares of a routed request add up to 100 (or 0 when nothing is weighted).
    double total = 0;
    for (const RouteDestinationResult &d : r.destinations)
        total += d.share;
    if (!r.destinations.isEmpty() && (total < 99.999 || total > 100.001) && total != 0)
        __builtin_trap();
    return 0;
}
