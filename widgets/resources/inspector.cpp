#include "resources/inspector.h"

#include "document.h"
#include "matches/rulelisteditor.h"
#include "resource.h"
#include "resources/resourceeditor.h"
#include "selection.h"
#include "weights/splitentry.h"
#include "weights/weightpanel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace meshroute {

Inspector::Inspector(Document *document, Selection *selection, QWidget *parent)
    : VerticalScrollArea(parent)
    , m_document(document)
{
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 6, 6, 6);
    m_placeholder = new QLabel(
        tr("Nothing selected.\n\nSelect a resource in the Resources list or a node of the graph to "
           "edit it here: a VirtualService's rules and traffic split, a DestinationRule's subsets, "
           "a Gateway's servers."),
        content);
    m_placeholder->setObjectName(QStringLiteral("inspectorPlaceholder"));
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setEnabled(false); // greyed: a hint, not content
    m_resourceEditor = new ResourceEditor(document, selection, content);
    m_weights = new WeightPanel(document, selection, content);
    m_rules = new RuleListEditor(document, selection, content);
    layout->addWidget(m_placeholder);
    layout->addWidget(m_resourceEditor);
    layout->addWidget(m_weights);
    layout->addWidget(m_rules);
    layout->addStretch(1);
    setWidget(content);

    connect(m_resourceEditor, &ResourceEditor::editFailed, this, &Inspector::editFailed);
    connect(m_weights, &WeightPanel::editFailed, this, &Inspector::editFailed);
    connect(m_rules, &RuleListEditor::editFailed, this, &Inspector::editFailed);
    connect(selection, &Selection::changed, this,
        [this](const SelectionTarget &t) { showEditorsFor(t.resourceId); });
    connect(document, &Document::changed, this,
        [this, selection] { showEditorsFor(selection->current().resourceId); });
    showEditorsFor(selection->current().resourceId);
}

void Inspector::showEditorsFor(int resourceId)
{
    const Resource *r = m_document->resource(resourceId);
    m_placeholder->setVisible(r == nullptr);
    m_resourceEditor->setVisible(r != nullptr);
    // The rule editors have nothing to say about other kinds: hidden rather than a heading each.
    m_weights->setVisible(r && (r->virtualService() || SplitEntry::isGatewayApiRoute(*r)));
    m_rules->setVisible(r && (r->virtualService() || SplitEntry::isGatewayApiRoute(*r)));
}

} // namespace meshroute
