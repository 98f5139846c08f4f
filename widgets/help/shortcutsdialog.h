#pragma once

#include <QDialog>

class QAction;
class QMainWindow;
class QTreeWidget;

namespace meshroute {

// Help > Keyboard Shortcuts: every action of a window that has a shortcut,
// grouped by its menu (or the dock it belongs to), read from the actions when
// the dialog opens so the list is never out of date.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(QMainWindow *window, QWidget *parent = nullptr);

    // One top-level item per group (menu title), one child per action: text, shortcuts.
    QTreeWidget *tree() const { return m_tree; }
    // An action's shortcuts as the dialog shows them (portable text, ", " between several, each once).
    static QString shortcutText(const QAction *action);

private:
    void fill(QMainWindow *window);

    QTreeWidget *m_tree;
};

} // namespace meshroute
