#include "clioutput.h"

#include "bytesize.h"
#include "loader.h"
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

void addMaxFileSizeOption(QCommandLineParser &parser)
{
    parser.addOption({ QStringLiteral("max-file-size"), QStringLiteral("read no input larger than SIZE"),
        QStringLiteral("SIZE") });
}

bool readMaxFileSize(const QCommandLineParser &parser, const QString &command, LoadOptions *options)
{
    if (!parser.isSet(QStringLiteral("max-file-size")))
        return true;
    const QString text = parser.value(QStringLiteral("max-file-size"));
    if (!ByteSize::parse(text, &options->maxFileBytes)) {
        err() << "meshroute " << command
              << ": --max-file-size wants a size such as 64M, 1G, 512K or a number of "
              << "bytes (at most 1024G), got \"" << text << "\"\n"
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
