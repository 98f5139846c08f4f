#include "mirrorlisteditor.h"

#include "checkcontext.h"
#include "document.h"
#include "hostchoices.h"
#include "resource.h"
#include "rowlistframe.h"
#include "setroutefield.h"
#include "undostack.h"
#include "validationprimitives.h"
#include "virtualservicevalidator.h"
#include "yamledit.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace meshroute {

namespace {

// The registry name of a host as (namespace, service); short names resolve in `ns`, as Istio does.
QPair<QString, QString> serviceOf(const QString &host, const QString &ns)
{
    const QStringList parts = host.split(QLatin1Char('.'));
    return { parts.size() > 1 ? parts[1] : ns, parts.value(0) };
}

const QString kErrorStyle = QStringLiteral("QLineEdit { border: 1px solid #d0312d; }");

} // namespace

struct MirrorListEditor::Row
{
    QWidget *widget = nullptr;
    QComboBox *host = nullptr;
    QComboBox *subset = nullptr;
    QLineEdit *port = nullptr;
    QLineEdit *percent = nullptr;
    QToolButton *remove = nullptr;
    QLabel *error = nullptr;
    bool pending = false; // not in the model yet
    bool loading = false;
};

MirrorListEditor::MirrorListEditor(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_frame = new RowListFrame(tr("Mirrors (mirrors:) — each gets a copy of the share of requests given"),
        tr("mirrors: several mirror targets, each with its own percentage; responses are ignored"),
        tr("Add mirror"), tr("Add a mirror target; it is written once its host is set"), this);
    layout->addWidget(m_frame);
    m_conflict = new QLabel(m_frame);
    m_conflict->setWordWrap(true);
    m_conflict->setStyleSheet(QStringLiteral("color: #d0312d;"));
    m_conflict->setVisible(false);
    m_frame->addAboveRows(m_conflict);
    connect(m_frame, &RowListFrame::addRequested, this, [this] { addRow(true)->host->setFocus(); });
}

MirrorListEditor::~MirrorListEditor() = default;

QComboBox *MirrorListEditor::hostCombo(int row) const
{
    return m_rows.field(row, &Row::host);
}

QComboBox *MirrorListEditor::subsetCombo(int row) const
{
    return m_rows.field(row, &Row::subset);
}

QLineEdit *MirrorListEditor::portEdit(int row) const
{
    return m_rows.field(row, &Row::port);
}

QLineEdit *MirrorListEditor::percentEdit(int row) const
{
    return m_rows.field(row, &Row::percent);
}

QLabel *MirrorListEditor::errorLabel(int row) const
{
    return m_rows.field(row, &Row::error);
}

QToolButton *MirrorListEditor::removeButton(int row) const
{
    return m_rows.field(row, &Row::remove);
}

QPushButton *MirrorListEditor::addButton() const
{
    return m_frame->addButton();
}

QString MirrorListEditor::summary() const
{
    const int n = modelCount();
    return n == 0 ? QString() : n == 1 ? tr("1 mirror") : tr("%1 mirrors").arg(n);
}

int MirrorListEditor::modelCount() const
{
    const Resource *r = m_document->resource(m_resourceId);
    const VirtualService *vs = r ? r->virtualService() : nullptr;
    if (!vs || m_routeIndex < 0 || m_routeIndex >= vs->http.size())
        return 0;
    return int(vs->http[m_routeIndex].mirrors.size());
}

void MirrorListEditor::setRule(int resourceId, int routeIndex)
{
    if (resourceId != m_resourceId || routeIndex != m_routeIndex) {
        m_resourceId = resourceId;
        m_routeIndex = routeIndex;
        rebuild();
        return;
    }
    refresh();
}

void MirrorListEditor::rebuild()
{
    m_rows.clear();
    for (int i = 0; i < modelCount(); ++i)
        addRow(false);
    refresh();
}

void MirrorListEditor::refresh()
{
    const Resource *r = m_document->resource(m_resourceId);
    const VirtualService *vs = r ? r->virtualService() : nullptr;
    if (!vs || m_routeIndex < 0 || m_routeIndex >= vs->http.size()) {
        m_conflict->setVisible(false);
        return;
    }
    const HttpRoute &rule = vs->http[m_routeIndex];
    const int committed = m_rows.committedCount();
    if (committed != rule.mirrors.size()) {
        rebuild();
        return;
    }
    for (int i = 0; i < committed; ++i) {
        Row *row = m_rows[i];
        const HttpMirrorPolicy &m = rule.mirrors[i];
        row->loading = true;
        const QStringList hosts = workspaceHosts();
        if (!row->host->lineEdit()->hasFocus() || !row->host->lineEdit()->isModified()) {
            if (row->host->count() != hosts.size()) {
                row->host->clear();
                row->host->addItems(hosts);
            }
            row->host->setEditText(m.destination.host.value);
            fillSubsets(row);
        }
        if (!row->subset->lineEdit()->hasFocus() || !row->subset->lineEdit()->isModified())
            row->subset->setEditText(m.destination.subset.value);
        if (!row->port->hasFocus() || !row->port->isModified())
            row->port->setText(m.destination.port.number.present
                    ? QString::number(m.destination.port.number.value)
                    : QString());
        if (!row->percent->hasFocus() || !row->percent->isModified())
            row->percent->setText(
                m.percentage.value.present ? QString::number(m.percentage.value.value) : QString());
        for (QLineEdit *e : { row->host->lineEdit(), row->subset->lineEdit(), row->port, row->percent })
            e->setModified(false);
        row->loading = false;
        showError(row);
    }
    // The checker's own words when the legacy single mirror is set as well.
    Diagnostics found;
    CheckContext ctx(m_document->workspace(), found);
    VirtualServiceValidator::validate(ctx, *r);
    const QString prefix = QStringLiteral("spec.http[%1].mirror").arg(m_routeIndex);
    QStringList messages;
    for (const Diagnostic &d : std::as_const(found))
        if (d.code == QLatin1String("MR1027") && d.path.startsWith(prefix))
            messages.append(d.message);
    m_conflict->setText(messages.join(QLatin1Char('\n')));
    m_conflict->setVisible(!messages.isEmpty());
}

QStringList MirrorListEditor::workspaceHosts() const
{
    const Resource *vsr = m_document->resource(m_resourceId);
    const QStringList hosts = hostChoices(m_document->workspace(), vsr ? vsr->namespaceName() : QString());
    return hosts;
}

void MirrorListEditor::fillSubsets(Row *row)
{
    const Resource *vsr = m_document->resource(m_resourceId);
    const QString current = row->subset->currentText();
    const QSignalBlocker block(row->subset);
    row->subset->clear();
    row->subset->addItem(QString());
    if (vsr) {
        const auto service = serviceOf(row->host->currentText().trimmed(), vsr->namespaceName());
        for (const Resource *dr : m_document->workspace().ofKind(ResourceKind::DestinationRule))
            if (serviceOf(dr->destinationRule()->host.value, dr->namespaceName()) == service)
                for (const Subset &s : dr->destinationRule()->subsets)
                    row->subset->addItem(s.name.value);
    }
    row->subset->setEditText(current);
}

MirrorListEditor::Row *MirrorListEditor::addRow(bool pending)
{
    auto *row = new Row;
    row->pending = pending;
    row->widget = new QWidget(m_frame->rowsHost());
    auto *v = new QVBoxLayout(row->widget);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(0);
    auto *h = new QHBoxLayout;
    row->host = new QComboBox(row->widget);
    row->host->setEditable(true);
    row->host->setInsertPolicy(QComboBox::NoInsert);
    row->host->setMinimumContentsLength(12);
    row->host->setToolTip(
        tr("mirrors[].destination.host: where the copies go; a Service or ServiceEntry host"));
    row->host->addItems(workspaceHosts());
    row->host->setEditText(QString());
    row->subset = new QComboBox(row->widget);
    row->subset->setEditable(true);
    row->subset->setInsertPolicy(QComboBox::NoInsert);
    row->subset->setToolTip(
        tr("mirrors[].destination.subset: a subset a DestinationRule defines for the host"));
    row->port = new QLineEdit(row->widget);
    row->port->setPlaceholderText(tr("port"));
    row->port->setMaximumWidth(70);
    row->port->setToolTip(tr("mirrors[].destination.port.number: needed when the service has several ports"));
    row->percent = new QLineEdit(row->widget);
    row->percent->setPlaceholderText(tr("100 %"));
    row->percent->setMaximumWidth(70);
    row->percent->setToolTip(
        tr("mirrors[].percentage.value: share of requests copied, 0 to 100; 100 by default"));
    row->remove = new QToolButton(row->widget);
    row->remove->setText(QStringLiteral("✕"));
    row->remove->setToolTip(tr("Remove this mirror target"));
    h->addWidget(row->host, 2);
    h->addWidget(row->subset, 1);
    h->addWidget(row->port);
    h->addWidget(row->percent);
    h->addWidget(row->remove);
    v->addLayout(h);
    row->error = new QLabel(row->widget);
    row->error->setStyleSheet(QStringLiteral("color: #d0312d;"));
    row->error->setVisible(false);
    v->addWidget(row->error);
    m_frame->addRow(row->widget);
    m_rows.append(row);
    fillSubsets(row);

    for (QLineEdit *e : { row->host->lineEdit(), row->subset->lineEdit(), row->port, row->percent })
        connect(e, &QLineEdit::textEdited, this, [this, row] { showError(row); });
    connect(row->host->lineEdit(), &QLineEdit::editingFinished, this, [this, row] { commit(row, "host"); });
    connect(row->host, &QComboBox::activated, this, [this, row] { commit(row, "host"); });
    connect(row->host, &QComboBox::currentTextChanged, this, [this, row] {
        if (!row->loading)
            fillSubsets(row);
    });
    connect(
        row->subset->lineEdit(), &QLineEdit::editingFinished, this, [this, row] { commit(row, "subset"); });
    connect(row->subset, &QComboBox::activated, this, [this, row] { commit(row, "subset"); });
    connect(row->port, &QLineEdit::editingFinished, this, [this, row] { commit(row, "port"); });
    connect(row->percent, &QLineEdit::editingFinished, this, [this, row] { commit(row, "percentage"); });
    connect(row->remove, &QToolButton::clicked, this, [this, row] { removeRow(row); });
    return row;
}

QString MirrorListEditor::validate(const Row *row) const
{
    const QString host = row->host->currentText().trimmed();
    if (!host.isEmpty())
        if (const QString e = ValidationPrimitives::checkHostOrIp(host); !e.isEmpty())
            return e;
    if (row->pending && host.isEmpty() && !(row->port->text().isEmpty() && row->percent->text().isEmpty()))
        return tr("a mirror needs a host");
    const QString subset = row->subset->currentText().trimmed();
    if (!subset.isEmpty() && !ValidationPrimitives::isDns1123Label(subset))
        return tr("subset \"%1\" is not a DNS-1123 label (lower case letters, digits, -)").arg(subset);
    if (const QString port = row->port->text().trimmed(); !port.isEmpty()) {
        bool ok = false;
        const qint64 n = port.toLongLong(&ok);
        if (!ok)
            return tr("a port number from 1 to 65535");
        if (const QString e = ValidationPrimitives::checkPort(n); !e.isEmpty())
            return e;
    }
    if (const QString percent = row->percent->text().trimmed(); !percent.isEmpty()) {
        bool ok = false;
        const double d = percent.toDouble(&ok);
        if (!ok || d < 0 || d > 100)
            return tr("the percentage is a number from 0 to 100");
    }
    return {};
}

void MirrorListEditor::showError(Row *row)
{
    const QString e = validate(row);
    row->error->setText(e);
    row->error->setVisible(!e.isEmpty());
}

namespace {

// A new entry of `mirrors:` as the row gives it: destination host, subset and
// port, and the percentage; what the row leaves empty is left out.
YamlNode mirrorItem(const QString &host, const QString &subset, const QString &port, const QString &percent)
{
    YamlNode destination = YamlEdit::mapping();
    YamlEdit::setEntry(destination, "host", YamlEdit::stringScalar(host));
    if (!subset.isEmpty())
        YamlEdit::setEntry(destination, "subset", YamlEdit::stringScalar(subset));
    if (!port.isEmpty()) {
        YamlNode p = YamlEdit::mapping();
        YamlEdit::setEntry(p, "number", YamlEdit::plainScalar(QString::number(port.toLongLong())));
        YamlEdit::setEntry(destination, "port", p);
    }
    YamlNode item = YamlEdit::mapping();
    YamlEdit::setEntry(item, "destination", destination);
    if (!percent.isEmpty()) {
        YamlNode p = YamlEdit::mapping();
        YamlEdit::setEntry(p, "value", YamlEdit::plainScalar(percent));
        YamlEdit::setEntry(item, "percentage", p);
    }
    return item;
}

} // namespace

void MirrorListEditor::commit(Row *row, const QByteArray &field)
{
    if (row->loading || m_resourceId < 0)
        return;
    showError(row);
    if (!validate(row).isEmpty())
        return; // the message stays; nothing invalid reaches the model
    const QString host = row->host->currentText().trimmed();
    const QString subset = row->subset->currentText().trimmed();
    const QString port = row->port->text().trimmed();
    const QString percent = row->percent->text().trimmed();
    QString error;
    std::unique_ptr<SetRouteField> command;
    if (row->pending) {
        if (host.isEmpty())
            return; // the row reaches the model once it has a host
        command = SetRouteField::create(m_document, m_resourceId, m_routeIndex,
            { QByteArray("mirrors"), modelCount() }, mirrorItem(host, subset, port, percent),
            tr("Add mirror %1").arg(host), &error);
        if (command)
            row->pending = false;
    } else {
        const int index = int(m_rows.indexOf(row));
        // Unchanged values push nothing (a combo's completer may have reset the modified flag, so the
        // model is what tells).
        const Destination &d = m_document->resource(m_resourceId)
                                   ->virtualService()
                                   ->http[m_routeIndex]
                                   .mirrors[index]
                                   .destination;
        const Percent &share = m_document->resource(m_resourceId)
                                   ->virtualService()
                                   ->http[m_routeIndex]
                                   .mirrors[index]
                                   .percentage;
        if ((field == "host" && host == d.host.value) || (field == "subset" && subset == d.subset.value)
            || (field == "port" && port.isEmpty() == !d.port.number.present
                && (port.isEmpty() || port.toLongLong() == d.port.number.value))
            || (field == "percentage" && percent.isEmpty() == !share.value.present
                && (percent.isEmpty() || percent.toDouble() == share.value.value)))
            return;
        YamlPath path { QByteArray("mirrors"), index };
        std::optional<YamlNode> value;
        if (field == "host") {
            if (host.isEmpty()) {
                row->error->setText(tr("a mirror needs a host; remove the row instead"));
                row->error->setVisible(true);
                return;
            }
            path << QByteArray("destination") << QByteArray("host");
            value = YamlEdit::stringScalar(host);
        } else if (field == "subset") {
            path << QByteArray("destination") << QByteArray("subset");
            if (!subset.isEmpty())
                value = YamlEdit::stringScalar(subset);
        } else if (field == "port") {
            path << QByteArray("destination") << QByteArray("port");
            if (!port.isEmpty()) {
                path << QByteArray("number");
                value = YamlEdit::plainScalar(QString::number(port.toLongLong()));
            }
        } else {
            path << QByteArray("percentage");
            if (!percent.isEmpty()) {
                path << QByteArray("value");
                value = YamlEdit::plainScalar(percent);
            }
        }
        command = SetRouteField::create(m_document, m_resourceId, m_routeIndex, path, value,
            tr("Set mirror %1 %2").arg(index).arg(QString::fromLatin1(field)), &error);
    }
    if (!command) {
        Q_EMIT editFailed(error);
        return;
    }
    m_document->undoStack()->push(command.release());
}

void MirrorListEditor::removeRow(Row *row)
{
    const int index = m_rows.indexOf(row);
    if (index < 0)
        return;
    if (row->pending) {
        m_rows.remove(row);
        return;
    }
    // The last mirror takes the `mirrors:` key with it.
    const YamlPath path
        = modelCount() == 1 ? YamlPath { QByteArray("mirrors") } : YamlPath { QByteArray("mirrors"), index };
    QString error;
    auto command = SetRouteField::create(m_document, m_resourceId, m_routeIndex, path, std::nullopt,
        tr("Remove mirror %1").arg(index), &error);
    if (!command) {
        Q_EMIT editFailed(error);
        return;
    }
    // The row's own button is emitting: push after the click returns.
    QMetaObject::invokeMethod(
        this, [this, c = command.release()] { m_document->undoStack()->push(c); }, Qt::QueuedConnection);
}

} // namespace meshroute
