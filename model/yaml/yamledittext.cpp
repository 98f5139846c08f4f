#include "yamledittext.h"

#include "yamlchomping.h"
#include "yamlscan.h"

#include <cstring>

namespace meshroute::YamlEditText {

int lineStart(const QByteArray &doc, int offset)
{
    const int from = offset;
    while (offset > 0 && doc[offset - 1] != '\n')
        --offset;
    // Line 1 starts after a byte order mark, which takes no column: indentation counts from there,
    // and an edit of the line's whole text keeps the mark.
    if (offset == 0) {
        const int mark
            = YamlScan::byteOrderMarkLength(std::string_view(doc.constData(), std::size_t(doc.size())));
        return from >= mark ? mark : 0;
    }
    return offset;
}

int lineIndent(const QByteArray &doc, int offset)
{
    const int start = lineStart(doc, offset);
    int i = start;
    while (i < doc.size() && doc[i] == ' ')
        ++i;
    return i - start;
}

int nextLineStart(const QByteArray &doc, int offset)
{
    while (offset < doc.size() && doc[offset] != '\n')
        ++offset;
    return offset < doc.size() ? offset + 1 : offset;
}

bool isCommentLine(const QByteArray &doc, int start)
{
    int i = start;
    while (i < doc.size() && (doc[i] == ' ' || doc[i] == '\t'))
        ++i;
    return i < doc.size() && doc[i] == '#';
}

bool onlySpaces(const QByteArray &doc, int from, int to)
{
    for (int i = from; i < to; ++i)
        if (doc[i] != ' ' && doc[i] != '\t')
            return false;
    return true;
}

bool isDashPrefix(const QByteArray &doc, int from, int to)
{
    bool dash = false;
    for (int i = from; i < to; ++i) {
        if (doc[i] == '-' && !dash)
            dash = true;
        else if (doc[i] != ' ' && doc[i] != '\t')
            return false;
    }
    return dash;
}

bool isItemLead(const QByteArray &doc, int from, int to)
{
    int i = from;
    while (i < to && (doc[i] == ' ' || doc[i] == '\t'))
        ++i;
    if (i == to || doc[i] != '-')
        return false;
    for (++i; i < to;) {
        if (doc[i] == ' ' || doc[i] == '\t') {
            ++i;
        } else if ((doc[i] == '&' || doc[i] == '!') && (doc[i - 1] == ' ' || doc[i - 1] == '\t')) {
            while (i < to && doc[i] != ' ' && doc[i] != '\t')
                ++i;
        } else {
            return false;
        }
    }
    return true;
}

int withCommentsAbove(const QByteArray &doc, int start, int limit)
{
    while (start > limit) {
        const int previous = lineStart(doc, start - 1);
        if (previous < limit || !isCommentLine(doc, previous))
            break;
        start = previous;
    }
    return start;
}

bool blockItemRange(
    const QByteArray &doc, const YamlNode &seq, int index, int *begin, int *end, QString *error)
{
    const int n = int(seq.children.size());
    auto start = [&](int i, int *out) {
        const YamlNode &item = seq.children[std::size_t(i)];
        const int ls = lineStart(doc, item.start.offset);
        if (!isItemLead(doc, ls, item.start.offset)) {
            *error = QStringLiteral("item %1 does not start its own line").arg(i);
            return false;
        }
        const int limit = i > 0 ? nextLineStart(doc, seq.children[std::size_t(i - 1)].endOffset) : 0;
        *out = withCommentsAbove(doc, ls, limit);
        return true;
    };
    if (!start(index, begin))
        return false;
    if (index + 1 < n)
        return start(index + 1, end);
    *end = nextLineStart(doc, std::max(seq.endOffset - 1, seq.children.back().start.offset));
    // A keep scalar's empty lines after the last item are its value's, so the item's.
    if (const int kept = YamlChomping::keptLinesEnd(doc, seq); kept >= 0)
        *end = std::max(*end, nextLineStart(doc, kept));
    return true;
}

int blockKeyBegin(const QByteArray &doc, const YamlNode &key)
{
    int i = lineStart(doc, key.start.offset);
    while (i < key.start.offset && (doc[i] == ' ' || doc[i] == '\t' || doc[i] == '-'))
        ++i;
    return i;
}

namespace {

// Where the text before `offset` ends, past blanks, line breaks, comment lines and a comment at the
// end of the line above (`? # note` over the key). A '#' starts a comment first on its line or
// after a blank; the lines looked at here hold only a '?', dashes and properties.
int contentEndBefore(const QByteArray &doc, int offset)
{
    int i = offset;
    while (i > 0 && (doc[i - 1] == ' ' || doc[i - 1] == '\t'))
        --i;
    while (i > 0 && (doc[i - 1] == '\n' || doc[i - 1] == '\r')) {
        const int le = doc[i - 1] == '\n' && i > 1 && doc[i - 2] == '\r' ? i - 2 : i - 1;
        const int ls = lineStart(doc, le);
        int end = le;
        for (int j = ls; j < le; ++j) {
            if (doc[j] == '#' && (j == ls || doc[j - 1] == ' ' || doc[j - 1] == '\t')) {
                end = j;
                break;
            }
        }
        while (end > ls && (doc[end - 1] == ' ' || doc[end - 1] == '\t'))
            --end;
        i = end > ls ? end : ls;
        if (end > ls)
            break;
    }
    return i;
}

} // namespace

int flowEntryBegin(const QByteArray &doc, const YamlNode &node)
{
    int i = node.start.offset;
    for (;;) {
        const int from = i;
        while (i > 0 && doc[i - 1] != '[' && doc[i - 1] != '{' && doc[i - 1] != ',' && doc[i - 1] != '\n')
            --i;
        const bool lineStarts = i > 0 && doc[i - 1] == '\n';
        while (i < from && (doc[i] == ' ' || doc[i] == '\t'))
            ++i;
        if (!lineStarts)
            return i;
        // The entry may begin on a line above, with the node's properties (`[!t` over `x]`).
        const int end = contentEndBefore(doc, i);
        int token = end;
        while (token > 0 && !std::strchr(" \t\r\n[{,", doc[token - 1]))
            --token;
        if (token == end || (doc[token] != '!' && doc[token] != '&'))
            return i;
        i = token;
    }
}

int keyIndicatorBegin(const QByteArray &doc, const YamlNode &key)
{
    int i = key.start.offset;
    int first = i; // where the key's text begins, its properties included
    for (;;) {
        i = contentEndBefore(doc, i);
        int token = i;
        while (token > 0 && doc[token - 1] != ' ' && doc[token - 1] != '\t' && doc[token - 1] != '\n')
            --token;
        if (token < i && (doc[token] == '&' || doc[token] == '!'))
            i = first = token; // the key's own anchor or tag
        else
            break;
    }
    if (i == 0 || doc[i - 1] != '?')
        return key.start.offset;
    // A '?' that starts an entry stands first on its line, after indentation and list dashes; one
    // at the end of a value (`title: who ?`) is that value's.
    const int question = i - 1;
    const int questionLine = lineStart(doc, question);
    for (int j = questionLine; j < question; ++j)
        if (doc[j] != ' ' && doc[j] != '\t' && doc[j] != '-')
            return key.start.offset;
    // A key on a line below a '?' is its key only indented more, its properties too; at its column
    // or left of it, the '?' is an entry of its own with an empty key (`?` over `k: v`, `? &a`
    // over `k: v`, where the anchor is the empty key's).
    for (const int at : { first, key.start.offset }) {
        const int line = lineStart(doc, at);
        if (line != questionLine && at - line <= question - questionLine)
            return key.start.offset;
    }
    return question;
}

int valueIndicatorAfter(const QByteArray &doc, int from)
{
    int i = from;
    while (i < doc.size()) {
        if (doc[i] == ' ' || doc[i] == '\t' || doc[i] == '\n' || doc[i] == '\r')
            ++i;
        else if (doc[i] == '#')
            i = nextLineStart(doc, i);
        else
            break;
    }
    return i < doc.size() && doc[i] == ':' ? i : -1;
}

} // namespace meshroute::YamlEditText
