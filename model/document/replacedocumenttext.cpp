#include "replacedocumenttext.h"

#include "document.h"

namespace meshroute {

ReplaceDocumentText::ReplaceDocumentText(Document *document, int fileIndex, int documentIndex, const QByteArray &before,
                                         const QByteArray &after, const QString &text)
    : UndoCommand(text)
    , m_document(document)
    , m_fileIndex(fileIndex)
    , m_documentIndex(documentIndex)
    , m_before(before)
    , m_after(after)
{
    setObsolete(before == after);
}

void ReplaceDocumentText::redo()
{
    m_document->replaceDocumentText(m_fileIndex, m_documentIndex, m_after);
}

void ReplaceDocumentText::undo()
{
    m_document->replaceDocumentText(m_fileIndex, m_documentIndex, m_before);
}

void ReplaceDocumentText::takeAfter(const ReplaceDocumentText &other)
{
    m_after = other.m_after;
    // A gesture that ends where it began leaves nothing to undo.
    setObsolete(m_after == m_before);
}

} // namespace meshroute
