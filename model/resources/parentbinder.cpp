#include "parentbinder.h"

#include "hostname.h"
#include "workspace.h"

namespace meshroute {

namespace {

const QString kGatewayGroup = QStringLiteral("gateway.networking.k8s.io");

QString key(const QString &ns, const QString &name)
{
    return ns + QLatin1Char('/') + name;
}

QString orDefault(const Field<QString> &f, const QString &fallback)
{
    return f.present && !f.value.isEmpty() ? f.value : fallback;
}

bool isCoreGroup(const QString &group)
{
    return group.isEmpty() || group == QLatin1String("core");
}

// A matchExpressions item against a namespace's labels (Kubernetes LabelSelectorRequirement).
bool requirementHolds(const LabelSelectorRequirement &req, const Labels &labels)
{
    bool has = false;
    QString value;
    for (const Label &l : labels)
        if (l.key == req.key.value) {
            has = true;
            value = l.value;
        }
    bool listed = false;
    for (const Field<QString> &v : req.values)
        listed = listed || (has && v.value == value);
    const QString &op = req.operator_.value;
    if (op == QLatin1String("In"))
        return listed;
    if (op == QLatin1String("NotIn"))
        return !listed;
    if (op == QLatin1String("Exists"))
        return has;
    if (op == QLatin1String("DoesNotExist"))
        return !has;
    return false; // an unknown operator selects nothing, as the API server rejects it
}

} // namespace

ParentBinder::ParentBinder(const Workspace &workspace)
    : ParentBinder(workspace, std::make_shared<const ReferentIndex>(workspace))
{ }

ParentBinder::ParentBinder(const Workspace &workspace, std::shared_ptr<const ReferentIndex> referents)
    : m_ws(workspace)
    , m_referents(std::move(referents))
{ }

const Resource *ParentBinder::referent(ReferentIndex::Kind kind, const QString &ns, const QString &name) const
{
    return m_referents->find(m_ws, kind, ns, name);
}

QList<ParentBinding> ParentBinder::bind(const Resource &route) const
{
    QList<ParentBinding> out;
    const GatewayApiRoute *spec = route.gatewayApiRoute();
    if (!spec)
        return out;
    for (int i = 0; i < spec->parentRefs.size(); ++i) {
        const ParentReference &ref = spec->parentRefs[i];
        ParentBinding b;
        b.parentIndex = i;
        b.pos = ref.pos;
        b.parentNamespace = orDefault(ref.namespace_, route.namespaceName());
        b.parentName = ref.name.value;
        // An explicit group "" is the core group (Service); only an absent one defaults.
        const QString group = ref.group.present ? ref.group.value : kGatewayGroup;
        const QString kind = orDefault(ref.kind, QStringLiteral("Gateway"));
        if (group == kGatewayGroup && kind == QLatin1String("Gateway")) {
            out << bindGateway(route, ref, b);
        } else if (isCoreGroup(group) && kind == QLatin1String("Service")) {
            b.kind = ParentBinding::Kind::Service;
            out << bindMesh(route, ref, b);
        } else if (group == QLatin1String("networking.istio.io") && kind == QLatin1String("ServiceEntry")) {
            b.kind = ParentBinding::Kind::ServiceEntry;
            out << bindMesh(route, ref, b);
        } else {
            b.kind = ParentBinding::Kind::Unsupported;
            b.failure = ParentBinding::Failure::UnsupportedKind;
            b.message = QStringLiteral("parentRef kind %1/%2 is not supported by Istio").arg(group, kind);
            out << b;
        }
    }
    return out;
}

// A Service parent: the route applies to that Service's host (route hostnames are ignored),
// on parentRef.port only when one is given.
ParentBinding ParentBinder::bindMesh(const Resource &route, const ParentReference &ref, ParentBinding b) const
{
    Q_UNUSED(route);
    const QString k = key(b.parentNamespace, b.parentName);
    b.meshPort = ref.port.present ? int(ref.port.value) : 0;
    if (b.kind == ParentBinding::Kind::Service) {
        if (!referent(ReferentIndex::Kind::Service, b.parentNamespace, b.parentName)) {
            b.failure = ParentBinding::Failure::ParentNotFound;
            b.message = QStringLiteral("parentRef Service %1 is not in the workspace").arg(k);
            return b;
        }
        b.meshHosts << HostName::serviceFqdn(b.parentName, b.parentNamespace);
        return b;
    }
    const Resource *se = referent(ReferentIndex::Kind::ServiceEntry, b.parentNamespace, b.parentName);
    if (!se || !se->serviceEntry()) {
        b.failure = ParentBinding::Failure::ParentNotFound;
        b.message = QStringLiteral("parentRef ServiceEntry %1 is not in the workspace").arg(k);
        return b;
    }
    for (const Field<QString> &h : se->serviceEntry()->hosts)
        b.meshHosts << h.value;
    return b;
}

QString ParentBinder::intersect(const QString &listenerHostname, const QString &routeHostname)
{
    if (listenerHostname.isEmpty())
        return routeHostname.isEmpty() ? QStringLiteral("*") : routeHostname;
    if (routeHostname.isEmpty() || HostName::covers(listenerHostname, routeHostname))
        return routeHostname.isEmpty() ? listenerHostname : routeHostname;
    if (HostName::covers(routeHostname, listenerHostname))
        return listenerHostname;
    return {};
}

QStringList ParentBinder::allowedKinds(const Listener &l)
{
    QStringList kinds;
    for (const RouteGroupKind &k : l.allowedRoutes.kinds)
        if (orDefault(k.group, kGatewayGroup) == kGatewayGroup)
            kinds << k.kind.value;
    if (l.allowedRoutes.present && !l.allowedRoutes.kinds.isEmpty())
        return kinds;
    const QString p = l.protocol.value.toUpper();
    if (p == QLatin1String("HTTP") || p == QLatin1String("HTTPS"))
        return { QStringLiteral("HTTPRoute"), QStringLiteral("GRPCRoute") };
    if (p == QLatin1String("TLS"))
        return { QStringLiteral("TLSRoute"), QStringLiteral("TCPRoute") };
    if (p == QLatin1String("TCP"))
        return { QStringLiteral("TCPRoute") };
    return {};
}

bool ParentBinder::namespaceSelected(const LabelSelector &selector, const QString &ns) const
{
    Labels labels;
    if (const Resource *r = referent(ReferentIndex::Kind::Namespace, QString(), ns))
        labels = r->metadata.labels;
    labels << Label { QStringLiteral("kubernetes.io/metadata.name"), ns, {} };
    if (!labelsContain(labels, selector.matchLabels))
        return false;
    for (const LabelSelectorRequirement &req : selector.matchExpressions)
        if (!requirementHolds(req, labels))
            return false;
    return true;
}

// Empty when the listener takes routes from `routeNs`, else why not.
QString ParentBinder::namespaceRefusal(
    const Resource &gateway, const Listener &l, const QString &routeNs) const
{
    const QString from = orDefault(l.allowedRoutes.namespacesFrom, QStringLiteral("Same"));
    if (from == QLatin1String("All"))
        return {};
    if (from == QLatin1String("Same") && routeNs == gateway.namespaceName())
        return {};
    if (from == QLatin1String("Selector") && namespaceSelected(l.allowedRoutes.namespacesSelector, routeNs))
        return {};
    return QStringLiteral("listener \"%1\" allows routes from namespaces %2, not from \"%3\"")
        .arg(l.name.value, from, routeNs);
}

// hostnameAllowedByIsolation: a hostname that a more specific listener on the same
// port also serves belongs to that listener only. Listeners with a concrete hostname
// are not isolated.
QStringList ParentBinder::isolatedHosts(
    const Resource &gateway, const Listener &l, const QStringList &hosts) const
{
    const QString mine = l.hostname.value;
    if (!mine.isEmpty() && !HostName::isWildcard(mine))
        return hosts;
    QStringList out;
    for (const QString &h : hosts) {
        bool owned = false;
        for (const Listener &o : gateway.kubernetesGateway()->listeners) {
            const QString theirs = o.hostname.value;
            if (&o == &l || o.port.value != l.port.value || theirs.isEmpty() || theirs == mine)
                continue;
            const bool moreSpecific = mine.isEmpty() || HostName::covers(mine, theirs);
            owned = owned || (moreSpecific && HostName::covers(theirs, h) && h != mine);
        }
        if (!owned)
            out << h;
    }
    return out;
}

} // namespace meshroute

namespace meshroute {

namespace {

// The route hostnames (or "*" when it has none) that share a name with the listener's.
QStringList matchingHostnames(const GatewayApiRoute &spec, const Listener &l)
{
    QStringList out;
    if (spec.hostnames.isEmpty()) {
        out << QStringLiteral("*");
        return out;
    }
    for (const Field<QString> &h : spec.hostnames)
        if (!ParentBinder::intersect(l.hostname.value, h.value).isEmpty() && !out.contains(h.value))
            out << h.value;
    return out;
}

} // namespace

ParentBinding ParentBinder::bindGateway(
    const Resource &route, const ParentReference &ref, ParentBinding b) const
{
    const QString gwKey = key(b.parentNamespace, b.parentName);
    const Resource *gw = referent(ReferentIndex::Kind::Gateway, b.parentNamespace, b.parentName);
    if (!gw || !gw->kubernetesGateway()) {
        b.failure = ParentBinding::Failure::ParentNotFound;
        b.message = QStringLiteral("parentRef Gateway %1 is not in the workspace").arg(gwKey);
        return b;
    }
    const GatewayApiRoute &spec = *route.gatewayApiRoute();
    const QList<Listener> &listeners = gw->kubernetesGateway()->listeners;
    ParentBinding::Failure furthest = ParentBinding::Failure::NoMatchingListener;
    QString why;
    auto reach = [&](ParentBinding::Failure f, const QString &message) {
        if (int(f) > int(furthest) || why.isEmpty()) {
            furthest = f;
            why = message;
        }
    };
    for (int li = 0; li < listeners.size(); ++li) {
        const Listener &l = listeners[li];
        if ((ref.sectionName.present && ref.sectionName.value != l.name.value)
            || (ref.port.present && ref.port.value != l.port.value))
            continue;
        const QStringList hosts = isolatedHosts(*gw, l, matchingHostnames(spec, l));
        if (hosts.isEmpty()) {
            reach(ParentBinding::Failure::NoMatchingHostname,
                QStringLiteral("no hostname of the route intersects listener \"%1\" (%2)")
                    .arg(l.name.value, l.hostname.present ? l.hostname.value : QStringLiteral("any host")));
            continue;
        }
        const QString refusal = namespaceRefusal(*gw, l, route.namespaceName());
        if (!refusal.isEmpty()) {
            reach(ParentBinding::Failure::NamespaceNotAllowed, refusal);
            continue;
        }
        if (!allowedKinds(l).contains(route.kindName.value)) {
            reach(ParentBinding::Failure::KindNotAllowed,
                QStringLiteral("listener \"%1\" does not allow kind %2")
                    .arg(l.name.value, route.kindName.value));
            continue;
        }
        ListenerBinding lb;
        lb.gatewayId = gw->id;
        lb.gatewayNamespace = b.parentNamespace;
        lb.gatewayName = b.parentName;
        lb.listenerIndex = li;
        lb.listenerName = l.name.value;
        lb.port = int(l.port.value);
        lb.protocol = l.protocol.value.toUpper();
        lb.listenerHostname = l.hostname.value;
        lb.hosts = hosts;
        b.listeners << lb;
    }
    if (b.listeners.isEmpty()) {
        b.failure = furthest;
        b.message = why.isEmpty()
            ? QStringLiteral("Gateway %1 has no listener %2")
                  .arg(gwKey,
                      ref.sectionName.present ? QStringLiteral("named \"%1\"").arg(ref.sectionName.value)
                                              : QStringLiteral("on port %1").arg(ref.port.value))
            : why;
    }
    return b;
}

} // namespace meshroute
