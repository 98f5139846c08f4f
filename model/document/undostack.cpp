#include "undostack.h"

namespace meshroute {

// Commands pushed between beginMacro() and endMacro(): one step.
class UndoStack::Macro : public UndoCommand
{
public:
    explicit Macro(const QString &text)
        : UndoCommand(text)
    {
    }
    void redo() override
    {
        for (auto &c : children)
            c->redo();
    }
    void undo() override
    {
        for (auto it = children.rbegin(); it != children.rend(); ++it)
            (*it)->undo();
    }
    std::vector<std::unique_ptr<UndoCommand>> children;
};

UndoStack::UndoStack(QObject *parent)
    : QObject(parent)
{
}

UndoStack::~UndoStack() = default;

void UndoStack::push(UndoCommand *raw)
{
    std::unique_ptr<UndoCommand> command(raw);
    command->redo();
    if (!m_openMacros.empty()) {
        auto &children = m_openMacros.back()->children;
        if (!children.empty() && command->id() >= 0 && children.back()->id() == command->id()
            && children.back()->mergeWith(command.get()))
            return;
        children.push_back(std::move(command));
        return;
    }
    const bool wasClean = isClean();
    // Redo history beyond the index is dropped, as in every editor.
    m_commands.erase(m_commands.begin() + m_index, m_commands.end());
    if (m_cleanIndex > m_index)
        m_cleanIndex = -1;
    const bool canMerge = m_index > 0 && m_cleanIndex != m_index && command->id() >= 0
                          && m_commands.back()->id() == command->id();
    if (canMerge && m_commands.back()->mergeWith(command.get())) {
        if (m_commands.back()->isObsolete()) {
            m_commands.pop_back();
            setIndex(m_index - 1, wasClean);
        } else {
            setIndex(m_index, wasClean);
        }
        return;
    }
    if (command->isObsolete())
        return;
    m_commands.push_back(std::move(command));
    setIndex(m_index + 1, wasClean);
}

void UndoStack::beginMacro(const QString &text)
{
    m_openMacros.push_back(std::make_unique<Macro>(text));
}

void UndoStack::endMacro()
{
    if (m_openMacros.empty())
        return;
    std::unique_ptr<Macro> macro = std::move(m_openMacros.back());
    m_openMacros.pop_back();
    if (macro->children.empty())
        return;
    if (!m_openMacros.empty()) {
        m_openMacros.back()->children.push_back(std::move(macro));
        return;
    }
    const bool wasClean = isClean();
    m_commands.erase(m_commands.begin() + m_index, m_commands.end());
    if (m_cleanIndex > m_index)
        m_cleanIndex = -1;
    m_commands.push_back(std::move(macro));
    setIndex(m_index + 1, wasClean);
}

bool UndoStack::canUndo() const { return m_openMacros.empty() && m_index > 0; }
bool UndoStack::canRedo() const { return m_openMacros.empty() && m_index < count(); }
QString UndoStack::undoText() const { return canUndo() ? m_commands[std::size_t(m_index - 1)]->text() : QString(); }
QString UndoStack::redoText() const { return canRedo() ? m_commands[std::size_t(m_index)]->text() : QString(); }

QString UndoStack::text(int index) const
{
    return index >= 0 && index < count() ? m_commands[std::size_t(index)]->text() : QString();
}

void UndoStack::clear()
{
    const bool wasClean = isClean();
    m_commands.clear();
    m_openMacros.clear();
    m_index = 0;
    m_cleanIndex = 0;
    setIndex(0, wasClean);
}

void UndoStack::undo()
{
    if (!canUndo())
        return;
    const bool wasClean = isClean();
    m_commands[std::size_t(m_index - 1)]->undo();
    setIndex(m_index - 1, wasClean);
}

void UndoStack::redo()
{
    if (!canRedo())
        return;
    const bool wasClean = isClean();
    m_commands[std::size_t(m_index)]->redo();
    setIndex(m_index + 1, wasClean);
}

void UndoStack::setClean()
{
    const bool wasClean = isClean();
    m_cleanIndex = m_index;
    if (!wasClean)
        Q_EMIT cleanChanged(true);
}

void UndoStack::setIndex(int index, bool wasClean)
{
    m_index = index;
    Q_EMIT indexChanged(m_index);
    Q_EMIT canUndoChanged(canUndo());
    Q_EMIT canRedoChanged(canRedo());
    Q_EMIT undoTextChanged(undoText());
    Q_EMIT redoTextChanged(redoText());
    if (wasClean != isClean())
        Q_EMIT cleanChanged(isClean());
}

} // namespace meshroute
