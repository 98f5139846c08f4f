#include "replacefiletext.h"

#include "document.h"

namespace meshroute {

ReplaceFileText::ReplaceFileText(Document *document, int fileIndex, const QByteArray &before,
    const QByteArray &after, const QString &text, bool mergeable)
    : UndoCommand(text)
    , m_document(document)
    , m_fileIndex(fileIndex)
    , m_before(before)
    , m_after(after)
    , m_mergeable(mergeable)
{
    setObsolete(before == after);
}

void ReplaceFileText::redo()
{
    m_document->replaceFileText(m_fileIndex, m_after);
}

void ReplaceFileText::undo()
{
    m_document->replaceFileText(m_fileIndex, m_before);
}

int ReplaceFileText::id() const
{
    return m_mergeable ? int(CommandId::ReplaceFileText) : -1;
}

bool ReplaceFileText::mergeWith(const UndoCommand *other)
{
    const auto *o = dynamic_cast<const ReplaceFileText *>(other);
    if (!o || !o->m_mergeable || o->m_fileIndex != m_fileIndex)
        return false;
    m_after = o->m_after;
    setObsolete(m_after == m_before);
    return true;
}

} // namespace meshroute
