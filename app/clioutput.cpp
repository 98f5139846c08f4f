#include "clioutput.h"

#include "safefilewriter.h"

#include <QCommandLineParser>
#include <QFile>

namespace meshroute::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

bool parseArguments(QCommandLineParser &parser, const QString &command, const QStringList &args)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{ QStringLiteral("meshroute ") + command } + args)) {
        err() << "meshroute " << command << ": " << parser.errorText() << "\n"
              << "see: meshroute help " << command << "\n";
        err().flush();
        return false;
    }
    return true;
}

bool writeOutput(const QString &path, const QByteArray &bytes, QString *error)
{
    if (path == QLatin1String("-") || path.isEmpty()) {
        out().flush();
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly) || stdoutFile.write(bytes) != bytes.size()) {
            *error = QStringLiteral("cannot write to standard output");
            return false;
        }
        stdoutFile.flush();
        return true;
    }
    return SafeFileWriter::writeFile(path, bytes, error);
}

} // namespace meshroute::cli
