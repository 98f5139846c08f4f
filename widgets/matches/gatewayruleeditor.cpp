#include "gatewayruleeditor.h"

#include "document.h"
#include "foldablesection.h"
#include "gatewayfiltereditor.h"
#include "gatewayparentseditor.h"
#include "resource.h"
#include "setgatewayroutefield.h"
#include "undostack.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace meshroute {

using RowKind = GatewayConditionRow::Kind;

struct GatewayRuleEditor::Block
{
    int index = -1;
    bool pending = false; // a match the model does not hold yet
    QFrame *frame = nullptr;
    QVBoxLayout *rows = nullptr;
    QList<GatewayConditionRow *> conditions;
};

namespace {

const RouteRule *ruleOf(const Document *document, int resourceId, int ruleIndex)
{
    const Resource *r = document->resource(resourceId);
    const GatewayApiRoute *route = r ? r->gatewayApiRoute() : nullptr;
    return route && ruleIndex >= 0 && ruleIndex < route->rules.size() ? &route->rules[ruleIndex] : nullptr;
}

} // namespace

GatewayRuleEditor::GatewayRuleEditor(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    auto *matches = new FoldableSection(tr("Matches"), this);
    m_sections.append(matches);
    m_matchHost = new QWidget(matches);
    m_matchLayout = new QVBoxLayout(m_matchHost);
    m_matchLayout->setContentsMargins(0, 0, 0, 0);
    m_catchAll = new QLabel(matches);
    m_catchAll->setWordWrap(true);
    m_addBlock = new QPushButton(tr("Add match (OR)"), matches);
    m_addBlock->setToolTip(tr("Another match: the rule takes a request that fits any one of them"));
    matches->contentLayout()->addWidget(m_catchAll);
    matches->contentLayout()->addWidget(m_matchHost);
    matches->contentLayout()->addWidget(m_addBlock, 0, Qt::AlignLeft);
    matches->setExpanded(true);
    layout->addWidget(matches);
    connect(m_addBlock, &QPushButton::clicked, this,
        [this] { addCondition(blockCount(), isGrpc() ? RowKind::GrpcMethod : RowKind::Path); });

    auto *filters = new FoldableSection(tr("Filters"), this);
    m_sections.append(filters);
    m_filters = new GatewayFilterEditor(document, filters);
    filters->contentLayout()->addWidget(m_filters);
    layout->addWidget(filters);
    auto *parents = new FoldableSection(tr("Parents and hostnames"), this);
    m_sections.append(parents);
    m_parents = new GatewayParentsEditor(document, parents);
    parents->contentLayout()->addWidget(m_parents);
    layout->addWidget(parents);
    auto *backends = new QLabel(
        tr("Backends: the Traffic split above (Service and port pickers, weights, Add backend)."), this);
    backends->setWordWrap(true);
    backends->setEnabled(false);
    layout->addWidget(backends);
    connect(m_filters, &GatewayFilterEditor::editFailed, this, &GatewayRuleEditor::editFailed);
    connect(m_parents, &GatewayParentsEditor::editFailed, this, &GatewayRuleEditor::editFailed);
    connect(m_document, &Document::changed, this, &GatewayRuleEditor::onDocumentChanged);
}

FoldableSection *GatewayRuleEditor::section(const QString &title) const
{
    for (FoldableSection *s : m_sections)
        if (s->property("title").toString() == title || s->findChild<QToolButton *>()->text().contains(title))
            return s;
    return nullptr;
}

bool GatewayRuleEditor::isGrpc() const
{
    const Resource *r = m_document->resource(m_resourceId);
    return r && r->kind == ResourceKind::GRPCRoute;
}

void GatewayRuleEditor::setRule(int resourceId, int ruleIndex)
{
    const bool other = resourceId != m_resourceId || ruleIndex != m_ruleIndex;
    m_resourceId = resourceId;
    m_ruleIndex = ruleIndex;
    if (other)
        m_signature.clear();
    refresh();
}

void GatewayRuleEditor::onDocumentChanged(const ChangeEvent &event)
{
    if (event.type == ChangeEvent::Type::Saved || m_resourceId < 0)
        return;
    if (event.type == ChangeEvent::Type::Reset || event.resourceIds.contains(m_resourceId))
        refresh();
}

// The shape of the rule's matches: which conditions each has.
QStringList GatewayRuleEditor::signature() const
{
    const RouteRule *rule = ruleOf(m_document, m_resourceId, m_ruleIndex);
    if (!rule)
        return { QStringLiteral("none") };
    QStringList out { QString::number(m_resourceId), QString::number(m_ruleIndex) };
    for (const RouteMatch &m : rule->matches)
        out.append(QStringLiteral("%1%2%3 %4/%5")
                       .arg(m.path.present)
                       .arg(m.method.present)
                       .arg(m.grpcMethod.present)
                       .arg(m.headers.size())
                       .arg(m.queryParams.size()));
    return out;
}

void GatewayRuleEditor::refresh()
{
    const RouteRule *rule = ruleOf(m_document, m_resourceId, m_ruleIndex);
    m_filters->setRule(m_resourceId, rule ? m_ruleIndex : -1);
    m_parents->setRoute(m_resourceId);
    if (!rule) {
        m_title->setText(tr("Select an HTTPRoute rule to edit it."));
        return;
    }
    const Resource *r = m_document->resource(m_resourceId);
    m_title->setText(tr("<b>%1</b> · rule %2")
                         .arg(r->name().toHtmlEscaped(),
                             rule->name.valueOr(QStringLiteral("#%1").arg(m_ruleIndex)).toHtmlEscaped()));
    if (signature() == m_signature) {
        for (int i = 0; i < m_blocks.size() && i < rule->matches.size(); ++i)
            fillBlock(m_blocks[i], rule->matches[i]);
        return;
    }
    rebuild();
}

void GatewayRuleEditor::rebuild()
{
    // Deleted later: the row whose edit led here may be emitting.
    for (Block *b : std::as_const(m_blocks)) {
        b->frame->hide();
        b->frame->deleteLater();
        delete b;
    }
    m_blocks.clear();
    m_signature = signature();
    const RouteRule *rule = ruleOf(m_document, m_resourceId, m_ruleIndex);
    if (!rule)
        return;
    for (int i = 0; i < rule->matches.size(); ++i) {
        Block *block = addBlockWidget(i);
        const RouteMatch &m = rule->matches[i];
        if (m.path.present)
            addRow(block, RowKind::Path, -1);
        if (m.grpcMethod.present)
            addRow(block, RowKind::GrpcMethod, -1);
        if (m.method.present)
            addRow(block, RowKind::Method, -1);
        for (int h = 0; h < m.headers.size(); ++h)
            addRow(block, RowKind::Header, h);
        for (int q = 0; q < m.queryParams.size(); ++q)
            addRow(block, RowKind::QueryParam, q);
        fillBlock(block, m);
    }
    m_catchAll->setText(rule->matches.isEmpty()
            ? (isGrpc() ? tr("No matches: every gRPC request.")
                        : tr("No matches: every request (the CRD default, path prefix /)."))
            : tr("A request takes this rule when it fits any one match, all of whose conditions hold."));
}

GatewayRuleEditor::~GatewayRuleEditor()
{
    qDeleteAll(m_blocks); // their frames are child widgets, deleted with this one
}

GatewayRuleEditor::Block *GatewayRuleEditor::addBlockWidget(int index)
{
    auto *block = new Block;
    block->index = index;
    block->frame = new QFrame(m_matchHost);
    block->frame->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(block->frame);
    layout->setContentsMargins(6, 4, 6, 4);
    auto *head = new QHBoxLayout;
    head->addWidget(new QLabel(tr("match %1").arg(index), block->frame), 1);
    auto *add = new QToolButton(block->frame);
    add->setText(tr("Add condition"));
    add->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(add);
    const QList<RowKind> kinds = isGrpc()
        ? QList<RowKind> { RowKind::GrpcMethod, RowKind::Header }
        : QList<RowKind> { RowKind::Path, RowKind::Method, RowKind::Header, RowKind::QueryParam };
    for (RowKind kind : kinds)
        menu->addAction(GatewayConditionRow::kindName(kind), this,
            [this, block, kind] { addCondition(int(m_blocks.indexOf(block)), kind); });
    add->setMenu(menu);
    head->addWidget(add);
    layout->addLayout(head);
    block->rows = new QVBoxLayout;
    layout->addLayout(block->rows);
    m_matchLayout->addWidget(block->frame);
    m_blocks.append(block);
    return block;
}

GatewayConditionRow *GatewayRuleEditor::addRow(Block *block, RowKind kind, int item)
{
    auto *row = new GatewayConditionRow(kind, block->frame);
    row->setProperty("item", item); // index in headers/queryParams; -2: not in the model yet
    block->rows->addWidget(row);
    block->conditions.append(row);
    connect(row, &GatewayConditionRow::fieldEdited, this,
        [this, block, row](const QByteArray &key, const std::optional<QString> &value) {
            onFieldEdited(block, row, key, value);
        });
    connect(row, &GatewayConditionRow::removeRequested, this, [this, block, row] { removeRow(block, row); });
    return row;
}

void GatewayRuleEditor::fillBlock(Block *block, const RouteMatch &m)
{
    for (GatewayConditionRow *row : std::as_const(block->conditions)) {
        const int item = row->property("item").toInt();
        switch (row->kind()) {
        case RowKind::Path:
            row->setCondition({}, m.path.type.present ? m.path.type.value : QString(), m.path.value.value);
            break;
        case RowKind::Method:
            row->setCondition({}, {}, m.method.value);
            break;
        case RowKind::GrpcMethod:
            row->setCondition(m.grpcMethod.service.value,
                m.grpcMethod.type.present ? m.grpcMethod.type.value : QString(), m.grpcMethod.method.value);
            break;
        case RowKind::Header:
        case RowKind::QueryParam: {
            const QList<HttpValueMatch> &list = row->kind() == RowKind::Header ? m.headers : m.queryParams;
            if (item >= 0 && item < list.size())
                row->setCondition(list[item].name.value,
                    list[item].type.present ? list[item].type.value : QString(), list[item].value.value);
            break;
        }
        }
    }
}

QList<GatewayConditionRow *> GatewayRuleEditor::conditionRows(int block) const
{
    return block >= 0 && block < m_blocks.size() ? m_blocks[block]->conditions
                                                 : QList<GatewayConditionRow *>();
}

GatewayConditionRow *GatewayRuleEditor::addCondition(int blockIndex, RowKind kind)
{
    if (m_resourceId < 0)
        return nullptr;
    Block *block = blockIndex >= 0 && blockIndex < m_blocks.size() ? m_blocks[blockIndex] : nullptr;
    if (!block) {
        block = addBlockWidget(int(m_blocks.size()));
        block->pending = true;
    }
    GatewayConditionRow *row = addRow(block, kind, -2);
    row->setFocus();
    return row;
}

YamlPath GatewayRuleEditor::matchPath(int block, const YamlPath &rest) const
{
    YamlPath path = SetGatewayRouteField::rulePath(m_ruleIndex, { QByteArray("matches"), block });
    path += rest;
    return path;
}

YamlPath GatewayRuleEditor::conditionPath(const GatewayConditionRow *row) const
{
    const int item = row->property("item").toInt();
    if (row->kind() == RowKind::Header || row->kind() == RowKind::QueryParam)
        return { row->fieldKey(), item };
    return { row->fieldKey() };
}

void GatewayRuleEditor::onFieldEdited(
    Block *block, GatewayConditionRow *row, const QByteArray &key, const std::optional<QString> &value)
{
    if (block->pending || row->property("item").toInt() == -2) {
        commitNew(block, row);
        return;
    }
    const RouteRule *rule = ruleOf(m_document, m_resourceId, m_ruleIndex);
    if (!rule || block->index >= rule->matches.size())
        return;
    YamlPath path = matchPath(block->index, conditionPath(row));
    if (row->kind() != RowKind::Method)
        path << key; // a method is the scalar itself
    if (key == "type" && !row->typeWritten())
        return;
    std::optional<YamlNode> node;
    if (value)
        node = key == "type" ? YamlEdit::plainScalar(*value) : YamlEdit::stringScalar(*value);
    push(path, node,
        tr("Set %1 %2 of match %3")
            .arg(GatewayConditionRow::kindName(row->kind()), QString::fromUtf8(key))
            .arg(block->index));
}

// A condition the model does not hold yet: the whole condition, in a new match when the block is new.
void GatewayRuleEditor::commitNew(Block *block, GatewayConditionRow *row)
{
    if (!row->validationError().isEmpty())
        return;
    const RouteRule *rule = ruleOf(m_document, m_resourceId, m_ruleIndex);
    if (!rule)
        return;
    const bool list = row->kind() == RowKind::Header || row->kind() == RowKind::QueryParam;
    const QString what
        = tr("Add %1 to match %2").arg(GatewayConditionRow::kindName(row->kind())).arg(block->index);
    if (block->pending) {
        YamlNode match = YamlEdit::mapping();
        YamlNode value = row->yamlValue();
        if (list) {
            YamlNode items = YamlEdit::sequence();
            YamlEdit::appendItem(items, value);
            value = items;
        }
        YamlEdit::setEntry(match, row->fieldKey(), value);
        push(matchPath(int(rule->matches.size())), match, what);
        return;
    }
    const RouteMatch &m = rule->matches[block->index];
    if (list) {
        const qsizetype at = row->kind() == RowKind::Header ? m.headers.size() : m.queryParams.size();
        push(matchPath(block->index, { row->fieldKey(), int(at) }), row->yamlValue(), what);
    } else {
        push(matchPath(block->index, { row->fieldKey() }), row->yamlValue(), what);
    }
}

void GatewayRuleEditor::removeRow(Block *block, GatewayConditionRow *row)
{
    if (block->pending || row->property("item").toInt() == -2) {
        block->conditions.removeOne(row);
        row->deleteLater();
        return;
    }
    push(matchPath(block->index, conditionPath(row)), std::nullopt,
        tr("Remove %1 from match %2").arg(GatewayConditionRow::kindName(row->kind())).arg(block->index));
}

void GatewayRuleEditor::push(
    const YamlPath &path, const std::optional<YamlNode> &value, const QString &description)
{
    if (QString error;
        !SetGatewayRouteField::push(m_document, m_resourceId, path, value, description, &error))
        Q_EMIT editFailed(error);
}

} // namespace meshroute
