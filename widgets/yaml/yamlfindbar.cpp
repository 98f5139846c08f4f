#include "yamlfindbar.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextDocument>
#include <QToolButton>

namespace meshroute {

YamlFindBar::YamlFindBar(QPlainTextEdit *editor, QWidget *parent)
    : QFrame(parent)
    , m_editor(editor)
    , m_field(new QLineEdit(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_close(new QToolButton(this))
    , m_status(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    m_field->setPlaceholderText(tr("Find in the YAML"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    m_previous->setText(tr("Previous"));
    m_previous->setToolTip(tr("Previous match (Shift+Enter)"));
    m_next->setText(tr("Next"));
    m_next->setToolTip(tr("Next match (Enter)"));
    m_close->setText(QStringLiteral("✕"));
    m_close->setToolTip(tr("Close (Esc)"));
    layout->addWidget(m_field, 1);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_status);
    layout->addWidget(m_close);
    connect(m_field, &QLineEdit::textEdited, this, [this] { find(false, true); });
    connect(m_next, &QToolButton::clicked, this, &YamlFindBar::findNext);
    connect(m_previous, &QToolButton::clicked, this, &YamlFindBar::findPrevious);
    connect(m_close, &QToolButton::clicked, this, &YamlFindBar::closeBar);
    hide();
}

void YamlFindBar::open()
{
    const QString selected = m_editor->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_field->setText(selected);
    m_status->clear();
    const bool wasHidden = isHidden();
    show();
    raise();
    if (wasHidden)
        Q_EMIT visibilityChanged();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void YamlFindBar::closeBar()
{
    hide();
    Q_EMIT visibilityChanged();
    m_editor->setFocus(Qt::OtherFocusReason);
}

bool YamlFindBar::findNext()
{
    return find(false, false);
}

bool YamlFindBar::findPrevious()
{
    return find(true, false);
}

bool YamlFindBar::find(bool backward, bool fromSelectionStart)
{
    const QString text = m_field->text();
    if (text.isEmpty()) {
        m_status->clear();
        return false;
    }
    QTextCursor cursor = m_editor->textCursor();
    // While typing, the match grows where it is instead of jumping to the next one.
    if (fromSelectionStart)
        cursor.setPosition(cursor.selectionStart());
    const QTextDocument::FindFlags flags
        = backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    QTextCursor found = m_editor->document()->find(text, cursor, flags);
    bool wrapped = false;
    if (found.isNull()) {
        QTextCursor edge(m_editor->document());
        edge.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
        found = m_editor->document()->find(text, edge, flags);
        wrapped = !found.isNull();
    }
    if (!found.isNull()) {
        m_editor->setTextCursor(found);
        m_editor->ensureCursorVisible();
    }
    showResult(!found.isNull(), wrapped);
    return !found.isNull();
}

void YamlFindBar::showResult(bool found, bool wrapped)
{
    if (!found) {
        m_status->setText(tr("Not found"));
        QPalette p = m_field->palette();
        p.setColor(QPalette::Base, QColor(0xff, 0xd8, 0xd8));
        p.setColor(QPalette::Text, Qt::black);
        m_field->setPalette(p);
        return;
    }
    m_status->setText(wrapped ? tr("Wrapped around") : QString());
    m_field->setPalette(QPalette());
}

bool YamlFindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            (key->modifiers() & Qt::ShiftModifier) ? findPrevious() : findNext();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            closeBar();
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace meshroute
