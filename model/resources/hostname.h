#pragma once

#include <QString>

namespace meshroute {

// Host names as Istio resolves and compares them (reference section 6.10).
namespace HostName {

inline const QString &clusterDomain()
{
    static const QString domain = QStringLiteral("svc.cluster.local");
    return domain;
}

// A name without a dot is short for a Service in the namespace of the
// resource that wrote it: "reviews" in default -> reviews.default.svc.cluster.local.
// Names with a dot ("reviews.prod"), wildcards and IPs are taken as written.
QString resolve(const QString &host, const QString &resourceNamespace);

// The FQDN of a Kubernetes Service.
inline QString serviceFqdn(const QString &name, const QString &namespaceName)
{
    return name + QLatin1Char('.') + namespaceName + QLatin1Char('.') + clusterDomain();
}

// Whether `host` is `*` or starts with `*`.
inline bool isWildcard(const QString &host) { return host.startsWith(QLatin1Char('*')); }

// Whether the (possibly wildcard) pattern covers the concrete or wildcard name:
// "*" covers everything, "*.example.com" covers "a.example.com" and
// "*.a.example.com" but not "example.com". Case-insensitive, as DNS is.
bool covers(const QString &pattern, const QString &name);

// Whether two host patterns share at least one name.
bool overlaps(const QString &a, const QString &b);

// The namespace of a cluster-local FQDN (name.ns.svc.cluster.local), or empty.
QString namespaceOf(const QString &fqdn);

} // namespace HostName
} // namespace meshroute
