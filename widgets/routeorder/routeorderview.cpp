#include "routeorderview.h"

#include "document.h"
#include "routeorder.h"
#include "routeordermodel.h"
#include "routetablecompiler.h"
#include "selection.h"

#include <QComboBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace meshroute {

namespace {

constexpr int settleMs = 150; // a big workspace recompiles once edits pause, as the Preview does
constexpr int synchronousUpTo = 500; // resources: a smaller one compiles in well under a frame

} // namespace

RouteOrderView::RouteOrderView(Document *document, Selection *selection, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_selection(selection)
    , m_targets(new QComboBox(this))
    , m_note(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_model(new RouteOrderModel(this))
    , m_compiler(new RouteTableCompiler(document, synchronousUpTo, settleMs, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_targets->setObjectName(QStringLiteral("routeOrderTargets"));
    m_targets->setToolTip(
        tr("The route table shown: a listener, a Gateway server, or a host as sidecars see it"));
    m_note->setWordWrap(true);
    m_view->setObjectName(QStringLiteral("routeOrderView"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Column widths from the rows shown and a hundred more, not from all of a 5,000-route table.
    m_view->header()->setResizeContentsPrecision(100);
    m_view->header()->setStretchLastSection(true);
    m_view->installEventFilter(this);
    layout->addWidget(m_targets);
    layout->addWidget(m_note);
    layout->addWidget(m_view, 1);

    connect(m_compiler, &RouteTableCompiler::compiled, this, &RouteOrderView::onCompiled);
    connect(document, &Document::changed, this, &RouteOrderView::onDocumentChanged);
    connect(selection, &Selection::changed, this, &RouteOrderView::onSelectionChanged);
    connect(m_targets, &QComboBox::currentIndexChanged, this, &RouteOrderView::showTarget);
    connect(m_view, &QTreeView::activated, this, &RouteOrderView::activate);
    updateTargets();
}

void RouteOrderView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        recompile();
}

bool RouteOrderView::eventFilter(QObject *watched, QEvent *event)
{
    // Enter activates the current row, as a double-click does (not every style maps it).
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            activate(m_view->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RouteOrderView::onDocumentChanged(const ChangeEvent &event)
{
    if (event.type == ChangeEvent::Type::Saved)
        return; // nothing in the model changed
    if (event.type == ChangeEvent::Type::Reset)
        m_resourceId = -1; // ids of another workspace
    m_stale = true;
    if (isVisible())
        m_compiler->request();
}

void RouteOrderView::onSelectionChanged(const SelectionTarget &target)
{
    if (m_selecting || target.resourceId == m_resourceId || target.resourceId < 0)
        return;
    const Resource *r = m_document->workspace().byId(target.resourceId);
    const bool leadsToRoutes = r
        && (r->kubernetesGateway() || r->gateway() || r->service() || r->virtualService()
            || isGatewayApiRoute(r->kind));
    if (!leadsToRoutes)
        return; // a DestinationRule, a workload...: keep the table shown
    m_resourceId = target.resourceId;
    if (isVisible() && m_stale)
        recompile(); // also updates the targets
    else
        updateTargets();
}

void RouteOrderView::recompile()
{
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_compiler->request();
}

bool RouteOrderView::isCompiling() const
{
    return m_compiler->isCompiling();
}

void RouteOrderView::onCompiled()
{
    m_table = m_compiler->table();
    m_stale = false;
    updateTargets();
}

void RouteOrderView::updateTargets()
{
    const Resource *r = m_document->workspace().byId(m_resourceId);
    const QString previous = m_targets->currentText();
    m_choices = r ? RouteOrderTarget::of(m_table, *r) : QList<RouteOrderTarget> {};
    const QSignalBlocker block(m_targets);
    m_targets->clear();
    for (const RouteOrderTarget &t : std::as_const(m_choices))
        m_targets->addItem(t.label);
    m_targets->setEnabled(!m_choices.isEmpty());
    m_targets->setCurrentIndex(std::max(0, m_targets->findText(previous)));
    showTarget(m_targets->currentIndex());
}

void RouteOrderView::showTarget(int index)
{
    if (index < 0 || index >= m_choices.size()) {
        m_model->setHosts(m_table, {});
        m_note->setText(
            tr("Select a Gateway (either API), a Service, an HTTPRoute or a VirtualService to see "
               "its routes in the order Envoy tries them."));
        return;
    }
    const QList<RouteOrderHost> hosts = m_choices[index].hosts(m_table);
    m_model->setHosts(m_table, hosts);
    m_view->expandAll();
    int ambiguous = 0;
    int routes = 0;
    for (const RouteOrderHost &h : hosts)
        for (const RouteOrderRow &row : h.rows) {
            ++routes;
            ambiguous += row.ambiguous ? 1 : 0;
        }
    if (hosts.isEmpty())
        m_note->setText(m_choices[index].gateway.isEmpty()
                ? tr("No route claims this host: sidecars send its requests to the Service as they are.")
                : tr("No route attaches here: every request gets 404."));
    else
        m_note->setText((routes == 1 ? tr("1 route") : tr("%1 routes").arg(routes))
            + tr(" in the order Envoy tries them; the first that matches wins.")
            + (ambiguous == 0        ? QString()
                    : ambiguous == 1 ? tr(" 1 position rests on an order the files cannot tell (see Order).")
                                     : tr(" %1 positions rest on an order the files cannot tell (see Order).")
                                           .arg(ambiguous)));
}

void RouteOrderView::activate(const QModelIndex &index)
{
    if (!index.isValid() || !index.parent().isValid())
        return; // a virtual host
    const int sourceId = index.data(RouteOrderModel::SourceIdRole).toInt();
    if (sourceId >= 0) {
        SelectionTarget t;
        t.resourceId = sourceId;
        t.routeIndex = index.data(RouteOrderModel::RuleIndexRole).toInt();
        t.matchIndex = index.data(RouteOrderModel::MatchIndexRole).toInt();
        m_selecting = true;
        m_selection->select(t);
        m_selecting = false;
    }
    const int line = index.data(RouteOrderModel::LineRole).toInt();
    if (line > 0)
        Q_EMIT goToLine(index.data(RouteOrderModel::FileIndexRole).toInt(), line,
            index.data(RouteOrderModel::ColumnRole).toInt());
}

} // namespace meshroute
