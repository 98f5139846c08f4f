#pragma once

// Generates "big.yaml": a mesh of N VirtualServices (default 5,000, ~14 MB)
// with their Services, Deployments and DestinationRules, the size the
// issues' speed goals are stated for. Deterministic, so figures compare.

#include <QByteArray>
#include <QFile>
#include <QString>

namespace meshroute::bench {

inline QByteArray bigMeshYaml(int virtualServices = 5000, int rulesPerService = 5, bool withServices = true)
{
    QByteArray out;
    out.reserve(qsizetype(virtualServices) * 2900);
    for (int i = 0; i < virtualServices; ++i) {
        const QByteArray n = QByteArray::number(i);
        const QByteArray ns = "ns" + QByteArray::number(i % 50);
        if (i)
            out += "---\n";
        out += "apiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nmetadata:\n  name: vs-" + n
               + "\n  namespace: " + ns + "\n  labels:\n    app: svc" + n + "\nspec:\n  hosts:\n  - svc" + n + "." + ns
               + ".svc.cluster.local\n  gateways:\n  - mesh\n  http:\n";
        for (int r = 0; r < rulesPerService; ++r) {
            const QByteArray rn = QByteArray::number(r);
            out += "  - name: rule-" + rn + "\n    match:\n    - uri:\n        prefix: /api/v" + rn + "/svc" + n
                   + "\n      headers:\n        x-user:\n          exact: user" + rn
                   + "\n    - uri:\n        regex: \"/items/[0-9]+/" + rn + "\"\n    route:\n";
            for (const char *subset : { "v1", "v2" }) {
                out += "    - destination:\n        host: svc" + n + "." + ns + ".svc.cluster.local\n        subset: "
                       + subset + "\n        port:\n          number: 9080\n      weight: "
                       + (QByteArray(subset) == "v1" ? "90" : "10") + "\n";
            }
            out += "    timeout: 5s\n    retries:\n      attempts: 3\n      perTryTimeout: 2s\n";
        }
    }
    if (withServices) {
        for (int i = 0; i < virtualServices; i += 10) {
            const QByteArray n = QByteArray::number(i);
            const QByteArray ns = "ns" + QByteArray::number(i % 50);
            out += "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc" + n + "\n  namespace: " + ns
                   + "\nspec:\n  selector:\n    app: svc" + n + "\n  ports:\n  - name: http\n    port: 9080\n";
            out += "---\napiVersion: networking.istio.io/v1beta1\nkind: DestinationRule\nmetadata:\n  name: svc" + n
                   + "\n  namespace: " + ns + "\nspec:\n  host: svc" + n + "." + ns
                   + ".svc.cluster.local\n  subsets:\n  - name: v1\n    labels:\n      version: v1\n  - name: v2\n"
                     "    labels:\n      version: v2\n";
            for (const char *version : { "v1", "v2" })
                out += "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc" + n + "-" + version
                       + "\n  namespace: " + ns + "\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: svc" + n
                       + "\n  template:\n    metadata:\n      labels:\n        app: svc" + n + "\n        version: " + version
                       + "\n";
        }
    }
    return out;
}

inline bool writeBigMesh(const QString &path, int virtualServices = 5000)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    return f.write(bigMeshYaml(virtualServices)) > 0;
}

} // namespace meshroute::bench
