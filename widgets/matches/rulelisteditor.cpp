#include "rulelisteditor.h"

#include "addroute.h"
#include "document.h"
#include "duplicateroute.h"
#include "moveroute.h"
#include "removeroute.h"
#include "resource.h"
#include "ruleeditor.h"
#include "selection.h"
#include "undostack.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace meshroute {

namespace {

// "exact /productpage | prefix /static → productpage", the rule in one line.
QString summary(const HttpRoute &rule, int index)
{
    QStringList matches;
    for (const HttpMatchRequest &m : rule.match) {
        QStringList parts;
        if (m.hasUri)
            parts.append(m.uri.describe());
        if (m.hasMethod)
            parts.append(QStringLiteral("method ") + m.method->describe());
        for (const auto &h : m.headers)
            parts.append(h.key + QLatin1Char(' ') + h.value.describe());
        if (m.hasAuthority)
            parts.append(QStringLiteral("authority ") + m.authority->describe());
        if (parts.isEmpty() && !m.isEmpty())
            parts.append(QStringLiteral("…"));
        matches.append(parts.isEmpty() ? QStringLiteral("any") : parts.join(QStringLiteral(" & ")));
    }
    QString action;
    if (rule.redirect->present)
        action = QStringLiteral("redirect");
    else if (rule.directResponse->present)
        action = QStringLiteral("respond %1").arg(rule.directResponse->status.value);
    else if (rule.delegate->present)
        action = QStringLiteral("delegate %1").arg(rule.delegate->name.value);
    else {
        QStringList d;
        for (const HttpRouteDestination &r : rule.route)
            d.append(r.destination.subset.value.isEmpty()
                    ? r.destination.host.value
                    : r.destination.host.value + QLatin1Char('/') + r.destination.subset.value);
        action = d.join(QStringLiteral(", "));
    }
    return QStringLiteral("%1  %2  →  %3")
        .arg(rule.displayName(index),
            matches.isEmpty() ? QStringLiteral("every request") : matches.join(QStringLiteral(" | ")),
            action);
}

} // namespace

RuleListEditor::RuleListEditor(Document *document, Selection *selection, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_selection(selection)
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);
    m_list = new QListWidget(this);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setToolTip(tr("http: rules are tried in order and the first that matches wins; drag to reorder"));
    m_list->setMaximumHeight(160);
    layout->addWidget(m_list);
    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("Add"), this);
    m_add->setToolTip(tr("Add a rule after the selected one"));
    m_duplicate = new QPushButton(tr("Duplicate"), this);
    m_duplicate->setToolTip(tr("Copy the selected rule, comments and all"));
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setToolTip(tr("Delete the selected rule"));
    m_up = new QPushButton(tr("Up"), this);
    m_up->setToolTip(tr("Try this rule earlier (Alt+Up)"));
    m_up->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_down = new QPushButton(tr("Down"), this);
    m_down->setToolTip(tr("Try this rule later (Alt+Down)"));
    m_down->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    for (QPushButton *b : { m_add, m_duplicate, m_delete, m_up, m_down })
        buttons->addWidget(b);
    buttons->addStretch();
    layout->addLayout(buttons);

    m_editor = new RuleEditor(document, this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_editor);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll, 1);
    connect(m_editor, &RuleEditor::editFailed, this, &RuleListEditor::editFailed);

    connect(m_add, &QPushButton::clicked, this, &RuleListEditor::addRule);
    connect(m_duplicate, &QPushButton::clicked, this, &RuleListEditor::duplicateRule);
    connect(m_delete, &QPushButton::clicked, this, &RuleListEditor::deleteRule);
    connect(m_up, &QPushButton::clicked, this, [this] { moveRule(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveRule(1); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_filling && row >= 0)
            selectRule(row);
    });
    // A drop inside the list is a reorder: the list moved its row, the command moves the rule.
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this,
        [this](const QModelIndex &, int start, int, const QModelIndex &, int row) {
            if (!m_filling)
                onRowsMoved(start, row > start ? row - 1 : row);
        });
    connect(m_selection, &Selection::changed, this, &RuleListEditor::onSelectionChanged);
    connect(m_document, &Document::changed, this, &RuleListEditor::onDocumentChanged);
    onSelectionChanged();
}

int RuleListEditor::currentRule() const
{
    return m_list->currentRow();
}

void RuleListEditor::onSelectionChanged()
{
    const SelectionTarget &t = m_selection->current();
    const Resource *r = m_document->resource(t.resourceId);
    const int id = r && r->virtualService() ? r->id : -1;
    if (id != m_resourceId) {
        m_resourceId = id;
        refill();
    }
    if (m_resourceId >= 0 && t.routeIndex >= 0 && t.routeIndex < m_list->count()
        && t.routeIndex != m_list->currentRow()) {
        m_filling = true;
        m_list->setCurrentRow(t.routeIndex);
        m_filling = false;
    }
    m_editor->setRule(m_resourceId, m_resourceId >= 0 ? std::max(0, m_list->currentRow()) : -1);
}

void RuleListEditor::onDocumentChanged(const ChangeEvent &event)
{
    if (event.type == ChangeEvent::Type::Saved)
        return;
    if (event.type == ChangeEvent::Type::Reset) {
        m_resourceId = -1;
        onSelectionChanged();
        return;
    }
    if (event.resourceIds.contains(m_resourceId))
        refill();
}

void RuleListEditor::refill()
{
    const int keep = m_list->currentRow();
    m_filling = true;
    m_list->clear();
    const Resource *r = m_document->resource(m_resourceId);
    const VirtualService *vs = r ? r->virtualService() : nullptr;
    m_title->setText(
        vs ? tr("HTTP rules of %1").arg(r->displayName()) : tr("Select a VirtualService to edit its rules."));
    if (vs)
        for (int i = 0; i < vs->http.size(); ++i) {
            auto *item = new QListWidgetItem(summary(vs->http[i], i), m_list);
            item->setFlags(item->flags() | Qt::ItemIsDragEnabled);
            item->setToolTip(item->text());
        }
    const int count = m_list->count();
    if (count > 0)
        m_list->setCurrentRow(std::clamp(keep, 0, count - 1));
    m_filling = false;
    for (QPushButton *b : { m_duplicate, m_delete, m_up, m_down })
        b->setEnabled(count > 0);
    m_add->setEnabled(vs != nullptr);
    m_list->setEnabled(vs != nullptr);
}

void RuleListEditor::selectRule(int routeIndex)
{
    SelectionTarget t;
    t.resourceId = m_resourceId;
    t.routeIndex = routeIndex;
    m_selection->select(t);
    m_editor->setRule(m_resourceId, routeIndex);
}

void RuleListEditor::onRowsMoved(int from, int to)
{
    QString error;
    auto command = MoveRoute::create(m_document, m_resourceId, from, to, &error);
    if (!command) {
        Q_EMIT editFailed(error);
        QTimer::singleShot(0, this, &RuleListEditor::refill);
        return;
    }
    // Not inside the view's own drop handling: the list is refilled from the model.
    QTimer::singleShot(0, this, [this, to, c = command.release()] {
        m_document->undoStack()->push(c);
        m_list->setCurrentRow(to);
        selectRule(to);
    });
}

void RuleListEditor::addRule()
{
    const Resource *r = m_document->resource(m_resourceId);
    if (!r)
        return;
    const int at = currentRule() >= 0 ? currentRule() + 1 : -1;
    QString error;
    auto command = AddRoute::create(m_document, m_resourceId, at, AddRoute::defaultRule(*r), &error);
    if (!command) {
        Q_EMIT editFailed(error);
        return;
    }
    m_document->undoStack()->push(command.release());
    const int index = at < 0 ? m_list->count() - 1 : at;
    m_list->setCurrentRow(index);
}

void RuleListEditor::duplicateRule()
{
    const int row = currentRule();
    QString error;
    auto command = DuplicateRoute::create(m_document, m_resourceId, row, &error);
    if (!command) {
        Q_EMIT editFailed(error);
        return;
    }
    m_document->undoStack()->push(command.release());
    m_list->setCurrentRow(row + 1);
}

void RuleListEditor::deleteRule()
{
    QString error;
    auto command = RemoveRoute::create(m_document, m_resourceId, currentRule(), &error);
    if (!command) {
        Q_EMIT editFailed(error);
        return;
    }
    m_document->undoStack()->push(command.release());
}

void RuleListEditor::moveRule(int delta)
{
    const int from = currentRule();
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= m_list->count())
        return;
    QString error;
    auto command = MoveRoute::create(m_document, m_resourceId, from, to, &error);
    if (!command) {
        Q_EMIT editFailed(error);
        return;
    }
    m_document->undoStack()->push(command.release());
    m_list->setCurrentRow(to);
    selectRule(to);
}

} // namespace meshroute
