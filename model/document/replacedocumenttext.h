#pragma once

#include "undocommand.h"

#include <QByteArray>

namespace meshroute {

class Document;

// The base of every edit: swaps one YAML document's text between its state
// before and after the edit. Undo puts back the exact bytes.
class ReplaceDocumentText : public UndoCommand
{
public:
    ReplaceDocumentText(Document *document, int fileIndex, int documentIndex, const QByteArray &before,
                        const QByteArray &after, const QString &text);

    void redo() override;
    void undo() override;

    int fileIndex() const { return m_fileIndex; }
    int documentIndex() const { return m_documentIndex; }

protected:
    // For merging commands: keep our "before", take the other's "after".
    void takeAfter(const ReplaceDocumentText &other);

    Document *m_document;
    int m_fileIndex;
    int m_documentIndex;
    QByteArray m_before;
    QByteArray m_after;
};

} // namespace meshroute
