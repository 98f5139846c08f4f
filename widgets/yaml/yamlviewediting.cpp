#include "yamlview.h"

#include "document.h"
#include "linenumberarea.h"
#include "replacedocumenttext.h"
#include "replacefiletext.h"
#include "selection.h"
#include "undostack.h"
#include "yamleditbar.h"
#include "yamlparser.h"
#include "yamlscan.h"

#include <QKeyEvent>
#include <QScopeGuard>
#include <QTextBlock>

// YamlView's editing: the pending edit typed in the view, applied to the file as
// one undo step or reverted, and the keys and focus changes that decide it.
namespace meshroute {

namespace {

// Where the lines of `bytes` begin, split as QTextCursor::insertText splits
// text into blocks (at \r\n, \n, \r and U+2029), so line i of the bytes is
// block i of the view. The last entry is the end of the bytes.
QList<qsizetype> blockStarts(const QByteArray &bytes, QList<qsizetype> *ends)
{
    QList<qsizetype> starts { 0 };
    const qsizetype n = bytes.size();
    const char *s = bytes.constData();
    for (qsizetype i = 0; i < n;) {
        const char c = s[i];
        qsizetype separator = 0;
        if (c == '\n')
            separator = 1;
        else if (c == '\r')
            separator = i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
        else if (c == '\xe2' && i + 2 < n && s[i + 1] == '\x80' && s[i + 2] == '\xa9')
            separator = 3;
        if (!separator) {
            ++i;
            continue;
        }
        ends->append(i);
        i += separator;
        starts.append(i);
    }
    ends->append(n);
    return starts;
}

bool isApplyKey(const QKeyEvent *event)
{
    return (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && (event->modifiers() & Qt::ControlModifier);
}

bool isRedoKey(const QKeyEvent *event)
{
    return event->matches(QKeySequence::Redo)
        || (event->key() == Qt::Key_Y && event->modifiers() == Qt::ControlModifier);
}

} // namespace

bool YamlView::hasPendingEdit() const
{
    return m_conflict || document()->isModified();
}

QPair<qsizetype, qsizetype> YamlView::shownRange() const
{
    const QList<SourceFile> &files = m_document->files();
    if (m_fileIndex < 0 || m_fileIndex >= files.size())
        return { 0, 0 };
    const SourceFile &file = files[m_fileIndex];
    if (m_documentIndex < 0 || file.spans.empty())
        return { 0, file.text.size() };
    const int last = int(file.spans.size()) - 1;
    const YamlDocumentSpan &first = file.spans[std::size_t(std::clamp(m_documentIndex, 0, last))];
    const YamlDocumentSpan &end
        = file.spans[std::size_t(std::clamp(m_documentIndex + m_documentCount - 1, 0, last))];
    return { first.offset, std::max(first.offset, end.offset + end.length) };
}

QByteArray YamlView::editedBytes() const
{
    // Lines equal at both ends to what was shown keep their bytes (line
    // endings, invalid UTF-8 and all); only the lines between are encoded anew.
    QList<qsizetype> ends;
    const QList<qsizetype> starts = blockStarts(m_shown, &ends);
    const int baseCount = int(starts.size());
    const int viewCount = document()->blockCount();
    auto shownLine
        = [&](int i) { return QString::fromUtf8(m_shown.constData() + starts[i], ends[i] - starts[i]); };
    const int common = std::min(baseCount, viewCount);
    int prefix = 0;
    QTextBlock block = document()->begin();
    // The last shown line has no line break after it: it can only be kept as part of the suffix.
    while (prefix < common - 1 && block.text() == shownLine(prefix)) {
        ++prefix;
        block = block.next();
    }
    int suffix = 0;
    for (QTextBlock b = document()->lastBlock(); suffix < common - prefix; b = b.previous(), ++suffix)
        if (b.text() != shownLine(baseCount - 1 - suffix))
            break;
    const QByteArray newline = m_shown.contains("\r\n") ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
    // QString::fromUtf8 drops a byte order mark: the view never shows it, and typing on the
    // first line keeps it in the file.
    const int mark = YamlScan::byteOrderMarkLength(std::string_view(m_shown.constData(), std::size_t(m_shown.size())));
    QByteArray out = m_shown.left(prefix == 0 ? mark : starts[prefix]);
    for (int i = prefix; i < viewCount - suffix; ++i, block = block.next()) {
        out += block.text().toUtf8();
        if (i < viewCount - 1)
            out += newline;
    }
    if (suffix > 0)
        out += m_shown.mid(starts[baseCount - suffix]);
    return out;
}

QByteArray YamlView::pendingFileText(int fileIndex) const
{
    if (!hasPendingEdit() || !m_document || fileIndex != m_fileIndex || fileIndex < 0
        || fileIndex >= m_document->files().size())
        return {};
    const QByteArray &text = m_document->files()[fileIndex].text;
    const QPair<qsizetype, qsizetype> range = shownRange();
    return text.left(range.first) + editedBytes() + text.mid(range.second);
}

bool YamlView::applyPendingEdit()
{
    if (!hasPendingEdit() || !m_document || m_fileIndex < 0 || m_fileIndex >= m_document->files().size())
        return false;
    const QByteArray mine = editedBytes();
    const QByteArray before = m_document->files()[m_fileIndex].text;
    const QPair<qsizetype, qsizetype> range = shownRange();
    const QByteArray after = before.left(range.first) + mine + before.mid(range.second);
    m_shown = mine; // what the view shows already
    m_appliedBegin = range.first;
    m_appliedEnd = range.first + mine.size();
    if (after == before) {
        markSynced();
        updateDiagnostics();
        return false;
    }
    m_applying = true;
    const auto done = qScopeGuard([this] { m_applying = false; });
    // One document of a big file that stays one document: replace just it, so
    // only it is reparsed (milliseconds, not a 14 MB reload). Anything that
    // moves a document boundary (a typed "---") replaces the whole file.
    const auto &spans = m_document->files()[m_fileIndex].spans;
    if (m_documentIndex >= 0 && m_documentCount == 1 && std::size_t(m_documentIndex) < spans.size()
        && YamlParser::splitDocuments(std::string_view(after.constData(), std::size_t(after.size()))).size()
            == spans.size()) {
        m_document->undoStack()->push(new ReplaceDocumentText(m_document, m_fileIndex, m_documentIndex,
            before.mid(range.first, range.second - range.first), mine, tr("Edit YAML")));
        return true;
    }
    m_document->undoStack()->push(
        new ReplaceFileText(m_document, m_fileIndex, before, after, tr("Edit YAML")));
    return true;
}

void YamlView::revertPendingEdit()
{
    if (!hasPendingEdit() || !m_document)
        return;
    // Start from the bytes on screen, so only the lines that differ from the file are replaced.
    m_shown = editedBytes();
    m_conflict = false;
    m_syncing = true;
    document()->setModified(false);
    m_syncing = false;
    if (m_fileIndex < 0 || m_fileIndex >= m_document->files().size()) {
        onDocumentChanged(ChangeEvent { ChangeEvent::Type::Reset, {}, -1 });
        return;
    }
    refreshText();
    const QPair<int, int> range = rangeFor(m_selection->current());
    setHighlight(range.first, range.second, false);
}

void YamlView::markSynced()
{
    m_syncing = true;
    document()->clearUndoRedoStacks();
    document()->setModified(false);
    m_syncing = false;
    m_syncRevision = document()->revision();
    m_conflict = false;
    m_lineNumbers->update();
    updateBar();
}

bool YamlView::isLineEdited(int fileLine) const
{
    const QTextBlock block = document()->findBlockByNumber(fileLine - m_firstLine);
    return block.isValid() && fileLine >= m_firstLine && block.revision() > m_syncRevision;
}

void YamlView::updateBar()
{
    const YamlEditBar::State state = m_conflict ? YamlEditBar::State::Conflict
        : document()->isModified()              ? YamlEditBar::State::Edited
                                                : YamlEditBar::State::Clean;
    QString problem;
    int errors = 0;
    for (const Problem &p : std::as_const(m_problems)) {
        if (!p.error)
            continue;
        if (!errors++)
            problem = tr("Line %1: %2").arg(m_firstLine + p.cursor.blockNumber()).arg(p.message);
    }
    if (errors > 1)
        problem += tr(" (and %n more)", nullptr, errors - 1);
    const bool canApply = m_document && m_fileIndex >= 0 && m_fileIndex < m_document->files().size();
    m_bar->setState(state, problem, canApply);
    const bool needed = m_bar->isNeeded();
    if (needed != m_bar->isVisibleTo(this)) {
        m_bar->setVisible(needed);
        updateMargins();
    } else if (needed) {
        updateMargins(); // the problem line may have come or gone
    }
}

bool YamlView::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (isApplyKey(key) || (key->key() == Qt::Key_Escape && hasPendingEdit())) {
            event->accept();
            return true;
        }
        // Undo and redo of typing stay in the view; past the typing they are the
        // window's, the file's history.
        if (key->matches(QKeySequence::Undo) || isRedoKey(key)) {
            const bool mine = key->matches(QKeySequence::Undo) ? document()->isUndoAvailable()
                                                               : document()->isRedoAvailable();
            event->setAccepted(mine);
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

void YamlView::keyPressEvent(QKeyEvent *event)
{
    if (isApplyKey(event)) {
        applyPendingEdit();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier && hasPendingEdit()) {
        revertPendingEdit();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Tab && event->modifiers() == Qt::NoModifier) {
        insertPlainText(QStringLiteral("  ")); // YAML does not allow tabs in indentation
        event->accept();
        return;
    }
    if (isRedoKey(event) && !event->matches(QKeySequence::Redo)) { // Ctrl+Y where it is not Redo
        redo();
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void YamlView::focusOutEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusOutEvent(event);
    // Leaving the view applies, so a change made elsewhere never meets a
    // pending edit. A menu or a context menu is not leaving; a conflict waits
    // for the user's choice.
    if (event->reason() != Qt::PopupFocusReason && !m_conflict && hasPendingEdit())
        applyPendingEdit();
}

} // namespace meshroute
