#include "gatewayapitranslator.h"

#include "backendresolver.h"
#include "gatewayapiruleconverter.h"
#include "mergedroutegroups.h"
#include "parentbinder.h"
#include "routesorter.h"
#include "workspace.h"

#include <QSet>
#include <algorithm>

namespace meshroute {

namespace {

template <typename T> Field<T> written(const T &value, const SourcePos &pos)
{
    Field<T> f;
    f.value = value;
    f.pos = pos;
    f.present = true;
    return f;
}

Resource syntheticBase(const Resource &from, int id, ResourceKind kind, const QString &kindName,
    const QString &ns, const QString &name)
{
    Resource r;
    r.id = id;
    r.fileIndex = from.fileIndex;
    r.documentIndex = from.documentIndex;
    r.listItem = from.listItem;
    r.baseLine = from.baseLine;
    r.baseOffset = from.baseOffset;
    r.pos = from.pos;
    r.kind = kind;
    r.kindName = written(kindName, from.kindName.pos);
    r.apiVersion = written(QStringLiteral("networking.istio.io/v1"), from.apiVersion.pos);
    r.metadata.name = written(name, from.metadata.name.pos);
    r.metadata.namespace_ = written(ns, from.metadata.namespace_.pos);
    r.metadata.pos = from.metadata.pos;
    return r;
}

Server serverOf(const Resource &gw, const Listener &l)
{
    Server s;
    s.pos = l.pos;
    s.name = l.name;
    s.port.present = true;
    s.port.pos = l.pos;
    s.port.number = l.port;
    s.port.name = l.name;
    const QString protocol = l.protocol.value.toUpper();
    s.port.protocol = written(protocol, l.protocol.pos);
    if (protocol == QLatin1String("HTTPS") || protocol == QLatin1String("TLS")) {
        s.tls.present = true;
        s.tls.pos = l.tls.pos;
        const bool passthrough = l.tls.mode.value == QLatin1String("Passthrough");
        s.tls.mode
            = written(passthrough ? QStringLiteral("PASSTHROUGH") : QStringLiteral("SIMPLE"), l.tls.pos);
    }
    const QString host
        = l.hostname.present && !l.hostname.value.isEmpty() ? l.hostname.value : QStringLiteral("*");
    // Same: the Gateway's namespace. All and Selector: any; the translator only
    // merges routes the listener admits, so the namespace filter holds already.
    const bool same = l.allowedRoutes.namespacesFrom.valueOr(QStringLiteral("Same")) == QLatin1String("Same");
    s.hosts << written(
        (same ? gw.namespaceName() : QStringLiteral("*")) + QLatin1Char('/') + host, l.hostname.pos);
    return s;
}

} // namespace

GatewayApiTranslator::GatewayApiTranslator(const Workspace &workspace)
    : GatewayApiTranslator(workspace, Options {})
{ }

GatewayApiTranslator::GatewayApiTranslator(const Workspace &workspace, Options options)
    : m_ws(workspace)
    , m_options(options)
{ }

bool GatewayApiTranslator::hasGatewayApi(const Workspace &workspace)
{
    for (const Resource &r : workspace.resources)
        if (r.kind == ResourceKind::KubernetesGateway || r.kind == ResourceKind::HTTPRoute
            || r.kind == ResourceKind::GRPCRoute)
            return true;
    return false;
}

namespace {

class Translation
{
public:
    Translation(const Workspace &ws, GatewayApiTranslator::Options options)
        : m_ws(ws)
        , m_options(options)
        , m_binder(ws, std::make_shared<const ReferentIndex>(ws))
        , m_resolver(ws, m_binder.referents())
    { }

    GatewayApiTranslation run()
    {
        addGateways();
        QList<MergedRouteGroups::BoundRoute> bound;
        for (const Resource &r : m_ws.resources) {
            if (!isGatewayApiRoute(r.kind) || !r.gatewayApiRoute())
                continue;
            Backends &b = m_backends[&r];
            m_out.bindings << bindingOf(r, &b);
            if (r.kind == ResourceKind::HTTPRoute || r.kind == ResourceKind::GRPCRoute)
                bound.append({ &r, m_out.bindings.last().parents });
        }
        for (const MergedRouteGroups::Group &g : MergedRouteGroups::build(bound))
            emitVirtualService(g);
        return std::move(m_out);
    }

private:
    // Where each backendRef of each rule goes, from a Gateway (ReferenceGrants
    // enforced) and from the mesh (not enforced: conversion.go enforceRefGrant = !mesh).
    struct Backends
    {
        QList<QList<BackendResolution>> gateway, mesh;
    };

    int nextId() { return GatewayApiTranslation::kFirstSyntheticId + m_nextId++; }

    void addGateways()
    {
        for (const Resource &r : m_ws.resources) {
            const KubernetesGateway *gw = r.kubernetesGateway();
            if (!gw)
                continue;
            for (const Listener &l : gw->listeners) {
                const QString name = MergedRouteGroups::istioGatewayName(r.name(), l.name.value);
                Resource g = syntheticBase(
                    r, nextId(), ResourceKind::Gateway, QStringLiteral("Gateway"), r.namespaceName(), name);
                Gateway spec;
                spec.specPos = gw->specPos;
                spec.hasSelector = true;
                // Istio deploys one proxy per Gateway API Gateway, labelled with its name.
                spec.selector << Label { QStringLiteral("gateway.networking.k8s.io/gateway-name"), r.name(),
                    {} };
                spec.servers << serverOf(r, l);
                g.spec = spec;
                const QString key = r.namespaceName() + QLatin1Char('/') + r.name();
                if (!m_out.gatewayAliases.contains(key))
                    m_out.gatewayAliases.insert(key, r.namespaceName() + QLatin1Char('/') + name);
                m_out.resources << g;
            }
        }
    }

    RouteBinding bindingOf(const Resource &r, Backends *backends) const
    {
        RouteBinding b;
        b.routeId = r.id;
        b.parents = m_binder.bind(r);
        bool anyGateway = false;
        for (const ParentBinding &p : b.parents)
            anyGateway = anyGateway || p.kind == ParentBinding::Kind::Gateway;
        for (const RouteRule &rule : r.gatewayApiRoute()->rules) {
            QList<BackendResolution> e, o;
            for (const BackendRef &ref : rule.backendRefs) {
                e << m_resolver.resolve(r, ref.ref, true);
                o << m_resolver.resolve(r, ref.ref, false);
            }
            backends->gateway << e;
            backends->mesh << o;
        }
        b.backends = anyGateway ? backends->gateway : backends->mesh;
        return b;
    }

    // The rules of one route for one group, one per match.
    void addRules(const Resource &r, const MergedRouteGroups::Group &g, QList<HttpRoute> *rules,
        QList<GatewayApiOrigin> *origins) const
    {
        const bool mesh = g.gateway == QLatin1String("mesh");
        const Backends &backends = m_backends[&r];
        const QList<RouteRule> &written = r.gatewayApiRoute()->rules;
        for (int ri = 0; ri < written.size(); ++ri) {
            GatewayApiRuleConverter::Input in;
            in.route = &r;
            in.ruleIndex = ri;
            in.backends = (mesh ? backends.mesh : backends.gateway).value(ri);
            in.meshPort = g.meshPort;
            in.applyCrdDefaults = m_options.applyCrdDefaults;
            in.resolveMirror
                = [this, &r, mesh](const ObjectReference &ref) { return m_resolver.resolve(r, ref, !mesh); };
            const int matches = int(written[ri].matches.size());
            for (int mi = matches ? 0 : -1; mi < matches; ++mi) {
                in.matchIndex = mi;
                GatewayApiOrigin origin;
                *rules << GatewayApiRuleConverter::convert(in, &origin);
                *origins << origin;
            }
        }
    }

    void emitVirtualService(const MergedRouteGroups::Group &g)
    {
        QList<HttpRoute> rules;
        QList<GatewayApiOrigin> origins;
        for (const Resource *r : g.routes)
            addRules(*r, g, &rules, &origins);
        QList<int> order;
        for (int i = 0; i < rules.size(); ++i)
            order << i;
        RouteSorter::sort(rules, order);
        const Resource &first = *g.routes.first();
        Resource r = syntheticBase(first, nextId(), ResourceKind::VirtualService,
            QStringLiteral("VirtualService"), first.namespaceName(), g.key);
        r.metadata.annotations << Label { QStringLiteral("internal.istio.io/route-semantics"),
            QStringLiteral("gateway"), {} };
        VirtualService vs;
        vs.specPos = first.gatewayApiRoute()->specPos;
        vs.hosts << written(g.host, vs.specPos);
        vs.gateways << written(g.gateway, vs.specPos);
        vs.hasHttp = true;
        QList<GatewayApiOrigin> sortedOrigins;
        for (int i : order) {
            vs.http << rules[i];
            sortedOrigins << origins[i];
        }
        r.spec = vs;
        m_out.origins.insert(r.id, sortedOrigins);
        if (g.orderAmbiguous) {
            AmbiguousOrder a;
            a.virtualServiceId = r.id;
            a.key = g.key;
            for (const Resource *route : g.routes)
                a.routeIds << route->id;
            m_out.ambiguousOrders << a;
        }
        m_out.resources << r;
    }

    const Workspace &m_ws;
    GatewayApiTranslator::Options m_options;
    ParentBinder m_binder;
    BackendResolver m_resolver;
    GatewayApiTranslation m_out;
    QHash<const Resource *, Backends> m_backends;
    int m_nextId = 0;
};

} // namespace

GatewayApiTranslation GatewayApiTranslator::translate() const
{
    return Translation(m_ws, m_options).run();
}

} // namespace meshroute
