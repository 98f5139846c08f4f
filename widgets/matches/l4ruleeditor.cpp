#include "l4ruleeditor.h"

#include "document.h"
#include "resource.h"
#include "setroutefield.h"
#include "undostack.h"
#include "validationprimitives.h"
#include "yamledit.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace meshroute {

namespace {

enum class Kind { Hosts, Port, Subnets, Labels, Namespace, Gateways };

struct FieldInfo
{
    const char *key;
    const char *label;
    Kind kind;
    const char *toolTip;
};

const FieldInfo kFields[] = {
    { "sniHosts", "SNI hosts", Kind::Hosts,
        "sniHosts: the server names (SNI) this rule takes, comma separated; wildcards like *.example.com "
        "allowed; each must fall inside one of the VirtualService's hosts" },
    { "port", "Port", Kind::Port, "port: the destination port of the connection, 1..65535" },
    { "destinationSubnets", "Destination subnets", Kind::Subnets,
        "destinationSubnets: IPs or CIDR blocks the connection goes to, comma separated (10.0.0.0/16)" },
    { "sourceLabels", "Source labels", Kind::Labels,
        "sourceLabels: only connections from workloads with these labels, as name=value pairs" },
    { "sourceNamespace", "Source namespace", Kind::Namespace,
        "sourceNamespace: only connections from workloads in this namespace" },
    { "gateways", "Gateways", Kind::Gateways,
        "gateways: only connections through these gateways (namespace/name, or mesh), comma separated" },
};

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &p : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!p.trimmed().isEmpty())
            out.append(p.trimmed());
    return out;
}

template <typename Match> QString textOf(const Match &m, const QString &key)
{
    auto join = [](const QList<Field<QString>> &list) {
        QStringList parts;
        for (const auto &f : list)
            parts.append(f.value);
        return parts.join(QStringLiteral(", "));
    };
    if (key == QLatin1String("sniHosts")) {
        if constexpr (std::is_same_v<Match, TlsMatchAttributes>)
            return join(m.sniHosts);
        return {};
    }
    if (key == QLatin1String("port"))
        return m.port.present ? QString::number(m.port.value) : QString();
    if (key == QLatin1String("destinationSubnets"))
        return join(m.destinationSubnets);
    if (key == QLatin1String("sourceLabels")) {
        QStringList parts;
        for (const Label &l : m.sourceLabels)
            parts.append(l.key + QLatin1Char('=') + l.value);
        return parts.join(QStringLiteral(", "));
    }
    if (key == QLatin1String("sourceNamespace"))
        return m.sourceNamespace.present ? m.sourceNamespace.value : QString();
    if (key == QLatin1String("gateways"))
        return join(m.gateways);
    return {};
}

} // namespace

struct L4RuleEditor::Field
{
    QString key;
    Kind kind = Kind::Port;
    QLineEdit *edit = nullptr;
    QLabel *error = nullptr;

    // Empty when the text is valid (empty text removes the field).
    QString validate() const
    {
        const QString v = edit->text().trimmed();
        if (v.isEmpty())
            return {};
        switch (kind) {
        case Kind::Hosts:
            for (const QString &h : splitList(v))
                if (const QString e = ValidationPrimitives::checkWildcardDomain(h); !e.isEmpty())
                    return e;
            return {};
        case Kind::Port: {
            bool ok = false;
            const qint64 n = v.toLongLong(&ok);
            return ok ? ValidationPrimitives::checkPort(n) : QObject::tr("a port number from 1 to 65535");
        }
        case Kind::Subnets:
            for (const QString &s : splitList(v))
                if (!ValidationPrimitives::isIpOrCidr(s))
                    return QObject::tr("\"%1\" is not an IP address or CIDR block (10.0.0.0/16)").arg(s);
            return {};
        case Kind::Labels:
            for (const QString &p : splitList(v)) {
                if (!p.contains(QLatin1Char('=')))
                    return QObject::tr("write name=value pairs separated by commas");
                if (const QString e
                    = ValidationPrimitives::checkLabelKey(p.section(QLatin1Char('='), 0, 0).trimmed());
                    !e.isEmpty())
                    return e;
                if (const QString e
                    = ValidationPrimitives::checkLabelValue(p.section(QLatin1Char('='), 1).trimmed());
                    !e.isEmpty())
                    return e;
            }
            return {};
        case Kind::Namespace:
            return ValidationPrimitives::isDns1123Label(v)
                ? QString()
                : QObject::tr("\"%1\" is not a namespace name (lower case letters, digits, -)").arg(v);
        case Kind::Gateways:
            for (const QString &g : splitList(v))
                if (g.contains(QLatin1Char(' ')))
                    return QObject::tr("\"%1\" is not a gateway reference (namespace/name, or mesh)").arg(g);
            return {};
        }
        return {};
    }
    YamlNode value() const
    {
        const QString v = edit->text().trimmed();
        switch (kind) {
        case Kind::Port:
            return YamlEdit::plainScalar(QString::number(v.toLongLong()));
        case Kind::Namespace:
            return YamlEdit::stringScalar(v);
        case Kind::Labels: {
            YamlNode m = YamlEdit::mapping();
            for (const QString &p : splitList(v))
                YamlEdit::setEntry(m, p.section(QLatin1Char('='), 0, 0).trimmed().toUtf8(),
                    YamlEdit::stringScalar(p.section(QLatin1Char('='), 1).trimmed()));
            return m;
        }
        default: {
            YamlNode seq = YamlEdit::sequence();
            for (const QString &p : splitList(v))
                YamlEdit::appendItem(seq, YamlEdit::stringScalar(p));
            return seq;
        }
        }
    }
};

struct L4RuleEditor::Block
{
    QGroupBox *box = nullptr;
    QToolButton *remove = nullptr;
    QList<Field *> fields;
    bool pending = false; // not in the model yet: it arrives whole with its first valid field
    ~Block() { qDeleteAll(fields); }
};

L4RuleEditor::L4RuleEditor(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setEnabled(false);
    layout->addWidget(m_hint);
    m_blocksHost = new QWidget(this);
    m_blocksLayout = new QVBoxLayout(m_blocksHost);
    m_blocksLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_blocksHost);
    m_addBlock = new QPushButton(tr("Add match block"), this);
    m_addBlock->setToolTip(tr("Add an alternative (OR) set of conditions"));
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_addBlock);
    addRow->addStretch();
    layout->addLayout(addRow);
    layout->addStretch();
    connect(m_addBlock, &QPushButton::clicked, this, [this] {
        Block *b = newBlock(tr("New block %1").arg(m_blocks.size() + 1), true);
        b->fields.first()->edit->setFocus();
    });
    connect(m_document, &Document::changed, this, &L4RuleEditor::onDocumentChanged);
    rebuild();
}

L4RuleEditor::~L4RuleEditor()
{
    qDeleteAll(m_blocks);
}

QLineEdit *L4RuleEditor::fieldEdit(int block, const QString &key) const
{
    if (const Block *b = m_blocks.value(block))
        for (const Field *f : b->fields)
            if (f->key == key)
                return f->edit;
    return nullptr;
}

QLabel *L4RuleEditor::fieldError(int block, const QString &key) const
{
    if (const Block *b = m_blocks.value(block))
        for (const Field *f : b->fields)
            if (f->key == key)
                return f->error;
    return nullptr;
}

QToolButton *L4RuleEditor::removeBlockButton(int block) const
{
    const Block *b = m_blocks.value(block);
    return b ? b->remove : nullptr;
}

void L4RuleEditor::setRule(int resourceId, RouteKind kind, int routeIndex)
{
    if (resourceId == m_resourceId && kind == m_kind && routeIndex == m_routeIndex)
        return;
    m_resourceId = resourceId;
    m_kind = kind;
    m_routeIndex = routeIndex;
    rebuild();
}

QStringList L4RuleEditor::signature() const
{
    const Resource *r = m_document->resource(m_resourceId);
    const VirtualService *vs = r ? r->virtualService() : nullptr;
    if (!vs || m_routeIndex < 0 || m_routeIndex >= RouteKinds::count(*vs, m_kind))
        return {};
    return { QString::number(
        m_kind == RouteKind::Tls ? vs->tls[m_routeIndex].match.size() : vs->tcp[m_routeIndex].match.size()) };
}

void L4RuleEditor::onDocumentChanged(const ChangeEvent &event)
{
    if (event.type == ChangeEvent::Type::Saved)
        return;
    if (event.type == ChangeEvent::Type::ResourcesChanged && !event.resourceIds.contains(m_resourceId))
        return;
    // Values change in place (the field being typed in keeps its focus); a new or
    // removed block rebuilds after the signal that caused it returns.
    if (signature() == m_signature && !m_signature.isEmpty()) {
        refreshValues();
        return;
    }
    if (m_rebuildPending)
        return;
    m_rebuildPending = true;
    QTimer::singleShot(0, this, [this] {
        m_rebuildPending = false;
        rebuild();
    });
}

L4RuleEditor::Block *L4RuleEditor::newBlock(const QString &title, bool pending)
{
    auto *block = new Block;
    block->pending = pending;
    block->box = new QGroupBox(title, m_blocksHost);
    auto *form = new QFormLayout(block->box);
    for (const FieldInfo &info : kFields) {
        if (m_kind != RouteKind::Tls && info.kind == Kind::Hosts)
            continue;
        auto *f = new Field;
        f->key = QLatin1String(info.key);
        f->kind = info.kind;
        auto *cell = new QWidget(block->box);
        auto *v = new QVBoxLayout(cell);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(0);
        f->edit = new QLineEdit(cell);
        f->edit->setObjectName(f->key);
        f->edit->setToolTip(tr(info.toolTip));
        f->edit->setClearButtonEnabled(true);
        f->error = new QLabel(cell);
        f->error->setStyleSheet(QStringLiteral("color: #d0312d;"));
        f->error->setWordWrap(true);
        f->error->setVisible(false);
        v->addWidget(f->edit);
        v->addWidget(f->error);
        auto *label = new QLabel(tr(info.label), block->box);
        label->setToolTip(f->edit->toolTip());
        form->addRow(label, cell);
        block->fields.append(f);
        connect(f->edit, &QLineEdit::textEdited, this, [f] {
            const QString e = f->validate();
            f->error->setText(e);
            f->error->setVisible(!e.isEmpty());
            f->edit->setStyleSheet(
                e.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #d0312d; }"));
        });
        connect(f->edit, &QLineEdit::editingFinished, this, [this, block, f] { commit(block, f); });
    }
    block->remove = new QToolButton(block->box);
    block->remove->setText(tr("Remove block"));
    block->remove->setToolTip(tr("Remove this set of conditions"));
    form->addRow(QString(), block->remove);
    connect(block->remove, &QToolButton::clicked, this, [this, block] { removeBlock(block); });
    m_blocksLayout->addWidget(block->box);
    m_blocks.append(block);
    return block;
}

void L4RuleEditor::rebuild()
{
    for (Block *b : std::as_const(m_blocks))
        b->box->deleteLater();
    qDeleteAll(m_blocks);
    m_blocks.clear();
    m_signature = signature();
    const Resource *r = m_document->resource(m_resourceId);
    const bool valid = !m_signature.isEmpty();
    m_blocksHost->setVisible(valid);
    m_addBlock->setVisible(valid);
    m_hint->setVisible(valid);
    if (!valid) {
        m_title->setText(tr("Select a TLS or TCP rule of a VirtualService to edit it."));
        return;
    }
    const VirtualService &vs = *r->virtualService();
    m_title->setText(tr("%1 rule #%2 of %3").arg(RouteKinds::label(m_kind)).arg(m_routeIndex).arg(r->name()));
    m_hint->setText(m_kind == RouteKind::Tls
            ? tr("Match — any block (OR); inside a block, every condition (AND). A TLS rule needs at least "
                 "one "
                 "block with SNI hosts. Destinations and weights: the Weights panel.")
            : tr("Match — any block (OR); inside a block, every condition (AND). No block takes every "
                 "connection. Destinations and weights: the Weights panel."));
    const int count = m_kind == RouteKind::Tls ? int(vs.tls[m_routeIndex].match.size())
                                               : int(vs.tcp[m_routeIndex].match.size());
    for (int b = 0; b < count; ++b)
        newBlock(tr("Block %1").arg(b + 1), false);
    refreshValues();
}

void L4RuleEditor::refreshValues()
{
    const Resource *r = m_document->resource(m_resourceId);
    if (!r || !r->virtualService())
        return;
    const VirtualService &vs = *r->virtualService();
    int committed = 0;
    for (Block *block : std::as_const(m_blocks)) {
        if (block->pending)
            continue;
        const int b = committed++;
        for (Field *f : std::as_const(block->fields)) {
            const QString text = m_kind == RouteKind::Tls
                ? textOf(vs.tls[m_routeIndex].match.value(b), f->key)
                : textOf(vs.tcp[m_routeIndex].match.value(b), f->key);
            if (!f->edit->hasFocus() || !f->edit->isModified())
                f->edit->setText(text);
            f->edit->setModified(false);
            f->error->setVisible(false);
            f->edit->setStyleSheet(QString());
        }
    }
}

bool L4RuleEditor::push(std::unique_ptr<UndoCommand> command, const QString &error)
{
    if (!command) {
        Q_EMIT editFailed(error);
        return false;
    }
    m_document->undoStack()->push(command.release());
    return true;
}

void L4RuleEditor::commit(Block *block, Field *field)
{
    if (m_resourceId < 0 || !field->edit->isModified())
        return;
    if (!field->validate().isEmpty())
        return; // the red mark stays; nothing invalid reaches the model
    const QString text = field->edit->text().trimmed();
    if (m_kind == RouteKind::Tls && field->kind == Kind::Hosts && text.isEmpty()) {
        field->error->setText(tr("a TLS match needs at least one SNI host"));
        field->error->setVisible(true);
        return;
    }
    field->edit->setModified(false);
    QString error;
    if (block->pending) {
        if (text.isEmpty())
            return;
        // A new block reaches the model whole, with every valid value typed so far.
        YamlNode item = YamlEdit::mapping();
        for (const Field *f : std::as_const(block->fields))
            if (!f->edit->text().trimmed().isEmpty() && f->validate().isEmpty())
                YamlEdit::setEntry(item, f->key.toUtf8(), f->value());
        const Resource *r = m_document->resource(m_resourceId);
        const VirtualService &vs = *r->virtualService();
        const int index = m_kind == RouteKind::Tls ? int(vs.tls[m_routeIndex].match.size())
                                                   : int(vs.tcp[m_routeIndex].match.size());
        block->pending = false;
        push(SetRouteField::create(m_document, m_resourceId, m_kind, m_routeIndex,
                 { QByteArray("match"), index }, item, tr("Add match block"), &error),
            error);
        return;
    }
    const int b = int(m_blocks.indexOf(block));
    const std::optional<YamlNode> value
        = text.isEmpty() ? std::nullopt : std::optional<YamlNode>(field->value());
    push(SetRouteField::create(m_document, m_resourceId, m_kind, m_routeIndex,
             { QByteArray("match"), b, field->key.toUtf8() }, value, tr("Set %1").arg(field->key), &error),
        error);
}

void L4RuleEditor::removeBlock(Block *block)
{
    const int b = int(m_blocks.indexOf(block));
    if (b < 0)
        return;
    if (block->pending) {
        m_blocks.removeAt(b);
        block->box->deleteLater();
        delete block;
        return;
    }
    int committed = 0;
    for (const Block *other : std::as_const(m_blocks))
        committed += other->pending ? 0 : 1;
    if (m_kind == RouteKind::Tls && committed == 1) {
        Q_EMIT editFailed(tr("a TLS rule needs a match block; delete the rule instead"));
        return;
    }
    QString error;
    const YamlPath path
        = committed == 1 ? YamlPath { QByteArray("match") } : YamlPath { QByteArray("match"), b };
    // Deleting the block's own button while it is emitting: push after the click returns.
    auto command = SetRouteField::create(
        m_document, m_resourceId, m_kind, m_routeIndex, path, std::nullopt, tr("Remove match block"), &error);
    if (!command) {
        Q_EMIT editFailed(error);
        return;
    }
    QMetaObject::invokeMethod(
        this, [this, c = command.release()] { m_document->undoStack()->push(c); }, Qt::QueuedConnection);
}

} // namespace meshroute
