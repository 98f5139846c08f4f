#pragma once

#include <algorithm>
#include <cstring>
#include <string_view>

// Character classes and line scanning shared by the YAML readers: the fast
// parser's structure and scalar scanners, and the positions of the yaml-cpp
// path. Inline, because the fast parser calls them for nearly every byte.
namespace meshroute::YamlScan {

inline bool isBreak(char c)
{
    return c == '\n' || c == '\r';
}

inline bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

inline bool isFlowIndicator(char c)
{
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

// A carriage return not followed by a line feed. YAML 1.2 reads it as a line
// break; the readers understand a CR only as part of CRLF.
inline bool loneCrAt(std::string_view t, std::size_t i)
{
    return t[i] == '\r' && (i + 1 >= t.size() || t[i + 1] != '\n');
}

// YAML 1.2 §5.1: a code point that may stand in a YAML stream as it is, apart
// from tab and the line breaks (the byte-level check of a whole stream is
// firstNonPrintable in yamlparser.cpp). Anything else must be written as an
// escape in a double-quoted string.
inline bool isPrintable(char32_t c)
{
    return (c >= 0x20 && c <= 0x7E) || c == 0x85 || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
}

// The offset of the first lone carriage return, or npos.
inline std::size_t firstLoneCr(std::string_view t)
{
    for (std::size_t cr = t.find('\r'); cr != std::string_view::npos; cr = t.find('\r', cr + 1))
        if (loneCrAt(t, cr))
            return cr;
    return std::string_view::npos;
}

// The line breaks of a text as YAML 1.2 reads them (§5.4): LF, CRLF, and a lone CR.
inline int lineBreakCount(std::string_view t)
{
    int breaks = int(std::count(t.begin(), t.end(), '\n'));
    for (std::size_t cr = firstLoneCr(t); cr < t.size(); ++cr)
        breaks += loneCrAt(t, cr) ? 1 : 0;
    return breaks;
}

// Space, tab, line break or end of text: what must follow "-", ":" and "---".
inline bool blankAt(std::string_view t, int i)
{
    return i >= int(t.size()) || isSpace(t[i]) || isBreak(t[i]);
}

// yaml-cpp's tag characters (exp.h Tag(): a word character or one of "#;/?:@&=+$,_.~*'()", a
// %-escape, and the '!' of a handle): a tag ends at any other byte, a non-ASCII one or the
// '<' of `!t<: v` included, where the node's own text begins.
inline bool yamlCppTagCharAt(std::string_view t, int i)
{
    const unsigned char c = static_cast<unsigned char>(t[std::size_t(i)]);
    const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return word || (c != 0 && std::strchr("-#;/?:@&=+$_.~*'()%!", c));
}

// Where the property ("&anchor", "!tag", "!<verbatim>") that starts at pos ends, as yaml-cpp reads it.
inline int propertyEnd(std::string_view t, int pos)
{
    const int n = int(t.size());
    if (t[std::size_t(pos)] == '!' && pos + 1 < n && t[std::size_t(pos) + 1] == '<') {
        // yaml-cpp reads a verbatim tag only up to its closing '>' (or fails).
        const std::size_t close = t.find('>', std::size_t(pos) + 2);
        return close == std::string_view::npos ? n : int(close) + 1;
    }
    int end = pos + 1;
    while (end < n && !blankAt(t, end) && !std::strchr(",[]{}", t[std::size_t(end)])
        && (t[std::size_t(pos)] == '&' || yamlCppTagCharAt(t, end)))
        ++end;
    return end;
}

// The '\n' that ends the line holding i, or the end of the text.
inline int lineEndFrom(std::string_view t, int i)
{
    const void *nl = std::memchr(t.data() + i, '\n', t.size() - i);
    return nl ? int(static_cast<const char *>(nl) - t.data()) : int(t.size());
}

// Bytes of the UTF-8 byte order mark that opens t, 0 or 3. It is no content
// (YAML 1.2, 5.2): it takes no column and no indentation.
inline int byteOrderMarkLength(std::string_view t)
{
    return t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

// Content end of the line that ends at lineEnd (a '\n' or the end): without its '\r'.
inline int withoutCr(std::string_view t, int lineStart, int lineEnd)
{
    return (lineEnd > lineStart && t[lineEnd - 1] == '\r') ? lineEnd - 1 : lineEnd;
}

// "---" or "..." at the start of a line, followed by a blank: a document marker.
inline bool docMarkerAt(std::string_view t, int i)
{
    if (i + 3 > int(t.size()))
        return false;
    const char c = t[i];
    return (c == '-' || c == '.') && t[i + 1] == c && t[i + 2] == c && blankAt(t, i + 3);
}

enum class LineStop { Eol, Colon, Comment, FlowIndicator, Question };

struct PlainLine
{
    int end; // one past the last non-blank character
    int stop; // where scanning stopped
    LineStop why;
};

// Scans the part of a plain scalar on one line, from i. The hot loop of the
// parser: most of a manifest is plain scalars.
inline PlainLine scanPlainLine(std::string_view t, int i, bool flow)
{
    const int start = i;
    const int n = int(t.size());
    const char *s = t.data();
    LineStop why = LineStop::Eol;
    for (; i < n; ++i) {
        const char c = s[i];
        if (c == '\n' || c == '\r')
            break;
        if (c == ':') {
            // Inside flow, yaml-cpp also ends a scalar at ":," ":]" ":}" (but not ":[" ":{").
            const char next = i + 1 < n ? s[i + 1] : ' ';
            if (isSpace(next) || isBreak(next) || (flow && (next == ',' || next == ']' || next == '}'))) {
                why = LineStop::Colon;
                break;
            }
        } else if (c == '#') {
            if (isSpace(s[i - 1])) {
                why = LineStop::Comment;
                break;
            }
        } else if (flow) {
            if (isFlowIndicator(c)) {
                why = LineStop::FlowIndicator;
                break;
            }
            if (c == '?') {
                why = LineStop::Question;
                break;
            }
        }
    }
    int end = i;
    while (end > start && isSpace(s[end - 1]))
        --end;
    return { end, i, why };
}

// What YAML 1.2 rejects and yaml-cpp lets through, reported in the same words by both paths.
inline constexpr char kEmptyFlowEntry[] = "empty entry in a flow collection: remove the extra ','";
inline constexpr char kMissingColon[] = "could not find expected ':' after this key; write \"key: value\"";

} // namespace meshroute::YamlScan
