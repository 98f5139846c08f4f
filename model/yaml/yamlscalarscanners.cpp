// YamlFastParser's scalar scanners: plain, quoted and block scalars read from
// their first character to their value and extent. The yaml-cpp path calls
// them too, for the extents yaml-cpp does not report.
#include "yamlfastparser.h"

#include "yamlscan.h"

#include <cstdint>
#include <vector>

namespace meshroute {

using namespace YamlScan;

namespace {

using Status = YamlFastParser::Status;
using Scalar = YamlFastParser::Scalar;

// Ends a scan early: sets what stopped it and returns false. What was read so
// far stays in sc, as callers use sc.end to place a node yaml-cpp reads instead.
bool stopScan(Scalar &sc, Status status, int at, std::string message)
{
    sc.status = status;
    sc.message = std::move(message);
    sc.errorOffset = at;
    return false;
}

void appendUtf8(std::string &out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The one-character escapes of a double-quoted scalar; false for any other.
bool appendSimpleEscape(std::string &v, char e)
{
    switch (e) {
    case '0':
        v += '\0';
        return true;
    case 'a':
        v += '\a';
        return true;
    case 'b':
        v += '\b';
        return true;
    case 't':
    case '\t':
        v += '\t';
        return true;
    case 'n':
        v += '\n';
        return true;
    case 'v':
        v += '\v';
        return true;
    case 'f':
        v += '\f';
        return true;
    case 'r':
        v += '\r';
        return true;
    case 'e':
        v += '\x1b';
        return true;
    case ' ':
        v += ' ';
        return true;
    case '"':
        v += '"';
        return true;
    case '/':
        v += '/';
        return true;
    case '\\':
        v += '\\';
        return true;
    case 'N':
        appendUtf8(v, 0x85);
        return true;
    case '_':
        appendUtf8(v, 0xA0);
        return true;
    case 'L':
        appendUtf8(v, 0x2028);
        return true;
    case 'P':
        appendUtf8(v, 0x2029);
        return true;
    default:
        return false;
    }
}

// The continuation lines of a plain scalar whose first line ended at its end
// of line: folded into the value with a space, or a newline per empty line.
class PlainContinuation
{
public:
    PlainContinuation(std::string_view text, int pos, int parentIndent, bool flow, Scalar &sc)
        : t(text)
        , n(int(text.size()))
        , pos(pos)
        , parentIndent(parentIndent)
        , flow(flow)
        , sc(sc)
    { }

    // From the end of the first line, which ends at firstEnd; false when stopped.
    bool read(int i, int firstEnd)
    {
        int emptyLines = 0;
        while (i < n) {
            if (t[i] == '\r')
                ++i;
            if (i >= n || t[i] != '\n')
                break;
            ++i; // now at a line start
            const int ls = i;
            while (i < n && t[i] == ' ')
                ++i;
            const int indent = i - ls;
            int k = i;
            while (k < n && isSpace(t[k]))
                ++k;
            if (!flow && k > i && i - ls <= parentIndent) {
                // Like yaml-cpp: a tab where the continuation's indentation is still
                // being looked for is an error, even on an otherwise empty line.
                return stopScan(sc, Status::Error, i, "tabs are not allowed as indentation");
            }
            if (k >= n)
                break;
            if (isBreak(t[k])) {
                ++emptyLines;
                i = k;
                continue;
            }
            // Tabs after the indentation are white space before the line's text, as for yaml-cpp
            // and libyaml (a tab at a column before the scalar's indentation is the error above).
            // Leaving them to yaml-cpp gave its value, with the scalar ending at the line before.
            if (endsBefore(k, indent, k == ls))
                break;
            const PlainLine next = scanPlainLine(t, k, flow);
            if (next.why == LineStop::Question)
                return stopScan(sc, Status::Unsupported, next.stop, "'?' in a flow scalar");
            append(firstEnd, k, next.end, emptyLines);
            emptyLines = 0;
            if (next.why == LineStop::Colon && !flow)
                return stopScan(sc, Status::Error, next.stop, "mapping values are not allowed here");
            if (next.why == LineStop::Colon)
                return stopScan(
                    sc, Status::Unsupported, next.stop, "multi-line implicit key in a flow collection");
            if (next.why != LineStop::Eol)
                break;
            i = next.stop;
        }
        return true;
    }

    bool multiLine() const { return multi; }

private:
    std::string_view t;
    int n;
    int pos;
    int parentIndent;
    bool flow;
    Scalar &sc;
    bool multi = false;

    // Whether the line whose content starts at k, indented by indent, is past the scalar; a
    // document marker stands first on its line (`atLineStart`), not after a tab.
    bool endsBefore(int k, int indent, bool atLineStart) const
    {
        if ((!flow && indent <= parentIndent) || t[k] == '#' || (atLineStart && docMarkerAt(t, k)))
            return true;
        return flow
            && (isFlowIndicator(t[k]) || (t[k] == ':' && (blankAt(t, k + 1) || isFlowIndicator(t[k + 1]))));
    }

    void append(int firstEnd, int k, int end, int emptyLines)
    {
        if (!multi) {
            sc.value.assign(t.data() + pos, firstEnd - pos);
            multi = true;
        }
        if (emptyLines == 0)
            sc.value += ' ';
        else
            sc.value.append(emptyLines, '\n');
        sc.value.append(t.data() + k, end - k);
        sc.end = end;
    }
};

// A single- or double-quoted scalar, from its opening quote.
class QuotedReader
{
public:
    QuotedReader(std::string_view text, int pos)
        : t(text)
        , s(text.data())
        , n(int(text.size()))
        , pos(pos)
        , quote(s[pos])
        , dq(quote == '"')
    { }

    Scalar read()
    {
        std::string &v = sc.value;
        int i = pos + 1;
        for (;;) {
            // A run of ordinary characters, copied in one go.
            int j = i;
            while (j < n && s[j] != quote && s[j] != '\n' && s[j] != '\r' && !(dq && s[j] == '\\'))
                ++j;
            if (j >= n) {
                unterminated();
                return sc;
            }
            const char c = s[j];
            if (c == quote) {
                v.append(s + i, j - i);
                if (!dq && j + 1 < n && s[j + 1] == '\'') {
                    v += '\'';
                    i = j + 2;
                    continue;
                }
                sc.end = j + 1;
                return sc;
            }
            if (loneCrAt(t, j)) {
                // A lone carriage return is not a line break (only the yaml-cpp path sees one).
                v.append(s + i, j + 1 - i);
                i = j + 1;
                continue;
            }
            const bool more = (c == '\n' || c == '\r') ? foldLineBreaks(i, j, &i) : readEscape(i, j, &i);
            if (!more)
                return sc;
        }
    }

private:
    std::string_view t;
    const char *s;
    int n;
    int pos;
    char quote;
    bool dq;
    Scalar sc;

    bool fail(int at, std::string message) { return stopScan(sc, Status::Error, at, std::move(message)); }
    bool unterminated()
    {
        return fail(pos, dq ? "unterminated double-quoted scalar" : "unterminated single-quoted scalar");
    }
    // yaml-cpp ends the document at a marker line even inside quotes.
    bool markerInside(int k)
    {
        return stopScan(sc, Status::Unsupported, k, "document marker inside a quoted scalar");
    }

    // Line folding at the break at j: trailing white space of the line goes,
    // then one break becomes a space and each further (empty) line a newline.
    bool foldLineBreaks(int from, int j, int *next)
    {
        std::string &v = sc.value;
        int e = j;
        while (e > from && isSpace(s[e - 1]))
            --e;
        v.append(s + from, e - from);
        int breaks = 0;
        int k = j;
        for (;;) {
            if (k < n && s[k] == '\r')
                ++k;
            if (k >= n || s[k] != '\n')
                break;
            ++k;
            ++breaks;
            if (docMarkerAt(t, k))
                return markerInside(k);
            while (k < n && isSpace(s[k]))
                ++k;
        }
        if (k >= n)
            return unterminated();
        if (breaks == 1)
            v += ' ';
        else
            v.append(breaks - 1, '\n');
        *next = k;
        return true;
    }

    // The backslash escape at j, after the run from `from`.
    bool readEscape(int from, int j, int *next)
    {
        std::string &v = sc.value;
        v.append(s + from, j - from);
        if (j + 1 >= n)
            return unterminated();
        const char e = s[j + 1];
        *next = j + 2;
        if (appendSimpleEscape(v, e))
            return true;
        if (e == 'x' || e == 'u' || e == 'U')
            return readHexEscape(e, j, next);
        if (e == '\r' || e == '\n')
            return joinEscapedBreak(j, next);
        std::string shown(1, e);
        return fail(j, "unknown escape sequence \\" + shown);
    }

    // \xXX, \uXXXX or \UXXXXXXXX at j; *next is on the first digit.
    bool readHexEscape(char e, int j, int *next)
    {
        const int i = *next;
        const int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        std::uint32_t cp = 0;
        for (int d = 0; d < digits; ++d) {
            const int h = i + d < n ? hexValue(s[i + d]) : -1;
            if (h < 0)
                return fail(i + d < n ? i + d : j,
                    std::string("invalid hexadecimal digit in escape sequence \\") + e);
            cp = cp * 16 + std::uint32_t(h);
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return stopScan(sc, Status::Unsupported, j, "escape of a surrogate or out-of-range code point");
        appendUtf8(sc.value, cp);
        *next = i + digits;
        return true;
    }

    // An escaped line break at j: the lines join without a space.
    bool joinEscapedBreak(int j, int *next)
    {
        int k = j + 1;
        if (s[k] == '\r')
            ++k;
        if (k < n && s[k] == '\n')
            ++k;
        if (docMarkerAt(t, k))
            return markerInside(k);
        int breaks = 0;
        for (;;) {
            while (k < n && isSpace(s[k]))
                ++k;
            int m = k;
            if (m < n && s[m] == '\r')
                ++m;
            if (m < n && s[m] == '\n') {
                ++breaks;
                k = m + 1;
                if (docMarkerAt(t, k))
                    return markerInside(k);
                continue;
            }
            break;
        }
        sc.value.append(breaks, '\n');
        *next = k;
        return true;
    }
};

// A literal (|) or folded (>) block scalar, from its indicator.
class BlockScalarReader
{
public:
    BlockScalarReader(std::string_view text, int pos, int parentIndent)
        : t(text)
        , s(text.data())
        , n(int(text.size()))
        , pos(pos)
        , parentIndent(parentIndent)
        , literal(s[pos] == '|')
    { }

    Scalar read()
    {
        int i = pos + 1;
        if (readHeader(&i) && collectLines(i))
            assemble();
        return sc;
    }

private:
    enum class Chomp { Clip, Strip, Keep };
    // A content line as [start, end) after the indentation, with the number of empty lines before it.
    struct Line
    {
        int start, end, emptyBefore;
    };

    std::string_view t;
    const char *s;
    int n;
    int pos;
    int parentIndent;
    bool literal;
    Scalar sc;
    Chomp chomp = Chomp::Clip;
    int contentIndent = -1; // -1 until the first content line sets it
    std::vector<Line> lines;
    int trailing = 0; // empty lines at the end of the scalar: kept or dropped by chomping
    bool lastHasBreak = false;

    bool unsupportedAt(int at, const char *why) { return stopScan(sc, Status::Unsupported, at, why); }

    // Chomping and indentation indicators in either order, then an optional
    // comment; *i ends on the header's line break.
    bool readHeader(int *pi)
    {
        int explicitIndent = 0;
        int i = *pi;
        for (int k = 0; k < 2 && i < n; ++k) {
            if (s[i] == '-' || s[i] == '+') {
                if (chomp != Chomp::Clip)
                    return unsupportedAt(i, "bad block scalar header");
                chomp = s[i] == '-' ? Chomp::Strip : Chomp::Keep;
                ++i;
            } else if (s[i] >= '1' && s[i] <= '9') {
                if (explicitIndent)
                    return unsupportedAt(i, "bad block scalar header");
                explicitIndent = s[i] - '0';
                ++i;
            }
        }
        const int headerEnd = i;
        // libyaml (the API server's reader) wants a blank before a header's comment: `>#` and
        // `|-#` are errors there ("did not find expected comment or line break"); yaml-cpp
        // reads them as a comment, and an edit of the scalar then wrote its bytes elsewhere.
        if (i < n && s[i] == '#')
            return stopScan(
                sc, Status::Error, i, "a comment after a block scalar's header needs a blank before its '#'");
        while (i < n && isSpace(s[i]))
            ++i;
        if (i < n && s[i] == '#' && i > headerEnd)
            i = lineEndFrom(t, i);
        if (i < n && s[i] == '\r')
            ++i;
        if (i < n && s[i] != '\n')
            return unsupportedAt(i, "content after a block scalar header");
        sc.end = headerEnd;
        if (explicitIndent)
            contentIndent = (parentIndent < 0 ? 0 : parentIndent) + explicitIndent;
        *pi = i;
        return true;
    }

    // The content lines after the header's line break at i.
    bool collectLines(int i)
    {
        int empty = 0;
        int maxLeadingSpaces = 0;
        if (i < n)
            ++i; // the header's '\n'
        while (i < n) {
            const int ls = i;
            const int le = lineEndFrom(t, ls);
            const int ce = withoutCr(t, ls, le);
            int k = ls;
            while (k < ce && s[k] == ' ')
                ++k;
            const int spaces = k - ls;
            int w = k;
            while (w < ce && isSpace(s[w]))
                ++w;
            const bool known = contentIndent >= 0;
            if (w == ce && k < ce && !(known && spaces >= contentIndent))
                return unsupportedAt(k, "tab in a block scalar's empty line");
            if (w == ce && k == ce && !(known && spaces > contentIndent)) {
                // An empty line (or only indentation).
                if (contentIndent < 0 && spaces > maxLeadingSpaces)
                    maxLeadingSpaces = spaces;
                ++empty;
            } else {
                if (spaces == 0 && docMarkerAt(t, ls))
                    break;
                if (contentIndent < 0) {
                    if (spaces <= parentIndent)
                        break;
                    contentIndent = spaces;
                    if (maxLeadingSpaces > contentIndent)
                        return unsupportedAt(ls, "leading empty line more indented than the block scalar");
                }
                if (spaces < contentIndent)
                    break;
                lines.push_back({ ls + contentIndent, ce, empty });
                empty = 0;
                lastHasBreak = le < n;
                sc.end = ce;
            }
            if (le >= n)
                break;
            i = le + 1;
        }
        trailing = empty;
        return true;
    }

    // The value from the lines: literal keeps the breaks, folded joins lines
    // that are not more indented; then chomping.
    void assemble()
    {
        std::string &v = sc.value;
        bool prevMore = false;
        for (std::size_t li = 0; li < lines.size(); ++li) {
            const Line &l = lines[li];
            const bool more = l.end > l.start && isSpace(s[l.start]);
            if (li == 0) {
                v.append(l.emptyBefore, '\n');
            } else if (literal) {
                v.append(l.emptyBefore + 1, '\n');
            } else if (!more && !prevMore) {
                if (l.emptyBefore == 0)
                    v += ' ';
                else
                    v.append(l.emptyBefore, '\n');
            } else {
                v.append(l.emptyBefore + 1, '\n');
            }
            v.append(s + l.start, l.end - l.start);
            prevMore = more;
        }
        if (lines.empty()) {
            if (chomp == Chomp::Keep)
                v.append(trailing, '\n');
            return;
        }
        if (chomp == Chomp::Clip && lastHasBreak)
            v += '\n';
        else if (chomp == Chomp::Keep)
            v.append((lastHasBreak ? 1 : 0) + trailing, '\n');
    }
};

} // namespace

YamlFastParser::Scalar YamlFastParser::scanPlain(std::string_view t, int pos, int parentIndent, bool flow)
{
    Scalar sc;
    const PlainLine first = scanPlainLine(t, pos, flow);
    if (first.why == LineStop::Question) {
        stopScan(sc, Status::Unsupported, first.stop, "'?' in a flow scalar");
        return sc;
    }
    sc.end = first.end;
    if (first.why == LineStop::Eol) {
        PlainContinuation continuation(t, pos, parentIndent, flow, sc);
        if (!continuation.read(first.stop, first.end) || continuation.multiLine())
            return sc;
    }
    sc.value.assign(t.data() + pos, first.end - pos);
    return sc;
}

YamlFastParser::Scalar YamlFastParser::scanQuoted(std::string_view t, int pos)
{
    return QuotedReader(t, pos).read();
}

YamlFastParser::Scalar YamlFastParser::scanBlockScalar(std::string_view t, int pos, int parentIndent)
{
    return BlockScalarReader(t, pos, parentIndent).read();
}

} // namespace meshroute
