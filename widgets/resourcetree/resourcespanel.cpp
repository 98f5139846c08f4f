#include "resourcespanel.h"

#include "resourcetreeview.h"

#include <QLineEdit>
#include <QVBoxLayout>

namespace meshroute {

ResourcesPanel::ResourcesPanel(Document *document, Selection *selection, QWidget *parent)
    : QWidget(parent)
    , m_filter(new QLineEdit(this))
    , m_tree(new ResourceTreeView(document, selection, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_filter->setPlaceholderText(tr("Filter: name, namespace, kind or file"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Show only the resources whose name, namespace, kind or file contains this"));
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
    connect(m_filter, &QLineEdit::textChanged, m_tree, &ResourceTreeView::setFilterText);
    // Down from the field goes to the resources it left.
    connect(m_filter, &QLineEdit::returnPressed, m_tree, [this] { m_tree->setFocus(Qt::TabFocusReason); });
}

} // namespace meshroute
