#include "subseteditor.h"

#include "document.h"
#include "resource.h"
#include "setsubsets.h"
#include "undostack.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace meshroute {

namespace {

QString labelsText(const Labels &labels)
{
    QStringList parts;
    for (const Label &l : labels)
        parts.append(l.key + QLatin1Char('=') + l.value);
    return parts.join(QStringLiteral(", "));
}

bool parseLabels(const QString &text, QList<QPair<QString, QString>> *out)
{
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!part.contains(QLatin1Char('=')))
            return false;
        out->append(
            { part.section(QLatin1Char('='), 0, 0).trimmed(), part.section(QLatin1Char('='), 1).trimmed() });
    }
    return true;
}

} // namespace

SubsetEditor::SubsetEditor(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableWidget(0, 3, this);
    m_table->setHorizontalHeaderLabels({ tr("Subset"), tr("Labels"), tr("Selects") });
    m_table->horizontalHeaderItem(0)->setToolTip(
        tr("subsets[].name: what VirtualService destinations refer to (DNS-1123 label)"));
    m_table->horizontalHeaderItem(1)->setToolTip(
        tr("subsets[].labels: key=value pairs the subset's pods carry, e.g. version=v2"));
    m_table->horizontalHeaderItem(2)->setToolTip(
        tr("The workloads whose pods these labels select, with the Service's selector"));
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table);
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #d0312d;"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    layout->addWidget(m_error);
    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("Add subset"), this);
    m_remove = new QPushButton(tr("Remove subset"), this);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    // After the cell editor has closed: a commit refills the table from the model.
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_filling)
            QMetaObject::invokeMethod(this, &SubsetEditor::commit, Qt::QueuedConnection);
    });
    connect(m_add, &QPushButton::clicked, this, &SubsetEditor::addSubset);
    connect(m_remove, &QPushButton::clicked, this, &SubsetEditor::removeSubset);
    connect(m_document, &Document::changed, this, [this](const ChangeEvent &e) {
        if (e.type != ChangeEvent::Type::Saved)
            refill();
    });
}

void SubsetEditor::setResource(int resourceId)
{
    m_resourceId = resourceId;
    refill();
}

void SubsetEditor::refill()
{
    const Resource *r = m_document->resource(m_resourceId);
    const DestinationRule *dr = r ? r->destinationRule() : nullptr;
    m_filling = true;
    m_table->setRowCount(0);
    m_error->setVisible(false);
    if (dr) {
        const Workspace &ws = m_document->workspace();
        const QString service = dr->host.value.section(QLatin1Char('.'), 0, 0);
        const QString ns = dr->host.value.contains(QLatin1Char('.'))
            ? dr->host.value.section(QLatin1Char('.'), 1, 1)
            : r->namespaceName();
        const Resource *svc = ws.find(ResourceKind::Service, ns, service);
        for (int i = 0; i < dr->subsets.size(); ++i) {
            const Subset &s = dr->subsets[i];
            m_table->insertRow(i);
            auto *name = new QTableWidgetItem(s.name.value);
            name->setData(Qt::UserRole, i); // which subset of the model the row is
            m_table->setItem(i, 0, name);
            m_table->setItem(i, 1, new QTableWidgetItem(labelsText(s.labels)));
            QStringList workloads;
            int pods = 0;
            Labels selector = svc ? svc->service()->selector : Labels();
            selector += s.labels;
            for (const Resource *w : ws.ofKind(ResourceKind::Workload))
                if (w->namespaceName() == ns && labelsContain(w->workload()->podLabels, selector)) {
                    workloads.append(w->name());
                    pods += w->workload()->replicaCount();
                }
            auto *selects = new QTableWidgetItem(workloads.isEmpty()
                    ? tr("no pods (503)")
                    : tr("%1 · %n pod(s)", nullptr, pods).arg(workloads.join(QStringLiteral(", "))));
            selects->setFlags(selects->flags() & ~Qt::ItemIsEditable);
            m_table->setItem(i, 2, selects);
        }
    }
    m_filling = false;
    setEnabled(dr != nullptr);
}

void SubsetEditor::commit()
{
    QList<SubsetSpec> specs;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        SubsetSpec s;
        const QTableWidgetItem *name = m_table->item(row, 0);
        s.originalIndex = name && name->data(Qt::UserRole).isValid() ? name->data(Qt::UserRole).toInt() : -1;
        s.name = name ? name->text().trimmed() : QString();
        const QTableWidgetItem *labels = m_table->item(row, 1);
        if (labels && !parseLabels(labels->text(), &s.labels)) {
            m_error->setText(tr("Labels are key=value pairs separated by commas"));
            m_error->setVisible(true);
            return;
        }
        specs.append(s);
    }
    QString error;
    auto command = SetSubsets::create(m_document, m_resourceId, specs, &error);
    if (!command) {
        m_error->setText(error);
        m_error->setVisible(true);
        return;
    }
    m_error->setVisible(false);
    m_document->undoStack()->push(command.release());
}

void SubsetEditor::addSubset()
{
    const Resource *r = m_document->resource(m_resourceId);
    if (!r || !r->destinationRule())
        return;
    int n = int(r->destinationRule()->subsets.size()) + 1;
    while (r->destinationRule()->findSubset(QStringLiteral("v%1").arg(n)))
        ++n;
    m_filling = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(QStringLiteral("v%1").arg(n)));
    m_table->setItem(row, 1, new QTableWidgetItem(QStringLiteral("version=v%1").arg(n)));
    m_filling = false;
    commit();
}

void SubsetEditor::removeSubset()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    m_filling = true;
    m_table->removeRow(row);
    m_filling = false;
    commit();
}

} // namespace meshroute
