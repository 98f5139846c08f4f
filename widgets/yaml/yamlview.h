#pragma once

#include <QPlainTextEdit>
#include <QPointer>

namespace meshroute {

class Document;
class LineNumberArea;
class Selection;
class YamlEditBar;
class YamlFindBar;
class YamlHighlighter;
struct ChangeEvent;
struct Resource;
struct SelectionTarget;

// The YAML dock: a source view and editor of the selected resource's file,
// with line numbers and highlighting, scrolled to the selected item with its
// lines marked. Clicking a line selects the model item written there. It
// follows every model change at once, replacing only the lines that changed.
//
// Typing makes a pending edit, kept in the view until Ctrl+Enter or leaving
// the view applies it as one command (Esc reverts): ReplaceFileText, or
// ReplaceDocumentText when one shown document of a big file stays one. Lines
// the user did not touch are put back byte for byte, so applying what was
// shown changes nothing. A model change that arrives while an edit is
// pending never replaces the typed text: the bar offers "Apply mine" or
// "Take file's". The loader's problems of the shown text are marked inline.
//
// Files up to maxWholeFileBytes are shown whole; larger ones (a 14 MB
// export) show the selected resource's YAML document only, numbered with
// the file's own lines, so a weight edit never re-lays out 500,000 lines.
class YamlView : public QPlainTextEdit
{
    Q_OBJECT

public:
    static constexpr int maxWholeFileBytes = 1024 * 1024;

    YamlView(Document *document, Selection *selection, QWidget *parent = nullptr);

    // What is shown: the file, the first line of the text in that file, and
    // the highlighted range (file lines, inclusive; 0 when none).
    int fileIndex() const { return m_fileIndex; }
    int firstLine() const { return m_firstLine; }
    int highlightFirst() const { return m_highlightFirst; }
    int highlightLast() const { return m_highlightLast; }
    // The text of a file line as shown, or a null string when not shown.
    QString lineText(int fileLine) const;
    // The file line at the top of the viewport.
    int topVisibleLine() const;
    bool isLineVisible(int fileLine) const;

    // Shows `line` (1-based, of the file) with the cursor at `column`, and marks it (Problems double-click).
    void goToLine(int fileIndex, int line, int column = 1);
    // The selection the given file line stands for.
    SelectionTarget targetAt(int fileIndex, int line) const;

    // Brings the shown text and the marked lines up to date with the model (what every change does).
    void refresh();

    int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent *event);

    // Typed text that is not in the file yet.
    bool hasPendingEdit() const;
    // A model change arrived while the edit was pending.
    bool hasConflict() const { return m_conflict; }
    // Puts the typed text in the file as one undo step; false when there was nothing to apply.
    bool applyPendingEdit();
    // Throws the typed text away and shows the file's.
    void revertPendingEdit();
    // The whole text of a file with the pending edit in it (for autosave), or a null array.
    QByteArray pendingFileText(int fileIndex) const;
    // Whether a shown line was typed on since the text last matched the file.
    bool isLineEdited(int fileLine) const;
    // The loader's messages marked on a shown line, one per line of text (empty: none).
    QString problemsAt(int fileLine) const;
    YamlEditBar *editBar() const { return m_bar; }
    // The find strip at the top (Edit > Find); showFindBar() opens it with its field focused.
    YamlFindBar *findBar() const { return m_findBar; }
    void showFindBar();

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onDocumentChanged(const ChangeEvent &event);
    void onSelectionChanged(const SelectionTarget &target);
    // Makes the view show `fileIndex` around `line`: the whole file, or the document holding the line.
    void showWindow(int fileIndex, int line);
    // Puts the current text of the shown range in the view, touching only the lines that differ.
    void refreshText();
    void setHighlight(int first, int last, bool scroll);
    void updateExtraSelections();
    int documentAt(int fileIndex, int line) const;
    QPair<int, int> rangeFor(const SelectionTarget &target) const;
    // The file's byte range [first, second) the view shows.
    QPair<qsizetype, qsizetype> shownRange() const;
    // The view's text as bytes: lines the user did not touch are m_shown's own bytes.
    QByteArray editedBytes() const;
    // The text now matches the file: forget the typing history and the changed-line marks.
    void markSynced();
    void updateDiagnostics();
    void updateBar();
    void updateMargins();
    int barHeight() const;

    struct Problem
    {
        QTextCursor cursor; // on the line's text; moves with typing
        QString message;
        bool error = true;
    };

    QPointer<Document> m_document;
    Selection *m_selection;
    LineNumberArea *m_lineNumbers;
    YamlHighlighter *m_highlighter;
    YamlEditBar *m_bar;
    YamlFindBar *m_findBar;
    int m_fileIndex = -1;
    int m_documentIndex = -1; // the first document shown, or -1 for the whole file
    int m_documentCount = 1; // documents shown from m_documentIndex (an applied "---" makes two)
    int m_firstLine = 1;
    QByteArray m_shown; // the bytes in the view
    int m_highlightFirst = 0;
    int m_highlightLast = 0;
    int m_cursorLine = 0;
    bool m_selecting = false;
    // Editing: the text document's revision when its text last matched the file.
    int m_syncRevision = 0;
    bool m_syncing = false; // the view changes its own text: not typing
    bool m_applying = false; // our own command is being pushed
    bool m_conflict = false;
    QString m_filePath; // of the shown file, to find it again after a reload
    qsizetype m_appliedBegin = 0; // the bytes of the file the last apply wrote
    qsizetype m_appliedEnd = 0;
    QList<Problem> m_problems;
};

} // namespace meshroute
