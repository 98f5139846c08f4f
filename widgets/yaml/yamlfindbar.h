#pragma once

#include <QFrame>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace meshroute {

// The find strip at the top of the YAML view (Edit > Find): finds the typed
// text in the shown text as it is typed, Enter for the next match and
// Shift+Enter for the previous one (both wrap around), Esc to close; says
// when there is no match. It moves the view's cursor and selection only.
class YamlFindBar : public QFrame
{
    Q_OBJECT

public:
    YamlFindBar(QPlainTextEdit *editor, QWidget *parent = nullptr);

    // Shows the bar with the field focused, starting from the view's selected text if any.
    void open();
    void closeBar();
    bool findNext();
    bool findPrevious();

    QLineEdit *field() const { return m_field; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    // Shown or hidden: the view makes room for it.
    void visibilityChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Finds from the cursor (or the start of the selection, while typing), wrapping once.
    bool find(bool backward, bool fromSelectionStart);
    void showResult(bool found, bool wrapped);

    QPlainTextEdit *m_editor;
    QLineEdit *m_field;
    QToolButton *m_previous;
    QToolButton *m_next;
    QToolButton *m_close;
    QLabel *m_status;
};

} // namespace meshroute
