#include "originlisteditor.h"

#include "document.h"
#include "resource.h"
#include "rowlistframe.h"
#include "setroutefield.h"
#include "undostack.h"
#include "validationprimitives.h"
#include "yamledit.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace meshroute {

struct OriginListEditor::Row
{
    QWidget *widget = nullptr;
    QComboBox *type = nullptr;
    QLineEdit *value = nullptr;
    QToolButton *remove = nullptr;
    QLabel *error = nullptr;
    bool pending = false; // not in the model yet
    bool loading = false;
    StringMatch::Type type_() const { return StringMatch::Type(type->currentData().toInt()); }
};

OriginListEditor::OriginListEditor(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_frame = new RowListFrame(tr("Allowed origins (allowOrigins:)"),
        tr("corsPolicy.allowOrigins: the origins a browser may call from; exact, prefix or RE2 regex"),
        tr("Add origin"), tr("Add an allowed origin; it is written once its value is valid"), this);
    layout->addWidget(m_frame);
    connect(m_frame, &RowListFrame::addRequested, this, [this] { addRow(true)->value->setFocus(); });
}

OriginListEditor::~OriginListEditor() = default;

QComboBox *OriginListEditor::typeCombo(int row) const
{
    return m_rows.field(row, &Row::type);
}

QLineEdit *OriginListEditor::valueEdit(int row) const
{
    return m_rows.field(row, &Row::value);
}

QLabel *OriginListEditor::errorLabel(int row) const
{
    return m_rows.field(row, &Row::error);
}

QToolButton *OriginListEditor::removeButton(int row) const
{
    return m_rows.field(row, &Row::remove);
}

QPushButton *OriginListEditor::addButton() const
{
    return m_frame->addButton();
}

int OriginListEditor::modelCount() const
{
    const Resource *r = m_document->resource(m_resourceId);
    const VirtualService *vs = r ? r->virtualService() : nullptr;
    if (!vs || m_routeIndex < 0 || m_routeIndex >= vs->http.size())
        return 0;
    return int(vs->http[m_routeIndex].corsPolicy->allowOrigins.size());
}

QString OriginListEditor::summary() const
{
    const int n = modelCount();
    return n == 0 ? QString() : n == 1 ? tr("1 origin") : tr("%1 origins").arg(n);
}

void OriginListEditor::setRule(int resourceId, int routeIndex)
{
    if (resourceId != m_resourceId || routeIndex != m_routeIndex) {
        m_resourceId = resourceId;
        m_routeIndex = routeIndex;
        rebuild();
        return;
    }
    refresh();
}

void OriginListEditor::rebuild()
{
    m_rows.clear();
    for (int i = 0; i < modelCount(); ++i)
        addRow(false);
    refresh();
}

void OriginListEditor::refresh()
{
    const Resource *r = m_document->resource(m_resourceId);
    const VirtualService *vs = r ? r->virtualService() : nullptr;
    if (!vs || m_routeIndex < 0 || m_routeIndex >= vs->http.size())
        return;
    const QList<StringMatch> &origins = vs->http[m_routeIndex].corsPolicy->allowOrigins;
    const int committed = m_rows.committedCount();
    if (committed != origins.size()) {
        rebuild();
        return;
    }
    for (int i = 0; i < committed; ++i) {
        Row *row = m_rows[i];
        if (row->value->hasFocus() && row->value->isModified())
            continue;
        row->loading = true;
        row->type->setCurrentIndex(row->type->findData(int(origins[i].type)));
        row->value->setText(origins[i].value);
        row->value->setModified(false);
        row->loading = false;
        showError(row);
    }
}

OriginListEditor::Row *OriginListEditor::addRow(bool pending)
{
    auto *row = new Row;
    row->pending = pending;
    row->widget = new QWidget(m_frame->rowsHost());
    auto *v = new QVBoxLayout(row->widget);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(0);
    auto *h = new QHBoxLayout;
    row->type = new QComboBox(row->widget);
    for (StringMatch::Type t :
        { StringMatch::Type::Exact, StringMatch::Type::Prefix, StringMatch::Type::Regex })
        row->type->addItem(StringMatch::typeName(t), int(t));
    row->type->setToolTip(tr("exact: the whole origin; prefix: its start; regex: an RE2 pattern over it"));
    row->value = new QLineEdit(row->widget);
    row->value->setPlaceholderText(QStringLiteral("https://example.com"));
    row->value->setClearButtonEnabled(true);
    row->value->setToolTip(tr("An origin as the browser sends it: scheme://host[:port]"));
    row->remove = new QToolButton(row->widget);
    row->remove->setText(QStringLiteral("✕"));
    row->remove->setToolTip(tr("Remove this origin"));
    h->addWidget(row->type);
    h->addWidget(row->value, 1);
    h->addWidget(row->remove);
    v->addLayout(h);
    row->error = new QLabel(row->widget);
    row->error->setStyleSheet(QStringLiteral("color: #d0312d;"));
    row->error->setWordWrap(true);
    row->error->setVisible(false);
    v->addWidget(row->error);
    m_frame->addRow(row->widget);
    m_rows.append(row);

    connect(row->value, &QLineEdit::textEdited, this, [this, row] { showError(row); });
    connect(row->value, &QLineEdit::editingFinished, this, [this, row] { commit(row); });
    connect(row->type, &QComboBox::activated, this, [this, row] {
        showError(row);
        row->value->setModified(true);
        commit(row);
    });
    connect(row->remove, &QToolButton::clicked, this, [this, row] { removeRow(row); });
    return row;
}

QString OriginListEditor::validate(const Row *row) const
{
    const QString v = row->value->text();
    if (v.isEmpty())
        return row->pending ? QString() : tr("an origin cannot be empty; remove the row instead");
    if (row->type_() == StringMatch::Type::Regex)
        return ValidationPrimitives::checkRegex(v);
    return {};
}

void OriginListEditor::showError(Row *row)
{
    const QString e = validate(row);
    row->error->setText(e);
    row->error->setVisible(!e.isEmpty());
    row->value->setStyleSheet(
        e.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #d0312d; }"));
}

void OriginListEditor::commit(Row *row)
{
    if (row->loading || m_resourceId < 0 || !row->value->isModified())
        return;
    showError(row);
    if (!validate(row).isEmpty() || row->value->text().isEmpty())
        return; // the message stays; nothing invalid reaches the model
    row->value->setModified(false);
    const QByteArray type = StringMatch::typeName(row->type_()).toUtf8();
    const QString value = row->value->text();
    YamlNode match = YamlEdit::mapping();
    YamlEdit::setEntry(match, type, YamlEdit::stringScalar(value));
    const YamlPath list { QByteArray("corsPolicy"), QByteArray("allowOrigins") };
    QString error;
    std::unique_ptr<SetRouteField> command;
    if (row->pending) {
        command = SetRouteField::create(m_document, m_resourceId, m_routeIndex,
            YamlPath(list) << modelCount(), match, tr("Add allowed origin %1").arg(value), &error);
        if (command)
            row->pending = false;
    } else {
        const int index = m_rows.indexOf(row);
        const StringMatch &old = m_document->resource(m_resourceId)
                                     ->virtualService()
                                     ->http[m_routeIndex]
                                     .corsPolicy->allowOrigins[index];
        // The same type: only the value's bytes change (its quoting kept); another type replaces the match.
        command = old.type == row->type_()
            ? SetRouteField::create(m_document, m_resourceId, m_routeIndex, YamlPath(list) << index << type,
                YamlEdit::stringScalar(value), tr("Set allowed origin %1").arg(value), &error)
            : SetRouteField::create(m_document, m_resourceId, m_routeIndex, YamlPath(list) << index, match,
                tr("Set allowed origin %1").arg(value), &error);
    }
    if (!command) {
        Q_EMIT editFailed(error);
        return;
    }
    m_document->undoStack()->push(command.release());
}

void OriginListEditor::removeRow(Row *row)
{
    const int index = m_rows.indexOf(row);
    if (index < 0)
        return;
    if (row->pending) {
        m_rows.remove(row);
        return;
    }
    const YamlPath list { QByteArray("corsPolicy"), QByteArray("allowOrigins") };
    // The last origin takes the `allowOrigins:` key with it.
    const YamlPath path = modelCount() == 1 ? list : YamlPath(list) << index;
    QString error;
    auto command = SetRouteField::create(
        m_document, m_resourceId, m_routeIndex, path, std::nullopt, tr("Remove allowed origin"), &error);
    if (!command) {
        Q_EMIT editFailed(error);
        return;
    }
    // The row's own button is emitting: push after the click returns.
    QMetaObject::invokeMethod(
        this, [this, c = command.release()] { m_document->undoStack()->push(c); }, Qt::QueuedConnection);
}

} // namespace meshroute
