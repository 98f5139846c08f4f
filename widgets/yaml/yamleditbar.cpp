#include "yamleditbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace meshroute {

YamlEditBar::YamlEditBar(QWidget *parent)
    : QFrame(parent)
    , m_stateLabel(new QLabel(this))
    , m_problemLabel(new QLabel(this))
    , m_apply(new QToolButton(this))
    , m_revert(new QToolButton(this))
{
    setObjectName(QStringLiteral("yamlEditBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    // The buttons act on the text; keeping the focus in the text means a
    // click on them is not also a focus-out that applies.
    setFocusPolicy(Qt::NoFocus);
    m_stateLabel->setObjectName(QStringLiteral("yamlEditState"));
    m_problemLabel->setObjectName(QStringLiteral("yamlEditProblem"));
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_stateLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->setWordWrap(true);
    m_apply->setObjectName(QStringLiteral("yamlEditApply"));
    m_revert->setObjectName(QStringLiteral("yamlEditRevert"));
    for (QToolButton *b : { m_apply, m_revert }) {
        b->setFocusPolicy(Qt::NoFocus);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setAutoRaise(false);
    }
    QPalette problem = m_problemLabel->palette();
    problem.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_problemLabel->setPalette(problem);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_stateLabel, 1);
    row->addWidget(m_apply);
    row->addWidget(m_revert);
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(6, 3, 6, 3);
    column->setSpacing(2);
    column->addLayout(row);
    column->addWidget(m_problemLabel);

    connect(m_apply, &QToolButton::clicked, this, &YamlEditBar::applyRequested);
    connect(m_revert, &QToolButton::clicked, this, &YamlEditBar::revertRequested);
    setState(State::Clean, QString());
}

void YamlEditBar::setState(State state, const QString &problem, bool canApply)
{
    m_state = state;
    switch (state) {
    case State::Clean:
        m_stateLabel->setText(QString());
        break;
    case State::Edited:
        m_stateLabel->setText(tr("Edited \u2014 Ctrl+Enter applies, Esc reverts"));
        m_apply->setText(tr("Apply"));
        m_revert->setText(tr("Revert"));
        m_apply->setToolTip(tr("Put the typed text in the file as one undo step (Ctrl+Enter)"));
        m_revert->setToolTip(tr("Throw the typed text away and show the file's (Esc)"));
        break;
    case State::Conflict:
        m_stateLabel->setText(canApply ? tr("The file changed elsewhere while you typed; your text is kept.")
                                       : tr("The edited file is no longer open; your text is kept."));
        m_apply->setText(tr("Apply mine"));
        m_revert->setText(tr("Take file's"));
        m_apply->setToolTip(tr("Replace the file's text with yours, as one undo step"));
        m_revert->setToolTip(tr("Throw your text away and show the file's current text"));
        break;
    }
    m_stateLabel->setVisible(state != State::Clean);
    m_apply->setVisible(state != State::Clean);
    m_revert->setVisible(state != State::Clean);
    m_apply->setEnabled(canApply);
    m_problemLabel->setText(problem);
    m_problemLabel->setVisible(!problem.isEmpty());
    QPalette pal = palette();
    const QColor base
        = parentWidget() ? parentWidget()->palette().color(QPalette::Window) : pal.color(QPalette::Window);
    QColor tint = state == State::Conflict ? QColor(0xf6, 0xd3, 0x2d) : QColor(0x35, 0x84, 0xe4);
    tint.setAlphaF(state == State::Clean ? 0.0 : 0.25);
    // Blend by hand: an autoFill background is painted without alpha blending.
    const qreal a = tint.alphaF();
    pal.setColor(QPalette::Window,
        QColor::fromRgbF(base.redF() * (1 - a) + tint.redF() * a, base.greenF() * (1 - a) + tint.greenF() * a,
            base.blueF() * (1 - a) + tint.blueF() * a));
    setPalette(pal);
}

QString YamlEditBar::stateText() const
{
    return m_stateLabel->text();
}

QString YamlEditBar::problemText() const
{
    return m_problemLabel->text();
}

bool YamlEditBar::isNeeded() const
{
    return m_state != State::Clean || !m_problemLabel->text().isEmpty();
}

} // namespace meshroute
