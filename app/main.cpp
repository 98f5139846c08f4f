#include "allocatorarenas.h"
#include "commands.h"
#include "mainwindow.h"
#include "theme/thememanager.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>

using namespace meshroute;

namespace {

const QStringList headlessCommands = { QStringLiteral("check"), QStringLiteral("export"),
    QStringLiteral("weights"), QStringLiteral("route"), QStringLiteral("simulate"), QStringLiteral("test"),
    QStringLiteral("convert"), QStringLiteral("diff"), QStringLiteral("help") };

int runHeadless(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString command = args.value(1);
    const QStringList rest = args.mid(2);
    if (command == QLatin1String("--help") || command == QLatin1String("-h")) {
        out << cli::usage({});
        return 0;
    }
    if (command == QLatin1String("--version")) {
        out << "meshroute " << MESHROUTE_VERSION << '\n';
        return 0;
    }
    if (command == QLatin1String("help")) {
        const QString text = cli::usage(rest.value(0));
        if (text.isEmpty()) {
            err << "meshroute: no command \"" << rest.value(0) << "\"; see meshroute --help\n";
            return 2;
        }
        out << text;
        return 0;
    }
    if (command == QLatin1String("check"))
        return cli::runCheck(rest);
    if (command == QLatin1String("export"))
        return cli::runExport(rest);
    if (command == QLatin1String("convert"))
        return cli::runConvert(rest);
    if (command == QLatin1String("diff"))
        return cli::runDiff(rest);
    if (command == QLatin1String("weights"))
        return cli::runWeights(rest);
    if (command == QLatin1String("route"))
        return cli::runRoute(rest);
    if (command == QLatin1String("simulate"))
        return cli::runSimulate(rest);
    if (command == QLatin1String("test"))
        return cli::runTest(rest);
    return 2;
}

bool isHeadless(int argc, char **argv)
{
    if (argc < 2)
        return false;
    const QString first = QString::fromLocal8Bit(argv[1]);
    return headlessCommands.contains(first) || first == QLatin1String("--help")
        || first == QLatin1String("-h") || first == QLatin1String("--version");
}

} // namespace

int main(int argc, char **argv)
{
    meshroute::limitAllocatorArenas(); // before any thread exists
    if (isHeadless(argc, argv)) {
        // No display needed: CI and scripts run these.
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("meshroute"));
        QCoreApplication::setApplicationVersion(QStringLiteral(MESHROUTE_VERSION));
        return runHeadless(QCoreApplication::arguments());
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("meshroute"));
    QApplication::setOrganizationName(QStringLiteral("meshroute"));
    QApplication::setApplicationVersion(QStringLiteral(MESHROUTE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/meshroute.svg")));
    // The theme chosen in View > Theme, before any window is drawn.
    ThemeManager::applySaved();
    QStringList inputs = QApplication::arguments().mid(1);
    for (const QString &a : std::as_const(inputs))
        if (a.startsWith(QLatin1Char('-')) && a != QLatin1String("-")) {
            QTextStream(stderr) << "meshroute: unknown option " << a << "; see meshroute --help\n";
            return 2;
        }
    MainWindow window;
    window.show();
    if (!inputs.isEmpty())
        window.openPaths(inputs);
    return app.exec();
}
