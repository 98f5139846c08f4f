#pragma once

// Driving the Preview as a user does, for the GUI tests of the Preview on both APIs.
#include "preview/previewpanel.h"
#include "preview/samplerequestmodel.h"

#include <QComboBox>
#include <QTableView>
#include <QTest>

namespace meshroute::test {

// Clicks a row of the sample table.
inline void clickPreviewRow(PreviewPanel *panel, int row)
{
    QTableView *t = panel->table();
    const QRect r = t->visualRect(t->model()->index(row, SampleRequestModel::Name));
    QTest::mouseClick(t->viewport(), Qt::LeftButton, Qt::NoModifier, r.center());
}

// The values drawn by bars or a graph of a plot, in key order.
template <typename Plottable> QList<double> plottedValues(Plottable *plottable)
{
    QList<double> out;
    for (auto it = plottable->data()->constBegin(); it != plottable->data()->constEnd(); ++it)
        out << it->value;
    return out;
}

// Picks how many requests to simulate in the box above the plots.
inline void selectRequestCount(PreviewPanel *panel, quint64 n)
{
    QComboBox *box = panel->requestCountBox();
    box->setCurrentIndex(box->findData(QVariant::fromValue(n)));
    QCOMPARE(panel->requestCount(), n);
}

} // namespace meshroute::test
