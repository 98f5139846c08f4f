#include "rulelisteditor.h"

#include "addroute.h"
#include "document.h"
#include "duplicateroute.h"
#include "gatewayruleeditor.h"
#include "gatewayrulesummary.h"
#include "l4ruleeditor.h"
#include "moveroute.h"
#include "removeroute.h"
#include "resource.h"
#include "ruleeditor.h"
#include "selection.h"
#include "setgatewayroutefield.h"
#include "undostack.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace meshroute {

namespace {

constexpr int KindRole = Qt::UserRole;
constexpr int IndexRole = Qt::UserRole + 1;

// The conditions of one TLS or TCP match block ("port 27017", "sni a.example.com").
template <typename Match> QString l4Conditions(const Match &m)
{
    QStringList parts;
    if constexpr (std::is_same_v<Match, TlsMatchAttributes>) {
        QStringList sni;
        for (const auto &h : m.sniHosts)
            sni.append(h.value);
        if (!sni.isEmpty())
            parts.append(QStringLiteral("sni ") + sni.join(QStringLiteral(", ")));
    }
    if (m.port.present)
        parts.append(QStringLiteral("port %1").arg(m.port.value));
    QStringList subnets;
    for (const auto &s : m.destinationSubnets)
        subnets.append(s.value);
    if (!subnets.isEmpty())
        parts.append(QStringLiteral("subnet ") + subnets.join(QStringLiteral(", ")));
    if (m.sourceNamespace.present)
        parts.append(QStringLiteral("from ") + m.sourceNamespace.value);
    for (const Label &l : m.sourceLabels)
        parts.append(l.key + QLatin1Char('=') + l.value);
    QStringList gateways;
    for (const auto &g : m.gateways)
        gateways.append(g.value);
    if (!gateways.isEmpty())
        parts.append(QStringLiteral("via ") + gateways.join(QStringLiteral(", ")));
    return parts.isEmpty() ? QStringLiteral("any") : parts.join(QStringLiteral(" & "));
}

// "TCP: port 27017  →  mongo/v1, mongo/v2": a TLS or TCP rule in one line.
template <typename Rule> QString l4Summary(RouteKind kind, const Rule &rule)
{
    QStringList matches;
    for (const auto &m : rule.match)
        matches.append(l4Conditions(m));
    QStringList d;
    for (const RouteDestination &r : rule.route)
        d.append(r.destination.subset.value.isEmpty()
                ? r.destination.host.value
                : r.destination.host.value + QLatin1Char('/') + r.destination.subset.value);
    return QStringLiteral("%1: %2  →  %3")
        .arg(RouteKinds::label(kind),
            matches.isEmpty() ? QStringLiteral("every connection") : matches.join(QStringLiteral(" | ")),
            d.join(QStringLiteral(", ")));
}

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

// The HTTP editor, the TLS/TCP one or the Gateway API one, whichever the selected rule needs.
QWidget *RuleListEditor::createEditors(Document *document)
{
    auto *editors = new QWidget(this);
    auto *editorsLayout = new QVBoxLayout(editors);
    editorsLayout->setContentsMargins(0, 0, 0, 0);
    m_editor = new RuleEditor(document, editors);
    m_l4Editor = new L4RuleEditor(document, editors);
    m_l4Editor->setVisible(false);
    m_gatewayEditor = new GatewayRuleEditor(document, editors);
    m_gatewayEditor->setVisible(false);
    editorsLayout->addWidget(m_editor);
    editorsLayout->addWidget(m_l4Editor);
    editorsLayout->addWidget(m_gatewayEditor);
    return editors;
}

// A condition field that loses focus while the editors below are deleted commits its text, and
// the document then says it changed: this object must not hear of it half destroyed (UBSan
// found the call on a QWidget that was no longer a RuleListEditor).
RuleListEditor::~RuleListEditor()
{
    disconnect(m_documentChanged);
}

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
    m_add->setToolTip(
        tr("Add a rule after the selected one (before a catch-all rule, where it can still match)"));
    m_duplicate = new QPushButton(tr("Duplicate"), this);
    m_duplicate->setToolTip(tr("Copy the selected rule, comments and all"));
    m_delete = new QPushButton(tr("Delete Rule"), this);
    m_delete->setToolTip(tr("Delete the selected rule"));
    m_up = new QPushButton(tr("Up"), this);
    m_up->setToolTip(tr("Try this rule earlier (Alt+Up)"));
    m_up->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_down = new QPushButton(tr("Down"), this);
    m_down->setToolTip(tr("Try this rule later (Alt+Down)"));
    m_down->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    m_addKind = new QToolButton(this);
    m_addKind->setText(tr("Add…"));
    m_addKind->setToolTip(tr("Add an HTTP, TLS (by SNI) or TCP (by port) rule at the end of its list "
                             "(an HTTP rule goes before a catch-all rule, where it can still match)"));
    m_addKind->setPopupMode(QToolButton::InstantPopup);
    auto *kinds = new QMenu(m_addKind);
    for (RouteKind kind : { RouteKind::Http, RouteKind::Tls, RouteKind::Tcp })
        kinds->addAction(
            tr("Add %1 rule").arg(RouteKinds::label(kind)), this, [this, kind] { addRuleOfKind(kind); });
    m_addKind->setMenu(kinds);
    for (QPushButton *b : { m_add, m_duplicate, m_delete, m_up, m_down })
        buttons->addWidget(b);
    buttons->insertWidget(1, m_addKind);
    buttons->addStretch();
    layout->addLayout(buttons);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(createEditors(document));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Room for a match block and a section even in a short dock (the dock scrolls instead).
    scroll->setMinimumHeight(280);
    layout->addWidget(scroll, 1);
    connect(m_editor, &RuleEditor::editFailed, this, &RuleListEditor::editFailed);
    connect(m_l4Editor, &L4RuleEditor::editFailed, this, &RuleListEditor::editFailed);
    connect(m_gatewayEditor, &GatewayRuleEditor::editFailed, this, &RuleListEditor::editFailed);

    connect(m_add, &QPushButton::clicked, this, [this] { m_gatewayApi ? addGatewayApiRule() : addRule(); });
    connect(m_duplicate, &QPushButton::clicked, this, &RuleListEditor::duplicateRule);
    connect(m_delete, &QPushButton::clicked, this,
        [this] { m_gatewayApi ? deleteGatewayApiRule() : deleteRule(); });
    connect(m_up, &QPushButton::clicked, this, [this] { moveRule(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveRule(1); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!m_filling && row >= 0)
            selectRow(row);
    });
    // A drop inside the list is a reorder: the list moved its row, the command moves the rule.
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this,
        [this](const QModelIndex &, int start, int, const QModelIndex &, int row) {
            if (!m_filling)
                onRowsMoved(start, row > start ? row - 1 : row);
        });
    connect(m_selection, &Selection::changed, this, &RuleListEditor::onSelectionChanged);
    m_documentChanged = connect(m_document, &Document::changed, this, &RuleListEditor::onDocumentChanged);
    connect(m_selection, &Selection::highlightChanged, this, &RuleListEditor::onHighlightChanged);
    onSelectionChanged();
}

int RuleListEditor::currentRule() const
{
    return indexOfRow(m_list->currentRow());
}

RouteKind RuleListEditor::kindOfRow(int row) const
{
    const QListWidgetItem *item = m_list->item(row);
    return item ? RouteKind(item->data(KindRole).toInt()) : RouteKind::Http;
}

int RuleListEditor::indexOfRow(int row) const
{
    const QListWidgetItem *item = m_list->item(row);
    return item ? item->data(IndexRole).toInt() : -1;
}

int RuleListEditor::rowOf(RouteKind kind, int index) const
{
    for (int row = 0; row < m_list->count(); ++row)
        if (kindOfRow(row) == kind && indexOfRow(row) == index)
            return row;
    return -1;
}

void RuleListEditor::onSelectionChanged()
{
    const SelectionTarget &t = m_selection->current();
    const Resource *r = m_document->resource(t.resourceId);
    const bool gatewayApi = r && r->gatewayApiRoute()
        && (r->kind == ResourceKind::HTTPRoute || r->kind == ResourceKind::GRPCRoute);
    const int id = r && (r->virtualService() || gatewayApi) ? r->id : -1;
    if (id != m_resourceId) {
        m_resourceId = id;
        refill();
    }
    const int row = t.routeKind == RouteKind::Http ? rowOf(RouteKind::Http, t.routeIndex)
                                                   : rowOf(t.routeKind, t.l4RouteIndex);
    if (m_resourceId >= 0 && row >= 0 && row != m_list->currentRow()) {
        m_filling = true;
        m_list->setCurrentRow(row);
        m_filling = false;
    }
    showEditor(m_resourceId >= 0 ? std::max(0, m_list->currentRow()) : -1);
}

void RuleListEditor::onHighlightChanged(const TrafficPath &path)
{
    // The sample request selected in the Preview took no rule of these (a 404, or another
    // VirtualService's): none is highlighted, so none seems to be the one it hit. Its own
    // rule is selected through the shared selection.
    if (path.isEmpty() || (path.virtualServiceId == m_resourceId && path.routeIndex >= 0))
        return;
    m_filling = true;
    m_list->clearSelection();
    m_filling = false;
}

void RuleListEditor::showEditor(int row)
{
    m_gatewayEditor->setVisible(m_gatewayApi);
    if (m_gatewayApi) {
        m_editor->setVisible(false);
        m_l4Editor->setVisible(false);
        m_gatewayEditor->setRule(m_resourceId, m_list->count() > 0 ? std::max(0, indexOfRow(row)) : -1);
        return;
    }
    const RouteKind kind = kindOfRow(row);
    const bool l4 = row >= 0 && row < m_list->count() && kind != RouteKind::Http;
    if (l4) {
        m_editor->setRule(-1, -1);
        m_l4Editor->setRule(m_resourceId, kind, indexOfRow(row));
    } else {
        m_l4Editor->setRule(-1, RouteKind::Http, -1);
        // A VirtualService without HTTP rules shows the editor's empty state.
        m_editor->setRule(
            m_resourceId, m_resourceId >= 0 && m_list->count() > 0 ? std::max(0, indexOfRow(row)) : -1);
    }
    m_editor->setVisible(!l4);
    m_l4Editor->setVisible(l4);
    m_duplicate->setEnabled(m_list->count() > 0);
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
    m_gatewayApi = r && r->gatewayApiRoute();
    m_list->setDragDropMode(m_gatewayApi ? QAbstractItemView::NoDragDrop : QAbstractItemView::InternalMove);
    // Gateway API rules have no order of their own (Istio sorts them by their matches) and one kind.
    for (QWidget *w : std::initializer_list<QWidget *> { m_addKind, m_up, m_down })
        w->setVisible(!m_gatewayApi);
    if (m_gatewayApi) {
        fillGatewayApiRules(*r, keep);
        return;
    }
    const VirtualService *vs = r ? r->virtualService() : nullptr;
    const bool mixed = vs && !vs->http.isEmpty() && (!vs->tls.isEmpty() || !vs->tcp.isEmpty());
    const bool httpOnly = vs && vs->tls.isEmpty() && vs->tcp.isEmpty();
    m_title->setText(!vs ? tr("Select a VirtualService to edit its rules.")
            : httpOnly   ? tr("HTTP rules of %1").arg(r->displayName())
                         : tr("Rules of %1").arg(r->displayName()));
    auto add = [this](const QString &text, RouteKind kind, int index) {
        auto *item = new QListWidgetItem(text, m_list);
        item->setFlags(item->flags() | Qt::ItemIsDragEnabled);
        item->setToolTip(text);
        item->setData(KindRole, int(kind));
        item->setData(IndexRole, index);
    };
    if (vs) {
        for (int i = 0; i < vs->http.size(); ++i)
            add((mixed ? QStringLiteral("HTTP: ") : QString()) + summary(vs->http[i], i), RouteKind::Http, i);
        for (int i = 0; i < vs->tls.size(); ++i)
            add(l4Summary(RouteKind::Tls, vs->tls[i]), RouteKind::Tls, i);
        for (int i = 0; i < vs->tcp.size(); ++i)
            add(l4Summary(RouteKind::Tcp, vs->tcp[i]), RouteKind::Tcp, i);
    }
    const int count = m_list->count();
    if (count > 0)
        m_list->setCurrentRow(std::clamp(keep, 0, count - 1));
    m_filling = false;
    for (QPushButton *b : { m_duplicate, m_delete, m_up, m_down })
        b->setEnabled(count > 0);
    m_add->setEnabled(vs != nullptr);
    m_addKind->setEnabled(vs != nullptr);
    m_list->setEnabled(vs != nullptr);
    if (count > 0)
        showEditor(m_list->currentRow());
}

void RuleListEditor::fillGatewayApiRules(const Resource &route, int keep)
{
    m_title->setText(tr("Rules of %1").arg(route.displayName()));
    m_list->setToolTip(tr("Istio orders Gateway API rules by how specific their matches are, not by their "
                          "place in the list"));
    const QList<RouteRule> &rules = route.gatewayApiRoute()->rules;
    for (int i = 0; i < rules.size(); ++i) {
        const QString text = gatewayRuleSummary(rules[i], i, route.kind == ResourceKind::GRPCRoute);
        auto *item = new QListWidgetItem(text, m_list);
        item->setToolTip(text);
        item->setData(KindRole, int(RouteKind::Http));
        item->setData(IndexRole, i);
    }
    const int count = m_list->count();
    if (count > 0)
        m_list->setCurrentRow(std::clamp(keep, 0, count - 1));
    m_filling = false;
    m_delete->setEnabled(count > 0);
    m_duplicate->setEnabled(count > 0);
    m_add->setEnabled(true);
    m_list->setEnabled(true);
    showEditor(m_list->currentRow());
}

// A new rule at the end, sending to the first rule's first backend, with a match of its own
// (/new-rule) so it takes nothing from the others until edited.
void RuleListEditor::addGatewayApiRule()
{
    const Resource *r = m_document->resource(m_resourceId);
    if (!r || !r->gatewayApiRoute())
        return;
    const QList<RouteRule> &rules = r->gatewayApiRoute()->rules;
    const int row = int(rules.size()); // the new rule's, once pushed (the model is read again then)
    YamlNode rule = YamlEdit::mapping();
    YamlNode match = YamlEdit::mapping();
    if (r->kind == ResourceKind::GRPCRoute) {
        YamlNode method = YamlEdit::mapping();
        YamlEdit::setEntry(method, "service", YamlEdit::stringScalar(QStringLiteral("new.Service")));
        YamlEdit::setEntry(match, "method", method);
    } else {
        YamlNode path = YamlEdit::mapping();
        YamlEdit::setEntry(path, "value", YamlEdit::stringScalar(QStringLiteral("/new-rule")));
        YamlEdit::setEntry(match, "path", path);
    }
    YamlNode matches = YamlEdit::sequence();
    YamlEdit::appendItem(matches, match);
    YamlEdit::setEntry(rule, "matches", matches);
    for (const RouteRule &other : rules)
        if (!other.backendRefs.isEmpty()) {
            YamlNode ref = YamlEdit::mapping();
            YamlEdit::setEntry(ref, "name", YamlEdit::stringScalar(other.backendRefs[0].ref.name.value));
            if (other.backendRefs[0].ref.port.present)
                YamlEdit::setEntry(
                    ref, "port", YamlEdit::plainScalar(QString::number(other.backendRefs[0].ref.port.value)));
            YamlNode refs = YamlEdit::sequence();
            YamlEdit::appendItem(refs, ref);
            YamlEdit::setEntry(rule, "backendRefs", refs);
            break;
        }
    if (QString error; !SetGatewayRouteField::push(m_document, m_resourceId, { QByteArray("rules"), row },
            rule, tr("Add rule to %1").arg(r->name()), &error)) {
        Q_EMIT editFailed(error);
        return;
    }
    m_list->setCurrentRow(row);
    selectRow(row);
}

void RuleListEditor::deleteGatewayApiRule()
{
    if (QString error;
        !SetGatewayRouteField::push(m_document, m_resourceId, { QByteArray("rules"), currentRule() },
            std::nullopt, tr("Delete rule %1").arg(currentRule()), &error))
        Q_EMIT editFailed(error);
}

void RuleListEditor::selectRow(int row)
{
    SelectionTarget t;
    t.resourceId = m_resourceId;
    t.routeKind = kindOfRow(row);
    if (t.routeKind == RouteKind::Http)
        t.routeIndex = indexOfRow(row);
    else
        t.l4RouteIndex = indexOfRow(row);
    m_selection->select(t);
    showEditor(row);
}

void RuleListEditor::onRowsMoved(int fromRow, int toRow)
{
    Q_UNUSED(fromRow);
    // The item moved with its rule's (kind, index); the lists of each kind start where the model has them.
    const RouteKind kind = kindOfRow(toRow);
    const int from = indexOfRow(toRow);
    const Resource *r = m_document->resource(m_resourceId);
    const VirtualService *vs = r ? r->virtualService() : nullptr;
    const int count = vs ? RouteKinds::count(*vs, kind) : 0;
    int first = 0;
    if (vs && kind != RouteKind::Http)
        first += int(vs->http.size());
    if (vs && kind == RouteKind::Tcp)
        first += int(vs->tls.size());
    const int to = toRow - first;
    if (to < 0 || to >= count) {
        Q_EMIT editFailed(tr("%1 rules are ordered among %1 rules; Istio tries each list on its own traffic")
                              .arg(RouteKinds::label(kind)));
        QTimer::singleShot(0, this, &RuleListEditor::refill);
        return;
    }
    QString error;
    auto command = MoveRoute::create(m_document, m_resourceId, kind, from, to, &error);
    if (!command) {
        Q_EMIT editFailed(error);
        QTimer::singleShot(0, this, &RuleListEditor::refill);
        return;
    }
    // Not inside the view's own drop handling: the list is refilled from the model.
    QTimer::singleShot(0, this, [this, kind, to, c = command.release()] {
        m_document->undoStack()->push(c);
        const int row = rowOf(kind, to);
        m_list->setCurrentRow(row);
        selectRow(row);
    });
}

void RuleListEditor::addRule()
{
    const RouteKind kind = m_list->currentRow() >= 0 ? kindOfRow(m_list->currentRow()) : RouteKind::Http;
    insertRule(kind, currentRule() >= 0 ? currentRule() + 1 : -1);
}

void RuleListEditor::addRuleOfKind(RouteKind kind)
{
    insertRule(kind, -1);
}

void RuleListEditor::insertRule(RouteKind kind, int at)
{
    const Resource *r = m_document->resource(m_resourceId);
    if (!r || !r->virtualService())
        return;
    const VirtualService &vs = *r->virtualService();
    const int count = RouteKinds::count(vs, kind);
    int index = at < 0 || at > count ? count : at;
    // Istio tries HTTP rules in order: a rule below one that takes every request never matches.
    int catchAll = -1;
    if (kind == RouteKind::Http)
        for (int i = 0; i < vs.http.size() && catchAll < 0; ++i)
            if (vs.http[i].isCatchAll())
                catchAll = i;
    const bool beforeCatchAll = catchAll >= 0 && index > catchAll;
    if (beforeCatchAll)
        index = catchAll;
    QString error;
    // Above a catch-all the new rule needs a match of its own, or it would hide the catch-all in turn.
    const YamlNode rule = catchAll >= 0 ? AddRoute::placeholderRule(*r) : AddRoute::defaultRule(*r, kind);
    auto command
        = AddRoute::create(m_document, m_resourceId, kind, index == count ? -1 : index, rule, &error);
    if (!command) {
        Q_EMIT editFailed(error);
        return;
    }
    m_document->undoStack()->push(command.release());
    const int row = rowOf(kind, index);
    m_list->setCurrentRow(row);
    selectRow(row);
    if (beforeCatchAll) {
        const VirtualService &now = *m_document->resource(m_resourceId)->virtualService();
        Q_EMIT statusMessage(
            tr("Added rule %1 before the catch-all rule %2 (a rule after it could never match); "
               "change its match from /new-rule")
                .arg(now.http[index].displayName(index), now.http[index + 1].displayName(index + 1)));
    }
}

void RuleListEditor::duplicateRule()
{
    const RouteKind kind = kindOfRow(m_list->currentRow());
    const int index = currentRule();
    QString error;
    auto command = m_gatewayApi
        ? DuplicateRoute::createGatewayApiRule(m_document, m_resourceId, index, &error)
        : DuplicateRoute::create(m_document, m_resourceId, kind, index, &error);
    if (!command) {
        Q_EMIT editFailed(error);
        return;
    }
    m_document->undoStack()->push(command.release());
    m_list->setCurrentRow(rowOf(kind, index + 1));
}

void RuleListEditor::deleteRule()
{
    QString error;
    auto command = RemoveRoute::create(
        m_document, m_resourceId, kindOfRow(m_list->currentRow()), currentRule(), &error);
    if (!command) {
        Q_EMIT editFailed(error);
        return;
    }
    m_document->undoStack()->push(command.release());
}

void RuleListEditor::moveRule(int delta)
{
    const RouteKind kind = kindOfRow(m_list->currentRow());
    const int from = currentRule();
    const int to = from + delta;
    if (from < 0 || rowOf(kind, to) < 0)
        return;
    QString error;
    auto command = MoveRoute::create(m_document, m_resourceId, kind, from, to, &error);
    if (!command) {
        Q_EMIT editFailed(error);
        return;
    }
    m_document->undoStack()->push(command.release());
    const int row = rowOf(kind, to);
    m_list->setCurrentRow(row);
    selectRow(row);
}

} // namespace meshroute
