#pragma once

// Generates a Gateway API mesh of N HTTPRoutes (default 5,000) in 100
// namespaces: one Gateway that takes routes from every namespace, and per
// route a hostname, a Service parent (a mesh route too), a header-regex canary
// rule, a weighted GET /api rule and a catch-all, over two Services.
// Deterministic, so figures compare.

#include <QByteArray>

namespace meshroute::bench {

inline QByteArray gatewayApiMeshYaml(int routes = 5000)
{
    QByteArray y;
    y.reserve(qsizetype(routes) * 1500);
    y += "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: ingress\n  namespace: "
         "istio-system\nspec:\n  gatewayClassName: istio\n  listeners:\n  - name: http\n    port: 80\n"
         "    protocol: HTTP\n    allowedRoutes:\n      namespaces:\n        from: All\n";
    for (int i = 0; i < routes; ++i) {
        const QByteArray n = QByteArray::number(i);
        const QByteArray ns = "ns" + QByteArray::number(i % 100);
        for (const char *suffix : { "", "-v2" })
            y += "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc" + n + suffix
                + "\n  namespace: " + ns + "\nspec:\n  selector:\n    app: svc" + n
                + "\n  ports:\n  - name: http\n    port: 8080\n";
        y += "---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: svc" + n
            + "\n  namespace: " + ns
            + "\nspec:\n  parentRefs:\n  - name: ingress\n    namespace: istio-system\n  - kind: Service\n"
              "    group: \"\"\n    name: svc"
            + n + "\n    port: 8080\n  hostnames:\n  - svc" + n
            + ".example.com\n  rules:\n  - matches:\n    - headers:\n      - name: x-canary\n        type: "
              "RegularExpression\n        value: \"(true|yes|1)\"\n    backendRefs:\n    - name: svc"
            + n
            + "-v2\n      port: 8080\n  - matches:\n    - path:\n        type: PathPrefix\n        value: "
              "/api/v"
            + QByteArray::number(i % 3) + "\n      method: GET\n    backendRefs:\n    - name: svc" + n
            + "\n      port: 8080\n      weight: 90\n    - name: svc" + n
            + "-v2\n      port: 8080\n      weight: 10\n    timeouts:\n      request: 5s\n  - backendRefs:\n"
              "    - name: svc"
            + n + "\n      port: 8080\n";
    }
    return y;
}

} // namespace meshroute::bench
