#include "yamlview.h"

#include "document.h"
#include "fieldhelp.h"
#include "linenumberarea.h"
#include "selection.h"
#include "yamleditbar.h"
#include "yamlfindbar.h"
#include "yamlhighlighter.h"
#include "yamlitemlines.h"
#include "yamlparser.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QScopeGuard>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolTip>
#include <algorithm>

namespace meshroute {

namespace {

int countLines(const char *begin, const char *end)
{
    return int(std::count(begin, end, '\n'));
}

} // namespace

YamlView::YamlView(Document *document, Selection *selection, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_document(document)
    , m_selection(selection)
    , m_lineNumbers(new LineNumberArea(this))
    , m_highlighter(new YamlHighlighter(this->document()))
    , m_bar(new YamlEditBar(this))
    , m_findBar(new YamlFindBar(this, this))
{
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(false);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(mono);
    setMouseTracking(true);
    m_highlighter->setDarkBackground(palette().color(QPalette::Base).lightness() < 128);

    connect(this, &QPlainTextEdit::blockCountChanged, this, &YamlView::updateMargins);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_lineNumbers->scroll(0, dy);
        else
            m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
    });
    m_bar->hide();
    connect(m_findBar, &YamlFindBar::visibilityChanged, this, &YamlView::updateMargins);
    connect(m_bar, &YamlEditBar::applyRequested, this, &YamlView::applyPendingEdit);
    connect(m_bar, &YamlEditBar::revertRequested, this, &YamlView::revertPendingEdit);
    connect(this->document(), &QTextDocument::modificationChanged, this, [this](bool modified) {
        if (m_syncing)
            return;
        if (!modified && m_conflict) {
            // Typed back to the text the file had before it changed: nothing of
            // the user's is left to keep, so show the file's current text (after
            // the text document finished its undo).
            QMetaObject::invokeMethod(this, &YamlView::revertPendingEdit, Qt::QueuedConnection);
            return;
        }
        updateBar();
    });
    updateMargins();

    connect(document, &Document::changed, this, &YamlView::onDocumentChanged);
    connect(selection, &Selection::changed, this, &YamlView::onSelectionChanged);
    onDocumentChanged(ChangeEvent { ChangeEvent::Type::Reset, {}, -1 });
}

int YamlView::lineNumberAreaWidth() const
{
    const int last = m_firstLine + std::max(1, blockCount()) - 1;
    const int digits = std::max(3, int(QString::number(last).size()));
    return 12 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
}

int YamlView::barHeight() const
{
    if (!m_bar->isVisibleTo(this))
        return 0;
    const int width = contentsRect().width();
    return m_bar->hasHeightForWidth() ? m_bar->heightForWidth(width) : m_bar->sizeHint().height();
}

void YamlView::updateMargins()
{
    const int bar = barHeight();
    const int find = m_findBar->isVisibleTo(this) ? m_findBar->sizeHint().height() : 0;
    setViewportMargins(lineNumberAreaWidth(), find, 0, bar);
    const QRect r = contentsRect();
    const QRect v = viewport()->geometry();
    // Above the text and its line numbers.
    if (find)
        m_findBar->setGeometry(QRect(r.left(), r.top(), v.right() + 1 - r.left(), find));
    m_lineNumbers->setGeometry(QRect(r.left(), v.top(), lineNumberAreaWidth(), v.height()));
    // In the margin under the text, above the horizontal scroll bar.
    if (bar)
        m_bar->setGeometry(QRect(r.left(), v.bottom() + 1, v.right() + 1 - r.left(), bar));
}

void YamlView::showFindBar()
{
    m_findBar->open();
}

void YamlView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateMargins();
}

void YamlView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        m_highlighter->setDarkBackground(palette().color(QPalette::Base).lightness() < 128);
        updateExtraSelections();
    }
}

void YamlView::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumbers);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    painter.setFont(font());
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int width = m_lineNumbers->width() - 6;
    QSet<int> problemBlocks;
    for (const Problem &p : std::as_const(m_problems))
        if (p.error)
            problemBlocks.insert(p.cursor.block().blockNumber());
    const bool dark = pal.color(QPalette::Base).lightness() < 128;
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int line = m_firstLine + block.blockNumber();
            const bool marked = line >= m_highlightFirst && line <= m_highlightLast;
            QColor color = pal.color(QPalette::Text);
            if (problemBlocks.contains(block.blockNumber()))
                color = dark ? QColor(0xff, 0x7b, 0x63) : QColor(0xc0, 0x1c, 0x28);
            else if (!marked)
                color.setAlphaF(0.5);
            if (block.revision() > m_syncRevision) // typed on, not applied yet
                painter.fillRect(
                    0, top, 3, bottom - top, dark ? QColor(0xf5, 0xc2, 0x11) : QColor(0xe5, 0xa5, 0x0a));
            painter.setPen(color);
            painter.drawText(0, top, width, fontMetrics().height(), Qt::AlignRight, QString::number(line));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

QPair<int, int> YamlView::rangeFor(const SelectionTarget &target) const
{
    return YamlItemLines(*m_document).rangeFor(target);
}

int YamlView::documentAt(int fileIndex, int line) const
{
    return YamlItemLines(*m_document).documentAt(fileIndex, line);
}

SelectionTarget YamlView::targetAt(int fileIndex, int line) const
{
    return YamlItemLines(*m_document).targetAt(fileIndex, line);
}

void YamlView::showWindow(int fileIndex, int line)
{
    const QList<SourceFile> &files = m_document->files();
    if (fileIndex < 0 || fileIndex >= files.size()) {
        m_fileIndex = -1;
        m_documentIndex = -1;
        m_shown.clear();
        m_firstLine = 1;
        m_filePath.clear();
        m_syncing = true;
        setPlainText(QString());
        m_syncing = false;
        markSynced();
        updateDiagnostics();
        return;
    }
    const int documentIndex
        = files[fileIndex].text.size() > maxWholeFileBytes ? std::max(0, documentAt(fileIndex, line)) : -1;
    const bool shown = fileIndex == m_fileIndex
        && (documentIndex == m_documentIndex
            || (m_documentIndex >= 0 && documentIndex > m_documentIndex
                && documentIndex < m_documentIndex + m_documentCount));
    if (shown) {
        refreshText();
        return;
    }
    m_fileIndex = fileIndex;
    m_documentIndex = documentIndex;
    m_documentCount = 1;
    m_filePath = files[fileIndex].path;
    m_shown.clear();
    m_highlightFirst = m_highlightLast = m_cursorLine = 0;
    refreshText();
}

void YamlView::refreshText()
{
    const QList<SourceFile> &files = m_document->files();
    if (m_fileIndex < 0 || m_fileIndex >= files.size())
        return;
    const SourceFile &file = files[m_fileIndex];
    int firstLine = 1;
    if (m_documentIndex >= 0 && std::size_t(m_documentIndex) >= file.spans.size())
        m_documentIndex = file.spans.empty() ? -1 : 0;
    if (m_documentIndex >= 0) {
        m_documentCount = std::clamp(m_documentCount, 1, int(file.spans.size()) - m_documentIndex);
        firstLine = file.spans[std::size_t(m_documentIndex)].line;
    }
    const QPair<qsizetype, qsizetype> range = shownRange();
    const QByteArray text = file.text.mid(range.first, range.second - range.first);
    const bool firstLineMoved = firstLine != m_firstLine;
    m_firstLine = firstLine;
    // Whatever happens below, the view ends up showing the file's text.
    const auto synced = qScopeGuard([this] {
        markSynced();
        updateDiagnostics();
    });
    if (text == m_shown && !m_shown.isNull()) {
        if (firstLineMoved)
            m_lineNumbers->update();
        return;
    }
    m_syncing = true;
    const auto notTyping = qScopeGuard([this] { m_syncing = false; });
    if (m_shown.isEmpty() || document()->isEmpty()) {
        m_shown = text;
        setPlainText(QString::fromUtf8(text));
        m_lineNumbers->update();
        return;
    }
    // Replace only the lines between the common prefix and suffix, so the
    // scroll position, the highlighter's work and the undo of the text
    // document stay local to the edit.
    const QByteArray &old = m_shown;
    const qsizetype common = std::min(old.size(), text.size());
    qsizetype prefix = std::mismatch(old.begin(), old.begin() + common, text.begin()).first - old.begin();
    while (prefix > 0 && old[prefix - 1] != '\n')
        --prefix;
    qsizetype suffix = 0;
    while (suffix < common - prefix && old[old.size() - 1 - suffix] == text[text.size() - 1 - suffix])
        ++suffix;
    // Start the suffix just after a newline it contains, so both ends are line starts.
    if (suffix > 0) {
        const char *s = old.constData() + old.size() - suffix;
        const char *nl = static_cast<const char *>(memchr(s, '\n', std::size_t(suffix)));
        suffix = nl ? suffix - (nl - s + 1) : 0;
    }
    const int firstChanged = countLines(old.constData(), old.constData() + prefix);
    const int oldChangedLines = countLines(old.constData() + prefix, old.constData() + old.size() - suffix);
    const QByteArray middle = text.mid(prefix, text.size() - suffix - prefix);

    QTextCursor cursor(document());
    cursor.beginEditBlock();
    const QTextBlock startBlock = document()->findBlockByNumber(firstChanged);
    cursor.setPosition(startBlock.isValid() ? startBlock.position() : document()->characterCount() - 1);
    if (suffix > 0) {
        const QTextBlock endBlock = document()->findBlockByNumber(firstChanged + oldChangedLines);
        cursor.setPosition(endBlock.position(), QTextCursor::KeepAnchor);
    } else {
        cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    }
    cursor.insertText(QString::fromUtf8(middle));
    cursor.endEditBlock();
    m_shown = text;
    m_lineNumbers->update();
}

void YamlView::onDocumentChanged(const ChangeEvent &event)
{
    if (event.type == ChangeEvent::Type::Saved || !m_document)
        return;
    if (m_applying) {
        // Our own edit: the file now holds the typed text. In single-document
        // mode, show every document the typed bytes now make up.
        const QList<SourceFile> &files = m_document->files();
        if (m_documentIndex >= 0 && m_fileIndex >= 0 && m_fileIndex < files.size()) {
            const auto &spans = files[m_fileIndex].spans;
            auto documentAtOffset = [&spans](qsizetype offset) {
                auto it = std::upper_bound(spans.begin(), spans.end(), offset,
                    [](qsizetype o, const YamlDocumentSpan &s) { return o < s.offset; });
                return std::max(0, int(it - spans.begin()) - 1);
            };
            m_documentIndex = documentAtOffset(m_appliedBegin);
            m_documentCount
                = documentAtOffset(std::max(m_appliedBegin, m_appliedEnd - 1)) - m_documentIndex + 1;
        }
        refreshText();
        const QPair<int, int> range = rangeFor(m_selection->current());
        setHighlight(range.first, range.second, false);
        return;
    }
    if (hasPendingEdit()) {
        // Never replace typed text: keep it and let the user choose.
        if (event.type == ChangeEvent::Type::Reset) {
            const QList<SourceFile> &files = m_document->files();
            m_fileIndex = -1;
            for (int i = 0; i < files.size(); ++i)
                if (files[i].path == m_filePath)
                    m_fileIndex = i;
            m_conflict = true;
        } else if (event.fileIndex == m_fileIndex || event.fileIndex < 0) {
            m_conflict = true;
        }
        updateBar();
        return;
    }
    if (event.type == ChangeEvent::Type::Reset) {
        m_fileIndex = -1;
        m_documentIndex = -1;
        m_shown.clear();
        m_highlightFirst = m_highlightLast = m_cursorLine = 0;
        const Resource *r = m_document->resource(m_selection->current().resourceId);
        showWindow(r ? r->fileIndex : (m_document->files().isEmpty() ? -1 : 0), r ? r->baseLine : 1);
        const QPair<int, int> range = rangeFor(m_selection->current());
        setHighlight(range.first, range.second, true);
        return;
    }
    if (event.fileIndex != m_fileIndex && event.fileIndex >= 0)
        return;
    refreshText();
    // The selected item may have moved or changed size.
    const QPair<int, int> range = rangeFor(m_selection->current());
    setHighlight(range.first, range.second, false);
}

void YamlView::refresh()
{
    onDocumentChanged(ChangeEvent { ChangeEvent::Type::ResourcesChanged, {}, m_fileIndex });
}

void YamlView::onSelectionChanged(const SelectionTarget &target)
{
    const Resource *r = m_document->resource(target.resourceId);
    if (!r) {
        setHighlight(0, 0, false);
        return;
    }
    if (hasPendingEdit()) {
        const bool shown = r->fileIndex == m_fileIndex
            && (m_documentIndex < 0
                || (documentAt(r->fileIndex, r->baseLine) >= m_documentIndex
                    && documentAt(r->fileIndex, r->baseLine) < m_documentIndex + m_documentCount));
        if (shown) {
            const QPair<int, int> range = rangeFor(target);
            setHighlight(range.first, range.second, !m_selecting);
            return;
        }
        // Showing something else: the typed text goes to the file first, or,
        // in a conflict the user has to settle, stays on screen.
        if (m_conflict || (applyPendingEdit(), hasPendingEdit())) {
            setHighlight(0, 0, false);
            return;
        }
        r = m_document->resource(target.resourceId); // the apply reparsed the file
        if (!r)
            return;
    }
    showWindow(r->fileIndex, r->baseLine);
    const QPair<int, int> range = rangeFor(target);
    setHighlight(range.first, range.second, !m_selecting);
}

void YamlView::setHighlight(int first, int last, bool scroll)
{
    m_highlightFirst = first;
    m_highlightLast = std::max(first, last);
    updateExtraSelections();
    m_lineNumbers->update();
    if (!scroll || first <= 0)
        return;
    if (!isLineVisible(first) || !isLineVisible(std::min(m_highlightLast, first + 3))) {
        // A little context above the item.
        verticalScrollBar()->setValue(std::max(0, first - m_firstLine - 2));
    }
}

void YamlView::goToLine(int fileIndex, int line, int column)
{
    if (hasPendingEdit() && fileIndex != m_fileIndex
        && (m_conflict || (applyPendingEdit(), hasPendingEdit())))
        return;
    if (!hasPendingEdit())
        showWindow(fileIndex, line);
    const QTextBlock block = document()->findBlockByNumber(line - m_firstLine);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
        std::clamp(column - 1, 0, std::max(0, block.length() - 1)));
    setTextCursor(cursor);
    m_cursorLine = line;
    updateExtraSelections();
    if (!isLineVisible(line))
        verticalScrollBar()->setValue(std::max(0, line - m_firstLine - 3));
}

void YamlView::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    const QColor red = dark ? QColor(0xff, 0x7b, 0x63) : QColor(0xe0, 0x1b, 0x24);
    const QColor orange = dark ? QColor(0xff, 0xbe, 0x6f) : QColor(0xc6, 0x46, 0x00);
    for (const Problem &p : std::as_const(m_problems)) {
        if (!p.error)
            continue;
        QTextEdit::ExtraSelection line;
        QColor background = red;
        background.setAlphaF(0.13);
        line.format.setBackground(background);
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = QTextCursor(p.cursor.block());
        selections.append(line);
    }
    QColor mark = palette().color(QPalette::Highlight);
    mark.setAlphaF(0.16);
    if (m_highlightFirst > 0) {
        const QTextBlock first = document()->findBlockByNumber(m_highlightFirst - m_firstLine);
        const QTextBlock last = document()->findBlockByNumber(m_highlightLast - m_firstLine);
        if (first.isValid()) {
            QTextEdit::ExtraSelection s;
            s.format.setBackground(mark);
            s.format.setProperty(QTextFormat::FullWidthSelection, true);
            s.cursor = QTextCursor(first);
            s.cursor.setPosition(
                last.isValid() ? last.position() : first.position(), QTextCursor::KeepAnchor);
            selections.append(s);
        }
    }
    if (m_cursorLine > 0) {
        const QTextBlock block = document()->findBlockByNumber(m_cursorLine - m_firstLine);
        if (block.isValid()) {
            QTextEdit::ExtraSelection s;
            QColor c = palette().color(QPalette::Highlight);
            c.setAlphaF(0.35);
            s.format.setBackground(c);
            s.format.setProperty(QTextFormat::FullWidthSelection, true);
            s.cursor = QTextCursor(block);
            selections.append(s);
        }
    }
    for (const Problem &p : std::as_const(m_problems)) {
        QTextEdit::ExtraSelection wave;
        wave.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        wave.format.setUnderlineColor(p.error ? red : orange);
        wave.format.setToolTip(p.message);
        wave.cursor = p.cursor;
        selections.append(wave);
    }
    setExtraSelections(selections);
}

QString YamlView::lineText(int fileLine) const
{
    const QTextBlock block = document()->findBlockByNumber(fileLine - m_firstLine);
    return block.isValid() && fileLine >= m_firstLine ? block.text() : QString();
}

int YamlView::topVisibleLine() const
{
    return m_firstLine + firstVisibleBlock().blockNumber();
}

bool YamlView::isLineVisible(int fileLine) const
{
    const int block = fileLine - m_firstLine;
    const int top = firstVisibleBlock().blockNumber();
    const int rows = std::max(1, viewport()->height() / std::max(1, fontMetrics().lineSpacing()));
    return block >= top && block < top + rows;
}

void YamlView::mouseReleaseEvent(QMouseEvent *event)
{
    QPlainTextEdit::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || textCursor().hasSelection() || m_fileIndex < 0)
        return;
    const int line = m_firstLine + cursorForPosition(event->position().toPoint()).blockNumber();
    const SelectionTarget t = targetAt(m_fileIndex, line);
    if (t.resourceId < 0)
        return;
    m_selecting = true;
    m_selection->select(t);
    m_selecting = false;
}

bool YamlView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        QTextCursor cursor = cursorForPosition(help->pos());
        const QString text = cursor.block().text();
        const int at = cursor.positionInBlock();
        // The key under the mouse: the word before a ':'.
        int begin = at;
        while (begin > 0 && (text[begin - 1].isLetterOrNumber() || text[begin - 1] == QLatin1Char('_')))
            --begin;
        int end = at;
        while (end < text.size() && (text[end].isLetterOrNumber() || text[end] == QLatin1Char('_')))
            ++end;
        const QString tip = end < text.size() && text[end] == QLatin1Char(':')
            ? FieldHelp::toolTip(text.mid(begin, end - begin))
            : QString();
        QStringList parts;
        // The loader's problems of the line first: they are why a line is underlined.
        for (const Problem &p : std::as_const(m_problems))
            if (p.cursor.block() == cursor.block())
                parts.append(QStringLiteral("<span style=\"color:%1\">%2</span>")
                                 .arg(p.error ? QStringLiteral("#e01b24") : QStringLiteral("#c64600"),
                                     p.message.toHtmlEscaped()));
        if (!tip.isEmpty())
            parts.append(
                QStringLiteral("<b>%1</b>: %2").arg(text.mid(begin, end - begin), tip.toHtmlEscaped()));
        if (parts.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), parts.join(QStringLiteral("<br>")), viewport());
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

// --- Editing ---------------------------------------------------------------

QString YamlView::problemsAt(int fileLine) const
{
    QStringList out;
    for (const Problem &p : m_problems)
        if (m_firstLine + p.cursor.blockNumber() == fileLine)
            out.append(p.message);
    return out.join(QLatin1Char('\n'));
}

void YamlView::updateDiagnostics()
{
    m_problems.clear();
    const QList<SourceFile> &files = m_document ? m_document->files() : QList<SourceFile>();
    if (m_fileIndex >= 0 && m_fileIndex < files.size()) {
        const QString &path = files[m_fileIndex].path;
        const int lastLine = m_firstLine + document()->blockCount() - 1;
        for (const Diagnostic &d : m_document->loadDiagnostics()) {
            if (d.file != path || d.line < m_firstLine || d.line > lastLine
                || d.severity == Diagnostic::Severity::Info)
                continue;
            const QTextBlock block = document()->findBlockByNumber(d.line - m_firstLine);
            const QString text = block.text();
            int column = std::clamp(d.column - 1, 0, int(text.size()));
            if (column >= text.size()) { // past the end: the whole line, from its indentation
                column = 0;
                while (column < text.size() - 1 && text[column].isSpace())
                    ++column;
            }
            QTextCursor cursor(block);
            cursor.setPosition(block.position() + column);
            cursor.setPosition(block.position() + int(text.size()), QTextCursor::KeepAnchor);
            m_problems.append({ cursor, QStringLiteral("%1 [%2]").arg(d.message, d.code),
                d.severity == Diagnostic::Severity::Error });
        }
    }
    updateExtraSelections();
    m_lineNumbers->update();
    updateBar();
}

} // namespace meshroute
