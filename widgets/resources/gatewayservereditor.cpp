#include "gatewayservereditor.h"

#include "document.h"
#include "resource.h"
#include "setgatewayservers.h"
#include "undostack.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace meshroute {

GatewayServerEditor::GatewayServerEditor(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels({ tr("Port"), tr("Name"), tr("Protocol"), tr("Hosts"), tr("TLS mode"),
        tr("Credential"), tr("HTTPS redirect") });
    const QStringList tips {
        tr("port.number: the port the gateway listens on (1..65535)"),
        tr("port.name: unique among the Gateway's servers"),
        tr("port.protocol: HTTP, HTTPS, GRPC, HTTP2, TCP, TLS ..."),
        tr("hosts: [namespace/]host names VirtualServices may bind, comma-separated; * for any"),
        tr("tls.mode: SIMPLE, MUTUAL, PASSTHROUGH, ISTIO_MUTUAL ...; needed for HTTPS and TLS"),
        tr("tls.credentialName: the Kubernetes secret holding the certificate"),
        tr("tls.httpsRedirect: answer plain HTTP with a 301 to HTTPS (yes/no)"),
    };
    for (int c = 0; c < ColumnCount; ++c)
        m_table->horizontalHeaderItem(c)->setToolTip(tips[c]);
    m_table->horizontalHeader()->setSectionResizeMode(Hosts, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table);
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #d0312d;"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    layout->addWidget(m_error);
    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("Add server"), this);
    m_remove = new QPushButton(tr("Remove server"), this);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    // After the cell editor has closed: a commit refills the table from the model.
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_filling)
            QMetaObject::invokeMethod(this, &GatewayServerEditor::commit, Qt::QueuedConnection);
    });
    connect(m_add, &QPushButton::clicked, this, [this] {
        QSet<int> used;
        for (int r = 0; r < m_table->rowCount(); ++r)
            used.insert(m_table->item(r, Port)->text().toInt());
        int port = 8080;
        while (used.contains(port))
            ++port;
        m_filling = true;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList values { QString::number(port), QStringLiteral("http-%1").arg(port),
            QStringLiteral("HTTP"), QStringLiteral("*"), QString(), QString(), QStringLiteral("no") };
        for (int c = 0; c < ColumnCount; ++c)
            m_table->setItem(row, c, new QTableWidgetItem(values[c]));
        m_filling = false;
        commit();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() < 0)
            return;
        m_filling = true;
        m_table->removeRow(m_table->currentRow());
        m_filling = false;
        commit();
    });
    connect(m_document, &Document::changed, this, [this](const ChangeEvent &e) {
        if (e.type != ChangeEvent::Type::Saved)
            refill();
    });
}

void GatewayServerEditor::setResource(int resourceId)
{
    m_resourceId = resourceId;
    refill();
}

void GatewayServerEditor::refill()
{
    const Resource *r = m_document->resource(m_resourceId);
    const Gateway *gw = r ? r->gateway() : nullptr;
    m_filling = true;
    m_table->setRowCount(0);
    m_error->setVisible(false);
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
            m_table->insertRow(i);
            for (int c = 0; c < ColumnCount; ++c)
                m_table->setItem(i, c, new QTableWidgetItem(values[c]));
            m_table->item(i, Port)->setData(Qt::UserRole, i);
        }
    m_filling = false;
    setEnabled(gw != nullptr);
}

void GatewayServerEditor::commit()
{
    QList<ServerSpec> specs;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        auto text = [&](int c) {
            return m_table->item(row, c) ? m_table->item(row, c)->text().trimmed() : QString();
        };
        ServerSpec s;
        const QVariant origin = m_table->item(row, Port)->data(Qt::UserRole);
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
    auto command = SetGatewayServers::create(m_document, m_resourceId, specs, &error);
    if (!command) {
        m_error->setText(error);
        m_error->setVisible(true);
        return;
    }
    m_error->setVisible(false);
    m_document->undoStack()->push(command.release());
}

} // namespace meshroute
