#include "istiogatewayconverter.h"

#include "conversioncontext.h"
#include "gatewayapiyaml.h"
#include "resource.h"
#include "yamledit.h"

namespace meshroute {

namespace {

QString serverPath(int serverIndex)
{
    return QStringLiteral("spec.servers[%1]").arg(serverIndex);
}

// "ns/host" and "*/host" name the namespaces whose VirtualServices may bind;
// the hostname is what follows the slash.
QString hostPart(const QString &host)
{
    const int slash = host.indexOf(QLatin1Char('/'));
    return slash < 0 ? host : host.mid(slash + 1);
}

} // namespace

YamlNode IstioGatewayConverter::convert(const Resource &r, bool routesFromAllNamespaces)
{
    YamlNode object = GatewayApiYaml::object(QStringLiteral("gateway.networking.k8s.io/v1"),
        QStringLiteral("Gateway"), r.name(), r.namespaceName());
    YamlNode spec = YamlEdit::mapping();
    GatewayApiYaml::set(spec, "gatewayClassName", GatewayApiYaml::string(QStringLiteral("istio")));
    YamlNode listeners = YamlEdit::sequence();
    const Gateway *g = r.gateway();
    if (g->hasSelector)
        m_context.warn(r, g->selectorPos, QStringLiteral("spec.selector"),
            QStringLiteral(
                "a Gateway API Gateway of class istio gets its own deployment: the pods this selector "
                "picks no longer serve these routes; point DNS or the load balancer at the new one"));
    for (int i = 0; i < g->servers.size(); ++i)
        addListeners(listeners, r, g->servers[i], i, routesFromAllNamespaces);
    if (listeners.children.empty()) { // the CRD wants at least one listener
        m_context.warn(r, g->specPos, QStringLiteral("spec.servers"),
            QStringLiteral(
                "no server becomes a listener: Gateway not written; the routes that bind it name a "
                "Gateway that does not exist"));
        return {};
    }
    GatewayApiYaml::set(spec, "listeners", listeners);
    GatewayApiYaml::set(object, "spec", spec);
    return object;
}

void IstioGatewayConverter::addListeners(YamlNode &listeners, const Resource &r, const Server &server,
    int serverIndex, bool routesFromAllNamespaces)
{
    const QString protocol = listenerProtocol(r, server, serverIndex);
    if (protocol.isEmpty())
        return;
    QStringList hosts;
    for (const Field<QString> &h : server.hosts) {
        const QString host = hostPart(h.value);
        if (host == QLatin1String("*")) { // any host: a listener without hostname
            hosts = QStringList { QString() };
            break;
        }
        if (!hosts.contains(host))
            hosts.append(host);
    }
    for (int h = 0; h < hosts.size(); ++h) {
        YamlNode listener = YamlEdit::mapping();
        QString name = protocol.toLower() + QLatin1Char('-') + QString::number(server.port.number.value);
        if (hosts.size() > 1)
            name += QLatin1Char('-') + QString::number(h);
        if (serverIndex > 0)
            name += QStringLiteral("-s") + QString::number(serverIndex);
        GatewayApiYaml::set(listener, "name", GatewayApiYaml::string(name));
        if (!hosts[h].isEmpty())
            GatewayApiYaml::set(listener, "hostname", GatewayApiYaml::string(hosts[h]));
        GatewayApiYaml::set(listener, "port", GatewayApiYaml::number(server.port.number.value));
        GatewayApiYaml::set(listener, "protocol", GatewayApiYaml::string(protocol));
        if (protocol == QLatin1String("HTTPS") || protocol == QLatin1String("TLS"))
            GatewayApiYaml::set(listener, "tls", tls(r, server, serverIndex));
        if (routesFromAllNamespaces) {
            YamlNode namespaces = YamlEdit::mapping();
            GatewayApiYaml::set(namespaces, "from", GatewayApiYaml::string(QStringLiteral("All")));
            YamlNode allowed = YamlEdit::mapping();
            GatewayApiYaml::set(allowed, "namespaces", namespaces);
            GatewayApiYaml::set(listener, "allowedRoutes", allowed);
        }
        GatewayApiYaml::append(listeners, listener);
    }
}

QString IstioGatewayConverter::listenerProtocol(const Resource &r, const Server &server, int serverIndex)
{
    const QString protocol = server.port.protocol.value.toUpper();
    if (protocol == QLatin1String("HTTP") || protocol == QLatin1String("HTTP2")
        || protocol == QLatin1String("GRPC")) {
        if (server.tls.httpsRedirect.value)
            m_context.warn(r, server.tls.pos, serverPath(serverIndex) + QStringLiteral(".tls.httpsRedirect"),
                QStringLiteral("httpsRedirect has no listener field: add an HTTPRoute with a RequestRedirect "
                               "filter (scheme https, statusCode 301) on this listener"));
        return QStringLiteral("HTTP");
    }
    if (protocol == QLatin1String("HTTPS"))
        return server.tls.mode.value == QLatin1String("PASSTHROUGH") ? QStringLiteral("TLS")
                                                                     : QStringLiteral("HTTPS");
    if (protocol == QLatin1String("TLS") || protocol == QLatin1String("TCP"))
        return protocol;
    m_context.warn(r, server.port.number.pos, serverPath(serverIndex) + QStringLiteral(".port.protocol"),
        QStringLiteral("protocol %1 has no Gateway API listener: server left out")
            .arg(server.port.protocol.value));
    return {};
}

YamlNode IstioGatewayConverter::tls(const Resource &r, const Server &server, int serverIndex)
{
    YamlNode tls = YamlEdit::mapping();
    const QString mode = server.tls.mode.value;
    if (mode == QLatin1String("PASSTHROUGH")) {
        GatewayApiYaml::set(tls, "mode", GatewayApiYaml::string(QStringLiteral("Passthrough")));
        m_context.warn(r, server.tls.pos, serverPath(serverIndex) + QStringLiteral(".tls"),
            QStringLiteral("TLS passthrough: the VirtualServices' tls routes are not converted (TLSRoute is "
                           "experimental)"));
        return tls;
    }
    GatewayApiYaml::set(tls, "mode", GatewayApiYaml::string(QStringLiteral("Terminate")));
    if (mode == QLatin1String("MUTUAL") || mode == QLatin1String("OPTIONAL_MUTUAL")
        || mode == QLatin1String("ISTIO_MUTUAL"))
        m_context.warn(r, server.tls.pos, serverPath(serverIndex) + QStringLiteral(".tls.mode"),
            QStringLiteral("tls mode %1: a Gateway listener only terminates TLS; client certificates are "
                           "not checked after the migration")
                .arg(mode));
    YamlNode refs = YamlEdit::sequence();
    if (server.tls.credentialName.present) {
        YamlNode ref = YamlEdit::mapping();
        GatewayApiYaml::set(ref, "name", GatewayApiYaml::string(server.tls.credentialName.value));
        GatewayApiYaml::append(refs, ref);
    } else {
        m_context.warn(r, server.tls.pos, serverPath(serverIndex) + QStringLiteral(".tls"),
            QStringLiteral(
                "no credentialName: a listener takes its certificate from a Secret (certificateRefs); "
                "file-mounted certificates are not converted"));
    }
    GatewayApiYaml::set(tls, "certificateRefs", refs);
    return tls;
}

} // namespace meshroute
