#pragma once

#include <QString>

class QCustomPlot;

namespace meshroute {

// Saves a plot as the file name's suffix says: .png, .svg or .pdf, at the
// size it has on screen, so what is exported is what the user looked at.
class PlotExporter
{
public:
    static bool save(QCustomPlot *plot, const QString &path, QString *error);
};

} // namespace meshroute
