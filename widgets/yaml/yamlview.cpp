#include "yamlview.h"

#include "document.h"
#include "fieldhelp.h"
#include "linenumberarea.h"
#include "selection.h"
#include "yamlhighlighter.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolTip>
#include <algorithm>

namespace meshroute {

namespace {

int indentColumn(const QByteArray &line)
{
    int i = 0;
    while (i < line.size() && line[i] == ' ')
        ++i;
    return i + 1;
}

bool isBlankOrComment(const QByteArray &line)
{
    const QByteArray t = line.trimmed();
    return t.isEmpty() || t.startsWith('#');
}

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
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(mono);
    setMouseTracking(true);
    m_highlighter->setDarkBackground(palette().color(QPalette::Base).lightness() < 128);

    connect(this, &QPlainTextEdit::blockCountChanged, this,
        [this] { setViewportMargins(lineNumberAreaWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_lineNumbers->scroll(0, dy);
        else
            m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
    });
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);

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

void YamlView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_lineNumbers->setGeometry(QRect(r.left(), r.top(), lineNumberAreaWidth(), r.height()));
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
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int line = m_firstLine + block.blockNumber();
            const bool marked = line >= m_highlightFirst && line <= m_highlightLast;
            QColor color = pal.color(QPalette::Text);
            if (!marked)
                color.setAlphaF(0.5);
            painter.setPen(color);
            painter.drawText(0, top, width, fontMetrics().height(), Qt::AlignRight, QString::number(line));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

QList<QByteArray> YamlView::documentLines(int fileIndex, int documentIndex, int *firstLine) const
{
    const QList<SourceFile> &files = m_document->files();
    if (fileIndex < 0 || fileIndex >= files.size() || documentIndex < 0
        || std::size_t(documentIndex) >= files[fileIndex].spans.size())
        return {};
    *firstLine = files[fileIndex].spans[std::size_t(documentIndex)].line;
    QList<QByteArray> lines = m_document->documentText(fileIndex, documentIndex).split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast(); // the text ends with a newline: no line after it
    return lines;
}

int YamlView::documentAt(int fileIndex, int line) const
{
    const QList<SourceFile> &files = m_document->files();
    if (fileIndex < 0 || fileIndex >= files.size())
        return -1;
    const auto &spans = files[fileIndex].spans;
    auto it = std::upper_bound(
        spans.begin(), spans.end(), line, [](int l, const YamlDocumentSpan &s) { return l < s.line; });
    if (it == spans.begin())
        return spans.empty() ? -1 : 0;
    return int(it - spans.begin()) - 1;
}

QPair<int, int> YamlView::blockRange(int line, int column, const QList<QByteArray> &lines, int firstLine)
{
    const int start = line - firstLine;
    if (start < 0 || start >= lines.size())
        return { line, line };
    int end = start;
    for (int i = start + 1; i < lines.size(); ++i) {
        if (isBlankOrComment(lines[i]))
            continue;
        if (lines[i].startsWith("---") || lines[i].startsWith("...") || indentColumn(lines[i]) < column)
            break;
        end = i;
    }
    return { line, firstLine + end };
}

QPair<int, int> YamlView::rangeFor(const SelectionTarget &target) const
{
    const Resource *r = m_document->resource(target.resourceId);
    if (!r)
        return { 0, 0 };
    int firstLine = 1;
    const QList<QByteArray> lines = documentLines(r->fileIndex, r->documentIndex, &firstLine);
    if (lines.isEmpty())
        return { 0, 0 };

    SourcePos pos;
    if (const VirtualService *vs = r->virtualService();
        vs && target.routeIndex >= 0 && target.routeIndex < vs->http.size()) {
        const HttpRoute &rule = vs->http[target.routeIndex];
        pos = rule.pos;
        if (target.destinationIndex >= 0 && target.destinationIndex < rule.route.size())
            pos = rule.route[target.destinationIndex].pos;
        else if (target.matchIndex >= 0 && target.matchIndex < rule.match.size())
            pos = rule.match[target.matchIndex].pos;
    } else if (const DestinationRule *dr = r->destinationRule(); dr && !target.subset.isEmpty()) {
        if (const Subset *s = dr->findSubset(target.subset))
            pos = s->pos;
    }
    if (!pos.isValid() && r->listItem >= 0)
        pos = r->pos;
    if (pos.isValid())
        return blockRange(r->absoluteLine(pos), pos.column, lines, firstLine);

    // The whole document, without its "---" line and trailing blank lines.
    int first = 0;
    while (first < lines.size() && (lines[first].startsWith("---") || lines[first].trimmed().isEmpty()))
        ++first;
    int last = int(lines.size()) - 1;
    while (last > first && lines[last].trimmed().isEmpty())
        --last;
    return { firstLine + first, firstLine + last };
}

SelectionTarget YamlView::targetAt(int fileIndex, int line) const
{
    SelectionTarget t;
    const int documentIndex = documentAt(fileIndex, line);
    if (documentIndex < 0)
        return t;
    int firstLine = 1;
    const QList<QByteArray> lines = documentLines(fileIndex, documentIndex, &firstLine);
    const Resource *found = nullptr;
    for (const Resource &r : m_document->workspace().resources) {
        if (r.fileIndex != fileIndex || r.documentIndex != documentIndex)
            continue;
        if (r.listItem < 0) {
            found = &r;
            break;
        }
        // A `kind: List`: the item whose lines hold the click.
        const QPair<int, int> range = blockRange(r.absoluteLine(r.pos), r.pos.column, lines, firstLine);
        if (line >= range.first && line <= range.second) {
            found = &r;
            break;
        }
    }
    if (!found)
        return t;
    t.resourceId = found->id;
    auto contains = [&](const SourcePos &pos) {
        if (!pos.isValid())
            return false;
        const QPair<int, int> range = blockRange(found->absoluteLine(pos), pos.column, lines, firstLine);
        return line >= range.first && line <= range.second;
    };
    if (const VirtualService *vs = found->virtualService()) {
        for (int i = 0; i < vs->http.size(); ++i) {
            const HttpRoute &rule = vs->http[i];
            if (!contains(rule.pos))
                continue;
            t.routeIndex = i;
            for (int d = 0; d < rule.route.size(); ++d)
                if (contains(rule.route[d].pos))
                    t.destinationIndex = d;
            for (int m = 0; m < rule.match.size(); ++m)
                if (contains(rule.match[m].pos))
                    t.matchIndex = m;
            break;
        }
    } else if (const DestinationRule *dr = found->destinationRule()) {
        for (const Subset &s : dr->subsets)
            if (contains(s.pos))
                t.subset = s.name.value;
    }
    return t;
}

void YamlView::showWindow(int fileIndex, int line)
{
    const QList<SourceFile> &files = m_document->files();
    if (fileIndex < 0 || fileIndex >= files.size()) {
        m_fileIndex = -1;
        m_documentIndex = -1;
        m_shown.clear();
        m_firstLine = 1;
        setPlainText(QString());
        return;
    }
    const int documentIndex
        = files[fileIndex].text.size() > maxWholeFileBytes ? std::max(0, documentAt(fileIndex, line)) : -1;
    if (fileIndex == m_fileIndex && documentIndex == m_documentIndex) {
        refreshText();
        return;
    }
    m_fileIndex = fileIndex;
    m_documentIndex = documentIndex;
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
    QByteArray text;
    int firstLine = 1;
    if (m_documentIndex < 0) {
        text = file.text;
    } else {
        if (std::size_t(m_documentIndex) >= file.spans.size())
            m_documentIndex = file.spans.empty() ? -1 : 0;
        if (m_documentIndex >= 0) {
            text = m_document->documentText(m_fileIndex, m_documentIndex);
            firstLine = file.spans[std::size_t(m_documentIndex)].line;
        }
    }
    const bool firstLineMoved = firstLine != m_firstLine;
    m_firstLine = firstLine;
    if (text == m_shown && !m_shown.isNull()) {
        if (firstLineMoved)
            m_lineNumbers->update();
        return;
    }
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
    if (event.type == ChangeEvent::Type::Saved)
        return;
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
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(),
                QStringLiteral("<b>%1</b>: %2").arg(text.mid(begin, end - begin), tip.toHtmlEscaped()),
                viewport());
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

} // namespace meshroute
