#include "destinationpickers.h"

#include "hostchoices.h"
#include "resource.h"
#include "workspace.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>

namespace meshroute {

DestinationPickers::DestinationPickers(QWidget *parent)
    : QWidget(parent)
    , m_host(new QComboBox(this))
    , m_subset(new QComboBox(this))
    , m_port(new QComboBox(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_host->setEditable(true);
    m_host->setInsertPolicy(QComboBox::NoInsert);
    m_host->setMinimumContentsLength(10);
    m_host->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_host->setToolTip(tr("destination.host: a Service or ServiceEntry host; short names resolve in the "
                          "VirtualService's namespace"));
    m_subset->setToolTip(tr("destination.subset: the subsets the DestinationRules of this host define"));
    m_port->setToolTip(tr("destination.port.number: needed when the service has several ports"));
    layout->addWidget(m_host, 2);
    layout->addWidget(m_subset, 1);
    layout->addWidget(m_port, 1);
    // A picked host, or a typed one once Enter or leaving the field says it is complete.
    connect(m_host, &QComboBox::activated, this, &DestinationPickers::commitHost);
    connect(m_host->lineEdit(), &QLineEdit::editingFinished, this, &DestinationPickers::commitHost);
    connect(m_subset, &QComboBox::activated, this,
        [this] { commitChoice(m_subset, SetDestinationField::Field::Subset, m_currentSubset); });
    connect(m_port, &QComboBox::activated, this,
        [this] { commitChoice(m_port, SetDestinationField::Field::Port, m_currentPort); });
}

QPair<QString, QString> DestinationPickers::serviceOf(const QString &host, const QString &vsNamespace)
{
    const QStringList parts = host.split(QLatin1Char('.'));
    return { parts.size() > 1 ? parts[1] : vsNamespace, parts.value(0) };
}

void DestinationPickers::setDestination(
    const Workspace &workspace, const QString &vsNamespace, const Destination &destination)
{
    m_currentHost = destination.host.value;
    m_currentSubset = destination.subset.value;
    const int port = destination.port.number.present ? int(destination.port.number.value) : 0;
    m_currentPort = QString::number(port);
    const QSignalBlocker block(m_host);
    m_host->clear();
    m_host->addItems(hostChoices(workspace, vsNamespace));
    m_host->setCurrentText(m_currentHost);
    m_host->setAccessibleName(tr("Host of destination %1").arg(m_currentHost));
    fillSubsets(workspace, vsNamespace, m_currentSubset);
    fillPorts(workspace, vsNamespace, port);
}

void DestinationPickers::fillSubsets(
    const Workspace &workspace, const QString &vsNamespace, const QString &subset)
{
    const QSignalBlocker block(m_subset);
    m_subset->clear();
    m_subset->addItem(tr("(no subset)"), QString());
    const auto service = serviceOf(m_currentHost, vsNamespace);
    for (const Resource *dr : workspace.ofKind(ResourceKind::DestinationRule))
        if (serviceOf(dr->destinationRule()->host.value, dr->namespaceName()) == service)
            for (const Subset &s : dr->destinationRule()->subsets)
                if (m_subset->findData(s.name.value) < 0)
                    m_subset->addItem(s.name.value, s.name.value);
    // A subset no DestinationRule defines stays visible (requests to it fail with 503).
    if (m_subset->findData(subset) < 0)
        m_subset->addItem(tr("%1 (no DestinationRule defines it)").arg(subset), subset);
    m_subset->setCurrentIndex(m_subset->findData(subset));
}

void DestinationPickers::fillPorts(const Workspace &workspace, const QString &vsNamespace, int port)
{
    const QSignalBlocker block(m_port);
    m_port->clear();
    m_port->addItem(tr("any port"), 0);
    const auto [ns, name] = serviceOf(m_currentHost, vsNamespace);
    if (const Resource *service = workspace.find(ResourceKind::Service, ns, name))
        for (const ServicePort &p : service->service()->ports)
            if (m_port->findData(int(p.port.value)) < 0)
                m_port->addItem(p.name.value.isEmpty()
                        ? QString::number(p.port.value)
                        : QStringLiteral("%1 (%2)").arg(p.port.value).arg(p.name.value),
                    int(p.port.value));
    if (m_port->findData(port) < 0)
        m_port->addItem(tr("%1 (not a port of the Service)").arg(port), port);
    m_port->setCurrentIndex(m_port->findData(port));
}

void DestinationPickers::commitHost()
{
    const QString host = m_host->currentText().trimmed();
    if (host.isEmpty() || host == m_currentHost)
        return;
    m_currentHost = host; // leaving the field after Enter must not report it twice
    Q_EMIT fieldEdited(SetDestinationField::Field::Host, host);
}

void DestinationPickers::commitChoice(
    QComboBox *box, SetDestinationField::Field field, const QString &current)
{
    const QString value = box->currentData().toString();
    if (value != current)
        Q_EMIT fieldEdited(field, value);
}

} // namespace meshroute
