#include "preview/plotexporter.h"

#include "preview/qcustomplotinclude.h"
#include <QFileInfo>
#include <QSvgGenerator>

namespace meshroute {

bool PlotExporter::save(QCustomPlot *plot, const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const int w = std::max(plot->width(), 480);
    const int h = std::max(plot->height(), 320);
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        ok = plot->savePng(path, w, h, 2.0);
    } else if (suffix == QLatin1String("pdf")) {
        ok = plot->savePdf(path, w, h);
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(QSize(w, h));
        svg.setViewBox(QRect(0, 0, w, h));
        svg.setTitle(QStringLiteral("meshroute preview"));
        QCPPainter painter;
        ok = painter.begin(&svg);
        if (ok) {
            plot->toPainter(&painter, w, h);
            ok = painter.end();
        }
    } else {
        *error = QStringLiteral("%1: export as .png, .svg or .pdf").arg(path);
        return false;
    }
    if (!ok)
        *error = QStringLiteral("%1: could not be written").arg(path);
    return ok;
}

} // namespace meshroute
