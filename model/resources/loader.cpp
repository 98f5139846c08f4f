#include "loader.h"

#include "bytesize.h"
#include "loadprogressmeter.h"
#include "parallelmap.h"
#include "resourcereader.h"
#include "stringpool.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <algorithm>

namespace meshroute {

namespace {

using Severity = Diagnostic::Severity;

Diagnostic fileDiagnostic(const QString &file, int line, int column, const char *code, const QString &message)
{
    Diagnostic d;
    d.severity = Severity::Error;
    d.code = QString::fromLatin1(code);
    d.message = message;
    d.file = file;
    d.line = line;
    d.column = column;
    return d;
}

// The offset of the first byte that is not well-formed UTF-8, or -1.
qsizetype firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *s = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        unsigned int cp = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return i;
        }
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= n || (s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000)
            || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += extra + 1;
    }
    return -1;
}

void lineColumnOf(const QByteArray &text, qsizetype offset, int *line, int *column)
{
    int l = 1;
    qsizetype lineStart = 0;
    // Line breaks as YAML 1.2 counts them: LF, CRLF and a lone CR.
    for (qsizetype i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
            ++l;
            lineStart = i + 1;
        }
    *line = l;
    // Columns count characters, not bytes, as editors show them.
    *column = int(QString::fromUtf8(text.constData() + lineStart, offset - lineStart).size()) + 1;
}

struct ParsedDocument
{
    QList<Resource> resources;
    Diagnostics diagnostics;
};

ParsedDocument parseOne(const QString &path, const QByteArray &text, const YamlDocumentSpan &span,
    int documentIndex, const YamlLimits &limits, StringPool *strings)
{
    ParsedDocument out;
    const std::string_view doc(text.constData() + span.offset, std::size_t(span.length));
    const YamlParseResult parsed = YamlParser::parseDocument(doc, limits);
    if (!parsed.ok) {
        Diagnostic d = fileDiagnostic(path, span.line + std::max(parsed.error.mark.line, 1) - 1,
            std::max(parsed.error.mark.column, 1), ResourceReader::CodeYamlSyntax,
            QString::fromStdString(parsed.error.message));
        d.message = QStringLiteral("YAML syntax error: %1").arg(d.message);
        out.diagnostics.append(d);
        return out;
    }
    ResourceReader reader(path, span.line);
    reader.setStringPool(strings);
    out.resources = reader.read(parsed.root);
    for (Resource &r : out.resources) {
        r.documentIndex = documentIndex;
        r.baseLine = span.line;
        r.baseOffset = span.offset;
    }
    out.diagnostics = reader.diagnostics();
    return out;
}

// Reads a stream to its end, stopping after maxBytes + 1 bytes so that an
// endless source (/dev/zero, a pipe that never closes its end early) costs at
// most the limit. A pipe may deliver its data in pieces with pauses between
// them; only a read of 0 bytes is the end.
bool readStream(QFile &file, QByteArray *bytes, QString *error, qint64 maxBytes, bool *tooLarge)
{
    bytes->clear();
    constexpr qint64 chunk = 1 << 16;
    for (;;) {
        const qint64 want = std::min(chunk, maxBytes + 1 - bytes->size());
        if (want <= 0) {
            *tooLarge = true;
            return true;
        }
        const qsizetype at = bytes->size();
        bytes->resize(at + want);
        const qint64 got = file.read(bytes->data() + at, want);
        if (got < 0) {
            bytes->resize(at);
            *error = QStringLiteral("cannot read: %1").arg(file.errorString());
            return false;
        }
        bytes->resize(at + got);
        if (got == 0)
            return true;
    }
}

bool readInput(const QString &path, QByteArray *bytes, QString *error, qint64 maxBytes, bool *tooLarge)
{
    *tooLarge = false;
    QFile file;
    if (path == QLatin1String("-")) {
        if (!file.open(stdin, QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            *error = QStringLiteral("cannot read standard input");
            return false;
        }
        return readStream(file, bytes, error, maxBytes, tooLarge);
    }
    file.setFileName(path);
    // A FIFO named on the command line is read as a stream: it is what a
    // shell's process substitution <(...) passes. Opening it waits for its writer.
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        *error = QStringLiteral("cannot open: %1").arg(file.errorString());
        return false;
    }
    // Devices and FIFOs report size 0, so the limit is applied while reading too.
    if (!file.isSequential() && file.size() > maxBytes) {
        *tooLarge = true;
        return true;
    }
    return readStream(file, bytes, error, maxBytes, tooLarge);
}

Diagnostic notice(const QString &file, const char *code, const QString &message)
{
    Diagnostic d = fileDiagnostic(file, 1, 1, code, message);
    d.severity = Severity::Warning;
    return d;
}

// The manifests of a folder, sorted. Entries that are not regular files or
// links to one are skipped with a warning each: a FIFO would block the walk
// until someone writes to it, a device may never end, and a dangling or
// looping link has nothing to read.
QStringList walkFolder(const QString &folder, Diagnostics *diagnostics)
{
    QStringList found;
    QDirIterator it(folder, { QStringLiteral("*.yaml"), QStringLiteral("*.yml") }, QDir::Files | QDir::System,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        // The preview's sample requests live beside the manifests; they are not manifests.
        if (file.endsWith(QLatin1String(".meshroute-requests.yaml")))
            continue;
        const QFileInfo info(file);
        if (info.isSymLink() && !info.exists()) {
            diagnostics->append(notice(file, ResourceReader::CodeUnreadable,
                QStringLiteral("skipped: a symbolic link to %1, which does not exist or loops")
                    .arg(info.symLinkTarget().isEmpty() ? QStringLiteral("nothing") : info.symLinkTarget())));
            continue;
        }
        if (!info.isFile()) {
            diagnostics->append(notice(file, ResourceReader::CodeUnreadable,
                QStringLiteral("skipped: not a regular file (a FIFO, socket or device); "
                               "name it on the command line to read it as a stream")));
            continue;
        }
        found.append(file);
    }
    std::sort(found.begin(), found.end());
    return found;
}

// The bytes a load will read: the sizes of the regular files among `files`
// (standard input and devices count 0: their size is not known up front).
qint64 sizeOfFiles(const QStringList &files)
{
    qint64 total = 0;
    for (const QString &path : files) {
        const QFileInfo info(path);
        if (path != QLatin1String("-") && info.isFile())
            total += info.size();
    }
    return total;
}

void addFileMetered(LoadResult &result, const QString &path, const QByteArray &text,
    const LoadOptions &options, LoadProgressMeter *meter, StringPool *strings);

} // namespace

void Loader::addFile(
    LoadResult &result, const QString &path, const QByteArray &text, const LoadOptions &options)
{
    StringPool strings;
    addFileMetered(result, path, text, options, nullptr, &strings);
}

namespace {

void addFileMetered(LoadResult &result, const QString &path, const QByteArray &text,
    const LoadOptions &options, LoadProgressMeter *meter, StringPool *strings)
{
    const int fileIndex = int(result.files.size());
    SourceFile file;
    file.path = path;
    file.text = text;

    if (const qsizetype bad = firstInvalidUtf8(text); bad >= 0) {
        int line = 0, column = 0;
        lineColumnOf(text, bad, &line, &column);
        result.diagnostics.append(fileDiagnostic(path, line, column, ResourceReader::CodeInvalidUtf8,
            QStringLiteral(
                "invalid UTF-8 (byte 0x%1): save the file as UTF-8; the bytes are kept as they are")
                .arg(uchar(text[bad]), 2, 16, QLatin1Char('0'))));
    }

    const std::string_view stream(text.constData(), std::size_t(text.size()));
    file.spans = YamlParser::splitDocuments(stream);

    auto parse = [&](int i) {
        ParsedDocument doc
            = parseOne(path, file.text, file.spans[std::size_t(i)], i, options.limits, strings);
        if (meter)
            meter->parsed(file.spans[std::size_t(i)].length);
        return doc;
    };
    // A few documents are not worth a thread.
    const int threads = file.spans.size() < 8 ? 1
        : options.threads > 0                 ? options.threads
                                              : QThread::idealThreadCount();
    std::vector<ParsedDocument> parsed = parallelMap<ParsedDocument>(int(file.spans.size()), threads, parse);

    int nextId = result.workspace.resources.isEmpty() ? 0 : result.workspace.resources.last().id + 1;
    // One allocation for the workspace's list, and each document's list freed
    // as soon as it is moved out: a Resource is a kilobyte, and the list grown
    // append by append while every parsed copy was still held reallocated
    // 7,000 of them several times over.
    qsizetype count = result.workspace.resources.size();
    for (const ParsedDocument &doc : std::as_const(parsed))
        count += doc.resources.size();
    QList<Resource> &resources = result.workspace.resources;
    if (count > resources.capacity()) // geometric across files, exact for the first
        resources.reserve(std::max(count, resources.capacity() * 3 / 2));
    for (ParsedDocument &doc : parsed) {
        for (Resource &r : doc.resources) {
            r.id = nextId++;
            r.fileIndex = fileIndex;
            result.workspace.resources.append(std::move(r));
        }
        doc.resources = {};
        result.diagnostics.append(doc.diagnostics);
    }
    result.files.append(file);
    result.workspace.files.append(path);
}

} // namespace

LoadResult Loader::loadText(const QByteArray &text, const QString &fileName, const LoadOptions &options)
{
    LoadResult result;
    addFile(result, fileName, text, options);
    return result;
}

LoadResult Loader::loadPaths(const QStringList &inputs, const LoadOptions &options)
{
    LoadResult result;
    QStringList files;
    for (const QString &input : inputs) {
        const QFileInfo info(input);
        if (input != QLatin1String("-") && info.isDir()) {
            files.append(walkFolder(input, &result.diagnostics));
        } else {
            files.append(input);
        }
    }
    StringPool strings; // shared across the files: a folder repeats its hosts from file to file
    LoadProgressMeter meter(options.progress, int(files.size()), options.progress ? sizeOfFiles(files) : 0);
    for (int i = 0; i < files.size(); ++i) {
        const QString &path = files[i];
        meter.startFile(i, path);
        QByteArray bytes;
        QString error;
        bool tooLarge = false;
        if (!readInput(path, &bytes, &error, options.maxFileBytes, &tooLarge)) {
            result.inputError = true;
            result.diagnostics.append(fileDiagnostic(path, 1, 1, ResourceReader::CodeUnreadable, error));
            continue;
        }
        if (tooLarge) {
            result.inputError = true;
            result.diagnostics.append(fileDiagnostic(path, 1, 1, ResourceReader::CodeFileTooLarge,
                QStringLiteral(
                    "file is larger than the %1 limit: split it, or raise the limit with --max-file-size")
                    .arg(ByteSize::text(options.maxFileBytes))));
            continue;
        }
        addFileMetered(result, path, bytes, options, &meter, &strings);
        meter.finishFile(bytes.size());
    }
    return result;
}

} // namespace meshroute
