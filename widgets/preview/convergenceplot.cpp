#include "preview/convergenceplot.h"

#include "simulator.h"
#include "theme/plotpalette.h"

#include <QLocale>
#include <QToolTip>
#include <cmath>
#include <random>

namespace meshroute {

namespace {

constexpr int kMaxSeries = 4; // more small plots than this no longer read in a dock

QString shortHost(const QString &fqdn)
{
    return fqdn.endsWith(QLatin1String(".svc.cluster.local")) ? fqdn.section(QLatin1Char('.'), 0, 0) : fqdn;
}

// Log-spaced request counts from `first` to n, each once.
QList<quint64> checkpoints(quint64 n)
{
    QList<quint64> out;
    const quint64 first = std::min<quint64>(n, 10);
    const int points = 160;
    const double a = std::log(double(first)), b = std::log(double(n));
    for (int j = 0; j < points; ++j) {
        const quint64 v = quint64(std::llround(std::exp(a + (b - a) * j / (points - 1))));
        if (out.isEmpty() || v > out.last())
            out << v;
    }
    if (out.isEmpty() || out.last() != n)
        out << n;
    return out;
}

} // namespace

ConvergencePlot::ConvergencePlot(QWidget *parent)
    : QCustomPlot(parent)
{
    setMinimumSize(320, 220);
    m_title = nullptr;
    rebuildLayout(0);
    clearPlot(tr("Select a sample request"));
}

void ConvergencePlot::rebuildLayout(int count)
{
    clearPlottables();
    plotLayout()->clear();
    m_rects.clear();
    m_series.clear();
    m_targets.clear();
    m_bandLow.clear();
    m_bandHigh.clear();
    m_title = new QCPTextElement(this, QString(), QFont(font().family(), font().pointSize(), QFont::Bold));
    plotLayout()->addElement(0, 0, m_title);
    auto logTicker = QSharedPointer<QCPAxisTickerLog>::create();
    for (int i = 0; i < count; ++i) {
        auto *rect = new QCPAxisRect(this);
        plotLayout()->addElement(i + 1, 0, rect);
        QCPAxis *x = rect->axis(QCPAxis::atBottom);
        QCPAxis *y = rect->axis(QCPAxis::atLeft);
        x->setScaleType(QCPAxis::stLogarithmic);
        x->setTicker(logTicker);
        x->setNumberFormat(QStringLiteral("gb"));
        x->setTickLabels(i == count - 1);
        if (i == count - 1)
            x->setLabel(tr("requests so far (log scale)"));
        y->setTicker(QSharedPointer<QCPAxisTicker>::create());
        y->ticker()->setTickCount(3);
        y->setNumberFormat(QStringLiteral("f"));
        y->setNumberPrecision(1);
        // Small plots share the left margin so their axes line up.
        rect->setMarginGroup(QCP::msLeft | QCP::msRight,
            m_rects.isEmpty() ? new QCPMarginGroup(this) : m_rects.first()->marginGroup(QCP::msLeft));
        auto *low = addGraph(x, y);
        auto *high = addGraph(x, y);
        low->setPen(Qt::NoPen);
        high->setPen(Qt::NoPen);
        high->setChannelFillGraph(low);
        auto *target = addGraph(x, y);
        auto *series = addGraph(x, y);
        m_rects << rect;
        m_bandLow << low;
        m_bandHigh << high;
        m_targets << target;
        m_series << series;
    }
    recolour();
}

void ConvergencePlot::recolour()
{
    const QPalette pal = palette();
    for (int i = 0; i < m_series.size(); ++i) {
        QColor band = PlotPalette::series(i, pal);
        band.setAlpha(40);
        m_bandHigh[i]->setBrush(band);
        m_targets[i]->setPen(QPen(PlotPalette::target(pal), 1.5, Qt::DashLine));
        m_series[i]->setPen(QPen(PlotPalette::series(i, pal), 1.6));
    }
    PlotPalette::apply(this, pal);
}

void ConvergencePlot::changeEvent(QEvent *event)
{
    QCustomPlot::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        recolour();
        replot(QCustomPlot::rpQueuedReplot);
    }
}

void ConvergencePlot::clearPlot(const QString &message)
{
    if (!m_rects.isEmpty())
        rebuildLayout(0);
    m_names.clear();
    m_expected.clear();
    m_finalCounts.clear();
    m_counts.clear();
    m_title->setText(message);
    replot(QCustomPlot::rpQueuedReplot);
}

void ConvergencePlot::setRun(const RouteResult &route, quint64 requests, quint64 seed, const QString &title)
{
    if (route.status != RouteResult::Status::Routed || route.destinations.isEmpty() || requests == 0) {
        clearPlot(tr("%1\nnothing is forwarded: no split to accumulate").arg(title));
        return;
    }
    // The same weights Simulator draws with: a single destination takes all, zero weights none.
    std::vector<quint64> weights;
    quint64 total = 0;
    for (const RouteDestinationResult &d : route.destinations) {
        const quint64 w = route.destinations.size() == 1 ? 1 : quint64(std::max<qint64>(0, d.weight));
        weights.push_back(w);
        total += w;
    }
    if (total == 0) {
        clearPlot(tr("%1\nevery weight is 0").arg(title));
        return;
    }
    const QList<quint64> points = checkpoints(requests);
    const int n = int(weights.size());
    std::vector<quint64> counts(std::size_t(n), 0);
    m_counts = QList<QList<quint64>>(n);
    std::mt19937_64 rng(seed);
    int next = 0;
    for (quint64 i = 1; i <= requests; ++i) {
        ++counts[std::size_t(Simulator::pickWeighted(weights.data(), n, total, rng()))];
        if (next < points.size() && i == points[next]) {
            for (int k = 0; k < n; ++k)
                m_counts[k] << counts[std::size_t(k)];
            ++next;
        }
    }
    m_finalCounts.clear();
    for (quint64 c : counts)
        m_finalCounts << c;

    // The destinations that can receive requests, at most kMaxSeries of them (largest first is not
    // wanted: the order of the rule is the order the user reads everywhere else).
    QList<int> shown;
    for (int k = 0; k < n && shown.size() < kMaxSeries; ++k)
        if (weights[std::size_t(k)] > 0)
            shown << k;
    if (shown.size() != m_rects.size())
        rebuildLayout(int(shown.size()));
    m_names.clear();
    m_expected.clear();
    QList<QList<quint64>> shownCounts;
    for (int s = 0; s < shown.size(); ++s) {
        const int k = shown[s];
        const RouteDestinationResult &d = route.destinations[k];
        const double p = double(weights[std::size_t(k)]) / double(total);
        const QString name
            = d.subset.isEmpty() ? shortHost(d.host) : shortHost(d.host) + QLatin1Char(' ') + d.subset;
        m_names << name;
        m_expected << 100.0 * p;
        shownCounts << m_counts[k];
        QVector<double> xs, ys, lo, hi;
        double dev = 0.25;
        for (int j = 0; j < points.size(); ++j) {
            const double x = double(points[j]);
            const double share = 100.0 * double(m_counts[k][j]) / x;
            const double sigma = 100.0 * std::sqrt(p * (1 - p) / x);
            xs << x;
            ys << share;
            lo << std::max(0.0, 100.0 * p - 1.96 * sigma);
            hi << std::min(100.0, 100.0 * p + 1.96 * sigma);
            dev = std::max(dev, std::abs(share - 100.0 * p));
        }
        m_series[s]->setData(xs, ys, true);
        m_series[s]->setName(name);
        m_bandLow[s]->setData(xs, lo, true);
        m_bandHigh[s]->setData(xs, hi, true);
        m_targets[s]->setData({ xs.first(), xs.last() }, { 100.0 * p, 100.0 * p }, true);
        QCPAxis *x = m_rects[s]->axis(QCPAxis::atBottom);
        QCPAxis *y = m_rects[s]->axis(QCPAxis::atLeft);
        x->setRange(xs.first(), std::max(xs.last(), xs.first() * 10));
        y->setRange(std::max(0.0, 100.0 * p - dev * 1.1), std::min(100.0, 100.0 * p + dev * 1.1));
        y->setLabel(tr("%1 %").arg(name));
    }
    m_counts = shownCounts;
    m_title->setText(title);
    replot(QCustomPlot::rpQueuedReplot);
}

QString ConvergencePlot::toolTipAt(const QPoint &pos) const
{
    int index = -1;
    QCPAbstractPlottable *p = plottableAt(pos, false, &index);
    const int s = m_series.indexOf(static_cast<QCPGraph *>(p));
    if (s < 0 || index < 0 || index >= m_counts.value(s).size())
        return {};
    const QLocale locale;
    const double x = m_series[s]->data()->at(index)->key;
    return tr("%1 after %2 requests: %3 (%4%), configured %5%")
        .arg(m_names[s], locale.toString(qulonglong(x)), locale.toString(m_counts[s][index]))
        .arg(QString::number(m_series[s]->data()->at(index)->value, 'f', 2))
        .arg(QString::number(m_expected[s], 'g', 4));
}

bool ConvergencePlot::event(QEvent *e)
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
