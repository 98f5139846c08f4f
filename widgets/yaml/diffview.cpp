#include "diffview.h"

#include <QEvent>
#include <QFontDatabase>
#include <QTextBlock>
#include <QTextCursor>

namespace meshroute {

DiffView::DiffView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
}

void DiffView::setDiff(const QList<LineDiff::Line> &lines)
{
    m_lines = lines;
    render();
}

void DiffView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        render();
}

void DiffView::render()
{
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    QTextCharFormat plus, minus, hunk, plain;
    plus.setBackground(dark ? QColor(0x1f, 0x4d, 0x2b) : QColor(0xe6, 0xff, 0xec));
    minus.setBackground(dark ? QColor(0x5c, 0x22, 0x22) : QColor(0xff, 0xeb, 0xe9));
    hunk.setForeground(dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x05, 0x50, 0xae));
    clear();
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    int shown = 0;
    for (const LineDiff::Line &l : std::as_const(m_lines)) {
        if (++shown > maxShownLines) {
            cursor.insertText(
                tr("... %n more line(s) not shown\n", nullptr, int(m_lines.size()) - maxShownLines), hunk);
            break;
        }
        switch (l.kind) {
        case LineDiff::Line::Kind::Hunk:
            cursor.insertText(QString::fromUtf8(l.text) + QLatin1Char('\n'), hunk);
            break;
        case LineDiff::Line::Kind::Added:
            cursor.insertText(QLatin1Char('+') + QString::fromUtf8(l.text) + QLatin1Char('\n'), plus);
            break;
        case LineDiff::Line::Kind::Removed:
            cursor.insertText(QLatin1Char('-') + QString::fromUtf8(l.text) + QLatin1Char('\n'), minus);
            break;
        case LineDiff::Line::Kind::Context:
            cursor.insertText(QLatin1Char(' ') + QString::fromUtf8(l.text) + QLatin1Char('\n'), plain);
            break;
        }
    }
    cursor.endEditBlock();
    moveCursor(QTextCursor::Start);
}

} // namespace meshroute
