#include "trafficdiffview.h"

#include "diff/comparisonsides.h"
#include "diff/requestpath.h"
#include "diff/trafficdiffjob.h"
#include "diff/trafficdiffmodel.h"
#include "diffreportwriter.h"
#include "document.h"
#include "graph/graphdiffoverlay.h"
#include "graph/graphpanel.h"
#include "preview/requestoutcome.h"
#include "request.h"
#include "selection.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace meshroute {

TrafficDiffView::TrafficDiffView(Document *document, Selection *selection, GraphPanel *graph, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_selection(selection)
    , m_model(new TrafficDiffModel(this))
    , m_overlay(new GraphDiffOverlay(graph->scene(), this))
{
    m_job = new TrafficDiffJob(
        [this] {
            TrafficDiffJob::Inputs in;
            if (m_mode == Mode::CanaryStep) {
                in.before = ComparisonSides::current(*m_document, tr("current"));
                in.after = m_fixed;
            } else {
                in.before = m_fixed;
                in.after = ComparisonSides::current(*m_document, tr("unsaved"));
            }
            in.shown = m_document->workspace();
            in.loadBefore = m_loadFixed;
            return in;
        },
        this);
    createViews();
    connect(m_job, &TrafficDiffJob::finished, this, &TrafficDiffView::onResult);
    connect(m_document, &Document::changed, this, &TrafficDiffView::onDocumentChanged);
    // Another view (the Preview) lit its own path: the highlight is no longer ours to clear.
    connect(m_selection, &Selection::highlightChanged, this, [this] {
        if (!m_settingHighlight)
            m_lit = false;
    });
    closeComparison();
}

TrafficDiffView::~TrafficDiffView() = default;

void TrafficDiffView::createViews()
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("trafficDiffSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_markdownButton = new QToolButton(this);
    m_markdownButton->setText(tr("Markdown"));
    m_markdownButton->setCheckable(true);
    m_markdownButton->setToolTip(
        tr("Show the report as `meshroute diff --format markdown` writes it for a pull-request comment"));
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_markdownButton, 0, Qt::AlignTop);

    m_tree = new QTreeView(this);
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setAlternatingRowColors(true);
    // Three equal columns that share the width (the tool tip has a cut text whole).
    m_tree->header()->setSectionResizeMode(QHeaderView::Stretch);
    m_detail = new QListWidget(this);
    m_detail->setWordWrap(true);
    m_detail->setToolTip(tr("The selected request routed on both sides"));
    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->addWidget(m_tree);
    m_split->addWidget(m_detail);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 1);
    m_markdown = new QTextBrowser(this);
    m_markdown->setOpenExternalLinks(true);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_split);
    m_stack->addWidget(m_markdown);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    connect(m_markdownButton, &QToolButton::toggled, this,
        [this](bool on) { m_stack->setCurrentWidget(on ? static_cast<QWidget *>(m_markdown) : m_split); });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &TrafficDiffView::showRequest);
}

bool TrafficDiffView::compareWithSaved()
{
    if (isBig()) {
        // Read with the first run, on the worker.
        m_loadFixed = savedLoader();
        start(Mode::Saved, DiffSide {});
        return true;
    }
    DiffSide saved;
    QString error;
    if (!ComparisonSides::saved(m_document->files(), &saved, &error)) {
        fail(error);
        return false;
    }
    start(Mode::Saved, saved);
    return true;
}

bool TrafficDiffView::compareWithGitRevision(const QString &revision)
{
    DiffSide side;
    QString error;
    if (!ComparisonSides::atGitRevision(m_document->files(), revision, &side, &error)) {
        fail(error);
        return false;
    }
    m_revision = revision;
    start(Mode::GitRevision, side);
    return true;
}

void TrafficDiffView::compareWithCanaryStep(
    const Workspace &step, const QString &label, int fileIndex, const QByteArray &fileText)
{
    DiffSide side;
    side.label = label;
    side.workspace = step;
    if (fileIndex >= 0 && fileIndex < m_document->files().size()
        && step.files.size() == m_document->files().size()) {
        for (const SourceFile &f : m_document->files())
            side.fileTexts.append(f.text);
        side.fileTexts[fileIndex] = fileText;
    }
    start(Mode::CanaryStep, side);
}

bool TrafficDiffView::isBig() const
{
    return m_document->workspace().resources.size() > TrafficDiffJob::asyncThreshold;
}

std::function<DiffSide()> TrafficDiffView::savedLoader() const
{
    return [files = m_document->files()] {
        DiffSide side;
        QString error;
        if (!ComparisonSides::saved(files, &side, &error)) {
            Diagnostic d;
            d.message = error; // said in the summary's error count and the Markdown
            side.loadErrors.append(d);
        }
        return side;
    };
}

void TrafficDiffView::start(Mode mode, const DiffSide &fixed)
{
    m_mode = mode;
    m_fixed = fixed;
    m_stale = false;
    m_summary->setText(tr("Comparing\u2026"));
    m_job->request(m_document->workspace().resources.size());
}

void TrafficDiffView::fail(const QString &message)
{
    closeComparison();
    m_summary->setText(message);
}

void TrafficDiffView::closeComparison()
{
    m_mode = Mode::None;
    m_job->cancel();
    m_fixed = DiffSide {};
    m_loadFixed = nullptr;
    m_model->clear();
    m_detail->clear();
    m_markdown->clear();
    m_summary->setText(
        tr("Nothing compared yet: File > Compare with Saved, File > Compare with Git revision, "
           "or a canary step's \"Diff against current\"."));
    clearGraphMarks();
}

bool TrafficDiffView::isComparing() const
{
    return m_job->isRunning();
}

const DiffReport *TrafficDiffView::report() const
{
    return m_mode != Mode::None && m_job->hasResult() ? &m_job->result().report : nullptr;
}

void TrafficDiffView::onDocumentChanged(const ChangeEvent &event)
{
    if (m_mode == Mode::None)
        return;
    if (event.type == ChangeEvent::Type::Reset) {
        // Other files (or the same ones read again): what was compared is gone.
        closeComparison();
        return;
    }
    if (m_mode == Mode::CanaryStep) {
        // The step was computed from the text before this edit: say so rather than mislead.
        m_stale = true;
        m_summary->setText(m_summary->text().section(QLatin1Char('\n'), 0, 0) + QLatin1Char('\n')
            + tr("The configuration changed since: select the step and press \"Diff against current\" "
                 "again."));
        return;
    }
    if (event.type == ChangeEvent::Type::Saved && m_mode == Mode::Saved && isBig()) {
        m_loadFixed = savedLoader();
    } else if (event.type == ChangeEvent::Type::Saved && m_mode == Mode::Saved) {
        DiffSide saved;
        QString error;
        if (ComparisonSides::saved(m_document->files(), &saved, &error))
            m_fixed = saved;
    }
    m_job->request(m_document->workspace().resources.size());
}

void TrafficDiffView::onResult()
{
    if (m_mode == Mode::None)
        return;
    if (m_job->result().loadedBefore) {
        m_fixed = *m_job->result().loadedBefore;
        m_loadFixed = nullptr;
    }
    const DiffReport &report = m_job->result().report;
    const QString from = m_mode == Mode::GitRevision ? m_revision : report.oldLabel;
    m_summary->setText(
        QStringLiteral("<b>%1 \u2192 %2</b>: %3")
            .arg(from.toHtmlEscaped(), report.newLabel.toHtmlEscaped(), report.summary().toHtmlEscaped()));
    const int current
        = m_tree->currentIndex().parent() == m_model->sectionIndex(TrafficDiffModel::Section::Traffic)
        ? m_tree->currentIndex().row()
        : -1;
    m_model->setReport(report);
    m_tree->expandAll();
    for (int section = 0; section < m_model->rowCount(); ++section)
        m_tree->setFirstColumnSpanned(section, QModelIndex(), true); // a section's title reads whole
    m_markdown->setMarkdown(DiffReportWriter::toMarkdown(report));
    if (current >= 0 && current < m_model->rowCount(TrafficDiffModel::Section::Traffic))
        selectRequest(current);
    else
        showRequest();
    Q_EMIT compared();
}

void TrafficDiffView::selectRequest(int row)
{
    const QModelIndex index
        = m_model->index(row, 0, m_model->sectionIndex(TrafficDiffModel::Section::Traffic));
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

void TrafficDiffView::showRequest()
{
    m_detail->clear();
    const QModelIndex index = m_tree->currentIndex();
    const int request = index.siblingAtColumn(0).data(TrafficDiffModel::RequestRole).toInt();
    if (m_mode == Mode::None || !m_job->hasResult() || !index.isValid()
        || index.parent() != m_model->sectionIndex(TrafficDiffModel::Section::Traffic)) {
        updateGraphMarks();
        return;
    }
    const TrafficDiffResult &result = m_job->result();
    const ChangedRequest &change = result.report.traffic.value(request);
    auto add = [this](const QString &text, const QColor &colour = {}) {
        auto *item = new QListWidgetItem(text, m_detail);
        if (colour.isValid())
            item->setForeground(colour);
    };
    add(tr("%1 from %2").arg(change.request.requestLine(), change.request.senderText()));
    if (!change.origin.isEmpty())
        add(tr("made from %1%2")
                .arg(change.origin, change.variant.isEmpty() ? QString() : tr(" (%1)").arg(change.variant)));
    // Routed again on each side, worded as the Preview words an outcome.
    const RequestOutcome was = RequestOutcome::of(result.before, change.request);
    const RequestOutcome is = RequestOutcome::of(result.after, change.request);
    const QString oldLabel = m_mode == Mode::GitRevision ? m_revision : result.report.oldLabel;
    add(tr("Before (%1): %2").arg(oldLabel, was.text), GraphDiffOverlay::oldPathColor());
    add(QStringLiteral("   ") + (was.ruleText.isEmpty() ? change.before.summary() : was.ruleText),
        GraphDiffOverlay::oldPathColor());
    add(tr("After (%1): %2").arg(result.report.newLabel, is.text), GraphDiffOverlay::newPathColor());
    add(QStringLiteral("   ") + (is.ruleText.isEmpty() ? change.after.summary() : is.ruleText),
        GraphDiffOverlay::newPathColor());
    add(tr("In the graph: before dashed in orange, after lit in green."));
    updateGraphMarks();
}

void TrafficDiffView::setOnScreen(bool onScreen)
{
    if (onScreen == m_onScreen)
        return;
    m_onScreen = onScreen;
    // Once the tab switch is done: the Preview, hidden by it, clears the highlight on its way out.
    QTimer::singleShot(0, this, &TrafficDiffView::updateGraphMarks);
}

void TrafficDiffView::clearGraphMarks()
{
    m_overlay->clear();
    if (m_lit)
        setHighlight(TrafficPath {});
}

void TrafficDiffView::setHighlight(const TrafficPath &path)
{
    m_settingHighlight = true;
    m_selection->setHighlight(path);
    m_settingHighlight = false;
    m_lit = !path.isEmpty();
}

void TrafficDiffView::updateGraphMarks()
{
    if (!m_onScreen || m_mode == Mode::None || !m_job->hasResult()) {
        clearGraphMarks();
        return;
    }
    const TrafficDiffResult &result = m_job->result();
    m_overlay->setShareChanges(result.shareChanges);
    const QModelIndex index = m_tree->currentIndex();
    const bool request
        = index.isValid() && index.parent() == m_model->sectionIndex(TrafficDiffModel::Section::Traffic);
    if (!request) {
        m_overlay->setOldPath(TrafficPath {});
        if (m_lit)
            setHighlight(TrafficPath {});
        return;
    }
    const ChangedRequest &change
        = result.report.traffic.value(index.siblingAtColumn(0).data(TrafficDiffModel::RequestRole).toInt());
    Request r;
    change.request.toRequest(&r);
    const Workspace &shown = m_document->workspace();
    m_overlay->setOldPath(
        RequestPath::of(result.before.route(r), change.request, result.beforeWorkspace, shown));
    setHighlight(RequestPath::of(result.after.route(r), change.request, result.afterWorkspace, shown));
}

} // namespace meshroute
