#pragma once

#include "yamlnode.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace meshroute {

class ConversionContext;
class SubsetServicePlanner;
struct HttpRoute;
struct Resource;

// A VirtualService's http rules as HTTPRoutes: one for its gateways
// (parentRefs to the converted Gateways, hostnames from hosts) and one for
// `mesh` (parentRefs to the hosts' Services), split in routes of 16 rules,
// the most the CRD takes. Rules keep their order; Gateway API reorders them
// by specificity, which the MigrationProof shows where it changes an answer.
class VirtualServiceConverter
{
public:
    VirtualServiceConverter(ConversionContext &context, SubsetServicePlanner &planner)
        : m_context(context)
        , m_planner(planner)
    { }

    QList<YamlNode> convert(const Resource &virtualService);

    // "ns/name" of each Istio Gateway the VirtualService binds (mesh left out).
    static QStringList boundGateways(const Resource &virtualService);
    // Whether it applies to sidecars (`mesh` named, or no gateways at all).
    static bool appliesToMesh(const Resource &virtualService);
    // "1.5s" (protobuf Duration) as a Gateway API Duration ("1500ms"); empty when it does not parse.
    static QString gatewayApiDuration(const QString &duration);

    // "ns.route.k" (the name Istio gives HTTPRoute rule k) -> {VirtualService id, http index}.
    const QHash<QString, QPair<int, int>> &ruleOrigins() const { return m_ruleOrigins; }

private:
    YamlNode rules(const Resource &r, const QString &routeName, int first, int count);
    // Empty mapping when the rule cannot be converted at all (delegate, direct response).
    YamlNode rule(const Resource &r, const HttpRoute &rule, int index);
    void warnUnsupported(const Resource &r, const HttpRoute &rule, const QString &path);
    YamlNode gatewayParents(const Resource &r);
    YamlNode meshParents(const Resource &r);
    YamlNode hostnames(const Resource &r);
    QList<YamlNode> routesFor(
        const Resource &r, const QString &name, const YamlNode &parents, bool withHostnames);

    ConversionContext &m_context;
    SubsetServicePlanner &m_planner;
    QHash<QString, QPair<int, int>> m_ruleOrigins;
};

} // namespace meshroute
