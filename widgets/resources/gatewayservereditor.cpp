#include "gatewayservereditor.h"

#include "resource.h"
#include "setgatewayservers.h"

#include <QSet>
#include <QTableWidget>

namespace meshroute {

GatewayServerEditor::GatewayServerEditor(Document *document, QWidget *parent)
    : ResourceTableEditor(document,
        { tr("Port"), tr("Name"), tr("Protocol"), tr("Hosts"), tr("TLS mode"), tr("Credential"),
            tr("HTTPS redirect") },
        {
            tr("port.number: the port the gateway listens on (1..65535)"),
            tr("port.name: unique among the Gateway's servers"),
            tr("port.protocol: HTTP, HTTPS, GRPC, HTTP2, TCP, TLS ..."),
            tr("hosts: [namespace/]host names VirtualServices may bind, comma-separated; * for any"),
            tr("tls.mode: SIMPLE, MUTUAL, PASSTHROUGH, ISTIO_MUTUAL ...; needed for HTTPS and TLS"),
            tr("tls.credentialName: the Kubernetes secret holding the certificate"),
            tr("tls.httpsRedirect: answer plain HTTP with a 301 to HTTPS (yes/no)"),
        },
        Hosts, tr("Add server"), tr("Remove server"), parent)
{ }

void GatewayServerEditor::addRow()
{
    QSet<int> used;
    for (int r = 0; r < table()->rowCount(); ++r)
        used.insert(table()->item(r, Port)->text().toInt());
    int port = 8080;
    while (used.contains(port))
        ++port;
    appendRow({ QString::number(port), QStringLiteral("http-%1").arg(port), QStringLiteral("HTTP"),
        QStringLiteral("*"), QString(), QString(), QStringLiteral("no") });
}

bool GatewayServerEditor::fill(const Resource *resource)
{
    const Gateway *gw = resource ? resource->gateway() : nullptr;
    if (gw)
        for (int i = 0; i < gw->servers.size(); ++i) {
            const Server &s = gw->servers[i];
            QStringList hosts;
            for (const auto &h : s.hosts)
                hosts.append(h.value);
            const QStringList values { QString::number(s.port.number.value), s.port.name.value,
                s.port.protocol.value, hosts.join(QStringLiteral(", ")), s.tls.mode.value,
                s.tls.credentialName.value,
                s.tls.httpsRedirect.valueOr(false) ? QStringLiteral("yes") : QStringLiteral("no") };
            table()->insertRow(i);
            for (int c = 0; c < ColumnCount; ++c)
                table()->setItem(i, c, new QTableWidgetItem(values[c]));
            table()->item(i, Port)->setData(Qt::UserRole, i);
        }
    return gw != nullptr;
}

void GatewayServerEditor::commit()
{
    QList<ServerSpec> specs;
    for (int row = 0; row < table()->rowCount(); ++row) {
        auto text = [&](int c) {
            return table()->item(row, c) ? table()->item(row, c)->text().trimmed() : QString();
        };
        ServerSpec s;
        const QVariant origin = table()->item(row, Port)->data(Qt::UserRole);
        s.originalIndex = origin.isValid() ? origin.toInt() : -1;
        bool ok = false;
        s.portNumber = text(Port).toInt(&ok);
        if (!ok)
            s.portNumber = 0;
        s.portName = text(Name);
        s.protocol = text(Protocol);
        for (const QString &h : text(Hosts).split(QLatin1Char(','), Qt::SkipEmptyParts))
            s.hosts.append(h.trimmed());
        s.tlsMode = text(TlsMode).toUpper();
        s.credentialName = text(Credential);
        s.httpsRedirect = text(Redirect).toLower() == QLatin1String("yes")
            || text(Redirect).toLower() == QLatin1String("true");
        specs.append(s);
    }
    QString error;
    auto command = SetGatewayServers::create(document(), resourceId(), specs, &error);
    push(std::move(command), error);
}

} // namespace meshroute
