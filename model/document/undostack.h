#pragma once

#include "undocommand.h"

#include <QObject>
#include <memory>
#include <vector>

namespace meshroute {

// The history of a Document's edits, with Qt's QUndoStack semantics: push
// executes, merging by id; a macro groups commands into one step; the clean
// index marks the saved state so the window can show a modified mark.
class UndoStack : public QObject
{
    Q_OBJECT

public:
    explicit UndoStack(QObject *parent = nullptr);
    ~UndoStack() override;

    void push(UndoCommand *command); // takes ownership
    void beginMacro(const QString &text);
    void endMacro();

    bool canUndo() const;
    bool canRedo() const;
    QString undoText() const;
    QString redoText() const;
    int count() const { return int(m_commands.size()); }
    int index() const { return m_index; }
    QString text(int index) const;
    bool isClean() const { return m_cleanIndex == m_index; }
    int cleanIndex() const { return m_cleanIndex; }
    void clear();

public Q_SLOTS:
    void undo();
    void redo();
    void setClean();

Q_SIGNALS:
    void indexChanged(int index);
    void cleanChanged(bool clean);
    void canUndoChanged(bool canUndo);
    void canRedoChanged(bool canRedo);
    void undoTextChanged(const QString &text);
    void redoTextChanged(const QString &text);

private:
    class Macro;
    void setIndex(int index, bool wasClean);

    std::vector<std::unique_ptr<UndoCommand>> m_commands;
    int m_index = 0;
    int m_cleanIndex = 0; // -1: the clean state was discarded
    std::vector<std::unique_ptr<Macro>> m_openMacros;
};

} // namespace meshroute
