#include "plotpalette.h"

#include "preview/qcustomplotinclude.h"
#include "theme/themepalette.h"

namespace meshroute {

namespace {

void colourAxis(QCPAxis *axis, const QColor &text, const QColor &line, const QColor &grid)
{
    axis->setBasePen(QPen(line));
    axis->setTickPen(QPen(line));
    axis->setSubTickPen(QPen(line));
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
    axis->grid()->setSubGridPen(QPen(grid, 0, Qt::DotLine));
    axis->grid()->setZeroLinePen(Qt::NoPen);
}

} // namespace

void PlotPalette::apply(QCustomPlot *plot, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::WindowText);
    const QColor line = palette.color(QPalette::WindowText);
    QColor grid = palette.color(QPalette::Mid);
    if (ThemePalette::isDark(palette))
        grid = palette.color(QPalette::Light);
    plot->setBackground(palette.brush(QPalette::Base));
    for (QCPAxisRect *rect : plot->axisRects())
        for (QCPAxis *axis : rect->axes())
            colourAxis(axis, text, line, grid);
    if (plot->legend) {
        plot->legend->setBrush(palette.brush(QPalette::Base));
        plot->legend->setBorderPen(QPen(palette.color(QPalette::Mid)));
        plot->legend->setTextColor(text);
    }
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
        if (auto *title = qobject_cast<QCPTextElement *>(plot->plotLayout()->elementAt(i)))
            title->setTextColor(text);
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto *label = qobject_cast<QCPItemText *>(plot->item(i)))
            label->setColor(text);
}

QColor PlotPalette::series(int index, const QPalette &palette)
{
    static const QColor light[] = { QColor(0x1f, 0x5f, 0xbf), QColor(0xd3, 0x6b, 0x00),
        QColor(0x2e, 0x8b, 0x57), QColor(0x8e, 0x44, 0xad) };
    static const QColor dark[] = { QColor(0x6c, 0xb6, 0xff), QColor(0xff, 0xa6, 0x57),
        QColor(0x6f, 0xd0, 0x96), QColor(0xc3, 0x9b, 0xff) };
    return (ThemePalette::isDark(palette) ? dark : light)[index % 4];
}

QColor PlotPalette::target(const QPalette &palette)
{
    return ThemePalette::isDark(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x28, 0x28);
}

} // namespace meshroute
