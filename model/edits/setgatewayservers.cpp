#include "setgatewayservers.h"

#include "resource.h"
#include "resourceedit.h"

#include <QSet>

namespace meshroute {

namespace {

YamlNode hostsNode(const QStringList &hosts)
{
    YamlNode seq = YamlEdit::sequence();
    for (const QString &h : hosts)
        YamlEdit::appendItem(seq, YamlEdit::stringScalar(h));
    return seq;
}

QStringList values(const QList<Field<QString>> &fields)
{
    QStringList out;
    for (const Field<QString> &f : fields)
        out.append(f.value);
    return out;
}

YamlNode serverNode(const ServerSpec &s)
{
    YamlNode port = YamlEdit::mapping();
    YamlEdit::setEntry(port, "number", YamlEdit::plainScalar(QString::number(s.portNumber)));
    YamlEdit::setEntry(port, "name", YamlEdit::stringScalar(s.portName));
    YamlEdit::setEntry(port, "protocol", YamlEdit::stringScalar(s.protocol));
    YamlNode server = YamlEdit::mapping();
    YamlEdit::setEntry(server, "port", port);
    YamlEdit::setEntry(server, "hosts", hostsNode(s.hosts));
    YamlNode tls = YamlEdit::mapping();
    if (s.httpsRedirect)
        YamlEdit::setEntry(tls, "httpsRedirect", YamlEdit::plainScalar(QStringLiteral("true")));
    if (!s.tlsMode.isEmpty())
        YamlEdit::setEntry(tls, "mode", YamlEdit::stringScalar(s.tlsMode));
    if (!s.credentialName.isEmpty())
        YamlEdit::setEntry(tls, "credentialName", YamlEdit::stringScalar(s.credentialName));
    if (!tls.children.empty())
        YamlEdit::setEntry(server, "tls", tls);
    return server;
}

// What the API server would reject in the servers; *kept collects the rows that stay.
bool checkServers(const QList<ServerSpec> &servers, const Gateway &gw, QSet<int> *kept, QString *error)
{
    static const QStringList protocols { "HTTP", "HTTPS", "GRPC", "GRPC-WEB", "HTTP2", "MONGO", "TCP",
        "TLS" };
    QSet<QString> names;
    for (const ServerSpec &s : servers) {
        if (s.portNumber < 1 || s.portNumber > 65535) {
            *error = QStringLiteral("port number %1 must be in the range 1..65535").arg(s.portNumber);
            return false;
        }
        if (s.portName.isEmpty() || names.contains(s.portName)) {
            *error = s.portName.isEmpty()
                ? QStringLiteral("every server port needs a name")
                : QStringLiteral("port names in servers must be unique: %1").arg(s.portName);
            return false;
        }
        names.insert(s.portName);
        if (!protocols.contains(s.protocol.toUpper())) {
            *error = QStringLiteral("invalid protocol \"%1\", supported protocols are %2")
                         .arg(s.protocol, protocols.join(QStringLiteral(", ")));
            return false;
        }
        if (s.hosts.isEmpty()) {
            *error = QStringLiteral("server config must contain at least one host");
            return false;
        }
        const QString p = s.protocol.toUpper();
        if ((p == QLatin1String("HTTPS") || p == QLatin1String("TLS")) && s.tlsMode.isEmpty()) {
            *error
                = QStringLiteral("server must have TLS settings for HTTPS/TLS protocols: choose a TLS mode");
            return false;
        }
        if (s.originalIndex >= gw.servers.size()
            || (s.originalIndex >= 0 && kept->contains(s.originalIndex))) {
            *error = QStringLiteral("server row %1 refers to no server").arg(s.originalIndex);
            return false;
        }
        if (s.originalIndex >= 0)
            kept->insert(s.originalIndex);
    }
    return true;
}

// Rewrites only the fields of a kept server that changed, at `at`.
bool editServer(
    ResourceEdit &edit, const YamlPath &at, const Server &old, const ServerSpec &s, QString *error)
{
    const YamlPath port = YamlPath(at) << QByteArray("port");
    const YamlPath tls = YamlPath(at) << QByteArray("tls");
    if (old.port.number.value != s.portNumber
        && !edit.set(YamlPath(port) << QByteArray("number"),
            YamlEdit::plainScalar(QString::number(s.portNumber)), error))
        return false;
    if (old.port.name.value != s.portName
        && !edit.setString(YamlPath(port) << QByteArray("name"), s.portName, error))
        return false;
    if (old.port.protocol.value != s.protocol
        && !edit.setString(YamlPath(port) << QByteArray("protocol"), s.protocol, error))
        return false;
    if (values(old.hosts) != s.hosts
        && !edit.set(YamlPath(at) << QByteArray("hosts"), hostsNode(s.hosts), error))
        return false;
    // Added before removing, so the tls mapping is never left empty in between.
    if (s.httpsRedirect && !old.tls.httpsRedirect.valueOr(false)
        && !edit.set(YamlPath(tls) << QByteArray("httpsRedirect"),
            YamlEdit::plainScalar(QStringLiteral("true")), error))
        return false;
    if (old.tls.mode.value != s.tlsMode && !s.tlsMode.isEmpty()
        && !edit.setString(YamlPath(tls) << QByteArray("mode"), s.tlsMode, error))
        return false;
    if (old.tls.credentialName.value != s.credentialName && !s.credentialName.isEmpty()
        && !edit.setString(YamlPath(tls) << QByteArray("credentialName"), s.credentialName, error))
        return false;
    if (!s.httpsRedirect && old.tls.httpsRedirect.present
        && !edit.removeIfPresent(YamlPath(tls) << QByteArray("httpsRedirect"), error))
        return false;
    if (s.tlsMode.isEmpty() && !edit.removeIfPresent(YamlPath(tls) << QByteArray("mode"), error))
        return false;
    if (s.credentialName.isEmpty()
        && !edit.removeIfPresent(YamlPath(tls) << QByteArray("credentialName"), error))
        return false;
    return true;
}

} // namespace

std::unique_ptr<SetGatewayServers> SetGatewayServers::create(
    Document *document, int resourceId, const QList<ServerSpec> &servers, QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    const Gateway *gw = edit.resource().gateway();
    if (!gw) {
        *error = QStringLiteral("%1 is not a Gateway").arg(edit.resource().displayName());
        return nullptr;
    }
    if (servers.isEmpty()) {
        *error = QStringLiteral("a Gateway needs at least one server");
        return nullptr;
    }
    QSet<int> kept;
    if (!checkServers(servers, *gw, &kept, error))
        return nullptr;
    const YamlPath list { QByteArray("spec"), QByteArray("servers") };
    for (const ServerSpec &s : servers)
        if (s.originalIndex >= 0
            && !editServer(edit, YamlPath(list) << s.originalIndex, gw->servers[s.originalIndex], s, error))
            return nullptr;
    for (const ServerSpec &s : servers)
        if (s.originalIndex < 0 && !edit.appendItem(list, serverNode(s), error))
            return nullptr;
    for (int i = int(gw->servers.size()) - 1; i >= 0; --i)
        if (!kept.contains(i) && !edit.removeItem(list, i, error))
            return nullptr;
    return edit.finish<SetGatewayServers>(QStringLiteral("Edit servers of %1").arg(edit.resource().name()));
}

} // namespace meshroute
