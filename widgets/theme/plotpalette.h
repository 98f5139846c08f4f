#pragma once

class QColor;
class QCustomPlot;
class QPalette;

namespace meshroute {

// Colours a QCustomPlot from the widget palette, so that a plot reads the same
// as the widgets around it in a light or a dark theme: background, axes,
// ticks and tick labels, grid, legend, title and text items. Plots call it
// after building their elements and on QEvent::PaletteChange.
class PlotPalette
{
public:
    static void apply(QCustomPlot *plot, const QPalette &palette);
    // The colour of series i (of a few): the light variant on a dark background.
    static QColor series(int index, const QPalette &palette);
    // Marks the configured share / target: red, lighter on a dark background.
    static QColor target(const QPalette &palette);
};

} // namespace meshroute
