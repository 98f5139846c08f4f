#include "graphpanel.h"

#include "document.h"
#include "graphmodel.h"
#include "graphnodeitem.h"
#include "graphscene.h"
#include "graphview.h"
#include "selection.h"
#include "workspace.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace meshroute {

GraphPanel::GraphPanel(Document *document, Selection *selection, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_selection(selection)
    , m_scene(new GraphScene(this))
    , m_view(new GraphView(m_scene, this))
    , m_filter(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_notice(new QLabel(this))
{
    m_notice->setWordWrap(true);
    m_notice->setContentsMargins(6, 2, 6, 2);
    m_notice->setTextFormat(Qt::RichText);
    m_notice->setVisible(false);
    connect(m_notice, &QLabel::linkActivated, this, [this] { drawEverything(); });
    m_filter->setPlaceholderText(tr("Filter: a host, service or name shows its neighbourhood"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(
        tr("Show only what routes to and from the matching hosts (gateways, VirtualServices, "
           "rules, services, subsets and workloads)"));
    auto *fitButton = new QToolButton(this);
    fitButton->setObjectName(QStringLiteral("fitButton"));
    fitButton->setText(tr("Fit"));
    fitButton->setToolTip(tr("Fit the graph in the view"));
    auto *layoutButton = new QToolButton(this);
    layoutButton->setObjectName(QStringLiteral("relayoutButton"));
    layoutButton->setText(tr("Re-layout"));
    layoutButton->setToolTip(tr("Forget moved nodes and lay the graph out again"));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 0);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_status);
    bar->addWidget(layoutButton);
    bar->addWidget(fitButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_notice);
    layout->addWidget(m_view, 1);

    connect(fitButton, &QToolButton::clicked, this, &GraphPanel::fit);
    connect(layoutButton, &QToolButton::clicked, this, [this] {
        m_scene->relayout();
        m_view->setAutoFit(true); // a new part to look at: the readable default view
    });
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (m_partial) {
            m_scopeStale = true; // another neighbourhood of the large mesh
            refresh();
        }
        m_scene->setFilter(text);
        updateStatus();
        m_view->setAutoFit(true); // a new part to look at: the readable default view
    });
    connect(m_view, &GraphView::nodeClicked, this, [this](int index) {
        m_selection->select(m_scene->graph().selectionFor(index));
        // A missing node selects what refers to it; still show the node clicked.
        m_scene->setCurrentNode(index);
    });
    connect(document, &Document::changed, this, &GraphPanel::onDocumentChanged);
    connect(selection, &Selection::changed, this, &GraphPanel::onSelectionChanged);
    connect(selection, &Selection::highlightChanged, this, &GraphPanel::onHighlightChanged);
    countNodes(ChangeEvent {});
    refresh();
    m_scene->setHighlight(selection->highlight());
}

void GraphPanel::refresh()
{
    if (m_scopeStale)
        updateScope();
    m_scene->setGraph(GraphModel::build(m_document->workspace(), m_scope, &m_ruleErrors, &m_referents));
    m_scene->setCurrentNode(m_scene->graph().nodeFor(m_selection->current()));
    updateStatus();
}

void GraphPanel::updateScope()
{
    m_scopeStale = false;
    const Workspace &ws = m_document->workspace();
    m_partial = !m_drawEverything && m_wholeNodes > m_wholeGraphLimit;
    if (!m_partial) {
        m_scope = GraphScope();
        updateNotice(0, {});
        return;
    }
    // A text names the part to draw; without one, the selected resource does.
    const QString text = m_filter->text().trimmed();
    if (m_focus < 0)
        m_focus = m_selection->current().resourceId;
    m_scope = GraphScope::around(ws, text, text.isEmpty() ? m_focus : -1);
    QString why;
    if (m_scope.seedCount() == 0) {
        why = text.isEmpty() ? tr("Select a resource or type a host in the filter to draw its neighbourhood.")
                             : tr("Nothing matches \"%1\".").arg(text.toHtmlEscaped());
    } else if (m_scope.estimatedNodes() > m_wholeGraphLimit) {
        why = tr("\"%1\" matches %2 resources, about %3 nodes: type more of a name or host.")
                  .arg(text.toHtmlEscaped())
                  .arg(m_scope.seedCount())
                  .arg(m_scope.estimatedNodes());
        m_scope = GraphScope::around(ws, QString(), -1); // draw nothing rather than freeze
    } else if (text.isEmpty()) {
        const Resource *focus = ws.byId(m_focus);
        why = tr("Showing the neighbourhood of %1.")
                  .arg(focus ? focus->displayName().toHtmlEscaped() : QString());
    } else {
        why = tr("Showing the neighbourhood of \"%1\".").arg(text.toHtmlEscaped());
    }
    updateNotice(m_wholeNodes, why);
}

void GraphPanel::countNodes(const ChangeEvent &event)
{
    const Workspace &ws = m_document->workspace();
    if (event.type == ChangeEvent::Type::Reset) {
        m_nodesPerResource.clear();
        m_wholeNodes = 0;
        for (const Resource &r : ws.resources) {
            const int n = GraphScope::estimateNodes(r);
            m_nodesPerResource.insert(r.id, n);
            m_wholeNodes += n;
        }
        return;
    }
    for (int id : event.resourceIds)
        m_wholeNodes -= m_nodesPerResource.take(id);
    for (const Resource &r : ws.resources)
        if (event.resourceIds.contains(r.id)) {
            const int n = GraphScope::estimateNodes(r);
            m_nodesPerResource.insert(r.id, n);
            m_wholeNodes += n;
        }
}

void GraphPanel::setWholeGraphLimit(int nodes)
{
    m_wholeGraphLimit = nodes;
    m_scopeStale = true;
    refresh();
}

void GraphPanel::drawEverything()
{
    m_drawEverything = true;
    m_scopeStale = true;
    refresh();
    m_view->setAutoFit(true); // a new part to look at: the readable default view
}

void GraphPanel::updateNotice(int estimatedNodes, const QString &why)
{
    m_notice->setVisible(m_partial);
    if (!m_partial)
        return;
    m_notice->setText(tr("<b>Large mesh</b> (about %1 nodes): the graph shows one part at a time. %2 "
                         "<a href=\"all\">Draw everything</a> (slow).")
                          .arg(estimatedNodes)
                          .arg(why));
}

void GraphPanel::fit()
{
    m_view->fit();
}

void GraphPanel::onDocumentChanged(const ChangeEvent &event)
{
    if (event.type == ChangeEvent::Type::Saved)
        return;
    const bool wasPartial = m_partial;
    countNodes(event);
    m_referents.update(m_document->workspace(), event);
    if (event.type == ChangeEvent::Type::Reset)
        m_ruleErrors.clear();
    else
        m_ruleErrors.forget(event.resourceIds);
    if (event.type == ChangeEvent::Type::Reset) {
        m_focus = -1;
        m_drawEverything = false;
        m_scopeStale = true;
    } else if (!m_scope.stillHolds(m_document->workspace(), event.resourceIds)
        || wasPartial != (!m_drawEverything && m_wholeNodes > m_wholeGraphLimit)) {
        m_scopeStale = true;
    }
    refresh();
    if (event.type == ChangeEvent::Type::Reset)
        m_view->setAutoFit(true);
}

void GraphPanel::onSelectionChanged(const SelectionTarget &target)
{
    // A large mesh follows the selection to a part not drawn yet; a click inside
    // the drawn part leaves the layout where it is.
    if (m_partial && target.resourceId >= 0 && !m_scope.contains(target.resourceId)
        && m_filter->text().trimmed().isEmpty()) {
        m_focus = target.resourceId;
        m_scopeStale = true;
        refresh();
        m_view->setAutoFit(true); // a new part to look at: the readable default view
    }
    const int node = m_scene->graph().nodeFor(target);
    m_scene->setCurrentNode(node);
    m_view->ensureNodeVisible(node);
}

void GraphPanel::onHighlightChanged(const TrafficPath &path)
{
    // On a large mesh the path may lead outside the drawn part: draw its part.
    if (m_partial && path.virtualServiceId >= 0 && !m_scope.contains(path.virtualServiceId)
        && m_filter->text().trimmed().isEmpty()) {
        m_focus = path.virtualServiceId;
        m_scopeStale = true;
        refresh();
        m_view->setAutoFit(true); // a new part to look at: the readable default view
    }
    m_scene->setHighlight(path);
    const GraphModel::PathItems lit = m_scene->graph().pathItems(path);
    for (int node : lit.nodes)
        if (m_scene->graph().nodes()[node].kind == GraphNode::Kind::Rule)
            m_view->ensureNodeVisible(node);
}

void GraphPanel::updateStatus()
{
    int visible = 0;
    for (GraphNodeItem *item : m_scene->nodeItems())
        visible += item->isVisible() ? 1 : 0;
    const int total = int(m_scene->nodeItems().size());
    m_status->setText(visible == total ? (total == 1 ? tr("1 node") : tr("%1 nodes").arg(total))
                                       : tr("%1 of %2 nodes").arg(visible).arg(total));
}

} // namespace meshroute
