// Opening big.yaml: wall time and peak memory of Loader::loadPaths, the
// issue's goal being <= 1 s and <= 150 MB on 2 cores.
//
//   bench_load [--threads N] [--runs R] [FILE]
// Without FILE it writes the generated big.yaml to a temporary folder first.
// Peak RSS is the process's (getrusage), so run it fresh for that figure.

#include "bigmesh.h"
#include "loader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace meshroute;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int threads = 0;
    int runs = 5;
    QString path;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--threads"))
            threads = args.value(++i).toInt();
        else if (args[i] == QLatin1String("--runs"))
            runs = args.value(++i).toInt();
        else
            path = args[i];
    }
    QTemporaryDir dir;
    if (path.isEmpty()) {
        path = dir.filePath(QStringLiteral("big.yaml"));
        bench::writeBigMesh(path);
    }
    std::printf("file: %s, %.1f MB\n", qPrintable(path), double(QFileInfo(path).size()) / 1e6);

    LoadOptions options;
    options.threads = threads;
    QList<double> times;
    qsizetype resources = 0, diagnostics = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const LoadResult r = Loader::loadPaths({ path }, options);
        times.append(double(timer.nsecsElapsed()) / 1e6);
        resources = r.workspace.resources.size();
        diagnostics = r.diagnostics.size();
    }
    std::sort(times.begin(), times.end());
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("resources: %lld, diagnostics: %lld\n", qlonglong(resources), qlonglong(diagnostics));
    std::printf("load wall: min %.0f ms, median %.0f ms, max %.0f ms over %d runs (threads: %d)\n", times.first(),
                times[times.size() / 2], times.last(), runs, threads > 0 ? threads : QThread::idealThreadCount());
    std::printf("peak RSS: %.0f MB\n", double(usage.ru_maxrss) / 1024.0);
    return 0;
}
