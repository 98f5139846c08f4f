#include "gatewayvalidator.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "fieldvalidator.h"
#include "resource.h"
#include "validationprimitives.h"

#include <QHash>

namespace meshroute {

namespace {

using VP = ValidationPrimitives;
using FV = FieldValidator;

void serverHost(CheckContext &ctx, const Resource &r, const Field<QString> &h, const QString &path)
{
    QString ns, dns = h.value;
    const qsizetype slash = h.value.indexOf(QLatin1Char('/'));
    if (slash >= 0) {
        ns = h.value.left(slash);
        dns = h.value.mid(slash + 1);
        if (ns != QLatin1String("*") && ns != QLatin1String(".") && !VP::isDns1123Label(ns)) {
            ctx.error(r, h.pos, Code::InvalidGatewayServer,
                QStringLiteral("host \"%1\": namespace \"%2\" must be *, . or a namespace name")
                    .arg(h.value, ns),
                path);
            return;
        }
    }
    if (dns == QLatin1String("*") || VP::isIpAddress(dns))
        return;
    if (dns.contains(QLatin1Char('*'))
        && !(dns.startsWith(QLatin1String("*.")) && dns.count(QLatin1Char('*')) == 1)) {
        ctx.error(r, h.pos, Code::InvalidGatewayServer,
            QStringLiteral("partial wildcard \"%1\" not allowed; use * or *.domain").arg(dns), path);
        return;
    }
    if (!dns.contains(QLatin1Char('.'))) {
        ctx.error(r, h.pos, Code::InvalidGatewayServer,
            QStringLiteral("short names (non FQDN) are not allowed: \"%1\"; write the full name, e.g. "
                           "%1.example.com")
                .arg(dns),
            path);
        return;
    }
    const QString why = VP::checkWildcardDomain(dns);
    if (!why.isEmpty())
        ctx.error(r, h.pos, Code::InvalidHost, why, path);
}

bool isSet(const Field<QString> &f)
{
    return f.present && !f.value.isEmpty();
}

bool hasCertificates(const ServerTls &t)
{
    return isSet(t.serverCertificate) || isSet(t.privateKey) || isSet(t.caCertificates)
        || isSet(t.credentialName) || !t.credentialNames.isEmpty() || t.tlsCertificateCount > 0;
}

// TLS settings on a server that does not speak TLS: only httpsRedirect on HTTP means anything.
void plainServerTls(
    CheckContext &ctx, const Resource &r, const ServerTls &t, const QString &protocol, const QString &p)
{
    if (t.httpsRedirect.present && t.httpsRedirect.value && protocol != QLatin1String("HTTP"))
        ctx.warning(r, t.httpsRedirect.pos, Code::GatewayTlsIgnored,
            QStringLiteral("httpsRedirect only applies to HTTP servers; remove it"),
            p + QStringLiteral(".httpsRedirect"));
    if (hasCertificates(t) || t.mode.present)
        ctx.error(r, t.pos, Code::InvalidGatewayTls,
            QStringLiteral("server cannot have TLS settings for plain %1 ports; use protocol HTTPS or TLS, "
                           "or keep only httpsRedirect")
                .arg(protocol.isEmpty() ? QStringLiteral("text") : protocol),
            p);
}

// Passthrough modes hand TLS to the backend: certificates written there are ignored.
void passthroughTls(
    CheckContext &ctx, const Resource &r, const ServerTls &t, const QString &mode, const QString &p)
{
    if (!hasCertificates(t))
        return;
    if (!t.mode.present)
        ctx.warning(r, t.pos, Code::GatewayTlsIgnored,
            QStringLiteral("tls.mode is not set, so it defaults to PASSTHROUGH and the certificate is "
                           "ignored; set mode: SIMPLE to terminate TLS at the gateway"),
            p + QStringLiteral(".mode"));
    else
        ctx.warning(r, t.mode.pos, Code::GatewayTlsIgnored,
            QStringLiteral("%1 mode does not use certificates, they will be ignored; remove them or use "
                           "SIMPLE")
                .arg(mode),
            p + QStringLiteral(".mode"));
}

// SIMPLE, MUTUAL, OPTIONAL_MUTUAL terminate TLS: they need a certificate from somewhere.
void terminatingTls(CheckContext &ctx, const Resource &r, const ServerTls &t, const QString &mode,
    int sources, const QString &p)
{
    if (sources == 0) {
        if (!isSet(t.serverCertificate))
            ctx.error(r, t.pos, Code::InvalidGatewayTls,
                QStringLiteral("%1 mode requires a server certificate; set credentialName (a Secret) or "
                               "serverCertificate and privateKey")
                    .arg(mode),
                p + QStringLiteral(".serverCertificate"));
        if (!isSet(t.privateKey))
            ctx.error(r, t.pos, Code::InvalidGatewayTls,
                QStringLiteral("%1 mode requires a private key; set credentialName or privateKey").arg(mode),
                p + QStringLiteral(".privateKey"));
        if (mode != QLatin1String("SIMPLE") && !isSet(t.caCertificates))
            ctx.error(r, t.pos, Code::InvalidGatewayTls,
                QStringLiteral("%1 mode requires caCertificates to verify clients; set caCertificates or "
                               "credentialName")
                    .arg(mode),
                p + QStringLiteral(".caCertificates"));
    }
    if (t.minProtocolVersion.present
        && (t.minProtocolVersion.value == QLatin1String("TLSV1_0")
            || t.minProtocolVersion.value == QLatin1String("TLSV1_1"))
        && t.cipherSuites.isEmpty())
        ctx.warning(r, t.minProtocolVersion.pos, Code::GatewayTlsIgnored,
            QStringLiteral("minProtocolVersion %1 has no effect without cipherSuites that TLS 1.0/1.1 can "
                           "use; add cipherSuites or raise the version")
                .arg(t.minProtocolVersion.value),
            p + QStringLiteral(".minProtocolVersion"));
}

void serverTls(CheckContext &ctx, const Resource &r, const Server &s, const QString &path)
{
    const QString protocol = s.port.protocol.value.toUpper();
    const bool tlsProtocol = protocol == QLatin1String("HTTPS") || protocol == QLatin1String("TLS");
    const ServerTls &t = s.tls;
    const QString p = path + QStringLiteral(".tls");
    if (tlsProtocol && !t.present) {
        ctx.error(r, s.port.protocol.pos, Code::InvalidGatewayTls,
            QStringLiteral("server must have TLS settings for HTTPS/TLS protocols; add tls with mode SIMPLE "
                           "and credentialName, or PASSTHROUGH"),
            p);
        return;
    }
    if (!t.present)
        return;
    if (!tlsProtocol) {
        plainServerTls(ctx, r, t, protocol, p);
        return;
    }
    const QString mode = t.mode.present ? t.mode.value : QStringLiteral("PASSTHROUGH");
    if (t.mode.present
        && !QStringList { QStringLiteral("PASSTHROUGH"), QStringLiteral("SIMPLE"), QStringLiteral("MUTUAL"),
            QStringLiteral("AUTO_PASSTHROUGH"), QStringLiteral("ISTIO_MUTUAL"),
            QStringLiteral("OPTIONAL_MUTUAL") }
                .contains(mode)) {
        ctx.error(r, t.mode.pos, Code::InvalidGatewayTls,
            QStringLiteral("tls.mode \"%1\" is unknown; use SIMPLE, MUTUAL, PASSTHROUGH, AUTO_PASSTHROUGH, "
                           "ISTIO_MUTUAL or OPTIONAL_MUTUAL")
                .arg(mode),
            p + QStringLiteral(".mode"));
        return;
    }
    const int sources = (isSet(t.credentialName) ? 1 : 0) + (t.credentialNames.isEmpty() ? 0 : 1)
        + (t.tlsCertificateCount > 0 ? 1 : 0);
    if (sources > 1)
        ctx.error(r, t.pos, Code::InvalidGatewayTls,
            QStringLiteral("only one of credentialName, credentialNames and tlsCertificates may be set"), p);
    if (mode == QLatin1String("ISTIO_MUTUAL")) {
        if (hasCertificates(t))
            ctx.error(r, t.mode.pos, Code::InvalidGatewayTls,
                QStringLiteral(
                    "ISTIO_MUTUAL uses Istio's certificates; remove serverCertificate, privateKey, "
                    "caCertificates and credentialName"),
                p);
        return;
    }
    if (mode == QLatin1String("PASSTHROUGH") || mode == QLatin1String("AUTO_PASSTHROUGH")) {
        passthroughTls(ctx, r, t, mode, p);
        return;
    }
    terminatingTls(ctx, r, t, mode, sources, p);
}

} // namespace

void GatewayValidator::validate(CheckContext &ctx, const Resource &r)
{
    const Gateway *gw = r.gateway();
    if (!gw)
        return;
    FV::name(ctx, r, true);
    if (gw->servers.isEmpty()) {
        ctx.error(r, gw->specPos.isValid() ? gw->specPos : r.pos, Code::InvalidGatewayServer,
            QStringLiteral("gateway must have at least one server; add servers with port and hosts"),
            QStringLiteral("spec.servers"));
        return;
    }
    QHash<QString, int> portNames;
    for (int i = 0; i < gw->servers.size(); ++i) {
        const Server &s = gw->servers[i];
        const QString path = QStringLiteral("spec.servers[%1]").arg(i);
        if (!s.port.present) {
            ctx.error(r, s.pos, Code::MissingRequiredField,
                QStringLiteral("server port is required; add port with number, name and protocol"),
                path + QStringLiteral(".port"));
        } else {
            const QString pp = path + QStringLiteral(".port");
            if (!s.port.number.present)
                ctx.error(r, s.port.pos, Code::MissingRequiredField,
                    QStringLiteral("port number is required"), pp + QStringLiteral(".number"));
            FV::port(ctx, r, s.port.number, pp + QStringLiteral(".number"));
            if (!s.port.protocol.present || s.port.protocol.value.isEmpty())
                ctx.error(r, s.port.pos, Code::MissingRequiredField,
                    QStringLiteral("port protocol is required: HTTP, HTTPS, GRPC, HTTP2, TCP, TLS or MONGO"),
                    pp + QStringLiteral(".protocol"));
            else if (!VP::isKnownGatewayProtocol(s.port.protocol.value))
                ctx.error(r, s.port.protocol.pos, Code::InvalidGatewayServer,
                    QStringLiteral("invalid protocol \"%1\", supported protocols are HTTP, HTTPS, GRPC, "
                                   "GRPC-WEB, HTTP2, MONGO, TCP, TLS")
                        .arg(s.port.protocol.value),
                    pp + QStringLiteral(".protocol"));
            if (!s.port.name.present || s.port.name.value.isEmpty()) {
                ctx.error(r, s.port.pos, Code::MissingRequiredField,
                    QStringLiteral("port name is required; name it, e.g. name: http"),
                    pp + QStringLiteral(".name"));
            } else {
                const auto it = portNames.constFind(s.port.name.value);
                if (it != portNames.cend())
                    ctx.error(r, s.port.name.pos, Code::InvalidGatewayServer,
                        QStringLiteral("port names in servers must be unique: \"%1\" is also used by "
                                       "servers[%2]; rename one")
                            .arg(s.port.name.value)
                            .arg(*it),
                        pp + QStringLiteral(".name"));
                else
                    portNames.insert(s.port.name.value, i);
            }
            if (s.port.targetPort.present)
                ctx.error(r, s.port.targetPort.pos, Code::InvalidGatewayServer,
                    QStringLiteral("targetPort has no impact on Gateways; remove it"),
                    pp + QStringLiteral(".targetPort"));
        }
        if (s.hosts.isEmpty())
            ctx.error(r, s.pos, Code::InvalidGatewayServer,
                QStringLiteral("server config must contain at least one host; add hosts, e.g. \"*\" or "
                               "\"example.com\""),
                path + QStringLiteral(".hosts"));
        for (int k = 0; k < s.hosts.size(); ++k)
            serverHost(ctx, r, s.hosts[k], path + QStringLiteral(".hosts[%1]").arg(k));
        if (s.bind.present && !s.bind.value.startsWith(QLatin1String("unix://"))
            && !VP::isIpAddress(s.bind.value))
            ctx.error(r, s.bind.pos, Code::InvalidAddress,
                QStringLiteral("bind \"%1\" must be an IP address or unix:// path").arg(s.bind.value),
                path + QStringLiteral(".bind"));
        serverTls(ctx, r, s, path);
    }
}

Analyzer GatewayValidator::definition()
{
    return Analyzer::ofEach(ResourceKind::Gateway, QStringLiteral("GatewayValidator"),
        { Code::GatewayTlsIgnored, Code::InvalidAddress, Code::InvalidGatewayServer, Code::InvalidGatewayTls,
            Code::InvalidHost, Code::InvalidName, Code::InvalidPort, Code::MissingRequiredField },
        &GatewayValidator::validate);
}

} // namespace meshroute
