#pragma once

#include "exportvisibility.h"
#include "field.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace meshroute {

struct Destination;
struct Resource;
struct VirtualService;
struct Workspace;

// The workspace indexed once for the cross-resource analyzers: the service
// registry (Kubernetes Services and ServiceEntry hosts), DestinationRules,
// Gateways and workloads by host, name and label, and which subsets the
// routes use. Built on first use by CheckContext::mesh(); read-only after.
class MeshIndex
{
public:
    // A host of the registry: a Kubernetes Service or a ServiceEntry host.
    struct Entry
    {
        const Resource *resource = nullptr;
        QString host; // as registered, lower case
        ExportVisibility visibility;
        QList<qint64> ports;
    };
    // A gateway reference of a VirtualService, namespace and name.
    struct GatewayRef
    {
        QString ns, name;
        QString key() const { return ns + QLatin1Char('/') + name; }
    };

    explicit MeshIndex(const Workspace &workspace);

    const QList<const Resource *> &virtualServices() const { return m_virtualServices; }
    const QList<const Resource *> &destinationRules() const { return m_destinationRules; }
    const QList<const Resource *> &gateways() const { return m_gateways; }
    const QList<const Resource *> &services() const { return m_services; }

    // By "namespace/name".
    const Resource *virtualService(const QString &key) const { return m_vsByKey.value(key); }
    const Resource *gateway(const QString &key) const { return m_gatewayByKey.value(key); }
    // A Gateway API gateway, whose listeners are not read.
    bool isForeignGateway(const QString &key) const { return m_foreignGateways.contains(key); }
    bool hasGatewaysIn(const QString &ns) const { return m_gatewayNamespaces.contains(ns); }
    bool hasServicesIn(const QString &ns) const { return m_serviceNamespaces.contains(ns); }
    bool hasRequestAuthentication() const { return m_hasRequestAuthentication; }

    // The registry entries a destination host names, following Istio's
    // resolution; `alias` is set when only the `name.namespace` reading matched.
    QList<const Entry *> lookup(const QString &resolved, bool *alias = nullptr) const;
    // `resolved`, or the FQDN of the service its `name.namespace` reading names (see lookup()).
    QString registeredHost(const QString &resolved) const;
    // Whether a DestinationRule host (resolved, lower case) names or, as a wildcard, overlaps a registry
    // host.
    bool knowsRuleHost(const QString &host) const;
    // The last Kubernetes Service registered as exactly `host`, or null.
    const Resource *serviceOf(const QString &host) const;
    // DestinationRules whose host is `host` or a wildcard covering it.
    QList<const Resource *> destinationRulesFor(const QString &host) const;
    // Workloads whose pod labels include `selector`, optionally in one namespace only.
    QList<const Resource *> podsOf(const Labels &selector, const QString &ns = {}) const;
    // Whether an opened VirtualService routes to subset `subset` of `host`.
    bool isReferencedSubset(const QString &host, const QString &subset) const
    {
        return m_referencedSubsets.contains(host + QLatin1Char('|') + subset);
    }
    // A mesh VirtualService splitting `host` by subsets, or null.
    const Resource *meshSubsetRouting(const QString &host) const { return m_meshSubsetRouting.value(host); }

    static bool appliesToMesh(const VirtualService &vs);
    static GatewayRef parseGateway(const QString &ref, const QString &own);
    static QString describeLabels(const Labels &labels);

private:
    void add(const Resource &r);
    void addService(const Resource &r);
    void addServiceEntry(const Resource &r);
    void noteRoutedSubsets(const Resource &r);

    QList<const Resource *> m_virtualServices, m_destinationRules, m_gateways, m_services, m_workloads;
    QHash<QString, const Resource *> m_vsByKey, m_gatewayByKey;
    QHash<QString, const Resource *>
        m_meshSubsetRouting; // host -> a mesh VirtualService splitting it by subsets
    bool m_hasRequestAuthentication = false;
    QSet<QString> m_gatewayNamespaces, m_serviceNamespaces, m_foreignGateways, m_referencedSubsets;
    QHash<QString, QList<Entry>> m_registry;
    QList<Entry> m_wildcardRegistry;
    QHash<QString, QList<const Resource *>> m_drsByHost;
    QHash<QString, QList<const Resource *>> m_workloadsByLabel; // "key=value" of pod labels -> workloads
    QList<QPair<QString, const Resource *>> m_wildcardDrs;
};

} // namespace meshroute
