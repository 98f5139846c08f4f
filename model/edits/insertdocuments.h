#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <memory>

namespace meshroute {

class Document;
class ReplaceFileText;

// Appends YAML documents to the end of a file as one edit, so a template that
// makes several resources (a canary's DestinationRule and VirtualService) is
// one undo step. Only bytes are added: a missing final newline, a "---"
// before each new document when the file already holds one, the documents.
class InsertDocuments
{
public:
    // The file text with `documents` (each one YAML document) appended, in the
    // file's line endings (CRLF when the file uses them).
    static QByteArray appended(const QByteArray &fileText, const QList<QByteArray> &documents);

    // nullptr and an error when there is no such file or nothing to insert.
    static std::unique_ptr<ReplaceFileText> create(Document *document, int fileIndex,
        const QList<QByteArray> &documents, const QString &description, QString *error);
};

} // namespace meshroute
