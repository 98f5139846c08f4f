#include "preview/splitplot.h"

#include "theme/plotpalette.h"
#include "theme/themepalette.h"

#include <QLocale>
#include <QToolTip>
#include <cmath>
#include <numeric>

namespace meshroute {

namespace {

constexpr double kOffset = 0.19; // Istio bars left of the category, Kubernetes right
constexpr double kWidth = 0.36;

QString shortHost(const QString &fqdn)
{
    return fqdn.endsWith(QLatin1String(".svc.cluster.local")) ? fqdn.section(QLatin1Char('.'), 0, 0) : fqdn;
}

QString percent(double v)
{
    return QString::number(std::round(v * 100.0) / 100.0, 'f', v < 10 ? 2 : 1) + QLatin1Char('%');
}

// One category of the plot: a destination the simulation sent requests to,
// or a workload Kubernetes alone would reach.
struct Category
{
    QString label;
    QString host;
    QString subset;
    bool hasIstio = false;
    double count = 0, expected = 0, drawnShare = 0;
    int pods = 0;
    double baselineShare = 0;
    QStringList workloads;
};

// The categories: the simulated clusters in order, then the baseline's workloads, each
// joined to the cluster of its host and subset or added after them.
QList<Category> categoriesOf(const SimulationResult &sim)
{
    QList<Category> cats;
    for (const SimulationResult::ClusterCount &c : sim.clusters) {
        Category cat;
        cat.host = c.host;
        cat.subset = c.subset;
        cat.label = c.subset.isEmpty() ? shortHost(c.host) : shortHost(c.host) + QLatin1Char('\n') + c.subset;
        cat.hasIstio = true;
        cat.count = double(c.count);
        cat.expected = c.expectedShare;
        cat.drawnShare = c.share;
        cats << cat;
    }
    for (const SimulationResult::BaselineRow &b : sim.baseline) {
        // A workload Kubernetes would reach but no destination names (reviews v3), or every
        // workload of a Service whose versions are Services of their own (a Gateway API canary
        // between reviews-v1 and reviews-v3): a category of its own, per subset or workload.
        const QString label = shortHost(b.host) + QLatin1Char('\n')
            + (b.subsets.isEmpty() ? b.workload.section(QLatin1Char('/'), 1) : b.subsets.first());
        int at = -1;
        for (int i = 0; i < cats.size() && at < 0; ++i)
            if (cats[i].host == b.host
                && (cats[i].hasIstio ? cats[i].subset.isEmpty() || b.subsets.contains(cats[i].subset)
                                     : cats[i].label == label))
                at = i;
        if (at < 0) {
            Category cat;
            cat.host = b.host;
            cat.subset = b.subsets.value(0);
            cat.label = label;
            cats << cat;
            at = int(cats.size()) - 1;
        }
        cats[at].pods += b.pods;
        cats[at].baselineShare += b.share;
        cats[at].workloads << b.workload;
    }
    return cats;
}

} // namespace

SplitPlot::SplitPlot(QWidget *parent)
    : QCustomPlot(parent)
{
    setMinimumSize(300, 220);
    plotLayout()->insertRow(0);
    m_title = new QCPTextElement(this, QString(), QFont(font().family(), font().pointSize(), QFont::Bold));
    plotLayout()->addElement(0, 0, m_title);

    m_istio = new QCPBars(xAxis, yAxis);
    m_istio->setName(tr("Istio, simulated"));
    m_istio->setWidth(kWidth);

    m_baseline = new QCPBars(xAxis, yAxis);
    m_baseline->setName(tr("Kubernetes by pod count"));
    m_baseline->setWidth(kWidth);

    m_markers = addGraph(xAxis, yAxis);
    m_markers->setName(tr("configured share"));
    m_markers->setLineStyle(QCPGraph::lsNone);
    // QCustomPlot scales a custom scatter path (and its pen) by size / 6: a 6-unit dash at size 48
    // is a 48-pixel bar across the column with a 3-pixel pen.
    QPainterPath dash;
    dash.moveTo(-3, 0);
    dash.lineTo(3, 0);
    m_markers->setScatterStyle(QCPScatterStyle(dash, QPen(Qt::red, 0.375), Qt::NoBrush, 48));

    yAxis->setLabel(tr("requests"));
    yAxis->setNumberFormat(QStringLiteral("gb"));
    xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    xAxis->setSubTicks(false);
    xAxis->grid()->setVisible(false);
    // The legend is a row of its own between the title and the axes: inside the axes it
    // covered the tallest bars.
    legend->setVisible(true);
    legend->setFont(QFont(font().family(), std::max(7, font().pointSize() - 1)));
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setBorderPen(Qt::NoPen);
    axisRect()->insetLayout()->take(legend);
    plotLayout()->insertRow(1);
    plotLayout()->addElement(1, 0, legend);
    plotLayout()->setRowStretchFactor(1, 0.001);
    legend->setMargins(QMargins(4, 0, 4, 0));
    recolour();
    clearPlot(tr("Select a sample request"));
}

void SplitPlot::recolour()
{
    const QPalette pal = palette();
    const bool dark = ThemePalette::isDark(pal);
    m_istio->setPen(QPen(PlotPalette::series(0, pal)));
    m_istio->setBrush(dark ? QColor(0x3f, 0x7f, 0xcf) : QColor(0x4a, 0x86, 0xe8));
    m_baseline->setPen(QPen(dark ? QColor(0xb0, 0xb4, 0xb8) : QColor(0x9a, 0x9a, 0x9a)));
    m_baseline->setBrush(dark ? QColor(0x6e, 0x73, 0x78) : QColor(0xcf, 0xcf, 0xcf));
    QCPScatterStyle marker = m_markers->scatterStyle();
    marker.setPen(QPen(PlotPalette::target(pal), 0.375));
    m_markers->setScatterStyle(marker);
    PlotPalette::apply(this, pal);
}

void SplitPlot::changeEvent(QEvent *event)
{
    QCustomPlot::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        recolour();
        replot(QCustomPlot::rpQueuedReplot);
    }
}

void SplitPlot::clearPlot(const QString &message)
{
    m_istio->data()->clear();
    m_baseline->data()->clear();
    m_markers->data()->clear();
    clearItems();
    m_categories.clear();
    m_istioTips.clear();
    m_baselineTips.clear();
    m_title->setText(message);
    qSharedPointerCast<QCPAxisTickerText>(xAxis->ticker())->clear();
    xAxis->setRange(-0.6, 0.6);
    yAxis->setRange(0, 1);
    replot(QCustomPlot::rpQueuedReplot);
}

void SplitPlot::addShareLabel(double x, double y, const QString &text)
{
    auto *label = new QCPItemText(this);
    label->position->setCoords(x, y);
    label->setPadding(QMargins(0, 0, 0, 4));
    label->setPositionAlignment(Qt::AlignBottom | Qt::AlignHCenter);
    label->setText(text);
    label->setFont(QFont(font().family(), std::max(7, font().pointSize() - 1)));
    label->setClipToAxisRect(false);
}

void SplitPlot::setSimulation(const SimulationResult &sim, const QString &title)
{
    clearItems();
    m_requests = sim.requests;
    m_categories.clear();
    m_istioTips.clear();
    m_baselineTips.clear();
    const QLocale locale;
    const double n = double(sim.requests);

    const QList<Category> cats = categoriesOf(sim);

    QVector<double> keys, istio, baseKeys, base, markerKeys, markers;
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(xAxis->ticker());
    ticker->clear();
    double top = 0;
    for (int i = 0; i < cats.size(); ++i) {
        const Category &c = cats[i];
        m_categories << QString(c.label).replace(QLatin1Char('\n'), QLatin1Char(' '));
        ticker->addTick(i, c.label);
        if (c.hasIstio) {
            keys << i - kOffset;
            istio << c.count;
            markerKeys << i - kOffset;
            markers << n * c.expected / 100.0;
            top = std::max({ top, c.count, n * c.expected / 100.0 });
            m_istioTips << tr("%1: %2 of %3 requests (%4); configured %5")
                               .arg(m_categories.last(), locale.toString(qulonglong(c.count)),
                                   locale.toString(qulonglong(n)), percent(c.drawnShare),
                                   percent(c.expected));
            addShareLabel(i - kOffset, std::max(c.count, n * c.expected / 100.0), percent(c.drawnShare));
        } else {
            m_istioTips << QString();
        }
        const double baseCount = n * c.baselineShare / 100.0;
        baseKeys << i + kOffset;
        base << baseCount;
        top = std::max(top, baseCount);
        m_baselineTips << (c.pods > 0 || !c.workloads.isEmpty()
                ? tr("%1 without a VirtualService: %2 of %3 pods (%4), about %5 requests")
                      .arg(m_categories.last())
                      .arg(c.pods)
                      .arg(std::accumulate(sim.baseline.begin(), sim.baseline.end(), 0,
                          [](int s, const SimulationResult::BaselineRow &b) { return s + b.pods; }))
                      .arg(percent(c.baselineShare), locale.toString(qulonglong(std::llround(baseCount))))
                : tr("%1: no workload of the Service carries this subset's labels").arg(m_categories.last()));
    }
    m_istio->setData(keys, istio, true);
    m_baseline->setData(baseKeys, base, true);
    m_markers->setData(markerKeys, markers, true);
    m_baseline->setVisible(!sim.baseline.isEmpty());
    m_baseline->setName(
        sim.baseline.isEmpty() ? tr("Kubernetes: %1").arg(sim.baselineNote) : tr("Kubernetes by pod count"));

    QString t = title;
    if (sim.notForwarded > 0)
        t += tr("\n%1 requests not forwarded (%2)")
                 .arg(locale.toString(qulonglong(sim.notForwarded)),
                     RouteResult::statusName(sim.route.status));
    m_title->setText(t);
    xAxis->setRange(-0.6, std::max<double>(0.6, cats.size() - 0.4));
    yAxis->setRange(0, top > 0 ? top * 1.15 : 1);
    PlotPalette::apply(this, palette()); // the new share labels
    replot(QCustomPlot::rpQueuedReplot);
}

QString SplitPlot::toolTipAt(const QPoint &pos) const
{
    int index = -1;
    QCPAbstractPlottable *p = plottableAt(pos, false, &index);
    if (!p || index < 0)
        return {};
    if (p == m_istio || p == m_markers) {
        // The Istio bars and markers list only categories with a destination.
        int seen = -1;
        for (int i = 0; i < m_istioTips.size(); ++i)
            if (!m_istioTips[i].isEmpty() && ++seen == index)
                return m_istioTips[i];
        return {};
    }
    if (p == m_baseline)
        return m_baselineTips.value(index);
    return {};
}

bool SplitPlot::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        const QString tip = toolTipAt(help->pos());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QCustomPlot::event(e);
}

} // namespace meshroute
