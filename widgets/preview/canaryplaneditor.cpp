#include "preview/canaryplaneditor.h"

#include "document.h"
#include "safefilewriter.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <algorithm>

namespace meshroute {

CanaryPlanEditor::CanaryPlanEditor(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_target = new QComboBox(this);
    m_target->setToolTip(
        tr("The destination that receives the canary; the others share the rest in proportion"));
    m_stepsEdit = new QLineEdit(this);
    m_stepsEdit->setText(QStringLiteral("1, 5, 25, 50, 100"));
    m_stepsEdit->setToolTip(tr("Percentages to the canary, in order, e.g. 1, 5, 25, 50, 100"));
    m_list = new QListWidget(this);
    m_list->setToolTip(
        tr("Select a step to preview it on the plots; select it again to go back to the live split"));
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c02828"));
    m_exportFiles = new QPushButton(tr("Export one file per step…"), this);
    m_exportMulti = new QPushButton(tr("Export as one file…"), this);

    auto *form = new QFormLayout;
    form->addRow(tr("Canary to:"), m_target);
    form->addRow(tr("Steps (%):"), m_stepsEdit);
    // Two rows of buttons: on one they made the Preview too wide for a 1366 px screen.
    auto *buttons = new QGridLayout;
    auto *live = new QPushButton(tr("Show live split"), this);
    live->setToolTip(tr("Stop previewing a step: the plots show the configuration as edited"));
    connect(live, &QPushButton::clicked, this, &CanaryPlanEditor::clearPreview);
    buttons->addWidget(live, 0, 0);
    m_diff = new QPushButton(tr("Diff against current"), this);
    m_diff->setObjectName(QStringLiteral("canaryStepDiffButton"));
    m_diff->setToolTip(tr("Show in the Traffic Diff dock what applying the selected step to the current "
                          "configuration would change; the document is not edited"));
    m_diff->setEnabled(false);
    connect(m_diff, &QPushButton::clicked, this, [this] {
        if (previewedStep() >= 0)
            Q_EMIT diffRequested(previewedStep());
    });
    buttons->addWidget(m_diff, 0, 1);
    buttons->addWidget(m_exportFiles, 1, 0);
    buttons->addWidget(m_exportMulti, 1, 1);
    buttons->setColumnStretch(2, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_target, &QComboBox::currentIndexChanged, this, [this] { recompute(); });
    connect(m_stepsEdit, &QLineEdit::textChanged, this, [this] { recompute(); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        m_diff->setEnabled(row >= 0);
        Q_EMIT previewChanged(row);
    });
    connect(m_exportFiles, &QPushButton::clicked, this, &CanaryPlanEditor::onExportFiles);
    connect(m_exportMulti, &QPushButton::clicked, this, &CanaryPlanEditor::onExportMultiDocument);
    setRule(-1, -1);
}

void CanaryPlanEditor::setRule(int resourceId, int routeIndex)
{
    if (resourceId == m_resourceId && routeIndex == m_routeIndex) {
        recompute();
        return;
    }
    m_resourceId = resourceId;
    m_routeIndex = routeIndex;
    fillTargets();
    recompute();
}

void CanaryPlanEditor::fillTargets()
{
    const QSignalBlocker block(m_target);
    m_target->clear();
    const Resource *r = m_document->resource(m_resourceId);
    CanaryPlan::Split split;
    if (!r || !CanaryPlan::splitOf(*r, m_routeIndex, &split)) {
        m_title->setText(tr("Select a sample request whose rule splits traffic to plan a canary."));
        return;
    }
    m_title->setText(tr("Canary plan for %1").arg(split.rule));
    m_target->addItems(split.destinations);
    // The canary is usually the destination with the least traffic now.
    const auto smallest = std::min_element(split.weights.cbegin(), split.weights.cend());
    m_target->setCurrentIndex(smallest == split.weights.cend() ? -1 : int(smallest - split.weights.cbegin()));
}

void CanaryPlanEditor::recompute()
{
    m_stale = true;
    if (isVisible() || previewedStep() >= 0)
        compute();
}

const QList<CanaryPlan::Step> &CanaryPlanEditor::steps()
{
    if (m_stale)
        compute();
    return m_steps;
}

void CanaryPlanEditor::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        compute();
}

void CanaryPlanEditor::compute()
{
    m_stale = false;
    const int previewed = previewedStep();
    m_steps.clear();
    m_message->clear();
    QList<int> percents;
    QString error;
    if (m_resourceId >= 0 && !CanaryPlan::parsePercents(m_stepsEdit->text(), &percents, &error)) {
        m_message->setText(error);
    } else if (m_resourceId >= 0) {
        // The target list follows the rule when an edit added or removed a destination.
        const Resource *r = m_document->resource(m_resourceId);
        CanaryPlan::Split split;
        if (r && CanaryPlan::splitOf(*r, m_routeIndex, &split)
            && split.destinations.size() != m_target->count())
            fillTargets();
        const CanaryPlan plan(m_resourceId, m_routeIndex, m_target->currentIndex(), percents);
        m_steps = plan.compute(*m_document, &error);
        if (m_steps.isEmpty())
            m_message->setText(error);
    }
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const CanaryPlan::Step &s : m_steps) {
        QStringList weights;
        for (int w : s.weights)
            weights << QString::number(w);
        m_list->addItem(tr("%1   (weights %2)").arg(s.label, weights.join(QLatin1Char('/'))));
    }
    m_exportFiles->setEnabled(!m_steps.isEmpty());
    m_exportMulti->setEnabled(!m_steps.isEmpty());
    if (previewed >= 0 && previewed < m_steps.size())
        m_list->setCurrentRow(previewed);
    else if (previewed >= 0)
        Q_EMIT previewChanged(-1);
    m_diff->setEnabled(m_list->currentRow() >= 0);
}

int CanaryPlanEditor::previewedStep() const
{
    return m_list->currentRow();
}

void CanaryPlanEditor::clearPreview()
{
    m_list->setCurrentRow(-1);
}

QString CanaryPlanEditor::baseName() const
{
    const Resource *r = m_document->resource(m_resourceId);
    if (!r || r->fileIndex < 0 || r->fileIndex >= m_document->files().size())
        return QStringLiteral("canary");
    return QFileInfo(m_document->files()[r->fileIndex].path).completeBaseName();
}

bool CanaryPlanEditor::exportFiles(const QString &directory, QStringList *written, QString *error)
{
    if (steps().isEmpty()) {
        *error = tr("no plan to export");
        return false;
    }
    return CanaryPlan::exportFiles(m_steps, directory, baseName(), written, error);
}

bool CanaryPlanEditor::exportMultiDocument(const QString &path, QString *error)
{
    if (steps().isEmpty()) {
        *error = tr("no plan to export");
        return false;
    }
    return SafeFileWriter::writeFile(path, CanaryPlan::multiDocument(m_steps), error);
}

void CanaryPlanEditor::onExportFiles()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export the canary steps into"));
    if (dir.isEmpty())
        return;
    QStringList written;
    QString error;
    if (exportFiles(dir, &written, &error))
        m_message->setText(
            tr("<span style='color:#1b7f3b'>Wrote %1 files in %2</span>").arg(written.size()).arg(dir));
    else
        m_message->setText(error);
}

void CanaryPlanEditor::onExportMultiDocument()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the canary plan"),
        baseName() + QStringLiteral(".canary.yaml"), tr("YAML (*.yaml *.yml)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportMultiDocument(path, &error))
        m_message->setText(tr("<span style='color:#1b7f3b'>Wrote %1</span>").arg(path));
    else
        m_message->setText(error);
}

} // namespace meshroute
