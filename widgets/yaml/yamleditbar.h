#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace meshroute {

// The strip under the YAML view that says what state its text is in:
// edited and not yet applied, in conflict with a change made elsewhere, and
// which loader problems the shown file has. It only shows and forwards
// clicks; the view decides.
class YamlEditBar : public QFrame
{
    Q_OBJECT

public:
    enum class State {
        Clean, // the view shows the file's text
        Edited, // typed text not yet applied
        Conflict, // typed text, and the file changed since the typing began
    };

    explicit YamlEditBar(QWidget *parent = nullptr);

    // `problem` is one line about the shown file's first problem (empty: none);
    // `canApply` is false when the edited file is no longer open.
    void setState(State state, const QString &problem, bool canApply = true);
    State state() const { return m_state; }
    QString stateText() const;
    QString problemText() const;
    // Whether the bar has something to say (otherwise the view hides it).
    bool isNeeded() const;

Q_SIGNALS:
    void applyRequested();
    void revertRequested();

private:
    State m_state = State::Clean;
    QLabel *m_stateLabel;
    QLabel *m_problemLabel;
    QToolButton *m_apply;
    QToolButton *m_revert;
};

} // namespace meshroute
