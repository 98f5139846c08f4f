#include "gatewayreader.h"

#include "mapreader.h"

namespace meshroute {

Gateway GatewayReader::read(const YamlNode &n, const FieldPath &path)
{
    Gateway g;
    g.specPos = m_reader.pos(n);
    MapReader r(m_reader, n, QStringLiteral("Gateway spec"), path);
    r.field("selector", [&](const YamlNode &v, const FieldPath &p) {
        g.selector = labels(v, p);
        g.hasSelector = true;
        g.selectorPos = m_reader.pos(v);
    });
    r.field("servers", [&](const YamlNode &v, const FieldPath &p) {
        list(v, p, [&](const YamlNode &item, const FieldPath &ip) { g.servers.append(server(item, ip)); });
    });
    return g;
}

Server GatewayReader::server(const YamlNode &item, const FieldPath &ip)
{
    Server s;
    s.pos = m_reader.pos(item);
    MapReader sr(m_reader, item, QStringLiteral("Server"), ip);
    sr.field("port", [&](const YamlNode &f, const FieldPath &fp) {
        s.port.present = true;
        s.port.pos = m_reader.pos(f);
        MapReader pr(m_reader, f, QStringLiteral("Port"), fp);
        pr.field("number", [&](const YamlNode &x, const FieldPath &xp) { s.port.number = integer(x, xp); });
        pr.field(
            "protocol", [&](const YamlNode &x, const FieldPath &xp) { s.port.protocol = string(x, xp); });
        pr.field("name", [&](const YamlNode &x, const FieldPath &xp) { s.port.name = string(x, xp); });
        pr.field("targetPort",
            [&](const YamlNode &x, const FieldPath &xp) { s.port.targetPort = integer(x, xp); });
    });
    sr.field("bind", [&](const YamlNode &f, const FieldPath &fp) { s.bind = string(f, fp); });
    sr.field("hosts", [&](const YamlNode &f, const FieldPath &fp) { s.hosts = strings(f, fp); });
    sr.field("name", [&](const YamlNode &f, const FieldPath &fp) { s.name = string(f, fp); });
    sr.field("tls", [&](const YamlNode &f, const FieldPath &fp) { s.tls = serverTls(f, fp); });
    sr.known({ "defaultEndpoint" });
    return s;
}

ServerTls GatewayReader::serverTls(const YamlNode &f, const FieldPath &fp)
{
    ServerTls t;
    t.present = true;
    t.pos = m_reader.pos(f);
    MapReader tr(m_reader, f, QStringLiteral("ServerTLSSettings"), fp);
    tr.field(
        "httpsRedirect", [&](const YamlNode &x, const FieldPath &xp) { t.httpsRedirect = boolean(x, xp); });
    tr.field("mode", [&](const YamlNode &x, const FieldPath &xp) { t.mode = string(x, xp); });
    tr.field("serverCertificate",
        [&](const YamlNode &x, const FieldPath &xp) { t.serverCertificate = string(x, xp); });
    tr.field("privateKey", [&](const YamlNode &x, const FieldPath &xp) { t.privateKey = string(x, xp); });
    tr.field(
        "caCertificates", [&](const YamlNode &x, const FieldPath &xp) { t.caCertificates = string(x, xp); });
    tr.field("caCrl", [&](const YamlNode &x, const FieldPath &xp) { t.caCrl = string(x, xp); });
    tr.field(
        "credentialName", [&](const YamlNode &x, const FieldPath &xp) { t.credentialName = string(x, xp); });
    tr.field("credentialNames",
        [&](const YamlNode &x, const FieldPath &xp) { t.credentialNames = strings(x, xp); });
    tr.field("tlsCertificates", [&](const YamlNode &x, const FieldPath &xp) {
        t.tlsCertificateCount = x.isSequence() ? int(x.children.size()) : 0;
    });
    tr.field("minProtocolVersion",
        [&](const YamlNode &x, const FieldPath &xp) { t.minProtocolVersion = string(x, xp); });
    tr.field("maxProtocolVersion",
        [&](const YamlNode &x, const FieldPath &xp) { t.maxProtocolVersion = string(x, xp); });
    tr.field(
        "cipherSuites", [&](const YamlNode &x, const FieldPath &xp) { t.cipherSuites = strings(x, xp); });
    tr.known({ "caCertCredentialName", "subjectAltNames", "verifyCertificateSpki", "verifyCertificateHash",
        "insecureSkipVerify" });
    return t;
}

} // namespace meshroute
