#include "weightpanel.h"

#include "adddestination.h"
#include "destinationpickers.h"
#include "document.h"
#include "hostchoices.h"
#include "removedestination.h"
#include "selection.h"
#include "setbackendweights.h"
#include "setdestinationfield.h"
#include "setgatewayroutefield.h"
#include "setweights.h"
#include "undostack.h"
#include "weightrebalance.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <numeric>

namespace meshroute {

struct WeightPanel::Row
{
    DestinationPickers *pickers = nullptr;
    QLabel *details = nullptr;
    QSlider *slider = nullptr;
    QSpinBox *spin = nullptr;
    QToolButton *lock = nullptr;
    QToolButton *promote = nullptr;
    QToolButton *remove = nullptr;
};

namespace {

QPair<QString, QString> serviceOf(const QString &host, const QString &vsNamespace)
{
    return DestinationPickers::serviceOf(host, vsNamespace);
}

} // namespace

WeightPanel::WeightPanel(Document *document, Selection *selection, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_selection(selection)
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setVisible(false);
    layout->addWidget(m_note);

    m_rowsHost = new QWidget(this);
    m_grid = new QGridLayout(m_rowsHost);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(1, 1);
    layout->addWidget(m_rowsHost);

    auto *buttons = new QHBoxLayout;
    m_evenButton = new QPushButton(tr("Even split"), this);
    m_evenButton->setToolTip(tr("Share the traffic evenly between the unlocked destinations"));
    connect(m_evenButton, &QPushButton::clicked, this, &WeightPanel::evenSplit);
    buttons->addWidget(m_evenButton);
    buttons->addStretch();
    layout->addLayout(buttons);

    m_addBox = new QWidget(this);
    auto *add = new QHBoxLayout(m_addBox);
    add->setContentsMargins(0, 0, 0, 0);
    m_hostPicker = new QComboBox(m_addBox);
    m_hostPicker->setEditable(true);
    m_hostPicker->setToolTip(
        tr("destination.host: a Service or ServiceEntry host; short names resolve in the "
           "VirtualService's namespace"));
    m_hostPicker->setMinimumContentsLength(12);
    m_subsetPicker = new QComboBox(m_addBox);
    m_subsetPicker->setEditable(true);
    m_subsetPicker->setToolTip(tr("destination.subset: a subset defined by a DestinationRule for this host"));
    m_portPicker = new QSpinBox(m_addBox);
    m_portPicker->setRange(0, 65535);
    m_portPicker->setSpecialValueText(tr("any port"));
    m_portPicker->setToolTip(tr("destination.port.number: needed when the service has several ports"));
    m_addButton = new QPushButton(tr("Add destination"), m_addBox);
    m_addButton->setToolTip(tr("Add a destination at 0%: the split changes only when you move a slider"));
    add->addWidget(m_hostPicker, 2);
    add->addWidget(m_subsetPicker, 1);
    add->addWidget(m_portPicker);
    add->addWidget(m_addButton);
    layout->addWidget(m_addBox);
    layout->addStretch();
    connect(m_hostPicker, &QComboBox::currentTextChanged, this, &WeightPanel::fillSubsetPicker);
    connect(m_addButton, &QPushButton::clicked, this, &WeightPanel::addDestination);

    connect(m_selection, &Selection::changed, this, &WeightPanel::onSelectionChanged);
    connect(m_document, &Document::changed, this, &WeightPanel::onDocumentChanged);
    onSelectionChanged();
}

WeightPanel::~WeightPanel()
{
    if (m_macroOpen)
        m_document->undoStack()->endMacro();
    qDeleteAll(m_rows);
}

QSlider *WeightPanel::slider(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row]->slider : nullptr;
}

QSpinBox *WeightPanel::spinBox(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row]->spin : nullptr;
}

QToolButton *WeightPanel::lockButton(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row]->lock : nullptr;
}

DestinationPickers *WeightPanel::pickers(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row]->pickers : nullptr;
}

QToolButton *WeightPanel::removeButton(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row]->remove : nullptr;
}

QList<SplitEntry> WeightPanel::destinations() const
{
    const Resource *r = m_document->resource(m_resourceId);
    return r ? SplitEntry::ofRule(*r, m_kind, m_routeIndex) : QList<SplitEntry>();
}

QList<int> WeightPanel::displayedWeights() const
{
    QList<int> out;
    for (const Row *r : m_rows)
        out.append(r->spin->value());
    return out;
}

void WeightPanel::onSelectionChanged()
{
    const SelectionTarget &t = m_selection->current();
    int resourceId = -1, routeIndex = -1;
    RouteKind kind = RouteKind::Http;
    if (const Resource *r = m_document->resource(t.resourceId); r && SplitEntry::isGatewayApiRoute(*r)) {
        selectGatewayApiRule(*r, t.routeIndex);
        return;
    }
    if (const Resource *r = m_document->resource(t.resourceId); r && r->virtualService()) {
        const VirtualService *vs = r->virtualService();
        resourceId = r->id;
        if (t.routeKind != RouteKind::Http && t.l4RouteIndex >= 0) {
            kind = t.routeKind;
            routeIndex = t.l4RouteIndex;
        } else if (t.routeIndex >= 0) {
            routeIndex = t.routeIndex;
        } else {
            // The VirtualService itself: its first rule, whatever its kind.
            kind = !vs->http.isEmpty() ? RouteKind::Http
                : !vs->tls.isEmpty()   ? RouteKind::Tls
                                       : RouteKind::Tcp;
            routeIndex = RouteKinds::count(*vs, kind) > 0 ? 0 : -1;
        }
        if (routeIndex >= RouteKinds::count(*vs, kind))
            routeIndex = -1;
    }
    if (resourceId == m_resourceId && kind == m_kind && routeIndex == m_routeIndex && !m_gatewayApi)
        return;
    m_gatewayApi = false;
    m_resourceId = resourceId;
    m_kind = kind;
    m_routeIndex = routeIndex;
    // Another rule: the host to add defaults to its own first destination's.
    m_hostPicker->setEditText(QString());
    rebuild();
}

// An HTTPRoute or GRPCRoute rule (the route itself: its first rule), as the rule list and graph select it.
void WeightPanel::selectGatewayApiRule(const Resource &route, int ruleIndex)
{
    const int rules = int(route.gatewayApiRoute()->rules.size());
    const int index = ruleIndex >= 0 && ruleIndex < rules ? ruleIndex : (rules > 0 ? 0 : -1);
    if (m_gatewayApi && route.id == m_resourceId && index == m_routeIndex)
        return;
    m_gatewayApi = true;
    m_resourceId = route.id;
    m_kind = RouteKind::Http;
    m_routeIndex = index;
    m_hostPicker->setEditText(QString());
    rebuild();
}

void WeightPanel::onDocumentChanged(const ChangeEvent &event)
{
    if (event.type == ChangeEvent::Type::Saved)
        return;
    if (event.type == ChangeEvent::Type::Reset) {
        m_resourceId = -1;
        m_routeIndex = -1;
        onSelectionChanged();
        if (m_resourceId < 0)
            rebuild();
        return;
    }
    if (!event.resourceIds.contains(m_resourceId)) {
        // Services, subsets or workloads elsewhere may have changed the details.
        if (!m_rows.isEmpty() && m_dragBase.isEmpty())
            for (int i = 0; i < m_rows.size(); ++i)
                m_rows[i]->details->setText(rowDetails(i));
        return;
    }
    const Resource *r = m_document->resource(m_resourceId);
    const int rules = !r                    ? 0
        : r->virtualService()               ? RouteKinds::count(*r->virtualService(), m_kind)
        : SplitEntry::isGatewayApiRoute(*r) ? int(r->gatewayApiRoute()->rules.size())
                                            : 0;
    if (m_routeIndex >= rules) {
        m_resourceId = -1;
        m_routeIndex = -1;
        rebuild();
        return;
    }
    // During a drag only the values change; rebuilding would take the slider from under the mouse.
    if (signature() != m_signature && m_dragBase.isEmpty())
        rebuild();
    else
        refreshValues();
}

QStringList WeightPanel::signature() const
{
    QStringList out;
    for (const SplitEntry &d : destinations())
        out.append(d.destination.host.value + QLatin1Char('/') + d.destination.subset.value + QLatin1Char(':')
            + QString::number(d.destination.port.number.value));
    return out;
}

QList<int> WeightPanel::modelWeights() const
{
    QList<int> out;
    for (const SplitEntry &d : destinations())
        out.append(int(std::max<qint64>(0, d.weight)));
    return out;
}

QList<bool> WeightPanel::locks() const
{
    QList<bool> out;
    for (const Row *r : m_rows)
        out.append(r->lock->isChecked());
    return out;
}

QString WeightPanel::rowDetails(int destinationIndex) const
{
    const Resource *vsr = m_document->resource(m_resourceId);
    const QList<SplitEntry> all = destinations();
    if (!vsr || destinationIndex < 0 || destinationIndex >= all.size())
        return {};
    const Destination &d = all[destinationIndex].destination;
    const auto [ns, name] = serviceOf(d.host.value, vsr->namespaceName());
    const Workspace &ws = m_document->workspace();
    const Resource *service = ws.find(ResourceKind::Service, ns, name);
    if (!service)
        return tr("no Service %1/%2 in the workspace").arg(ns, name);
    Labels selector = service->service()->selector;
    if (!d.subset.value.isEmpty()) {
        const Subset *subset = nullptr;
        for (const Resource *dr : ws.ofKind(ResourceKind::DestinationRule)) {
            const auto [drNs, drName] = serviceOf(dr->destinationRule()->host.value, dr->namespaceName());
            if (drNs == ns && drName == name && (subset = dr->destinationRule()->findSubset(d.subset.value)))
                break;
        }
        if (!subset)
            return tr("subset %1 is defined by no DestinationRule: requests fail with 503")
                .arg(d.subset.value);
        selector += subset->labels;
    }
    QStringList workloads;
    int pods = 0;
    for (const Resource *w : ws.ofKind(ResourceKind::Workload))
        if (w->namespaceName() == ns && labelsContain(w->workload()->podLabels, selector)) {
            workloads.append(w->name());
            pods += w->workload()->replicaCount();
        }
    if (workloads.isEmpty())
        return tr("selects no workload: requests fail with 503");
    return tr("%1 · %n pod(s)", nullptr, pods).arg(workloads.join(QStringLiteral(", ")));
}

void WeightPanel::rebuild()
{
    qDeleteAll(m_rowsHost->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly));
    qDeleteAll(m_rows);
    m_rows.clear();
    m_signature = signature();
    const Resource *r = m_document->resource(m_resourceId);
    const bool valid = r && (r->virtualService() || m_gatewayApi) && m_routeIndex >= 0;
    const QList<SplitEntry> all = destinations();
    m_addBox->setVisible(valid);
    m_evenButton->setVisible(valid);
    m_note->setVisible(false);
    if (!valid) {
        m_title->setText(tr("Select a VirtualService rule to edit its traffic split."));
        return;
    }
    m_hostPicker->setToolTip(m_gatewayApi
            ? tr("backendRefs[].name: a Service in the route's namespace")
            : tr("destination.host: a Service or ServiceEntry host; short names resolve in the "
                 "VirtualService's namespace"));
    m_subsetPicker->setVisible(!m_gatewayApi); // Gateway API splits between Services, not subsets
    m_addButton->setText(m_gatewayApi ? tr("Add backend") : tr("Add destination"));
    const QString ruleName = m_gatewayApi
        ? r->gatewayApiRoute()->rules[m_routeIndex].name.valueOr(QStringLiteral("#%1").arg(m_routeIndex))
        : RouteKinds::displayName(*r->virtualService(), m_kind, m_routeIndex);
    m_title->setText(m_kind == RouteKind::Http
            ? tr("%1 · rule %2").arg(r->name(), ruleName)
            : tr("%1 · %2 rule #%3").arg(r->name(), RouteKinds::label(m_kind)).arg(m_routeIndex));
    const int n = int(all.size());
    for (int i = 0; i < n; ++i)
        m_rows.append(addRow(i, all[i].destination, n));
    m_evenButton->setEnabled(n > 1);
    fillHostPicker();
    refreshValues();
}

// The widgets of destination i of n: name and details above its slider, spin
// box, lock, promote and remove buttons, on two rows of the grid.
WeightPanel::Row *WeightPanel::addRow(int i, const Destination &d, int n)
{
    auto *row = new Row;
    QString name = d.host.value;
    if (!d.subset.value.isEmpty())
        name += QStringLiteral(" / ") + d.subset.value;
    if (d.port.number.present)
        name += QStringLiteral(" :%1").arg(d.port.number.value);
    row->pickers = new DestinationPickers(m_rowsHost);
    if (const Resource *vsr = m_document->resource(m_resourceId))
        row->pickers->setDestination(m_document->workspace(), vsr->namespaceName(), d);
    row->pickers->subsetBox()->setVisible(!m_gatewayApi);
    row->details = new QLabel(rowDetails(i), m_rowsHost);
    QFont small = row->details->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    row->details->setFont(small);
    row->details->setEnabled(false); // greyed, secondary text
    row->slider = new QSlider(Qt::Horizontal, m_rowsHost);
    row->slider->setRange(0, 100);
    row->slider->setSingleStep(1);
    row->slider->setPageStep(10);
    row->slider->setMinimumWidth(120);
    row->slider->setAccessibleName(tr("Weight of %1").arg(name));
    row->slider->setToolTip(
        tr("weight: this destination's share of the rule's traffic. Arrows ±1, Page Up/Down ±10"));
    row->spin = new QSpinBox(m_rowsHost);
    row->spin->setRange(0, 100);
    row->spin->setSuffix(QStringLiteral(" %"));
    row->spin->setKeyboardTracking(false);
    row->spin->setToolTip(row->slider->toolTip());
    row->lock = new QToolButton(m_rowsHost);
    row->lock->setCheckable(true);
    row->lock->setText(tr("Lock"));
    row->lock->setToolTip(tr("Keep this weight while the others move"));
    row->lock->setVisible(n > 2);
    row->promote = new QToolButton(m_rowsHost);
    row->promote->setText(tr("100%"));
    row->promote->setToolTip(tr("Promote to 100%: send all unlocked traffic here"));
    row->remove = new QToolButton(m_rowsHost);
    row->remove->setText(QStringLiteral("✕"));
    row->remove->setToolTip(tr("Remove this destination; its share goes to the others in proportion"));
    row->remove->setEnabled(n > 1);
    row->slider->setEnabled(n > 1);
    row->spin->setEnabled(n > 1);
    row->promote->setEnabled(n > 1);

    const int gridRow = i * 2;
    m_grid->addWidget(row->pickers, gridRow, 0, 1, 2);
    m_grid->addWidget(row->details, gridRow, 2, 1, 4);
    m_grid->addWidget(row->slider, gridRow + 1, 0, 1, 2);
    m_grid->addWidget(row->spin, gridRow + 1, 2);
    m_grid->addWidget(row->lock, gridRow + 1, 3);
    m_grid->addWidget(row->promote, gridRow + 1, 4);
    m_grid->addWidget(row->remove, gridRow + 1, 5);

    connect(row->slider, &QSlider::valueChanged, this, [this, i](int v) { onSliderValue(i, v); });
    connect(row->slider, &QSlider::sliderPressed, this, [this, i] { onSliderPressed(i); });
    connect(row->slider, &QSlider::sliderReleased, this, &WeightPanel::onSliderReleased);
    connect(row->spin, &QSpinBox::valueChanged, this, [this, i](int v) { onSliderValue(i, v); });
    connect(row->lock, &QToolButton::toggled, this, [this, i](bool on) {
        m_rows[i]->slider->setEnabled(!on);
        m_rows[i]->spin->setEnabled(!on);
    });
    connect(row->promote, &QToolButton::clicked, this, [this, i] { promote(i); });
    connect(row->remove, &QToolButton::clicked, this, [this, i] { removeDestination(i); });
    connect(row->pickers, &DestinationPickers::fieldEdited, this,
        [this, i](SetDestinationField::Field field, const QString &value) {
            setDestinationField(i, int(field), value);
        });
    return row;
}

void WeightPanel::refreshValues()
{
    const QList<int> weights = modelWeights();
    if (weights.size() != m_rows.size())
        return;
    const int sum = std::accumulate(weights.begin(), weights.end(), 0);
    // Relative weights are shown as shares and written back normalised only when edited.
    const QList<int> shown = weights.size() == 1 ? QList<int> { 100 } : WeightRebalance::normalise(weights);
    m_updating = true;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i]->slider->value() != shown[i])
            m_rows[i]->slider->setValue(shown[i]);
        if (m_rows[i]->spin->value() != shown[i])
            m_rows[i]->spin->setValue(shown[i]);
    }
    m_updating = false;
    const bool relative = weights.size() > 1 && sum != 100;
    m_note->setVisible(relative || (weights.size() > 1 && sum == 0));
    if (sum == 0 && weights.size() > 1)
        m_note->setText(tr("All weights are 0: Istio rejects this rule. Move a slider or use Even split."));
    else if (relative)
        m_note->setText(
            tr("Relative weights (they sum to %1) shown as shares; an edit writes them as percentages.")
                .arg(sum));
}

void WeightPanel::onSliderPressed(int row)
{
    m_dragBase = modelWeights();
}

void WeightPanel::onSliderReleased()
{
    m_dragBase.clear();
    if (m_macroOpen) {
        m_macroOpen = false;
        m_document->undoStack()->endMacro();
    }
    if (signature() != m_signature)
        rebuild();
    else
        refreshValues();
}

void WeightPanel::onSliderValue(int row, int value)
{
    if (m_updating || row >= m_rows.size())
        return;
    const bool dragging = !m_dragBase.isEmpty() && m_rows[row]->slider->isSliderDown();
    // A drag rebalances from where it began, so proportions survive passing through 0 or 100.
    const QList<int> base = dragging ? m_dragBase : modelWeights();
    const QList<int> next = WeightRebalance::drag(base, locks(), row, value);
    if (dragging && !m_macroOpen) {
        // One drag, one undo step: SetWeights merges inside the macro, and the macro
        // keeps the next drag from merging into this one.
        m_document->undoStack()->beginMacro(tr("Drag weight"));
        m_macroOpen = true;
    }
    applyWeights(next);
    if (!dragging)
        refreshValues(); // the value may have been clamped by locked rows
}

void WeightPanel::applyWeights(const QList<int> &weights)
{
    if (weights == modelWeights())
        return;
    QString error;
    // Both merge by id while the drag's macro is open, so a drag is one undo step either way.
    std::unique_ptr<UndoCommand> command = m_gatewayApi
        ? std::unique_ptr<UndoCommand>(
            SetBackendWeights::create(m_document, m_resourceId, m_routeIndex, weights, &error))
        : std::unique_ptr<UndoCommand>(
            SetWeights::create(m_document, m_resourceId, m_kind, m_routeIndex, weights, &error));
    if (!command) {
        Q_EMIT editFailed(error);
        refreshValues();
        return;
    }
    m_document->undoStack()->push(command.release());
}

template <typename Command>
void WeightPanel::pushOrReport(std::unique_ptr<Command> command, const QString &error, bool queued)
{
    if (!command) {
        Q_EMIT editFailed(error);
        QTimer::singleShot(0, this, &WeightPanel::rebuild); // the pickers back to what the file says
        return;
    }
    if (!queued) {
        m_document->undoStack()->push(command.release());
        return;
    }
    // The edit rebuilds the rows: push after the emitting widget's signal returns.
    QMetaObject::invokeMethod(
        this, [this, c = command.release()] { m_document->undoStack()->push(c); }, Qt::QueuedConnection);
}

void WeightPanel::promote(int row)
{
    applyWeights(WeightRebalance::promote(modelWeights(), locks(), row));
}

void WeightPanel::evenSplit()
{
    applyWeights(WeightRebalance::evenSplit(modelWeights(), locks()));
}

void WeightPanel::fillHostPicker()
{
    const QString current = m_hostPicker->currentText();
    const Resource *vsr = m_document->resource(m_resourceId);
    const QStringList hosts = hostChoices(m_document->workspace(), vsr ? vsr->namespaceName() : QString());
    const QSignalBlocker block(m_hostPicker);
    m_hostPicker->clear();
    m_hostPicker->addItems(hosts);
    if (!current.isEmpty())
        m_hostPicker->setCurrentText(current);
    else if (const QList<SplitEntry> all = destinations(); !all.isEmpty())
        m_hostPicker->setCurrentText(all.front().destination.host.value);
    fillSubsetPicker();
}

void WeightPanel::fillSubsetPicker()
{
    const Resource *vsr = m_document->resource(m_resourceId);
    m_subsetPicker->clear();
    m_subsetPicker->addItem(QString());
    if (!vsr)
        return;
    const auto service = serviceOf(m_hostPicker->currentText(), vsr->namespaceName());
    for (const Resource *dr : m_document->workspace().ofKind(ResourceKind::DestinationRule))
        if (serviceOf(dr->destinationRule()->host.value, dr->namespaceName()) == service)
            for (const Subset &s : dr->destinationRule()->subsets)
                m_subsetPicker->addItem(s.name.value);
}

// A backendRef of the route's Gateway API rule: spec.rules[rule].backendRefs[row] + rest.
static YamlPath backendPath(int rule, int row, const YamlPath &rest = {})
{
    YamlPath path = SetGatewayRouteField::rulePath(rule, { QByteArray("backendRefs"), row });
    path += rest;
    return path;
}

void WeightPanel::addDestination()
{
    QString error;
    if (m_gatewayApi) {
        // At weight 0, written: the CRD default 1 would move traffic before the user does.
        YamlNode ref = YamlEdit::mapping();
        YamlEdit::setEntry(ref, "name", YamlEdit::plainScalar(m_hostPicker->currentText().trimmed()));
        if (m_portPicker->value() > 0)
            YamlEdit::setEntry(ref, "port", YamlEdit::plainScalar(QString::number(m_portPicker->value())));
        YamlEdit::setEntry(ref, "weight", YamlEdit::plainScalar(QStringLiteral("0")));
        pushOrReport(SetGatewayRouteField::create(m_document, m_resourceId,
                         backendPath(m_routeIndex, int(m_rows.size())), ref,
                         tr("Add backend %1").arg(m_hostPicker->currentText().trimmed()), &error),
            error, false);
        return;
    }
    pushOrReport(
        AddDestination::create(m_document, m_resourceId, m_kind, m_routeIndex, m_hostPicker->currentText(),
            m_subsetPicker->currentText().trimmed(), m_portPicker->value(), &error),
        error, false);
}

void WeightPanel::removeDestination(int row)
{
    QString error;
    // Deleting the row's own button while it is emitting: pushed after the click returns.
    if (m_gatewayApi)
        pushOrReport(SetGatewayRouteField::create(m_document, m_resourceId, backendPath(m_routeIndex, row),
                         std::nullopt, tr("Remove backend"), &error),
            error, true);
    else
        pushOrReport(RemoveDestination::create(m_document, m_resourceId, m_kind, m_routeIndex, row, &error),
            error, true);
}

void WeightPanel::setDestinationField(int row, int field, const QString &value)
{
    QString error;
    const auto which = SetDestinationField::Field(field);
    if (!m_gatewayApi) {
        pushOrReport(SetDestinationField::create(
                         m_document, m_resourceId, m_kind, m_routeIndex, row, which, value, &error),
            error, true);
        return;
    }
    // A backendRef's Service and port; "any port" leaves the port out (the checks then say it is required).
    const bool port = which == SetDestinationField::Field::Port;
    std::optional<YamlNode> node;
    if (!port || (!value.isEmpty() && value != QLatin1String("0")))
        node = YamlEdit::plainScalar(value);
    pushOrReport(SetGatewayRouteField::create(m_document, m_resourceId,
                     backendPath(m_routeIndex, row, { QByteArray(port ? "port" : "name") }), node,
                     tr("Set backend %1 to %2").arg(port ? tr("port") : tr("Service"), value), &error),
        error, true);
}

} // namespace meshroute
