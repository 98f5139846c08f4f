#pragma once

// Generators for the inputs that once took minutes (issue 11, item 11):
// Gateways sharing one selector, one VirtualService with very many hosts or
// regex rules, and many VirtualServices claiming one host. Deterministic, so
// figures compare from run to run.

#include <QByteArray>

namespace meshroute::bench {

// `count` Gateways in one namespace with the same selector, each serving one
// host on port 80, and one VirtualService bound to each.
inline QByteArray gatewaysSharingSelector(int count)
{
    QByteArray out;
    for (int i = 0; i < count; ++i) {
        const QByteArray n = QByteArray::number(i);
        out += "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: gw-" + n
            + "\n  namespace: istio-system\nspec:\n  selector:\n    istio: ingressgateway\n  servers:\n"
              "  - port:\n      number: 80\n      name: http\n      protocol: HTTP\n    hosts:\n    - h"
            + n + ".example.com\n---\n";
        out += "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: vs-" + n
            + "\n  namespace: istio-system\nspec:\n  hosts:\n  - h" + n + ".example.com\n  gateways:\n  - gw-"
            + n + "\n  http:\n  - route:\n    - destination:\n        host: svc-" + n
            + ".default.svc.cluster.local\n---\n";
    }
    return out;
}

// One VirtualService with `count` hosts and one route.
inline QByteArray virtualServiceWithHosts(int count)
{
    QByteArray out
        = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: many-hosts\n"
          "  namespace: default\nspec:\n  hosts:\n";
    for (int i = 0; i < count; ++i)
        out += "  - h" + QByteArray::number(i) + ".example.com\n";
    out += "  http:\n  - route:\n    - destination:\n        host: backend.default.svc.cluster.local\n";
    return out;
}

// One VirtualService with `count` rules, each matching one URI regex; every
// tenth rule repeats an earlier regex, so some rules are really shadowed.
inline QByteArray virtualServiceWithRegexRules(int count)
{
    QByteArray out
        = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: many-rules\n"
          "  namespace: default\nspec:\n  hosts:\n  - backend\n  http:\n";
    for (int i = 0; i < count; ++i) {
        const QByteArray n = QByteArray::number(i % 10 == 9 ? i - 5 : i);
        out += "  - match:\n    - uri:\n        regex: \"/api/r" + n
            + "/[0-9]+\"\n    route:\n    - destination:\n"
              "        host: backend\n";
    }
    return out;
}

// `count` VirtualServices bound to the mesh that all claim the same host.
inline QByteArray virtualServicesOnOneHost(int count)
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: vs-"
            + QByteArray::number(i)
            + "\n  namespace: default\nspec:\n  hosts:\n  - shared.default.svc.cluster.local\n  http:\n"
              "  - route:\n    - destination:\n        host: shared.default.svc.cluster.local\n---\n";
    return out;
}

// One VirtualService whose first `count` rules each name their route with an
// anchor (`route: &rN`) and whose next `count` rules reuse it (`route: *rN`):
// every edit command looks up each alias's anchor.
inline QByteArray virtualServiceWithSharedRoutes(int count)
{
    QByteArray out
        = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: shared-routes\n"
          "  namespace: default\nspec:\n  hosts:\n  - backend\n  http:\n";
    for (int i = 0; i < count; ++i)
        out += "  - match:\n    - uri:\n        prefix: /a" + QByteArray::number(i) + "\n    route: &r"
            + QByteArray::number(i) + "\n    - destination:\n        host: backend\n        subset: v"
            + QByteArray::number(i % 3) + "\n";
    for (int i = 0; i < count; ++i)
        out += "  - match:\n    - uri:\n        prefix: /b" + QByteArray::number(i) + "\n    route: *r"
            + QByteArray::number(i) + "\n";
    return out;
}

} // namespace meshroute::bench
