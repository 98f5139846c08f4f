#pragma once

#include "undocommand.h"

#include <QByteArray>

namespace meshroute {

class Document;

// Swaps the whole text of one file: the edit behind what changes the number
// of YAML documents (a new resource from a template, text typed in the YAML
// view). Undo puts back the exact bytes. Successive text edits of the same
// file merge when `mergeable` is set, so a burst of typing is one step.
class ReplaceFileText : public UndoCommand
{
public:
    ReplaceFileText(Document *document, int fileIndex, const QByteArray &before, const QByteArray &after,
        const QString &text, bool mergeable = false);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const UndoCommand *other) override;

    int fileIndex() const { return m_fileIndex; }

private:
    Document *m_document;
    int m_fileIndex;
    QByteArray m_before;
    QByteArray m_after;
    bool m_mergeable;
};

} // namespace meshroute
