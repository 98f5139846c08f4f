#include "backendresolver.h"

#include "hostname.h"
#include "workspace.h"

namespace meshroute {

namespace {

QString orDefault(const Field<QString> &f, const QString &fallback)
{
    return f.present && !f.value.isEmpty() ? f.value : fallback;
}

bool isCoreGroup(const QString &group)
{
    return group.isEmpty() || group == QLatin1String("core");
}

} // namespace

BackendResolver::BackendResolver(const Workspace &workspace)
    : BackendResolver(workspace, std::make_shared<const ReferentIndex>(workspace))
{ }

BackendResolver::BackendResolver(const Workspace &workspace, std::shared_ptr<const ReferentIndex> referents)
    : m_ws(workspace)
    , m_referents(std::move(referents))
{ }

bool BackendResolver::granted(const QString &fromKind, const QString &fromNamespace, const QString &toGroup,
    const QString &toKind, const QString &toNamespace, const QString &toName) const
{
    for (const Resource *r : m_referents->referenceGrantsIn(m_ws, toNamespace)) {
        const ReferenceGrant *g = r->referenceGrant();
        if (!g)
            continue;
        bool fromOk = false;
        for (const ReferenceGrantPeer &f : g->from)
            fromOk = fromOk
                || (f.group.value == QLatin1String("gateway.networking.k8s.io") && f.kind.value == fromKind
                    && f.namespace_.value == fromNamespace);
        bool toOk = false;
        for (const ReferenceGrantPeer &t : g->to)
            toOk = toOk
                || (isCoreGroup(t.group.value) == isCoreGroup(toGroup)
                    && (isCoreGroup(toGroup) || t.group.value == toGroup) && t.kind.value == toKind
                    && (!t.name.present || t.name.value.isEmpty() || t.name.value == toName));
        if (fromOk && toOk)
            return true;
    }
    return false;
}

BackendResolution BackendResolver::resolve(
    const Resource &route, const ObjectReference &ref, bool enforce) const
{
    BackendResolution out;
    out.pos = ref.pos;
    const QString group = orDefault(ref.group, QString());
    const QString kind = orDefault(ref.kind, QStringLiteral("Service"));
    const QString ns = orDefault(ref.namespace_, route.namespaceName());
    const QString name = ref.name.value;
    out.port = ref.port.present ? int(ref.port.value) : 0;
    if (enforce && ns != route.namespaceName()
        && !granted(route.kindName.value, route.namespaceName(), group, kind, ns, name)) {
        out.status = BackendResolution::Status::NotPermitted;
        out.reason = QStringLiteral("backendRef %1 %2/%3 is in another namespace and no ReferenceGrant in "
                                    "\"%2\" allows it")
                         .arg(kind, ns, name);
        out.message = out.reason + QStringLiteral(": Istio sends these requests to no cluster (500)");
        return out;
    }
    if (group == QLatin1String("networking.istio.io") && kind == QLatin1String("Hostname")) {
        out.host = name;
        return out;
    }
    if (group == QLatin1String("multicluster.x-k8s.io") && kind == QLatin1String("ServiceImport")) {
        out.host = HostName::serviceFqdn(name, ns);
        return out;
    }
    if (!isCoreGroup(group) || kind != QLatin1String("Service")) {
        out.status = BackendResolution::Status::UnsupportedKind;
        out.reason = QStringLiteral("backendRef kind %1/%2 is not supported").arg(group, kind);
        out.message = out.reason + QStringLiteral(": Istio answers 500");
        return out;
    }
    out.host = HostName::serviceFqdn(name, ns);
    const Resource *svc = m_referents->find(m_ws, ReferentIndex::Kind::Service, ns, name);
    if (!svc) {
        out.status = BackendResolution::Status::ServiceNotFound;
        out.reason = QStringLiteral("backendRef Service %1/%2 is not in the workspace").arg(ns, name);
        out.message = out.reason + QStringLiteral(": its cluster does not exist (500)");
        return out;
    }
    if (out.port > 0 && svc->service()) {
        bool found = false;
        for (const ServicePort &p : svc->service()->ports)
            found = found || (p.port.present && p.port.value == out.port);
        if (!found) {
            out.status = BackendResolution::Status::PortNotFound;
            out.reason = QStringLiteral("Service %1/%2 has no port %3").arg(ns, name).arg(out.port);
            out.message = out.reason + QStringLiteral(": its cluster does not exist (500)");
        }
    }
    return out;
}

QString BackendResolution::mirrorMessage() const
{
    if (ok())
        return QString();
    return reason
        + (dropsMirror() ? QStringLiteral(": Istio drops this mirror, the rule still routes")
                         : QStringLiteral(
                             ": Istio keeps this mirror and its copies go to a cluster that does not exist"));
}

} // namespace meshroute
