#include "gatewayapitemplates.h"

#include "validationprimitives.h"
#include "workspace.h"
#include "yamledit.h"

#include <QRegularExpression>

namespace meshroute {

namespace {

using Kind = ResourceTemplates::Kind;

QByteArray quoted(const QString &s)
{
    return GatewayApiTemplates::yamlString(s);
}

QStringList cleaned(const QStringList &list)
{
    return GatewayApiTemplates::cleaned(list);
}

QByteArray header(const char *kind, const QString &name, const QString &ns)
{
    return QByteArray("apiVersion: gateway.networking.k8s.io/v1\nkind: ") + kind
        + "\nmetadata:\n  name: " + quoted(name) + "\n  namespace: " + quoted(ns) + "\nspec:\n";
}

// A backendRef or a Service parentRef: the Service a host names, with the port to route to.
struct ServiceTarget
{
    QString name;
    QString namespaceName;
    qint64 port = 0;
};

bool serviceTarget(const Workspace &ws, const QString &host, const QString &ns, const QString &what,
    ServiceTarget *target, QString *error)
{
    const Resource *service = ResourceTemplates::serviceForHost(ws, host, ns);
    if (!service) {
        *error = QStringLiteral("%1: no opened Service is named by \"%2\" in namespace %3 (Gateway API "
                                "routes to Services)")
                     .arg(what, host, ns);
        return false;
    }
    const ServicePort *port = ResourceTemplates::routePort(*service->service());
    if (!port || !port->port.present) {
        *error = QStringLiteral("%1: Service %2 has no port to route to").arg(what, service->name());
        return false;
    }
    *target = { service->name(), service->namespaceName(), port->port.value };
    return true;
}

// "  - name: x\n    namespace: y\n    port: 80\n" at `indent`, the namespace only when it is another.
QByteArray reference(const ServiceTarget &t, const QString &routeNs, const QByteArray &indent)
{
    QByteArray out = indent + "- name: " + quoted(t.name) + "\n";
    if (t.namespaceName != routeNs)
        out += indent + "  namespace: " + quoted(t.namespaceName) + "\n";
    return out + indent + "  port: " + QByteArray::number(t.port) + "\n";
}

// The parentRef of a route at a Gateway API Gateway, "[namespace/]name".
bool gatewayParent(
    const Workspace &ws, const ResourceTemplates::Request &r, QByteArray *out, QString *note, QString *error)
{
    const QString ref = r.parentGateway.trimmed();
    const QString ns = ref.contains(QLatin1Char('/')) ? ref.section(QLatin1Char('/'), 0, 0) : r.namespaceName;
    const QString name = ref.section(QLatin1Char('/'), -1);
    if (name.isEmpty() || !ValidationPrimitives::isDns1123Subdomain(name)
        || !ValidationPrimitives::isDns1123Label(ns)) {
        *error = ref.isEmpty() ? QStringLiteral("choose the Gateway the route attaches to")
                               : QStringLiteral("Gateway \"%1\" is not [namespace/]name").arg(ref);
        return false;
    }
    if (!ws.find(ResourceKind::KubernetesGateway, ns, name))
        *note = QStringLiteral("no opened Gateway (gateway.networking.k8s.io) %1/%2").arg(ns, name);
    *out = "  parentRefs:\n  - name: " + quoted(name) + "\n";
    if (ns != r.namespaceName)
        *out += "    namespace: " + quoted(ns) + "\n";
    return true;
}

bool hostnames(const ResourceTemplates::Request &r, QByteArray *out, QString *error)
{
    const QStringList hosts = cleaned(r.hosts);
    for (const QString &h : hosts)
        if (const QString problem = GatewayApiTemplates::checkHostname(h); !problem.isEmpty()) {
            *error = problem;
            return false;
        }
    if (!hosts.isEmpty()) {
        *out = "  hostnames:\n";
        for (const QString &h : hosts)
            *out += "  - " + quoted(h) + "\n";
    }
    return true;
}

bool buildGateway(const ResourceTemplates::Request &r, QByteArray *doc, QString *error)
{
    const QStringList hosts = cleaned(r.hosts);
    *doc = header("Gateway", r.name, r.namespaceName) + "  gatewayClassName: istio\n  listeners:\n";
    // One HTTP listener on port 80, or one per hostname (names must be unique in the Gateway).
    for (int i = 0; i < std::max<qsizetype>(1, hosts.size()); ++i) {
        *doc += "  - name: " + (i == 0 ? QByteArray("http") : "http-" + QByteArray::number(i + 1)) + "\n";
        if (i < hosts.size()) {
            if (const QString problem = GatewayApiTemplates::checkHostname(hosts[i]); !problem.isEmpty()) {
                *error = problem;
                return false;
            }
            *doc += "    hostname: " + quoted(hosts[i]) + "\n";
        }
        *doc += "    port: 80\n    protocol: HTTP\n";
    }
    return true;
}

// An HTTPRoute whose one rule sends to `backends` (weighted when there are several).
bool buildRoute(
    const Workspace &ws, const ResourceTemplates::Request &r, QByteArray *doc, QString *note, QString *error)
{
    const bool canary = r.kind == Kind::HttpRouteCanary;
    ServiceTarget stable, next;
    if (!serviceTarget(ws, r.host, r.namespaceName,
            canary ? QStringLiteral("stable") : QStringLiteral("backend"), &stable, error)
        || (canary
            && !serviceTarget(ws, r.canaryHost, r.namespaceName, QStringLiteral("canary"), &next, error)))
        return false;
    if (canary && stable.name == next.name && stable.namespaceName == next.namespaceName) {
        *error = QStringLiteral("the stable and the canary Service are the same");
        return false;
    }
    QByteArray parents, names;
    // A mesh route attaches to the Service its clients call; a canary does too unless a Gateway is chosen.
    const bool mesh = r.kind == Kind::MeshHttpRoute || (canary && r.parentGateway.trimmed().isEmpty());
    if (mesh) {
        // The Service's entries continue the item that `group` and `kind` open.
        parents = "  parentRefs:\n  - group: \"\"\n    kind: Service\n"
            + reference(stable, r.namespaceName, "  ").replace("  - name:", "    name:");
    } else if (!gatewayParent(ws, r, &parents, note, error) || !hostnames(r, &names, error)) {
        return false;
    }
    *doc = header("HTTPRoute", r.name, r.namespaceName) + parents + names + "  rules:\n  - backendRefs:\n";
    *doc += reference(stable, r.namespaceName, "    ");
    if (canary) {
        *doc += "      weight: 100\n" + reference(next, r.namespaceName, "    ") + "      weight: 0\n";
        *note = QStringLiteral("100% to %1, 0% to %2: move the sliders to shift traffic")
                    .arg(stable.name, next.name);
    }
    if (stable.namespaceName != r.namespaceName || (canary && next.namespaceName != r.namespaceName))
        *note = QStringLiteral("a backend in another namespace needs a ReferenceGrant there (MR2045)");
    return true;
}

} // namespace

QString GatewayApiTemplates::checkHostname(const QString &host)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    if (host.size() > 253 || !pattern.match(host).hasMatch() || ValidationPrimitives::isIpAddress(host))
        return QStringLiteral("hostname \"%1\" is not a lower-case DNS name (a leading \"*.\" is allowed; "
                              "no IP address, no lone \"*\")")
            .arg(host);
    return {};
}

QByteArray GatewayApiTemplates::yamlString(const QString &s)
{
    return YamlEdit::formatScalar(s, YamlNode::Style::Plain, true);
}

QStringList GatewayApiTemplates::cleaned(const QStringList &list)
{
    QStringList out;
    for (const QString &s : list)
        if (!s.trimmed().isEmpty() && !out.contains(s.trimmed()))
            out.append(s.trimmed());
    return out;
}

bool GatewayApiTemplates::handles(ResourceTemplates::Kind kind)
{
    return kind == Kind::GatewayApiGateway || kind == Kind::HttpRoute || kind == Kind::MeshHttpRoute
        || kind == Kind::HttpRouteCanary;
}

bool GatewayApiTemplates::build(const Workspace &workspace, const ResourceTemplates::Request &request,
    ResourceTemplates::Result *result, QString *error)
{
    QByteArray doc;
    const bool ok = request.kind == Kind::GatewayApiGateway
        ? buildGateway(request, &doc, error)
        : buildRoute(workspace, request, &doc, &result->note, error);
    if (ok)
        result->documents = { doc };
    return ok;
}

} // namespace meshroute
