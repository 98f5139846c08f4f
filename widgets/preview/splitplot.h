#pragma once

#include "simulator.h"

#include "preview/qcustomplotinclude.h"

namespace meshroute {

// Where N requests of one sample go: a bar of simulated requests per
// destination, the configured share as a marker on it, and beside it what
// plain Kubernetes would do by pod count, so the user sees why weights beat
// replica counts (99/1 against 60/20/20).
class SplitPlot : public QCustomPlot
{
    Q_OBJECT

public:
    explicit SplitPlot(QWidget *parent = nullptr);

    void setSimulation(const SimulationResult &simulation, const QString &title);
    void clearPlot(const QString &message);

    // What the user sees, for tests: one category per destination (and per
    // workload Kubernetes would reach that no destination names).
    QStringList categories() const { return m_categories; }
    QCPBars *istioBars() const { return m_istio; }
    QCPBars *baselineBars() const { return m_baseline; }
    QCPGraph *shareMarkers() const { return m_markers; }
    // The tooltip shown at a point of the widget (empty when none).
    QString toolTipAt(const QPoint &pos) const;

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // Bars, markers, axes and text in the palette's colours.
    void recolour();
    // The share above an Istio bar, at (x, y) in plot coordinates.
    void addShareLabel(double x, double y, const QString &text);

    QCPBars *m_istio;
    QCPBars *m_baseline;
    QCPGraph *m_markers;
    QCPTextElement *m_title;
    QStringList m_categories;
    QStringList m_istioTips; // per category
    QStringList m_baselineTips; // per category
    quint64 m_requests = 0;
};

} // namespace meshroute
