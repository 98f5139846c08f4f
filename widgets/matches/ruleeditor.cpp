#include "ruleeditor.h"

#include "document.h"
#include "foldablesection.h"
#include "mirrorlisteditor.h"
#include "originlisteditor.h"
#include "resource.h"
#include "rulefieldspec.h"
#include "setrouteaction.h"
#include "setroutefield.h"
#include "undostack.h"
#include "yamledit.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace meshroute {

namespace {

YamlPath toPath(const QString &dotted)
{
    YamlPath p;
    for (const QString &s : dotted.split(QLatin1Char('.')))
        p.append(s.toUtf8());
    return p;
}

QString nodeText(const YamlNode *n)
{
    if (!n)
        return {};
    if (n->isScalar())
        return QString::fromStdString(n->value);
    QStringList parts;
    if (n->isSequence())
        for (const YamlNode &c : n->children)
            parts.append(QString::fromStdString(c.value));
    else if (n->isMapping())
        for (std::size_t i = 0; i + 1 < n->children.size(); i += 2)
            parts.append(QString::fromStdString(n->children[i].value) + QLatin1Char('=')
                + QString::fromStdString(n->children[i + 1].value));
    return parts.join(QStringLiteral(", "));
}

} // namespace

struct RuleEditor::Block
{
    QGroupBox *box = nullptr;
    QVBoxLayout *layout = nullptr;
    QList<ConditionRow *> rows;
    QList<bool> committed; // parallel to rows: the condition is in the model
    QStringList keys; // parallel to rows: its key in the model (for renames)
    bool pending = false; // the block itself is not in the model yet
};

struct RuleEditor::Field
{
    QString path;
    RuleFieldSpec spec;
    QLineEdit *edit = nullptr;
    QLabel *error = nullptr;
    QWidget *row = nullptr;
    QString validate() const { return spec.validate(edit->text()); }
    YamlNode value() const { return spec.value(edit->text()); }
};

RuleEditor::RuleEditor(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);

    auto *matchTitle = new QLabel(tr("Match — any block (OR); inside a block, every condition (AND)"), this);
    matchTitle->setToolTip(
        tr("match: the request must satisfy one of these blocks; no block matches every request"));
    layout->addWidget(matchTitle);
    m_catchAll = new QLabel(tr("No match blocks: this rule takes every request that reaches it."), this);
    m_catchAll->setEnabled(false);
    layout->addWidget(m_catchAll);
    m_matchHost = new QWidget(this);
    m_matchLayout = new QVBoxLayout(m_matchHost);
    m_matchLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_matchHost);
    m_addBlock = new QPushButton(tr("Add match block"), this);
    m_addBlock->setToolTip(tr("Add an alternative (OR) set of conditions, starting with a uri prefix"));
    connect(m_addBlock, &QPushButton::clicked, this, &RuleEditor::addBlock);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_addBlock);
    addRow->addStretch();
    layout->addLayout(addRow);

    auto *actionRow = new QHBoxLayout;
    auto *actionLabel = new QLabel(tr("Action"), this);
    m_action = new QComboBox(this);
    m_action->addItem(tr("Route to destinations"), int(RouteAction::Route));
    m_action->addItem(tr("Redirect"), int(RouteAction::Redirect));
    m_action->addItem(tr("Direct response"), int(RouteAction::DirectResponse));
    m_action->addItem(tr("Delegate"), int(RouteAction::Delegate));
    m_action->setToolTip(
        tr("What the rule does with a matched request: forward it, redirect it, answer it, or "
           "hand it to a delegate VirtualService"));
    actionRow->addWidget(actionLabel);
    actionRow->addWidget(m_action, 1);
    layout->addLayout(actionRow);
    connect(m_action, &QComboBox::activated, this, &RuleEditor::changeAction);

    buildFields();
    layout->addStretch();
    connect(m_document, &Document::changed, this, &RuleEditor::onDocumentChanged);
    rebuild();
}

RuleEditor::~RuleEditor()
{
    qDeleteAll(m_blocks);
    qDeleteAll(m_fields);
}

RuleEditor::Field *RuleEditor::addField(QVBoxLayout *layout, const RuleFieldSpec &spec)
{
    const QString path = QLatin1String(spec.path);
    const QString label = tr(spec.label);
    const QString toolTip = tr(spec.toolTip);
    auto *f = new Field;
    f->path = path;
    f->spec = spec;
    f->row = new QWidget(this);
    auto *grid = new QGridLayout(f->row);
    grid->setContentsMargins(0, 0, 0, 0);
    auto *l = new QLabel(label, f->row);
    l->setToolTip(toolTip);
    l->setMinimumWidth(120);
    f->edit = new QLineEdit(f->row);
    f->edit->setToolTip(toolTip);
    f->edit->setClearButtonEnabled(true);
    f->edit->setObjectName(path);
    f->error = new QLabel(f->row);
    f->error->setStyleSheet(QStringLiteral("color: #d0312d;"));
    f->error->setVisible(false);
    grid->addWidget(l, 0, 0);
    grid->addWidget(f->edit, 0, 1);
    grid->addWidget(f->error, 1, 1);
    layout->addWidget(f->row);
    connect(f->edit, &QLineEdit::textEdited, this, [f] {
        const QString e = f->validate();
        f->error->setText(e);
        f->error->setVisible(!e.isEmpty());
        f->edit->setStyleSheet(
            e.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #d0312d; }"));
    });
    connect(f->edit, &QLineEdit::editingFinished, this, [this, f] { commitField(f); });
    m_fields.append(f);
    return f;
}

void RuleEditor::buildFields()
{
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    for (const RuleFieldSpec &f : RuleFieldSpec::general())
        addField(layout, f);
    for (const RuleFieldSpec::Section &s : RuleFieldSpec::sections()) {
        auto *section = new FoldableSection(tr(s.title), this);
        section->setObjectName(QLatin1String(s.title));
        for (const RuleFieldSpec &f : s.fields)
            addField(section->contentLayout(), f);
        if (qstrcmp(s.title, "Mirror") == 0) {
            m_mirrors = new MirrorListEditor(m_document, section);
            section->contentLayout()->addWidget(m_mirrors);
            connect(m_mirrors, &MirrorListEditor::editFailed, this, &RuleEditor::editFailed);
        } else if (qstrcmp(s.title, "CORS") == 0) {
            m_origins = new OriginListEditor(m_document, section);
            section->contentLayout()->insertWidget(0, m_origins);
            connect(m_origins, &OriginListEditor::editFailed, this, &RuleEditor::editFailed);
        }
        layout->addWidget(section);
    }
}

FoldableSection *RuleEditor::section(const QString &title) const
{
    return findChild<FoldableSection *>(title);
}

QList<ConditionRow *> RuleEditor::conditionRows(int block) const
{
    return block >= 0 && block < m_blocks.size() ? m_blocks[block]->rows : QList<ConditionRow *>();
}

QLineEdit *RuleEditor::fieldEdit(const QString &path) const
{
    for (const Field *f : m_fields)
        if (f->path == path)
            return f->edit;
    return nullptr;
}

QLabel *RuleEditor::fieldError(const QString &path) const
{
    for (const Field *f : m_fields)
        if (f->path == path)
            return f->error;
    return nullptr;
}

void RuleEditor::setRule(int resourceId, int routeIndex)
{
    if (resourceId == m_resourceId && routeIndex == m_routeIndex)
        return;
    m_resourceId = resourceId;
    m_routeIndex = routeIndex;
    rebuild();
}

void RuleEditor::onDocumentChanged(const ChangeEvent &event)
{
    if (event.type == ChangeEvent::Type::Saved)
        return;
    if (event.type == ChangeEvent::Type::ResourcesChanged && !event.resourceIds.contains(m_resourceId))
        return;
    const Resource *r = m_document->resource(m_resourceId);
    if (!r || !r->virtualService() || m_routeIndex >= r->virtualService()->http.size()) {
        m_resourceId = -1;
        m_routeIndex = -1;
        scheduleRebuild();
        return;
    }
    // Values change in place (the field being typed in keeps its focus); a new
    // or removed condition rebuilds, after the signal that caused it returns.
    if (signature() == m_signature)
        refreshInPlace();
    else
        scheduleRebuild();
}

void RuleEditor::scheduleRebuild()
{
    if (m_rebuildPending)
        return;
    m_rebuildPending = true;
    QTimer::singleShot(0, this, [this] {
        m_rebuildPending = false;
        rebuild();
    });
}

namespace {

struct Condition
{
    ConditionRow::Kind kind;
    QString key;
    StringMatch::Type type = StringMatch::Type::Exact;
    QString value;
    bool ignoreCase = false;
};

QList<Condition> conditionsOf(const HttpMatchRequest &m)
{
    using K = ConditionRow::Kind;
    QList<Condition> out;
    if (m.hasUri)
        out.append({ K::Uri, {}, m.uri.type, m.uri.value, m.rare->ignoreUriCase.value });
    if (m.hasMethod)
        out.append({ K::Method, {}, m.method->type, m.method->value });
    if (m.hasAuthority)
        out.append({ K::Authority, {}, m.authority->type, m.authority->value });
    if (m.hasScheme)
        out.append({ K::Scheme, {}, m.scheme->type, m.scheme->value });
    for (const auto &e : m.headers)
        out.append({ K::Header, e.key, e.value.type, e.value.value });
    for (const auto &e : m.rare->withoutHeaders)
        out.append({ K::WithoutHeader, e.key, e.value.type, e.value.value });
    for (const auto &e : m.rare->queryParams)
        out.append({ K::QueryParam, e.key, e.value.type, e.value.value });
    if (m.port.present)
        out.append({ K::Port, {}, StringMatch::Type::Exact, QString::number(m.port.value) });
    if (m.rare->sourceNamespace.present)
        out.append({ K::SourceNamespace, {}, StringMatch::Type::Exact, m.rare->sourceNamespace.value });
    for (const Label &l : m.sourceLabels)
        out.append({ K::SourceLabel, l.key, StringMatch::Type::Exact, l.value });
    if (!m.gateways.isEmpty()) {
        QStringList g;
        for (const auto &f : m.gateways)
            g.append(f.value);
        out.append({ K::Gateways, {}, StringMatch::Type::Exact, g.join(QStringLiteral(", ")) });
    }
    return out;
}

} // namespace

QStringList RuleEditor::signature() const
{
    QStringList out;
    const Resource *r = m_document->resource(m_resourceId);
    if (!r || !r->virtualService() || m_routeIndex < 0 || m_routeIndex >= r->virtualService()->http.size())
        return out;
    const HttpRoute &rule = r->virtualService()->http[m_routeIndex];
    for (const HttpMatchRequest &m : rule.match) {
        QStringList parts;
        for (const Condition &c : conditionsOf(m))
            parts.append(QString::number(int(c.kind)) + QLatin1Char(':') + c.key);
        out.append(parts.join(QLatin1Char(';')));
    }
    return out;
}

void RuleEditor::rebuild()
{
    for (Block *b : m_blocks)
        b->box->deleteLater();
    qDeleteAll(m_blocks);
    m_blocks.clear();
    m_signature = signature();
    const Resource *r = m_document->resource(m_resourceId);
    const bool valid
        = r && r->virtualService() && m_routeIndex >= 0 && m_routeIndex < r->virtualService()->http.size();
    for (QWidget *w : findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly))
        if (w != m_title)
            w->setVisible(valid);
    if (!valid) {
        m_mirrors->setRule(-1, -1);
        m_origins->setRule(-1, -1);
        m_title->setText(tr("Select a rule of a VirtualService to edit it."));
        return;
    }
    const HttpRoute &rule = r->virtualService()->http[m_routeIndex];
    m_title->setText(tr("Rule %1 of %2").arg(rule.displayName(m_routeIndex), r->name()));
    for (int b = 0; b < rule.match.size(); ++b) {
        auto *block = new Block;
        block->box = new QGroupBox(tr("Block %1").arg(b + 1), m_matchHost);
        block->layout = new QVBoxLayout(block->box);
        m_matchLayout->addWidget(block->box);
        m_blocks.append(block);
        for (const Condition &c : conditionsOf(rule.match[b])) {
            ConditionRow *row = addCondition(b, c.kind);
            row->setCondition(c.key, c.type, c.value, c.ignoreCase);
            block->committed.last() = true;
            block->keys.last() = c.key;
        }
        auto *add = new QToolButton(block->box);
        add->setText(tr("Add condition"));
        add->setPopupMode(QToolButton::InstantPopup);
        auto *menu = new QMenu(add);
        for (int k = 0; k <= int(ConditionRow::Kind::Gateways); ++k) {
            const auto kind = ConditionRow::Kind(k);
            menu->addAction(ConditionRow::kindName(kind), this,
                    [this, block, kind] {
                        const int index = int(m_blocks.indexOf(block));
                        if (index >= 0)
                            addCondition(index, kind)->setFocus();
                    })
                ->setToolTip(ConditionRow::kindToolTip(kind));
        }
        menu->setToolTipsVisible(true);
        add->setMenu(menu);
        block->layout->addWidget(add);
    }
    m_catchAll->setVisible(rule.match.isEmpty());
    const RouteAction action = rule.redirect->present ? RouteAction::Redirect
        : rule.directResponse->present                ? RouteAction::DirectResponse
        : rule.delegate->present                      ? RouteAction::Delegate
                                                      : RouteAction::Route;
    m_action->setCurrentIndex(m_action->findData(int(action)));
    refreshFields();
}

void RuleEditor::refreshInPlace()
{
    const HttpRoute &rule = m_document->resource(m_resourceId)->virtualService()->http[m_routeIndex];
    for (int b = 0; b < m_blocks.size() && b < rule.match.size(); ++b) {
        const QList<Condition> conditions = conditionsOf(rule.match[b]);
        int c = 0;
        for (int i = 0; i < m_blocks[b]->rows.size() && c < conditions.size(); ++i) {
            if (!m_blocks[b]->committed[i])
                continue;
            m_blocks[b]->rows[i]->setCondition(
                conditions[c].key, conditions[c].type, conditions[c].value, conditions[c].ignoreCase);
            m_blocks[b]->keys[i] = conditions[c].key;
            ++c;
        }
    }
    refreshFields();
}

void RuleEditor::refreshFields()
{
    const Resource *r = m_document->resource(m_resourceId);
    if (!r)
        return;
    YamlNode root;
    if (!m_document->parseDocument(r->fileIndex, r->documentIndex, &root))
        return;
    const YamlPath base
        = m_document->resourcePath(*r) + YamlPath { QByteArray("spec"), QByteArray("http"), m_routeIndex };
    const int action = m_action->currentData().toInt();
    for (Field *f : m_fields) {
        const QString text = nodeText(YamlEdit::find(root, base + toPath(f->path)));
        if (!f->edit->hasFocus() || !f->edit->isModified())
            f->edit->setText(text);
        f->edit->setModified(false);
        f->error->setVisible(false);
        f->edit->setStyleSheet(QString());
        // Only the fields of the rule's own action are shown.
        const bool redirect = f->path.startsWith(QLatin1String("redirect."));
        const bool direct = f->path.startsWith(QLatin1String("directResponse."));
        const bool delegate = f->path.startsWith(QLatin1String("delegate."));
        if (redirect || direct || delegate)
            f->row->setVisible((redirect && action == int(RouteAction::Redirect))
                || (direct && action == int(RouteAction::DirectResponse))
                || (delegate && action == int(RouteAction::Delegate)));
    }
    m_mirrors->setRule(m_resourceId, m_routeIndex);
    m_origins->setRule(m_resourceId, m_routeIndex);
    for (FoldableSection *s : findChildren<FoldableSection *>()) {
        QStringList set;
        if (s->isAncestorOf(m_origins) && !m_origins->summary().isEmpty())
            set.append(m_origins->summary());
        for (const Field *f : m_fields)
            if (!f->edit->text().isEmpty() && s->isAncestorOf(f->edit))
                set.append(f->edit->text());
        if (s->isAncestorOf(m_mirrors) && !m_mirrors->summary().isEmpty())
            set.append(m_mirrors->summary());
        s->setSummary(set.join(QStringLiteral(", ")).left(40));
    }
}

ConditionRow *RuleEditor::addCondition(int blockIndex, ConditionRow::Kind kind)
{
    Block *block = m_blocks.value(blockIndex);
    if (!block)
        return nullptr;
    auto *row = new ConditionRow(kind, block->box);
    int insertAt = block->layout->count();
    if (insertAt > 0 && qobject_cast<QToolButton *>(block->layout->itemAt(insertAt - 1)->widget()))
        --insertAt; // before the "Add condition" button
    block->layout->insertWidget(insertAt, row);
    block->rows.append(row);
    block->committed.append(false);
    block->keys.append(QString());
    connect(row, &ConditionRow::commitRequested, this, [this, block, row] { commitRow(block, row); });
    connect(row, &ConditionRow::removeRequested, this, [this, block, row] { removeRow(block, row); });
    return row;
}

void RuleEditor::addBlock()
{
    auto *block = new Block;
    block->pending = true;
    block->box = new QGroupBox(tr("New block %1").arg(m_blocks.size() + 1), m_matchHost);
    block->layout = new QVBoxLayout(block->box);
    m_matchLayout->addWidget(block->box);
    m_blocks.append(block);
    ConditionRow *row = addCondition(int(m_blocks.size()) - 1, ConditionRow::Kind::Uri);
    // Shown, not committed: the block reaches the model when the user confirms a value.
    row->setCondition({}, StringMatch::Type::Prefix, {});
    row->valueEdit()->setFocus();
    m_catchAll->setVisible(false);
}

bool RuleEditor::push(std::unique_ptr<UndoCommand> command, const QString &error)
{
    if (!command) {
        Q_EMIT editFailed(error);
        return false;
    }
    m_document->undoStack()->push(command.release());
    return true;
}

void RuleEditor::commitRow(Block *block, ConditionRow *row)
{
    const int b = int(m_blocks.indexOf(block));
    const int i = int(block->rows.indexOf(row));
    if (b < 0 || i < 0)
        return;
    QString error;
    if (block->pending) {
        // A new block reaches the model whole, once every condition in it is valid.
        YamlNode item = YamlEdit::mapping();
        for (ConditionRow *r : block->rows) {
            if (!r->validationError().isEmpty())
                return;
            if (r->hasKey()) {
                YamlNode *map = const_cast<YamlNode *>(item.find(r->fieldKey().constData()));
                if (!map)
                    map = &YamlEdit::setEntry(item, r->fieldKey(), YamlEdit::mapping());
                YamlEdit::setEntry(*map, r->key().toUtf8(), r->yamlValue());
            } else {
                YamlEdit::setEntry(item, r->fieldKey(), r->yamlValue());
            }
            if (r->ignoreUriCase())
                YamlEdit::setEntry(item, "ignoreUriCase", YamlEdit::plainScalar(QStringLiteral("true")));
        }
        const int index
            = int(m_document->resource(m_resourceId)->virtualService()->http[m_routeIndex].match.size());
        block->pending = false;
        push(SetRouteField::create(m_document, m_resourceId, m_routeIndex, { QByteArray("match"), index },
                 item, tr("Add match block"), &error),
            error);
        return;
    }
    const YamlPath blockPath { QByteArray("match"), b };
    YamlPath path = YamlPath(blockPath) << row->fieldKey();
    if (row->hasKey())
        path << row->key().toUtf8();
    const QString what = tr("Set %1 condition").arg(ConditionRow::kindName(row->kind()));
    const bool renamed = block->committed[i] && row->hasKey() && block->keys[i] != row->key();
    UndoStack *stack = m_document->undoStack();
    stack->beginMacro(what);
    bool ok = true;
    if (renamed) {
        const YamlPath old = YamlPath(blockPath) << row->fieldKey() << block->keys[i].toUtf8();
        ok = push(
            SetRouteField::create(m_document, m_resourceId, m_routeIndex, old, std::nullopt, what, &error),
            error);
    }
    ok = ok
        && push(SetRouteField::create(
                    m_document, m_resourceId, m_routeIndex, path, row->yamlValue(), what, &error),
            error);
    if (ok && row->kind() == ConditionRow::Kind::Uri) {
        const YamlPath ic = YamlPath(blockPath) << QByteArray("ignoreUriCase");
        const std::optional<YamlNode> value = row->ignoreUriCase()
            ? std::optional<YamlNode>(YamlEdit::plainScalar(QStringLiteral("true")))
            : std::nullopt;
        push(SetRouteField::create(m_document, m_resourceId, m_routeIndex, ic, value, what, &error), error);
    }
    stack->endMacro();
}

void RuleEditor::removeRow(Block *block, ConditionRow *row)
{
    const int b = int(m_blocks.indexOf(block));
    const int i = int(block->rows.indexOf(row));
    if (b < 0 || i < 0)
        return;
    if (!block->committed[i]) {
        block->rows.removeAt(i);
        block->committed.removeAt(i);
        block->keys.removeAt(i);
        row->deleteLater();
        if (block->rows.isEmpty()) {
            m_blocks.removeAt(b);
            block->box->deleteLater();
            delete block;
        }
        return;
    }
    QString error;
    const int committedCount = int(block->committed.count(true));
    const int modelBlocks
        = int(m_document->resource(m_resourceId)->virtualService()->http[m_routeIndex].match.size());
    YamlPath path;
    if (committedCount == 1) {
        // The block's last condition: the block goes, or an empty one would match everything.
        path = modelBlocks == 1 ? YamlPath { QByteArray("match") } : YamlPath { QByteArray("match"), b };
    } else {
        path = YamlPath { QByteArray("match"), b, row->fieldKey() };
        if (row->hasKey())
            path << block->keys[i].toUtf8();
    }
    const QString what = tr("Remove %1 condition").arg(ConditionRow::kindName(row->kind()));
    UndoStack *stack = m_document->undoStack();
    stack->beginMacro(what);
    push(SetRouteField::create(m_document, m_resourceId, m_routeIndex, path, std::nullopt, what, &error),
        error);
    if (committedCount > 1 && row->kind() == ConditionRow::Kind::Uri && row->ignoreUriCase())
        push(SetRouteField::create(m_document, m_resourceId, m_routeIndex,
                 { QByteArray("match"), b, QByteArray("ignoreUriCase") }, std::nullopt, what, &error),
            error);
    stack->endMacro();
}

void RuleEditor::commitField(Field *field)
{
    if (m_resourceId < 0 || !field->edit->isModified())
        return;
    const QString error = field->validate();
    if (!error.isEmpty())
        return; // the red mark stays; nothing invalid reaches the model
    field->edit->setModified(false);
    QString why;
    const QString text = field->edit->text().trimmed();
    const std::optional<YamlNode> value
        = text.isEmpty() ? std::nullopt : std::optional<YamlNode>(field->value());
    push(SetRouteField::create(m_document, m_resourceId, m_routeIndex, toPath(field->path), value,
             tr("Set %1").arg(field->path), &why),
        why);
}

void RuleEditor::changeAction(int index)
{
    const auto action = RouteAction(m_action->itemData(index).toInt());
    const Resource *r = m_document->resource(m_resourceId);
    if (!r)
        return;
    const HttpRoute &rule = r->virtualService()->http[m_routeIndex];
    const bool same = (action == RouteAction::Route && !rule.redirect->present
                          && !rule.directResponse->present && !rule.delegate->present)
        || (action == RouteAction::Redirect && rule.redirect->present)
        || (action == RouteAction::DirectResponse && rule.directResponse->present)
        || (action == RouteAction::Delegate && rule.delegate->present);
    if (same)
        return;
    YamlNode value = YamlEdit::mapping();
    switch (action) {
    case RouteAction::Route: {
        value = YamlEdit::sequence();
        YamlNode d = YamlEdit::mapping();
        const VirtualService *vs = r->virtualService();
        YamlEdit::setEntry(d, "host",
            YamlEdit::stringScalar(vs->hosts.isEmpty() ? QStringLiteral("my-service") : vs->hosts[0].value));
        YamlNode item = YamlEdit::mapping();
        YamlEdit::setEntry(item, "destination", d);
        YamlEdit::appendItem(value, item);
        break;
    }
    case RouteAction::Redirect:
        YamlEdit::setEntry(value, "uri", YamlEdit::stringScalar(QStringLiteral("/")));
        break;
    case RouteAction::DirectResponse:
        YamlEdit::setEntry(value, "status", YamlEdit::plainScalar(QStringLiteral("404")));
        break;
    case RouteAction::Delegate:
        YamlEdit::setEntry(value, "name", YamlEdit::stringScalar(r->name() + QStringLiteral("-delegate")));
        break;
    }
    QString error;
    if (!push(SetRouteAction::create(m_document, m_resourceId, m_routeIndex, action, value, &error), error))
        rebuild();
}

} // namespace meshroute
