#include "resourcetemplates.h"

#include "canarytemplate.h"
#include "gatewayapitemplates.h"
#include "hostname.h"
#include "portprotocol.h"
#include "validationprimitives.h"
#include "workspace.h"
#include "yamledit.h"

namespace meshroute {

namespace {

QByteArray quoted(const QString &s)
{
    return GatewayApiTemplates::yamlString(s);
}

QString kindName(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::VirtualService:
        return QStringLiteral("VirtualService");
    case ResourceKind::DestinationRule:
        return QStringLiteral("DestinationRule");
    case ResourceKind::Gateway:
        return QStringLiteral("Gateway");
    case ResourceKind::KubernetesGateway:
        return QStringLiteral("Gateway (gateway.networking.k8s.io)");
    case ResourceKind::GatewayClass:
        return QStringLiteral("GatewayClass");
    case ResourceKind::HTTPRoute:
        return QStringLiteral("HTTPRoute");
    case ResourceKind::GRPCRoute:
        return QStringLiteral("GRPCRoute");
    case ResourceKind::TCPRoute:
        return QStringLiteral("TCPRoute");
    case ResourceKind::TLSRoute:
        return QStringLiteral("TLSRoute");
    case ResourceKind::ReferenceGrant:
        return QStringLiteral("ReferenceGrant");
    default:
        return QStringLiteral("resource");
    }
}

QByteArray header(ResourceKind kind, const QString &name, const QString &ns)
{
    return "apiVersion: networking.istio.io/v1\nkind: " + kindName(kind).toUtf8()
        + "\nmetadata:\n  name: " + quoted(name) + "\n  namespace: " + quoted(ns) + "\n";
}

QStringList cleaned(const QStringList &list)
{
    return GatewayApiTemplates::cleaned(list);
}

// Istio's gateway reference forms: `mesh`, `ns/name` (ns may be "."), a bare
// name in the VirtualService's namespace, or the legacy dotted form.
QString checkGatewayReference(const QString &ref)
{
    if (ref == QLatin1String("mesh"))
        return {};
    const qsizetype slash = ref.indexOf(QLatin1Char('/'));
    if (slash >= 0) {
        const QString ns = ref.left(slash);
        if ((ns == QLatin1String(".") || ValidationPrimitives::isDns1123Label(ns))
            && ValidationPrimitives::isDns1123Label(ref.mid(slash + 1)))
            return {};
    } else if (ValidationPrimitives::isDns1123Subdomain(ref)) {
        return {};
    }
    return QStringLiteral("gateway \"%1\" is not namespace/name with DNS-1123 labels").arg(ref);
}

QString checkHost(const QString &host, const QString &what)
{
    if (host.isEmpty())
        return QStringLiteral("%1 is empty").arg(what);
    const QString problem = ValidationPrimitives::checkWildcardDomain(host);
    return problem.isEmpty() ? QString() : QStringLiteral("%1 \"%2\": %3").arg(what, host, problem);
}

bool buildVirtualService(const Workspace &ws, const ResourceTemplates::Request &r,
    ResourceTemplates::Result *result, QString *error)
{
    QString problem = checkHost(r.host, QStringLiteral("host"));
    QStringList hosts = cleaned(r.hosts);
    if (hosts.isEmpty())
        hosts = QStringList { r.host };
    const QStringList gateways = cleaned(r.gateways);
    for (const QString &h : hosts)
        if (problem.isEmpty())
            problem = checkHost(h, QStringLiteral("VirtualService host"));
    for (const QString &g : gateways)
        if (problem.isEmpty())
            problem = checkGatewayReference(g);
    const bool mesh = gateways.isEmpty() || gateways.contains(QLatin1String("mesh"));
    if (problem.isEmpty() && mesh && hosts.contains(QLatin1String("*")))
        problem = QStringLiteral("host \"*\" is only allowed for a VirtualService bound to gateways only");
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    QByteArray vs = header(ResourceKind::VirtualService, r.name, r.namespaceName) + "spec:\n  hosts:\n";
    for (const QString &h : hosts)
        vs += "  - " + quoted(h) + "\n";
    if (!gateways.isEmpty()) {
        vs += "  gateways:\n";
        for (const QString &g : gateways)
            vs += "  - " + quoted(g) + "\n";
    }
    vs += "  http:\n  - route:\n    - destination:\n        host: " + quoted(r.host) + "\n";
    if (const Resource *service = ResourceTemplates::serviceForHost(ws, r.host, r.namespaceName)) {
        const KubernetesService &s = *service->service();
        if (const ServicePort *port = ResourceTemplates::routePort(s); port && port->port.present) {
            vs += "        port:\n          number: " + QByteArray::number(port->port.value) + "\n";
            if (s.ports.size() > 1)
                result->note = QStringLiteral("Service %1 has %2 ports; the route goes to port %3")
                                   .arg(service->name())
                                   .arg(s.ports.size())
                                   .arg(port->port.value);
        }
    } else {
        result->note = QStringLiteral("no opened Service is named by host %1 in namespace %2")
                           .arg(r.host, r.namespaceName);
    }
    // Sidecars use only one VirtualService per host (IST0109): say which one is there already.
    if (mesh)
        for (const Resource *other : ws.ofKind(ResourceKind::VirtualService)) {
            const VirtualService &o = *other->virtualService();
            bool otherMesh = o.gateways.isEmpty();
            for (const Field<QString> &g : o.gateways)
                otherMesh = otherMesh || g.value == QLatin1String("mesh");
            if (!otherMesh || other->namespaceName() != r.namespaceName)
                continue;
            for (const Field<QString> &h : o.hosts)
                for (const QString &mine : hosts)
                    if (HostName::resolve(h.value, other->namespaceName()).toLower()
                        == HostName::resolve(mine, r.namespaceName).toLower()) {
                        result->note = QStringLiteral(
                            "VirtualService %1 already routes host %2 for sidecars, which use only one; "
                            "edit that one, or bind this one to a gateway")
                                           .arg(other->displayName().section(QLatin1Char(' '), 1), mine);
                        result->documents = { vs };
                        return true;
                    }
        }
    result->documents = { vs };
    return true;
}

bool buildDestinationRule(const Workspace &ws, const ResourceTemplates::Request &r,
    ResourceTemplates::Result *result, QString *error)
{
    if (const QString problem = checkHost(r.host, QStringLiteral("host")); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    QByteArray dr = header(ResourceKind::DestinationRule, r.name, r.namespaceName)
        + "spec:\n  host: " + quoted(r.host) + "\n";
    const Resource *service = ResourceTemplates::serviceForHost(ws, r.host, r.namespaceName);
    QString key;
    QStringList versions;
    QString why;
    if (!service)
        result->note = QStringLiteral("no opened Service is named by host %1 in namespace %2, so no subsets")
                           .arg(r.host, r.namespaceName);
    else if (!CanaryTemplate::findVersions(ws, *service, 1, &key, &versions, &why))
        result->note = QStringLiteral("no subsets: %1").arg(why);
    if (!versions.isEmpty()) {
        dr += "  subsets:\n";
        for (const QString &v : versions)
            dr += "  - name: " + quoted(v) + "\n    labels:\n      " + quoted(key) + ": " + quoted(v) + "\n";
    }
    result->documents = { dr };
    return true;
}

bool buildGateway(const ResourceTemplates::Request &r, ResourceTemplates::Result *result, QString *error)
{
    QStringList hosts = cleaned(r.hosts);
    if (hosts.isEmpty())
        hosts = QStringList { QStringLiteral("*") };
    for (const QString &h : hosts) {
        // A server host may be "namespace/host"; the namespace may be "*" or ".".
        const qsizetype slash = h.indexOf(QLatin1Char('/'));
        const QString ns = slash >= 0 ? h.left(slash) : QString();
        QString problem = checkHost(h.mid(slash + 1), QStringLiteral("Gateway host"));
        if (problem.isEmpty() && slash >= 0 && ns != QLatin1String("*") && ns != QLatin1String(".")
            && !ValidationPrimitives::isDns1123Label(ns))
            problem = QStringLiteral("Gateway host \"%1\": \"%2\" is not a namespace").arg(h, ns);
        if (!problem.isEmpty()) {
            *error = problem;
            return false;
        }
    }
    QByteArray gw = header(ResourceKind::Gateway, r.name, r.namespaceName)
        + "spec:\n  selector:\n    istio: ingressgateway\n  servers:\n  - port:\n      number: 80\n"
          "      name: http\n      protocol: HTTP\n    hosts:\n";
    for (const QString &h : hosts)
        gw += "    - " + quoted(h) + "\n";
    result->documents = { gw };
    return true;
}

} // namespace

const ServicePort *ResourceTemplates::routePort(const KubernetesService &service)
{
    if (service.ports.isEmpty())
        return nullptr;
    if (service.ports.size() > 1)
        for (const ServicePort &p : service.ports) {
            const QString protocol
                = PortProtocol::ofPortName(p.appProtocol.present ? p.appProtocol.value : p.name.value);
            if (protocol.startsWith(QLatin1String("HTTP")) || protocol == QLatin1String("GRPC"))
                return &p;
        }
    return &service.ports.first();
}

ResourceKind ResourceTemplates::resourceKind(Kind kind)
{
    switch (kind) {
    case Kind::GatewayApiGateway:
        return ResourceKind::KubernetesGateway;
    case Kind::HttpRoute:
    case Kind::MeshHttpRoute:
    case Kind::HttpRouteCanary:
        return ResourceKind::HTTPRoute;
    case Kind::DestinationRule:
        return ResourceKind::DestinationRule;
    case Kind::Gateway:
        return ResourceKind::Gateway;
    case Kind::VirtualService:
    case Kind::Canary:
        break;
    }
    return ResourceKind::VirtualService;
}

QString ResourceTemplates::checkNewName(
    const Workspace &workspace, ResourceKind kind, const QString &ns, const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("the name is empty");
    if (!ValidationPrimitives::isDns1123Subdomain(name))
        return QStringLiteral(
            "\"%1\" is not a valid name: lower-case letters, digits, '-' and '.', starting and ending "
            "with a letter or digit")
            .arg(name);
    if (workspace.find(kind, ns, name))
        return QStringLiteral("a %1 named %2 already exists in namespace %3").arg(kindName(kind), name, ns);
    return {};
}

const Resource *ResourceTemplates::serviceForHost(
    const Workspace &workspace, const QString &host, const QString &ns)
{
    const QString fqdn = HostName::resolve(host.trimmed(), ns).toLower();
    for (const Resource *s : workspace.ofKind(ResourceKind::Service))
        if (HostName::serviceFqdn(s->name(), s->namespaceName()) == fqdn)
            return s;
    return nullptr;
}

QString ResourceTemplates::defaultName(const Workspace &workspace, const Request &request)
{
    QString base;
    if (request.kind == Kind::Canary) {
        const Resource *s = serviceForHost(workspace, request.host, request.namespaceName);
        return s ? s->name() : QString();
    }
    if (request.kind == Kind::Gateway || request.kind == Kind::GatewayApiGateway) {
        QString first;
        for (const QString &h : request.hosts) {
            const QString dns = h.section(QLatin1Char('/'), -1).trimmed();
            if (!dns.isEmpty() && !HostName::isWildcard(dns) && !ValidationPrimitives::isIpAddress(dns)) {
                first = dns.section(QLatin1Char('.'), 0, 0);
                break;
            }
        }
        base = (first.isEmpty() ? QStringLiteral("ingress") : first) + QStringLiteral("-gateway");
    } else {
        base = request.host.trimmed().section(QLatin1Char('.'), 0, 0);
        if (HostName::isWildcard(base) || base.isEmpty())
            base = request.host.trimmed().section(QLatin1Char('.'), 1, 1);
    }
    if (GatewayApiTemplates::handles(request.kind) && request.kind != Kind::GatewayApiGateway)
        if (const Resource *s = serviceForHost(workspace, request.host, request.namespaceName))
            base = s->name(); // a route is named after the Service it routes (as the migration guide does)
    base = base.toLower();
    if (!ValidationPrimitives::isDns1123Label(base))
        base = request.kind == Kind::DestinationRule     ? QStringLiteral("destination-rule")
            : GatewayApiTemplates::handles(request.kind) ? QStringLiteral("route")
                                                         : QStringLiteral("virtual-service");
    const ResourceKind kind = resourceKind(request.kind);
    QString name = base;
    for (int i = 2; workspace.find(kind, request.namespaceName, name); ++i)
        name = base + QLatin1Char('-') + QString::number(i);
    return name;
}

bool ResourceTemplates::build(
    const Workspace &workspace, const Request &request, Result *result, QString *error)
{
    *result = Result();
    if (!ValidationPrimitives::isDns1123Label(request.namespaceName)) {
        *error
            = QStringLiteral("\"%1\" is not a valid namespace (a DNS-1123 label)").arg(request.namespaceName);
        return false;
    }
    if (request.kind == Kind::Canary) {
        const Resource *service = serviceForHost(workspace, request.host, request.namespaceName);
        if (!service) {
            *error = QStringLiteral("no opened Service is named by host \"%1\" in namespace %2")
                         .arg(request.host, request.namespaceName);
            return false;
        }
        CanaryTemplate::Result canary;
        if (!CanaryTemplate::build(workspace, service->id, &canary, error))
            return false;
        result->documents = { canary.destinationRule, canary.virtualService };
        result->resources = { { ResourceKind::DestinationRule, service->namespaceName(), service->name() },
            { ResourceKind::VirtualService, service->namespaceName(), service->name() } };
        result->description = QStringLiteral("New canary split for service %1").arg(service->name());
        result->note
            = QStringLiteral("subsets by label %1: %2; 100% to %3")
                  .arg(canary.labelKey, canary.versions.join(QStringLiteral(", ")), canary.versions.value(0));
        return true;
    }
    const ResourceKind kind = resourceKind(request.kind);
    if (const QString problem = checkNewName(workspace, kind, request.namespaceName, request.name);
        !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    bool ok = false;
    switch (request.kind) {
    case Kind::VirtualService:
        ok = buildVirtualService(workspace, request, result, error);
        break;
    case Kind::DestinationRule:
        ok = buildDestinationRule(workspace, request, result, error);
        break;
    case Kind::Gateway:
        ok = buildGateway(request, result, error);
        break;
    case Kind::Canary:
        break;
    default:
        ok = GatewayApiTemplates::build(workspace, request, result, error);
        break;
    }
    if (!ok) {
        *result = Result();
        return false;
    }
    result->resources = { { kind, request.namespaceName, request.name } };
    result->description
        = QStringLiteral("New %1 %2/%3").arg(kindName(kind), request.namespaceName, request.name);
    return true;
}

} // namespace meshroute
