#include "kubernetesgatewayreader.h"

#include "mapreader.h"

namespace meshroute {

KubernetesGateway KubernetesGatewayReader::read(const YamlNode &n, const FieldPath &path)
{
    KubernetesGateway g;
    g.specPos = m_reader.pos(n);
    MapReader r(m_reader, n, QStringLiteral("GatewaySpec"), path);
    r.field("gatewayClassName",
        [&](const YamlNode &v, const FieldPath &p) { g.gatewayClassName = string(v, p); });
    r.field("listeners", [&](const YamlNode &v, const FieldPath &p) {
        list(
            v, p, [&](const YamlNode &item, const FieldPath &ip) { g.listeners.append(listener(item, ip)); });
    });
    r.field("addresses", [&](const YamlNode &v, const FieldPath &p) {
        list(v, p, [&](const YamlNode &item, const FieldPath &ip) { g.addresses.append(address(item, ip)); });
    });
    // In the v1.6 CRD (standard: infrastructure, tls, allowedListeners; experimental: backendTLS,
    // defaultScope) but not used to route: kept in the file, not reported.
    r.known({ "infrastructure", "tls", "allowedListeners", "backendTLS", "defaultScope" });
    return g;
}

Listener KubernetesGatewayReader::listener(const YamlNode &n, const FieldPath &path)
{
    Listener l;
    l.pos = m_reader.pos(n);
    MapReader r(m_reader, n, QStringLiteral("Listener"), path);
    r.field("name", [&](const YamlNode &v, const FieldPath &p) { l.name = string(v, p); });
    r.field("hostname", [&](const YamlNode &v, const FieldPath &p) { l.hostname = string(v, p); });
    r.field("port", [&](const YamlNode &v, const FieldPath &p) { l.port = int32(v, p); });
    r.field("protocol", [&](const YamlNode &v, const FieldPath &p) { l.protocol = string(v, p); });
    r.field("tls", [&](const YamlNode &v, const FieldPath &p) { l.tls = listenerTls(v, p); });
    r.field("allowedRoutes",
        [&](const YamlNode &v, const FieldPath &p) { l.allowedRoutes = allowedRoutes(v, p); });
    return l;
}

ListenerTls KubernetesGatewayReader::listenerTls(const YamlNode &n, const FieldPath &path)
{
    ListenerTls t;
    t.pos = m_reader.pos(n);
    t.present = true;
    MapReader r(m_reader, n, QStringLiteral("ListenerTLSConfig"), path);
    r.field("mode", [&](const YamlNode &v, const FieldPath &p) { t.mode = string(v, p); });
    r.field("certificateRefs", [&](const YamlNode &v, const FieldPath &p) {
        list(v, p, [&](const YamlNode &item, const FieldPath &ip) {
            t.certificateRefs.append(
                objectReference(item, ip, QStringLiteral("SecretObjectReference"), true, false));
        });
    });
    r.field("options", [&](const YamlNode &v, const FieldPath &p) { t.options = stringEntries(v, p); });
    // Experimental before v1.5 (client certificate validation per listener).
    r.known({ "frontendValidation" });
    return t;
}

AllowedRoutes KubernetesGatewayReader::allowedRoutes(const YamlNode &n, const FieldPath &path)
{
    AllowedRoutes a;
    a.pos = m_reader.pos(n);
    a.present = true;
    MapReader r(m_reader, n, QStringLiteral("AllowedRoutes"), path);
    r.field("namespaces", [&](const YamlNode &v, const FieldPath &p) {
        MapReader nr(m_reader, v, QStringLiteral("RouteNamespaces"), p);
        nr.field("from", [&](const YamlNode &x, const FieldPath &xp) { a.namespacesFrom = string(x, xp); });
        nr.field("selector",
            [&](const YamlNode &x, const FieldPath &xp) { a.namespacesSelector = labelSelector(x, xp); });
    });
    r.field("kinds", [&](const YamlNode &v, const FieldPath &p) {
        list(v, p, [&](const YamlNode &item, const FieldPath &ip) {
            RouteGroupKind k;
            k.pos = m_reader.pos(item);
            MapReader kr(m_reader, item, QStringLiteral("RouteGroupKind"), ip);
            kr.field("group", [&](const YamlNode &x, const FieldPath &xp) { k.group = string(x, xp); });
            kr.field("kind", [&](const YamlNode &x, const FieldPath &xp) { k.kind = string(x, xp); });
            a.kinds.append(k);
        });
    });
    return a;
}

GatewayAddress KubernetesGatewayReader::address(const YamlNode &n, const FieldPath &path)
{
    GatewayAddress a;
    a.pos = m_reader.pos(n);
    MapReader r(m_reader, n, QStringLiteral("GatewaySpecAddress"), path);
    r.field("type", [&](const YamlNode &v, const FieldPath &p) { a.type = string(v, p); });
    r.field("value", [&](const YamlNode &v, const FieldPath &p) { a.value = string(v, p); });
    return a;
}

} // namespace meshroute
