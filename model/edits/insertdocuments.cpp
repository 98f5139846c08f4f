#include "insertdocuments.h"

#include "crlines.h"
#include "document.h"
#include "replacefiletext.h"

namespace meshroute {

namespace {

// Whether the text holds only blank lines, comments and directives/markers, so
// that a document appended without "---" does not merge into an existing one.
bool holdsNoContent(const QByteArray &text)
{
    for (const QByteArray &line : text.split('\n')) {
        const QByteArray t = line.trimmed();
        if (!t.isEmpty() && !t.startsWith('#') && t != "---")
            return false;
    }
    return true;
}

// Whether the last line that is not blank is a "---" that opens an empty document.
bool endsWithSeparator(const QByteArray &text)
{
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = lines.size() - 1; i >= 0; --i) {
        const QByteArray t = lines[i].trimmed();
        if (t.isEmpty() || t.startsWith('#'))
            continue;
        return t == "---";
    }
    return false;
}

} // namespace

QByteArray InsertDocuments::appended(const QByteArray &fileText, const QList<QByteArray> &documents)
{
    // The file's own line break: CRLF, LF, or a lone CR as YAML 1.2 also reads.
    const QByteArray newline = fileText.contains("\r\n") ? QByteArray("\r\n")
        : CrLines::used(fileText)                        ? QByteArray("\r")
                                                         : QByteArray("\n");
    QByteArray out = fileText;
    if (!out.isEmpty() && !out.endsWith('\n') && !out.endsWith('\r'))
        out += newline;
    bool needSeparator = !holdsNoContent(out) && !endsWithSeparator(out);
    for (QByteArray doc : documents) {
        if (!doc.endsWith('\n'))
            doc += '\n';
        if (newline != "\n")
            doc.replace("\r\n", "\n").replace("\n", newline);
        if (needSeparator)
            out += "---" + newline;
        out += doc;
        needSeparator = true;
    }
    return out;
}

std::unique_ptr<ReplaceFileText> InsertDocuments::create(Document *document, int fileIndex,
    const QList<QByteArray> &documents, const QString &description, QString *error)
{
    if (fileIndex < 0 || fileIndex >= document->files().size()) {
        *error = QStringLiteral("no file to add the resource to; open a file first");
        return nullptr;
    }
    if (documents.isEmpty()) {
        *error = QStringLiteral("nothing to insert");
        return nullptr;
    }
    const QByteArray before = document->fileText(fileIndex);
    return std::make_unique<ReplaceFileText>(
        document, fileIndex, before, appended(before, documents), description);
}

} // namespace meshroute
