#pragma once

#include <QString>

namespace meshroute {

class Document;

// One user edit that can be undone. The model's own command base: Qt 6 moved
// QUndoCommand and QUndoStack into QtGui, and the model links QtCore only, so
// meshroute carries the same small protocol here (push runs redo(); commands
// with the same id() may merge; an obsolete command is dropped).
class UndoCommand
{
public:
    explicit UndoCommand(const QString &text = {})
        : m_text(text)
    {
    }
    virtual ~UndoCommand() = default;

    virtual void redo() = 0;
    virtual void undo() = 0;
    // Commands that return the same id >= 0 are offered to mergeWith().
    virtual int id() const { return -1; }
    // Absorb `other` (pushed right after this one) into this command.
    virtual bool mergeWith(const UndoCommand *other) { return false; }

    QString text() const { return m_text; }
    void setText(const QString &text) { m_text = text; }
    // An obsolete command (e.g. a drag that returned to where it began) is removed from the stack.
    bool isObsolete() const { return m_obsolete; }
    void setObsolete(bool obsolete) { m_obsolete = obsolete; }

private:
    QString m_text;
    bool m_obsolete = false;
};

// Ids for merging, one per command type that merges.
enum class CommandId { SetWeights = 1, SetScalar, ReplaceText, ReplaceFileText };

} // namespace meshroute
