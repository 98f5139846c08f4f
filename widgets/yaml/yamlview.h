#pragma once

#include <QPlainTextEdit>

namespace meshroute {

class Document;
class LineNumberArea;
class Selection;
class YamlHighlighter;
struct ChangeEvent;
struct Resource;
struct SelectionTarget;

// The YAML dock: a read-only source view of the selected resource's file,
// with line numbers and highlighting, scrolled to the selected item with its
// lines marked. Clicking a line selects the model item written there. It
// follows every model change at once, replacing only the lines that changed.
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

protected:
    void resizeEvent(QResizeEvent *event) override;
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
    // The lines of one YAML document of a file, and the file line of its first one.
    QList<QByteArray> documentLines(int fileIndex, int documentIndex, int *firstLine) const;
    int documentAt(int fileIndex, int line) const;
    // The file lines (first, last) of the item starting at line:column, by indentation.
    static QPair<int, int> blockRange(int line, int column, const QList<QByteArray> &lines, int firstLine);
    QPair<int, int> rangeFor(const SelectionTarget &target) const;

    Document *m_document;
    Selection *m_selection;
    LineNumberArea *m_lineNumbers;
    YamlHighlighter *m_highlighter;
    int m_fileIndex = -1;
    int m_documentIndex = -1; // the document shown, or -1 for the whole file
    int m_firstLine = 1;
    QByteArray m_shown; // the bytes in the view
    int m_highlightFirst = 0;
    int m_highlightLast = 0;
    int m_cursorLine = 0;
    bool m_selecting = false;
};

} // namespace meshroute
