#include "resourceeditor.h"

#include "deleteresource.h"
#include "document.h"
#include "gatewayservereditor.h"
#include "renamewithreferences.h"
#include "resource.h"
#include "selection.h"
#include "subseteditor.h"
#include "undostack.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace meshroute {

ResourceEditor::ResourceEditor(Document *document, Selection *selection, QWidget *parent)
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
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(new QLabel(tr("Name"), this));
    m_name = new QLineEdit(this);
    m_name->setToolTip(
        tr("metadata.name: lower-case letters, digits, '-' and '.'; VirtualServices' references to a "
           "renamed Gateway or delegate VirtualService are renamed too"));
    nameRow->addWidget(m_name, 1);
    m_delete = new QPushButton(tr("Delete Resource"), this);
    m_delete->setToolTip(tr("Delete this resource's YAML document (undo brings it back)"));
    nameRow->addWidget(m_delete);
    layout->addLayout(nameRow);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("resourceMessage"));
    m_error->setStyleSheet(QStringLiteral("color: #d0312d;"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    layout->addWidget(m_error);
    m_subsets = new SubsetEditor(document, this);
    m_servers = new GatewayServerEditor(document, this);
    layout->addWidget(m_subsets);
    layout->addWidget(m_servers);
    layout->addStretch();
    connect(m_name, &QLineEdit::editingFinished, this, &ResourceEditor::rename);
    connect(m_delete, &QPushButton::clicked, this, &ResourceEditor::remove);
    connect(m_subsets, &SubsetEditor::editFailed, this, &ResourceEditor::editFailed);
    connect(m_servers, &GatewayServerEditor::editFailed, this, &ResourceEditor::editFailed);
    connect(m_selection, &Selection::changed, this,
        [this](const SelectionTarget &t) { showResource(t.resourceId); });
    connect(m_document, &Document::changed, this, [this](const ChangeEvent &e) {
        if (e.type != ChangeEvent::Type::Saved)
            showResource(m_document->resource(m_resourceId) ? m_resourceId : -1);
    });
    showResource(m_selection->current().resourceId);
}

void ResourceEditor::showResource(int resourceId)
{
    if (resourceId != m_resourceId)
        m_error->setVisible(false);
    m_resourceId = resourceId;
    const Resource *r = m_document->resource(resourceId);
    m_title->setText(r ? r->displayName() : tr("Select a resource to edit it."));
    if (!m_name->hasFocus())
        m_name->setText(r ? r->name() : QString());
    m_name->setEnabled(r != nullptr);
    m_delete->setEnabled(r != nullptr);
    m_subsets->setVisible(r && r->destinationRule());
    m_servers->setVisible(r && r->gateway());
    m_subsets->setResource(r && r->destinationRule() ? resourceId : -1);
    m_servers->setResource(r && r->gateway() ? resourceId : -1);
}

void ResourceEditor::rename()
{
    const Resource *r = m_document->resource(m_resourceId);
    if (!r || m_name->text().trimmed() == r->name())
        return;
    QString error;
    // One undo step with the references in VirtualServices; the label says how many changed.
    const int updated
        = RenameWithReferences::push(m_document, m_resourceId, m_name->text().trimmed(), &error);
    if (updated < 0)
        m_error->setText(error);
    else if (updated == 0)
        m_error->clear();
    else
        m_error->setText(updated == 1 ? tr("Renamed; updated 1 reference to it.")
                                      : tr("Renamed; updated %1 references to it.").arg(updated));
    m_error->setStyleSheet(updated < 0 ? QStringLiteral("color: #d0312d;") : QString());
    m_error->setVisible(!m_error->text().isEmpty());
    m_name->setStyleSheet(
        updated >= 0 ? QString() : QStringLiteral("QLineEdit { border: 1px solid #d0312d; }"));
}

void ResourceEditor::remove()
{
    QString error;
    auto command = DeleteResource::create(m_document, m_resourceId, &error);
    if (!command) {
        Q_EMIT editFailed(error);
        return;
    }
    m_document->undoStack()->push(command.release());
    m_selection->clear();
}

} // namespace meshroute
