#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace meshroute {

// YAML colouring for the source view: keys, strings, numbers and booleans,
// comments, document markers, anchors and aliases, block scalars. Line by
// line (with one bit of state for block scalars), so an edit re-highlights
// only the lines it touched. Colours are picked for the palette's base, so
// a dark theme stays readable.
class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit YamlHighlighter(QTextDocument *document);

    // Picks colours for a light or dark background.
    void setDarkBackground(bool dark);

protected:
    void highlightBlock(const QString &text) override;

private:
    void highlightValue(const QString &text, int start);

    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_keyword;
    QTextCharFormat m_comment;
    QTextCharFormat m_marker;
    QTextCharFormat m_anchor;
    QTextCharFormat m_block;
};

} // namespace meshroute
