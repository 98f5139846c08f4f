#include "yamlhighlighter.h"

#include <QRegularExpression>

namespace meshroute {

namespace {

// Block state: -1 normal; >= 0 inside a block scalar whose owner line was
// indented by (state) columns.
int indentOf(const QString &text)
{
    int i = 0;
    while (i < text.size() && text[i] == QLatin1Char(' '))
        ++i;
    return i;
}

// Where a comment starts (a '#' at the start or after a space, outside quotes), or -1.
int commentStart(const QString &text, int from)
{
    QChar quote;
    for (int i = from; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\''))
            quote = c;
        else if (c == QLatin1Char('#') && (i == 0 || text[i - 1].isSpace()))
            return i;
    }
    return -1;
}

} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    setDarkBackground(false);
}

void YamlHighlighter::setDarkBackground(bool dark)
{
    auto color = [dark](const char *light, const char *darkColor) {
        return QColor(QLatin1String(dark ? darkColor : light));
    };
    m_key.setForeground(color("#1f5f9e", "#7cb7ff"));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(color("#a0522d", "#e6a26f"));
    m_number.setForeground(color("#098658", "#7fd1ae"));
    m_keyword.setForeground(color("#8e44ad", "#d7a6f2"));
    m_comment.setForeground(color("#6a737d", "#8b949e"));
    m_comment.setFontItalic(true);
    m_marker.setForeground(color("#b3261e", "#ff8a80"));
    m_marker.setFontWeight(QFont::Bold);
    m_anchor.setForeground(color("#b35900", "#ffc266"));
    m_block.setForeground(color("#a0522d", "#e6a26f"));
    rehighlight();
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    const int indent = indentOf(text);
    const int previous = previousBlockState();
    setCurrentBlockState(-1);

    // Inside a block scalar (| or >): everything more indented than its key is text.
    if (previous >= 0) {
        if (text.trimmed().isEmpty() || indent > previous) {
            setFormat(0, int(text.size()), m_block);
            setCurrentBlockState(previous);
            return;
        }
    }
    if (text.startsWith(QLatin1String("---")) || text.startsWith(QLatin1String("..."))) {
        setFormat(0, 3, m_marker);
        const int c = commentStart(text, 3);
        if (c >= 0)
            setFormat(c, int(text.size()) - c, m_comment);
        return;
    }
    int pos = indent;
    // List markers.
    while (pos < text.size() && text[pos] == QLatin1Char('-')
        && (pos + 1 == text.size() || text[pos + 1] == QLatin1Char(' '))) {
        setFormat(pos, 1, m_marker);
        pos += 2;
        while (pos < text.size() && text[pos] == QLatin1Char(' '))
            ++pos;
    }
    const int comment = commentStart(text, pos);
    const int end = comment >= 0 ? comment : int(text.size());
    if (comment >= 0)
        setFormat(comment, int(text.size()) - comment, m_comment);
    if (pos >= end)
        return;

    // A key: plain or quoted text up to ": " or a final ':'.
    int keyEnd = -1;
    if (text[pos] == QLatin1Char('"') || text[pos] == QLatin1Char('\'')) {
        const int close = int(text.indexOf(text[pos], pos + 1));
        if (close > 0 && close + 1 < end && text[close + 1] == QLatin1Char(':'))
            keyEnd = close + 1;
    } else if (text[pos] != QLatin1Char('{') && text[pos] != QLatin1Char('[')) {
        for (int i = pos; i < end; ++i)
            if (text[i] == QLatin1Char(':') && (i + 1 == end || text[i + 1] == QLatin1Char(' '))) {
                keyEnd = i;
                break;
            }
    }
    int valueStart = pos;
    if (keyEnd > pos) {
        setFormat(pos, keyEnd - pos, m_key);
        valueStart = keyEnd + 1;
        while (valueStart < end && text[valueStart] == QLatin1Char(' '))
            ++valueStart;
    }
    if (valueStart >= end)
        return;
    const QString value = text.mid(valueStart, end - valueStart).trimmed();
    if (value.startsWith(QLatin1Char('|')) || value.startsWith(QLatin1Char('>'))) {
        setFormat(valueStart, int(value.size()), m_keyword);
        setCurrentBlockState(indent);
        return;
    }
    highlightValue(text.left(end), valueStart);
}

void YamlHighlighter::highlightValue(const QString &text, int start)
{
    static const QRegularExpression number(
        QStringLiteral("^[-+]?(\\d[\\d_]*(\\.\\d*)?([eE][-+]?\\d+)?|\\.\\d+|0x[0-9a-fA-F]+)$"));
    static const QRegularExpression keyword(
        QStringLiteral("^(true|false|True|False|TRUE|FALSE|null|Null|NULL|~|yes|no|on|off)$"));
    const QString value = text.mid(start).trimmed();
    const int length = int(value.size());
    if (value.startsWith(QLatin1Char('&')) || value.startsWith(QLatin1Char('*'))
        || value.startsWith(QLatin1Char('!'))) {
        const int space = int(value.indexOf(QLatin1Char(' ')));
        setFormat(start, space < 0 ? length : space, m_anchor);
        if (space > 0)
            highlightValue(text, start + space + 1);
        return;
    }
    if (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\'')))
        setFormat(start, length, m_string);
    else if (number.match(value).hasMatch())
        setFormat(start, length, m_number);
    else if (keyword.match(value).hasMatch())
        setFormat(start, length, m_keyword);
}

} // namespace meshroute
