#include "preview/previewpanel.h"

#include "backgroundpool.h"
#include "document.h"
#include "preview/canaryplaneditor.h"
#include "preview/convergenceplot.h"
#include "preview/plotexporter.h"
#include "preview/samplerequestmodel.h"
#include "preview/splitplot.h"
#include "request.h"
#include "routetable.h"
#include "routetablecompiler.h"
#include "routingtestwriter.h"
#include "selection.h"
#include "simulator.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace meshroute {

namespace {

constexpr quint64 kSeed = 1; // the CLI's default, so `meshroute simulate` prints the same counts

QPushButton *button(const QString &text, const QString &tip, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setToolTip(tip);
    return b;
}

} // namespace

PreviewPanel::PreviewPanel(Document *document, Selection *selection, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_selection(selection)
    , m_compiler(new RouteTableCompiler(document, asyncCompileThreshold, settleMs, this))
    , m_model(new SampleRequestModel(this))
{
    QHBoxLayout *toolbar = createToolbar();
    createViews();
    QWidget *plotPane = createPlotPane();
    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_sideTabs);
    bottom->addWidget(plotPane);
    bottom->setStretchFactor(0, 2);
    bottom->setStretchFactor(1, 3);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(bottom);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(toolbar);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    connect(m_selection, &QObject::destroyed, this, [this] { m_selectionAlive = false; });
    connect(m_compiler, &RouteTableCompiler::compiled, this, [this] {
        RouteTable old = m_router.table();
        m_router.setTable(m_compiler->table());
        RouteTableCompiler::releaseInBackground(std::move(old));
        applyRouteTable();
    });
    connect(m_document, &Document::changed, this, &PreviewPanel::onDocumentChanged);
    connect(m_selection, &Selection::changed, this, &PreviewPanel::onSelectionChanged);
    connectViews();

    loadSamples();
    refresh();
    if (m_model->rowCount() > 0) {
        m_quietSelection = true;
        selectRow(0);
        m_quietSelection = false;
    }
}

// The buttons above the table, and the test badge.
QHBoxLayout *PreviewPanel::createToolbar()
{
    m_add = button(tr("Add"), tr("Add a sample request"), this);
    m_duplicate = button(tr("Duplicate"), tr("Duplicate the selected request"), this);
    m_delete = button(tr("Delete"), tr("Delete the selected request"), this);
    m_saveSamples = button(tr("Save requests"), tr("Save the sample requests next to the workspace"), this);
    auto *saveTest = button(tr("Save as routing test…"),
        tr("Save the requests and where they go now as a test file for `meshroute test`"), this);
    auto *runTests = button(tr("Run tests…"), tr("Add routing test files, run after every edit"), this);
    m_badge = new QLabel(this);
    m_badge->setObjectName(QStringLiteral("testBadge"));
    m_badge->setMargin(3);
    m_badge->hide();

    auto *toolbar = new QHBoxLayout;
    toolbar->setContentsMargins(0, 0, 0, 0);
    for (QPushButton *b : { m_add, m_duplicate, m_delete, m_saveSamples, saveTest, runTests })
        toolbar->addWidget(b);
    toolbar->addStretch();
    toolbar->addWidget(m_badge);

    connect(m_add, &QPushButton::clicked, this, &PreviewPanel::addSample);
    connect(m_duplicate, &QPushButton::clicked, this, &PreviewPanel::duplicateSample);
    connect(m_delete, &QPushButton::clicked, this, &PreviewPanel::deleteSample);
    connect(m_saveSamples, &QPushButton::clicked, this, [this] {
        QString error;
        m_status->setText(saveSamples(&error) ? tr("Saved %1").arg(sideFilePath()) : error);
    });
    connect(saveTest, &QPushButton::clicked, this, &PreviewPanel::onSaveRoutingTest);
    connect(runTests, &QPushButton::clicked, this, &PreviewPanel::onRunTests);
    return toolbar;
}

void PreviewPanel::createViews()
{
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::AnyKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    // The name and the request are read whole, and where it went is shown beside them; the
    // other columns follow (the last takes what is left) and are as wide as the user makes them.
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(SampleRequestModel::Name, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SampleRequestModel::RequestLine, QHeaderView::ResizeToContents);
    header->moveSection(header->visualIndex(SampleRequestModel::Outcome),
        header->visualIndex(SampleRequestModel::RequestLine) + 1);
    header->resizeSection(SampleRequestModel::Outcome, 4 * header->defaultSectionSize());
    // Rows as tall as their one line of text, and never fewer than minimumRows of them shown.
    const int rowHeight = m_table->fontMetrics().height() + 8;
    m_table->verticalHeader()->setMinimumSectionSize(rowHeight);
    m_table->verticalHeader()->setDefaultSectionSize(rowHeight);
    m_table->setMinimumHeight(header->sizeHint().height() + minimumRows * rowHeight
        + m_table->horizontalScrollBar()->sizeHint().height() + 2 * m_table->frameWidth());

    m_why = new QListWidget(this);
    m_why->setWordWrap(true);
    m_why->setToolTip(
        tr("Why the request goes where it goes: each earlier rule and the condition it failed"));

    m_split = new SplitPlot(this);
    m_convergence = new ConvergencePlot(this);
    m_plan = new CanaryPlanEditor(m_document, this);
    m_testList = new QListWidget(this);
    m_testList->setWordWrap(true);
}

// The plots with the bar above them (request count, export) and the tabs beside them.
QWidget *PreviewPanel::createPlotPane()
{
    m_countBox = new QComboBox(this);
    for (quint64 n : { 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL })
        m_countBox->addItem(QLocale().toString(qulonglong(n)), QVariant::fromValue(n));
    m_countBox->setCurrentIndex(2);
    m_countBox->setToolTip(tr("How many requests to simulate (seed %1, as `meshroute simulate`)").arg(kSeed));
    // One menu for the formats: three buttons made the Preview too wide for a 1366 px screen.
    auto *exportPlot = new QToolButton(this);
    exportPlot->setText(tr("Export plot"));
    exportPlot->setToolTip(tr("Export the plot shown as PNG, SVG or PDF"));
    exportPlot->setPopupMode(QToolButton::InstantPopup);
    auto *formats = new QMenu(exportPlot);
    for (const QString &suffix : { QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf") })
        formats->addAction(tr("%1…").arg(suffix.toUpper()), this, [this, suffix] { onExport(suffix); });
    exportPlot->setMenu(formats);
    auto *plotBar = new QHBoxLayout;
    plotBar->setContentsMargins(0, 0, 0, 0);
    plotBar->addWidget(new QLabel(tr("Simulate"), this));
    plotBar->addWidget(m_countBox);
    plotBar->addWidget(new QLabel(tr("requests"), this));
    plotBar->addStretch();
    plotBar->addWidget(exportPlot);

    // Plots on the right; on the left what explains or drives them, so a canary step and its
    // plot are seen side by side.
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_split, tr("Split"));
    m_tabs->addTab(m_convergence, tr("Accumulation"));
    m_sideTabs = new QTabWidget(this);
    m_sideTabs->addTab(m_why, tr("Why"));
    m_sideTabs->addTab(m_plan, tr("Canary plan"));
    m_sideTabs->addTab(m_testList, tr("Tests"));

    auto *plotPane = new QWidget(this);
    auto *plotLayout = new QVBoxLayout(plotPane);
    plotLayout->setContentsMargins(0, 0, 0, 0);
    plotLayout->addLayout(plotBar);
    plotLayout->addWidget(m_tabs, 1);

    return plotPane;
}

// The sample table and the controls of the plots.
void PreviewPanel::connectViews()
{
    connect(m_model, &SampleRequestModel::samplesEdited, this, [this] {
        m_samplesModified = true;
        m_saveSamples->setEnabled(true);
        reroute();
        updateDetails(false);
        Q_EMIT refreshed();
    });
    connect(m_model, &SampleRequestModel::editRejected, this, [this](const QString &text) {
        m_status->setText(text);
        Q_EMIT message(text);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_plan->clearPreview();
        // Only the user's choice of a row moves the shared selection; opening a workspace does not.
        updateDetails(!m_quietSelection);
    });
    connect(m_countBox, &QComboBox::currentIndexChanged, this, [this] { updatePlots(); });
    connect(m_plan, &CanaryPlanEditor::previewChanged, this, [this] { updatePlots(); });
}

PreviewPanel::~PreviewPanel() = default;

int PreviewPanel::currentRow() const
{
    const QModelIndex i = m_table->selectionModel()->currentIndex();
    return i.isValid() ? i.row() : -1;
}

void PreviewPanel::selectRow(int row)
{
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_model->index(row, SampleRequestModel::Name));
}

quint64 PreviewPanel::requestCount() const
{
    return m_countBox->currentData().toULongLong();
}

QString PreviewPanel::sideFilePath() const
{
    QStringList files;
    for (const SourceFile &f : m_document->files())
        files << f.path;
    return SampleRequest::sideFilePath(files);
}

void PreviewPanel::loadSamples()
{
    QList<SampleRequest> samples;
    const QString path = sideFilePath();
    QString error;
    if (!path.isEmpty() && QFileInfo::exists(path)) {
        if (!SampleRequest::load(path, &samples, &error)) {
            m_status->setText(error);
            samples = SampleRequest::defaults(m_document->workspace());
        }
    } else {
        samples = SampleRequest::defaults(m_document->workspace());
    }
    m_model->setSamples(samples);
    m_samplesModified = false;
    m_saveSamples->setEnabled(false);
}

bool PreviewPanel::saveSamples(QString *error)
{
    const QString path = sideFilePath();
    if (path.isEmpty()) {
        *error = tr("the workspace has no file to keep the requests next to; save it first");
        return false;
    }
    if (!SampleRequest::save(path, m_model->samples(), error))
        return false;
    m_samplesModified = false;
    m_saveSamples->setEnabled(false);
    return true;
}

void PreviewPanel::onDocumentChanged(const ChangeEvent &event)
{
    switch (event.type) {
    case ChangeEvent::Type::Saved:
        // The requests are saved with the workspace.
        if (m_samplesModified) {
            QString error;
            if (!saveSamples(&error))
                m_status->setText(error);
        }
        return;
    case ChangeEvent::Type::Reset:
        m_testCache.clear();
        loadSamples();
        refresh();
        if (m_model->rowCount() > 0 && currentRow() < 0) {
            m_quietSelection = true;
            selectRow(0);
            m_quietSelection = false;
        }
        return;
    case ChangeEvent::Type::ResourcesChanged:
        refresh();
        return;
    }
}

void PreviewPanel::refresh()
{
    m_compiler->request();
}

bool PreviewPanel::isCompiling() const
{
    return m_compiler->isCompiling();
}

void PreviewPanel::applyRouteTable()
{
    reroute();
    updateDetails(false);
    runTests();
    Q_EMIT refreshed();
}

void PreviewPanel::setOnScreen(bool onScreen)
{
    if (onScreen == m_onScreen)
        return;
    m_onScreen = onScreen;
    if (onScreen)
        updateDetails(false);
    else if (m_selectionAlive)
        m_selection->setHighlight(TrafficPath {});
}

void PreviewPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateDetails(false);
}

void PreviewPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    // The window may be tearing down, the shared selection with it.
    if (m_selectionAlive)
        m_selection->setHighlight(TrafficPath {});
}

void PreviewPanel::reroute()
{
    QList<RequestOutcome> outcomes;
    outcomes.reserve(m_model->rowCount());
    for (const SampleRequest &s : m_model->samples())
        outcomes << RequestOutcome::of(m_router, s);
    m_model->setOutcomes(outcomes);
    updateFollowedStatus();
}

void PreviewPanel::updateDetails(bool selectRule)
{
    const int row = currentRow();
    m_why->clear();
    m_duplicate->setEnabled(row >= 0);
    m_delete->setEnabled(row >= 0);
    if (row < 0 || !m_model->hasOutcome(row)) {
        m_selection->setHighlight(TrafficPath {});
        m_plan->setRule(-1, -1);
        updatePlots();
        return;
    }
    const SampleRequest &sample = m_model->sample(row);
    const RequestOutcome &o = m_model->outcome(row);
    const RouteResult &r = o.result;
    auto add = [this](const QString &text, const QColor &colour = {}) {
        auto *item = new QListWidgetItem(text, m_why);
        if (colour.isValid())
            item->setForeground(colour);
    };
    add(tr("%1 from %2").arg(sample.requestLine(), sample.senderText()));
    if (o.kind == RequestOutcome::Kind::Invalid) {
        add(o.text, RequestOutcome::colour(o.kind));
    } else {
        if (!r.routeConfig.isEmpty())
            add(tr("route table: %1%2")
                    .arg(r.routeConfig,
                        r.virtualHost.isEmpty() ? QString() : tr(", virtual host %1").arg(r.virtualHost)));
        for (const QString &t : r.trace)
            // The line naming the HTTPRoute rule behind the generated one is the ✓ line below.
            if (r.origin.routeId < 0 || !t.startsWith(QLatin1String("generated from ")))
                add(QStringLiteral("✗ ") + t, QColor(0x80, 0x80, 0x80));
        if (!o.ruleText.isEmpty())
            add(QStringLiteral("✓ ") + o.ruleWithLocation(),
                RequestOutcome::colour(RequestOutcome::Kind::Routed));
        add(o.text, RequestOutcome::colour(o.kind));
        // A 404's reason is already in the outcome line; a routed request's adds nothing to the rule.
        if (!r.reason.isEmpty() && o.kind != RequestOutcome::Kind::Routed
            && o.kind != RequestOutcome::Kind::NoRoute)
            add(r.reason);
        for (const QString &w : r.warnings)
            add(QStringLiteral("⚠ ") + w, RequestOutcome::colour(RequestOutcome::Kind::Unavailable));
    }

    const TrafficPath path = trafficPath(sample, r);
    // Lit only while the Preview is on screen: a dimmed graph with no table to explain it would puzzle.
    m_selection->setHighlight(isOnScreen() ? path : TrafficPath {});
    // The editors select the user's rule: the HTTPRoute's for a rule generated from one.
    const bool gatewayApi = r.origin.routeId >= 0;
    const int owner = gatewayApi ? r.origin.routeId : r.virtualServiceId;
    const int rule = gatewayApi ? r.origin.ruleIndex : r.routeIndex;
    if (selectRule && owner >= 0) {
        SelectionTarget t;
        t.resourceId = owner;
        t.routeIndex = rule;
        t.matchIndex = gatewayApi ? r.origin.matchIndex : r.matchIndex;
        m_selectingRule = true;
        m_selection->select(t);
        m_selectingRule = false;
    }
    m_plan->setRule(owner, rule);
    updatePlots();
}

TrafficPath PreviewPanel::trafficPath(const SampleRequest &sample, const RouteResult &r) const
{
    TrafficPath path;
    const QString ns = sample.gateway.section(QLatin1Char('/'), 0, 0);
    const QString name = sample.gateway.section(QLatin1Char('/'), 1);
    if (!sample.gateway.isEmpty())
        for (ResourceKind kind : { ResourceKind::Gateway, ResourceKind::KubernetesGateway })
            if (const Resource *gw = m_document->workspace().find(kind, ns, name); gw && path.gatewayId < 0)
                path.gatewayId = gw->id;
    path.virtualServiceId = r.virtualServiceId;
    path.routeIndex = r.routeIndex;
    path.matchIndex = r.matchIndex;
    path.gatewayApiRouteId = r.origin.routeId;
    path.gatewayApiRuleIndex = r.origin.routeId >= 0 ? r.origin.ruleIndex : -1;
    path.gatewayApiMatchIndex = r.origin.routeId >= 0 ? r.origin.matchIndex : -1;
    for (int i = 0; i < r.destinations.size(); ++i) {
        const RouteDestinationResult &d = r.destinations[i];
        const int backendRef = i < r.origin.backendRefs.size() ? r.origin.backendRefs[i] : -1;
        path.destinations << TrafficPath::Hop { d.host, d.subset, d.share, backendRef };
    }
    return path;
}

void PreviewPanel::updatePlots()
{
    const int row = currentRow();
    if (row < 0 || !m_model->hasOutcome(row) || m_model->outcome(row).kind == RequestOutcome::Kind::Invalid) {
        m_split->clearPlot(tr("Select a sample request"));
        m_convergence->clearPlot(tr("Select a sample request"));
        return;
    }
    Request request;
    m_model->sample(row).toRequest(&request);
    const quint64 n = requestCount();
    const int step = m_plan->previewedStep();
    QString title;
    SimulationResult sim;
    if (step >= 0 && step < m_plan->steps().size()) {
        // A canary step routes on the scratch workspace with the step applied.
        const CanaryPlan::Step &s = m_plan->steps()[step];
        const Router stepRouter(RouteTable::compile(s.workspace));
        sim = Simulator::simulate(stepRouter, request, n, kSeed);
        title = tr("Preview of canary %1").arg(s.label);
    } else {
        sim = Simulator::simulate(m_router, request, n, kSeed);
        title = m_model->outcome(row).ruleText.isEmpty() ? m_model->sample(row).name
                                                         : m_model->outcome(row).ruleText;
    }
    const QString count = tr("%1 requests, seed %2").arg(QLocale().toString(qulonglong(n))).arg(kSeed);
    // On one line when it fits the plot, else the count below: a long rule name is not cut.
    QFont bold = m_split->font();
    bold.setBold(true);
    const bool fits = QFontMetrics(bold).horizontalAdvance(title + QStringLiteral(" · ") + count)
        < m_split->width() - 2 * QFontMetrics(bold).averageCharWidth();
    title += (fits ? QStringLiteral(" · ") : QStringLiteral("\n")) + count;
    m_split->setSimulation(sim, title);
    m_convergence->setRun(sim.route, n, kSeed, title);
}

bool PreviewPanel::exportPlot(const QString &path, QString *error, bool accumulation)
{
    return PlotExporter::save(
        accumulation ? static_cast<QCustomPlot *>(m_convergence) : m_split, path, error);
}

void PreviewPanel::addSample()
{
    SampleRequest s;
    const int row = currentRow();
    // A new request starts from the selected one's sender and host: the usual next question is
    // "and what about this other path?".
    if (row >= 0) {
        s = m_model->sample(row);
        s.headers.clear();
    }
    s.name = tr("new request");
    const int at = row >= 0 ? row + 1 : m_model->rowCount();
    m_model->insertSample(at, s);
    selectRow(at);
    m_table->edit(m_model->index(at, SampleRequestModel::RequestLine));
}

void PreviewPanel::showRequest(const SampleRequest &request)
{
    const QList<SampleRequest> &samples = m_model->samples();
    for (int row = 0; row < samples.size(); ++row) {
        SampleRequest unnamed = samples[row];
        unnamed.name = request.name;
        if (unnamed == request) {
            selectRow(row);
            return;
        }
    }
    m_model->insertSample(m_model->rowCount(), request);
    selectRow(m_model->rowCount() - 1);
}

void PreviewPanel::duplicateSample()
{
    const int row = currentRow();
    if (row < 0)
        return;
    SampleRequest s = m_model->sample(row);
    s.name += tr(" (copy)");
    m_model->insertSample(row + 1, s);
    selectRow(row + 1);
}

void PreviewPanel::deleteSample()
{
    const int row = currentRow();
    if (row < 0)
        return;
    m_model->removeRows(row, 1);
    if (m_model->rowCount() > 0)
        selectRow(std::min(row, m_model->rowCount() - 1));
    else
        updateDetails(false);
}

void PreviewPanel::onExport(const QString &suffix)
{
    const bool accumulation = m_tabs->currentWidget() == m_convergence;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export plot"),
        (accumulation ? QStringLiteral("accumulation.") : QStringLiteral("split.")) + suffix,
        suffix.toUpper() + QStringLiteral(" (*.") + suffix + QLatin1Char(')'));
    if (path.isEmpty())
        return;
    QString error;
    m_status->setText(exportPlot(path, &error, accumulation) ? tr("Exported %1").arg(path) : error);
}

} // namespace meshroute
