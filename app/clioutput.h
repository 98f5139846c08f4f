#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

class QCommandLineParser;

namespace meshroute {
struct LoadOptions;
}

namespace meshroute::cli {

// Shared plumbing of the headless commands: argument parsing with usage
// errors on stderr (exit 2), and stdout/stderr streams.
QTextStream &out();
QTextStream &err();

// Parses `args` (without the program and command names); on a usage error
// prints it with a hint and returns false.
bool parseArguments(QCommandLineParser &parser, const QString &command, const QStringList &args);

// --max-file-size SIZE (64M, 1G, 512K or bytes), for every command that reads manifests.
void addMaxFileSizeOption(QCommandLineParser &parser);
// Sets options->maxFileBytes from the option; on a bad SIZE prints a usage error and returns false.
bool readMaxFileSize(const QCommandLineParser &parser, const QString &command, LoadOptions *options);

// Writes bytes to stdout for "-", else through SafeFileWriter (a device or FIFO
// as a stream; a file all or nothing); *error is "cannot write PATH: reason".
bool writeOutput(const QString &path, const QByteArray &bytes, QString *error);

} // namespace meshroute::cli
