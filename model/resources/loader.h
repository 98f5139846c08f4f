#pragma once

#include "diagnostic.h"
#include "loadprogress.h"
#include "workspace.h"
#include "yamlnode.h"
#include "yamlparser.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <vector>

namespace meshroute {

// One opened file: its bytes exactly as read (saving starts from them) and
// where its YAML documents lie.
struct SourceFile
{
    QString path; // as the user named it; "-" for standard input
    QByteArray text;
    std::vector<YamlDocumentSpan> spans;
};

struct LoadOptions
{
    qint64 maxFileBytes = 64 * 1024 * 1024; // larger files are refused with a message
    int threads = 0; // 0: QThread::idealThreadCount()
    YamlLimits limits;
    LoadProgressCallback progress; // loadPaths() reports files read and bytes parsed here
};

struct LoadResult
{
    Workspace workspace;
    QList<SourceFile> files; // parallel to workspace.files
    Diagnostics diagnostics; // YAML errors, wrong types, unknown fields, unreadable inputs
    bool inputError = false; // a path could not be read at all (the CLI exits 2)
};

// Reads files, folders (recursively, *.yaml and *.yml) and "-" (stdin) into
// typed resources. Documents are parsed in parallel; a bad document is a
// diagnostic and the others still load.
class Loader
{
public:
    static LoadResult loadPaths(const QStringList &inputs, const LoadOptions &options = {});
    // Loads YAML text as if read from a file named `fileName` (tests, the YAML editor).
    static LoadResult loadText(const QByteArray &text, const QString &fileName = QStringLiteral("input.yaml"),
        const LoadOptions &options = {});
    // Appends the resources of one file's text to `result` (files, workspace, diagnostics).
    static void addFile(
        LoadResult &result, const QString &path, const QByteArray &text, const LoadOptions &options);
};

} // namespace meshroute
