#pragma once

#include "router.h"

#include "preview/qcustomplotinclude.h"

namespace meshroute {

// Each destination's share as requests accumulate (log scale of requests),
// one small plot per destination around its configured share with the
// binomial 95% band: a 1% canary is 0% or 3% after 100 requests and only
// settles near 1% after thousands, which no single number shows.
//
// The draws are Simulator's: the same seeded generator and the same pick,
// one per request, so the last point equals the bars' counts when the rule
// has no fault injection.
class ConvergencePlot : public QCustomPlot
{
    Q_OBJECT

public:
    explicit ConvergencePlot(QWidget *parent = nullptr);

    void setRun(const RouteResult &route, quint64 requests, quint64 seed, const QString &title);
    void clearPlot(const QString &message);

    // For tests: one series per destination that can receive requests.
    int seriesCount() const { return int(m_series.size()); }
    QCPGraph *series(int i) const { return m_series.value(i); }
    QString seriesName(int i) const { return m_names.value(i); }
    QList<quint64> finalCounts() const { return m_finalCounts; }
    QString toolTipAt(const QPoint &pos) const;

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuildLayout(int count);
    // Series, targets, axes and text in the palette's colours.
    void recolour();

    QCPTextElement *m_title;
    QList<QCPAxisRect *> m_rects;
    QList<QCPGraph *> m_series;
    QList<QCPGraph *> m_targets;
    QList<QCPGraph *> m_bandLow;
    QList<QCPGraph *> m_bandHigh;
    QStringList m_names;
    QList<double> m_expected;
    QList<quint64> m_finalCounts;
    QList<QList<quint64>> m_counts; // per series, per checkpoint
};

} // namespace meshroute
