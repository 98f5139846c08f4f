#include "resourcetableeditor.h"

#include "document.h"
#include "undocommand.h"
#include "undostack.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace meshroute {

ResourceTableEditor::ResourceTableEditor(Document *document, const QStringList &headers,
    const QStringList &headerTips, int stretchColumn, const QString &addText, const QString &removeText,
    QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableWidget(0, int(headers.size()), this);
    m_table->setHorizontalHeaderLabels(headers);
    for (int c = 0; c < headerTips.size(); ++c)
        m_table->horizontalHeaderItem(c)->setToolTip(headerTips[c]);
    m_table->horizontalHeader()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table);
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #d0312d;"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    layout->addWidget(m_error);
    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(addText, this);
    m_remove = new QPushButton(removeText, this);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    // After the cell editor has closed: a commit refills the table from the model.
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_filling)
            QMetaObject::invokeMethod(
                this, [this] { commit(); }, Qt::QueuedConnection);
    });
    connect(m_add, &QPushButton::clicked, this, [this] { addRow(); });
    connect(m_remove, &QPushButton::clicked, this, &ResourceTableEditor::removeCurrentRow);
    connect(m_document, &Document::changed, this, [this](const ChangeEvent &e) {
        if (e.type != ChangeEvent::Type::Saved)
            refill();
    });
}

void ResourceTableEditor::setResource(int resourceId)
{
    m_resourceId = resourceId;
    refill();
}

void ResourceTableEditor::refill()
{
    m_filling = true;
    m_table->setRowCount(0);
    m_error->setVisible(false);
    const bool editable = fill(m_document->resource(m_resourceId));
    m_filling = false;
    setEnabled(editable);
}

void ResourceTableEditor::appendRow(const QStringList &values)
{
    m_filling = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    for (int c = 0; c < values.size(); ++c)
        m_table->setItem(row, c, new QTableWidgetItem(values[c]));
    m_filling = false;
    commit();
}

void ResourceTableEditor::removeCurrentRow()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    m_filling = true;
    m_table->removeRow(row);
    m_filling = false;
    commit();
}

void ResourceTableEditor::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(true);
}

void ResourceTableEditor::push(std::unique_ptr<UndoCommand> command, const QString &error)
{
    if (!command) {
        showError(error);
        return;
    }
    m_error->setVisible(false);
    m_document->undoStack()->push(command.release());
}

} // namespace meshroute
