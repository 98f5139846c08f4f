#include "graphpanel.h"

#include "document.h"
#include "graphmodel.h"
#include "graphnodeitem.h"
#include "graphscene.h"
#include "graphview.h"
#include "selection.h"

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
{
    m_filter->setPlaceholderText(tr("Filter: a host, service or name shows its neighbourhood"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(
        tr("Show only what routes to and from the matching hosts (gateways, VirtualServices, "
           "rules, services, subsets and workloads)"));
    auto *fitButton = new QToolButton(this);
    fitButton->setText(tr("Fit"));
    fitButton->setToolTip(tr("Fit the graph in the view"));
    auto *layoutButton = new QToolButton(this);
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
    layout->addWidget(m_view, 1);

    connect(fitButton, &QToolButton::clicked, this, &GraphPanel::fit);
    connect(layoutButton, &QToolButton::clicked, this, [this] {
        m_scene->relayout();
        fit();
    });
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_scene->setFilter(text);
        updateStatus();
        fit();
    });
    connect(m_view, &GraphView::nodeClicked, this, [this](int index) {
        m_selection->select(m_scene->graph().selectionFor(index));
        // A missing node selects what refers to it; still show the node clicked.
        m_scene->setCurrentNode(index);
    });
    connect(document, &Document::changed, this, &GraphPanel::onDocumentChanged);
    connect(selection, &Selection::changed, this, &GraphPanel::onSelectionChanged);
    refresh();
}

void GraphPanel::refresh()
{
    m_scene->setGraph(GraphModel::build(m_document->workspace()));
    m_scene->setCurrentNode(m_scene->graph().nodeFor(m_selection->current()));
    updateStatus();
}

void GraphPanel::fit()
{
    m_view->fit();
}

void GraphPanel::onDocumentChanged(const ChangeEvent &event)
{
    if (event.type == ChangeEvent::Type::Saved)
        return;
    refresh();
    if (event.type == ChangeEvent::Type::Reset)
        m_view->setAutoFit(true);
}

void GraphPanel::onSelectionChanged(const SelectionTarget &target)
{
    const int node = m_scene->graph().nodeFor(target);
    m_scene->setCurrentNode(node);
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
