#include "newresourcedialog.h"

#include "document.h"
#include "hostname.h"
#include "insertdocuments.h"
#include "replacefiletext.h"
#include "selection.h"
#include "undostack.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace meshroute {

namespace {

QStringList splitList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

} // namespace

NewResourceDialog::NewResourceDialog(Document *document, Selection *selection, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_selection(selection)
{
    setWindowTitle(tr("New Resource"));
    createFields(document->workspace());
    createLayout();
    startFrom(document->resource(selection->current().resourceId));
    connect(m_template, &QComboBox::currentIndexChanged, this, &NewResourceDialog::onTemplateChanged);
    connect(m_host, &QComboBox::currentTextChanged, this, &NewResourceDialog::onHostChanged);
    connect(m_namespace, &QComboBox::currentTextChanged, this, &NewResourceDialog::refresh);
    connect(m_namespace, &QComboBox::activated, this, [this] { m_namespaceEdited = true; });
    connect(m_namespace->lineEdit(), &QLineEdit::textEdited, this, [this] { m_namespaceEdited = true; });
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
    connect(m_name, &QLineEdit::textChanged, this, &NewResourceDialog::refresh);
    connect(m_hosts, &QLineEdit::textChanged, this, &NewResourceDialog::refresh);
    connect(m_gateways, &QComboBox::currentTextChanged, this, &NewResourceDialog::refresh);
    connect(m_parent, &QComboBox::currentTextChanged, this, &NewResourceDialog::refresh);
    connect(m_canary, &QComboBox::currentTextChanged, this, &NewResourceDialog::refresh);
    connect(m_file, &QComboBox::currentIndexChanged, this, &NewResourceDialog::refresh);
    onTemplateChanged();
    resize(620, 640);
}

void NewResourceDialog::createFields(const Workspace &ws)
{
    m_template = new QComboBox(this);
    m_template->addItem(tr("VirtualService"), int(ResourceTemplates::Kind::VirtualService));
    m_template->addItem(tr("DestinationRule"), int(ResourceTemplates::Kind::DestinationRule));
    m_template->addItem(tr("Gateway"), int(ResourceTemplates::Kind::Gateway));
    m_template->addItem(
        tr("Canary split (DestinationRule + VirtualService)"), int(ResourceTemplates::Kind::Canary));
    m_template->insertSeparator(m_template->count());
    m_template->addItem(tr("Gateway (Gateway API)"), int(ResourceTemplates::Kind::GatewayApiGateway));
    m_template->addItem(tr("HTTPRoute for a Service"), int(ResourceTemplates::Kind::HttpRoute));
    m_template->addItem(
        tr("Mesh HTTPRoute (parent: the Service)"), int(ResourceTemplates::Kind::MeshHttpRoute));
    m_template->addItem(
        tr("Canary split between two Services (HTTPRoute)"), int(ResourceTemplates::Kind::HttpRouteCanary));

    // Services by FQDN: the form that means the same from every namespace.
    m_host = new QComboBox(this);
    m_host->setEditable(true);
    m_host->setInsertPolicy(QComboBox::NoInsert);
    QList<const Resource *> services = ws.ofKind(ResourceKind::Service);
    std::sort(services.begin(), services.end(), [](const Resource *a, const Resource *b) {
        return HostName::serviceFqdn(a->name(), a->namespaceName())
            < HostName::serviceFqdn(b->name(), b->namespaceName());
    });
    for (const Resource *s : services)
        m_host->addItem(HostName::serviceFqdn(s->name(), s->namespaceName()), s->id);
    m_host->setToolTip(tr("The destination host: a Service of the workspace, or any host name"));

    m_namespace = new QComboBox(this);
    m_namespace->setEditable(true);
    m_namespace->setInsertPolicy(QComboBox::NoInsert);
    QStringList namespaces { QStringLiteral("default") };
    for (const Resource &r : ws.resources)
        if (!namespaces.contains(r.namespaceName()))
            namespaces.append(r.namespaceName());
    namespaces.sort();
    m_namespace->addItems(namespaces);

    m_name = new QLineEdit(this);
    m_name->setToolTip(tr("metadata.name: lower-case letters, digits, '-' and '.'"));
    m_hosts = new QLineEdit(this);

    m_gateways = new QComboBox(this);
    m_gateways->setEditable(true);
    m_gateways->setInsertPolicy(QComboBox::NoInsert);
    m_gateways->addItem(QString());
    for (const Resource *g : ws.ofKind(ResourceKind::Gateway))
        m_gateways->addItem(g->namespaceName() + QLatin1Char('/') + g->name());
    m_gateways->addItem(QStringLiteral("mesh"));
    m_gateways->lineEdit()->setPlaceholderText(tr("none: sidecars only"));
    m_gateways->setToolTip(tr("spec.gateways, namespace/name, several separated by commas; "
                              "add mesh to keep the sidecars too"));

    createGatewayApiFields(ws);

    m_file = new QComboBox(this);
    for (const SourceFile &f : m_document->files()) {
        m_file->addItem(f.path == QLatin1String("-") ? tr("standard input") : QFileInfo(f.path).fileName());
        m_file->setItemData(m_file->count() - 1, f.path, Qt::ToolTipRole);
    }

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview = new QPlainTextEdit(this);
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setMinimumSize(480, 260);
}

void NewResourceDialog::createGatewayApiFields(const Workspace &ws)
{
    m_parent = new QComboBox(this);
    m_parent->setEditable(true);
    m_parent->setInsertPolicy(QComboBox::NoInsert);
    m_parent->addItem(QString());
    for (const Resource *g : ws.ofKind(ResourceKind::KubernetesGateway))
        m_parent->addItem(g->namespaceName() + QLatin1Char('/') + g->name());
    m_parent->setToolTip(tr("parentRefs: the Gateway API Gateway the route attaches to, [namespace/]name"));
    if (m_parent->count() > 1)
        m_parent->setCurrentIndex(1);

    // The second Service of a canary: any Service but the host's; the same names the host offers.
    m_canary = new QComboBox(this);
    m_canary->setEditable(true);
    m_canary->setInsertPolicy(QComboBox::NoInsert);
    for (int i = 0; i < m_host->count(); ++i)
        m_canary->addItem(m_host->itemText(i), m_host->itemData(i));
    m_canary->setCurrentIndex(-1);
    m_canary->setToolTip(tr("The Service that starts at 0%: the new version"));
}

void NewResourceDialog::createLayout()
{
    m_form = new QFormLayout;
    m_form->addRow(tr("&Template"), m_template);
    m_form->addRow(tr("&Host"), m_host);
    m_form->addRow(tr("Na&mespace"), m_namespace);
    m_form->addRow(tr("&Name"), m_name);
    m_form->addRow(tr("Hos&ts"), m_hosts);
    m_form->addRow(tr("&Gateways"), m_gateways);
    m_form->addRow(tr("&Parent Gateway"), m_parent);
    m_form->addRow(tr("&Canary Service"), m_canary);
    m_form->addRow(tr("Add to &file"), m_file);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Add"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_message);
    layout->addWidget(new QLabel(tr("YAML to be added:"), this));
    layout->addWidget(m_preview, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewResourceDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

// Start from what is selected: its Service (or the Service its host names), its namespace, its file.
void NewResourceDialog::startFrom(const Resource *selected)
{
    const Workspace &ws = m_document->workspace();
    const Resource *service = nullptr;
    if (selected && selected->service())
        service = selected;
    else if (selected && selected->destinationRule())
        service = ResourceTemplates::serviceForHost(
            ws, selected->destinationRule()->host.value, selected->namespaceName());
    else if (selected && selected->virtualService() && !selected->virtualService()->hosts.isEmpty())
        service = ResourceTemplates::serviceForHost(
            ws, selected->virtualService()->hosts.first().value, selected->namespaceName());
    if (service)
        m_host->setCurrentIndex(m_host->findData(service->id));
    const QString ns = selected       ? selected->namespaceName()
        : service                     ? service->namespaceName()
        : m_host->currentIndex() >= 0 ? m_document->resource(m_host->currentData().toInt())->namespaceName()
                                      : QStringLiteral("default");
    m_namespace->setCurrentText(ns);
    m_file->setCurrentIndex(selected && selected->fileIndex < m_file->count() ? selected->fileIndex : 0);
}

void NewResourceDialog::setTemplateKind(ResourceTemplates::Kind kind)
{
    m_template->setCurrentIndex(m_template->findData(int(kind)));
}

ResourceTemplates::Kind NewResourceDialog::templateKind() const
{
    return ResourceTemplates::Kind(m_template->currentData().toInt());
}

int NewResourceDialog::targetFile() const
{
    return m_file->currentIndex();
}

ResourceTemplates::Request NewResourceDialog::request() const
{
    ResourceTemplates::Request r;
    r.kind = templateKind();
    r.name = m_name->text().trimmed();
    r.namespaceName = m_namespace->currentText().trimmed();
    r.host = m_host->currentText().trimmed();
    using Kind = ResourceTemplates::Kind;
    if (r.kind == Kind::VirtualService || r.kind == Kind::Gateway || r.kind == Kind::GatewayApiGateway
        || r.kind == Kind::HttpRoute)
        r.hosts = splitList(m_hosts->text());
    if (r.kind == Kind::HttpRoute || r.kind == Kind::HttpRouteCanary)
        r.parentGateway = m_parent->currentText().trimmed();
    if (r.kind == Kind::HttpRouteCanary)
        r.canaryHost = m_canary->currentText().trimmed();
    if (r.kind == ResourceTemplates::Kind::VirtualService)
        r.gateways = splitList(m_gateways->currentText());
    return r;
}

void NewResourceDialog::onTemplateChanged()
{
    const ResourceTemplates::Kind kind = templateKind();
    showRowsFor(kind);
    // A canary takes the Service's name; a name typed for another kind would be refused.
    const bool canary = kind == ResourceTemplates::Kind::Canary;
    m_name->setReadOnly(canary);
    if (canary)
        m_nameEdited = false;
    if (kind == ResourceTemplates::Kind::HttpRouteCanary && m_canary->currentIndex() < 0) {
        // Start from another Service than the stable one: the next in the list, the likeliest new version.
        const int count = m_canary->count();
        const int stable = m_host->currentIndex();
        m_canary->setCurrentIndex(count > 1 && stable >= 0 ? (stable + 1) % count : -1);
    }
    refresh();
}

void NewResourceDialog::showRowsFor(ResourceTemplates::Kind kind)
{
    using Kind = ResourceTemplates::Kind;
    const bool gateway = kind == Kind::Gateway || kind == Kind::GatewayApiGateway;
    const bool route = kind == Kind::HttpRoute;
    m_form->setRowVisible(m_host, !gateway);
    m_form->setRowVisible(m_hosts, kind == Kind::VirtualService || gateway || route);
    m_form->setRowVisible(m_gateways, kind == Kind::VirtualService);
    m_form->setRowVisible(m_parent, route || kind == Kind::HttpRouteCanary);
    m_form->setRowVisible(m_canary, kind == Kind::HttpRouteCanary);
    const bool service = kind == Kind::Canary || route || kind == Kind::MeshHttpRoute;
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_host)))
        label->setText(kind == Kind::HttpRouteCanary ? tr("Stable &Service")
                : service                            ? tr("&Service")
                                                     : tr("&Host"));
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_hosts)))
        label->setText(kind == Kind::Gateway      ? tr("Server hos&ts")
                : kind == Kind::GatewayApiGateway ? tr("Listener hos&tnames")
                : route                           ? tr("Hos&tnames")
                                                  : tr("Hos&ts"));
    m_hosts->setPlaceholderText(gateway ? tr("* (every host); several separated by commas")
            : route                     ? tr("none: the listener's hostnames; several separated by commas")
                                        : tr("the host; several separated by commas"));
    m_hosts->setToolTip(kind == Kind::Gateway
            ? tr("The hosts the server on port 80 accepts, [namespace/]host")
            : kind == Kind::GatewayApiGateway ? tr("One HTTP listener on port 80 per hostname")
            : route                           ? tr("spec.hostnames: the names clients call")
                                              : tr("spec.hosts: the names clients call"));
    m_parent->lineEdit()->setPlaceholderText(
        kind == Kind::HttpRouteCanary ? tr("none: a mesh route (parent: the stable Service)") : QString());
}

void NewResourceDialog::onHostChanged()
{
    const int item = m_host->findText(m_host->currentText());
    if (item >= 0 && !m_namespaceEdited) {
        if (const Resource *s = m_document->resource(m_host->itemData(item).toInt())) {
            m_updating = true;
            m_namespace->setCurrentText(s->namespaceName());
            m_updating = false;
        }
    }
    refresh();
}

void NewResourceDialog::refresh()
{
    if (m_updating)
        return;
    const Workspace &ws = m_document->workspace();
    ResourceTemplates::Request r = request();
    if (!m_nameEdited) {
        r.name = ResourceTemplates::defaultName(ws, r);
        m_updating = true;
        m_name->setText(r.name);
        m_updating = false;
    }
    QString error;
    m_valid = ResourceTemplates::build(ws, r, &m_result, &error);
    if (m_valid && targetFile() < 0) {
        m_valid = false;
        error = tr("No file is open to add the resource to; open a file first.");
    }
    QByteArray text;
    for (const QByteArray &doc : m_result.documents)
        text += (text.isEmpty() ? QByteArray() : QByteArray("---\n")) + doc;
    m_preview->setPlainText(QString::fromUtf8(text));
    m_message->setText(m_valid ? m_result.note : error);
    m_message->setStyleSheet(m_valid ? QString() : QStringLiteral("color: #d0312d;"));
    m_message->setVisible(!m_message->text().isEmpty());
    m_ok->setEnabled(m_valid);
}

void NewResourceDialog::accept()
{
    refresh();
    if (!m_valid)
        return;
    QString error;
    auto command
        = InsertDocuments::create(m_document, targetFile(), m_result.documents, m_result.description, &error);
    if (!command) {
        m_message->setText(error);
        return;
    }
    const int fileIndex = targetFile();
    const ResourceTemplates::NewResource made = m_result.resources.last();
    m_document->undoStack()->push(command.release());
    for (const Resource &r : m_document->workspace().resources)
        if (r.fileIndex == fileIndex && r.kind == made.kind && r.name() == made.name
            && r.namespaceName() == made.namespaceName)
            m_created = r.id;
    if (m_created >= 0) {
        SelectionTarget t;
        t.resourceId = m_created;
        m_selection->select(t);
    }
    QDialog::accept();
}

} // namespace meshroute
