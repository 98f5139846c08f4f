#include "yamlfastparser.h"

#include <cstring>

namespace meshroute {

namespace {

using Status = YamlFastParser::Status;

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

// Space, tab, line break or end of text: what must follow "-", ":" and "---".
inline bool blankAt(std::string_view t, int i)
{
    return i >= int(t.size()) || isSpace(t[i]) || isBreak(t[i]);
}

inline int lineEndFrom(std::string_view t, int i)
{
    const void *nl = std::memchr(t.data() + i, '\n', t.size() - i);
    return nl ? int(static_cast<const char *>(nl) - t.data()) : int(t.size());
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

// Thrown to abandon a document: an error to report or a construct to hand to yaml-cpp.
struct Stop
{
    Status status;
    std::string message;
    int offset;
};

// The recursive-descent parser. Recursion depth is bounded by the nesting
// limit, which is checked before every descent.
class FastParserImpl
{
public:
    FastParserImpl(std::string_view text, const YamlLimits &limits)
        : t(text)
        , s(text.data())
        , n(int(text.size()))
        , maxDepth(YamlFastParser::effectiveMaxDepth(limits))
    { }

    YamlNode parseDocument();

private:
    enum class Ctx { Root, MapValue, SeqItem };

    std::string_view t;
    const char *s;
    int n;
    int maxDepth;
    int p = 0;
    int line = 1;
    int lineStart = 0;
    int depth = 0;
    bool tabBeforeContent = false; // parseBlockNode skipped a tab before inline content
    // Indentation of the line p is on after nextContentLine(): -1 end of text, -2 a document marker.
    int ind = -1;

    [[noreturn]] void fail(int offset, std::string message)
    {
        throw Stop { Status::Error, std::move(message), offset };
    }
    [[noreturn]] void unsupported(int offset, std::string why)
    {
        throw Stop { Status::Unsupported, std::move(why), offset };
    }

    YamlMark markHere(int offset) const { return { line, offset - lineStart + 1, offset }; }

    // Moves p forward to q, keeping line and lineStart right.
    void advanceTo(int q)
    {
        for (int i = p; i < q;) {
            const void *nl = std::memchr(s + i, '\n', q - i);
            if (!nl)
                break;
            i = int(static_cast<const char *>(nl) - s) + 1;
            ++line;
            lineStart = i;
        }
        p = q;
    }

    void skipSpaces()
    {
        while (p < n && isSpace(s[p]))
            ++p;
    }

    bool atEol() const { return p >= n || isBreak(s[p]); }

    void enter(int offset)
    {
        if (++depth > maxDepth)
            fail(offset, "nesting deeper than " + std::to_string(maxDepth) + " levels");
    }

    // After a node in block context: only spaces and a comment may follow on its line.
    void finishLine()
    {
        skipSpaces();
        if (p < n && s[p] == '#') {
            if (p > lineStart && !isSpace(s[p - 1]))
                unsupported(p, "comment without preceding space");
            p = lineEndFrom(t, p);
        }
        if (p < n && s[p] == '\r' && (p + 1 >= n || s[p + 1] != '\n'))
            unsupported(p, "carriage return without line feed");
        if (!atEol())
            unsupported(p, "unexpected content after a node");
    }

    // From the end of a line, moves p to the first character of the next line
    // with content and sets ind.
    void nextContentLine()
    {
        for (;;) {
            if (p < n && s[p] != '\n')
                p = lineEndFrom(t, p);
            if (p >= n) {
                ind = -1;
                return;
            }
            ++p;
            ++line;
            lineStart = p;
            int i = p;
            while (i < n && s[i] == ' ')
                ++i;
            if (i < n && s[i] == '\t') {
                int j = i;
                while (j < n && isSpace(s[j]))
                    ++j;
                if (j < n && !isBreak(s[j]) && s[j] != '#')
                    fail(i, "tabs are not allowed as indentation");
                p = j;
                continue;
            }
            if (i >= n || isBreak(s[i]) || s[i] == '#') {
                p = i;
                continue;
            }
            p = i;
            if (i == lineStart && docMarkerAt(t, i)) {
                ind = -2;
                return;
            }
            ind = i - lineStart;
            return;
        }
    }

    void makeNull(YamlNode &node, const YamlMark &at)
    {
        node.kind = YamlNode::Kind::Null;
        node.start = at;
        node.endOffset = at.offset;
    }

    void parseBlockNode(YamlNode &out, int parentIndent, Ctx ctx, int nullPos);
    void parseNodeAt(YamlNode &out, int parentIndent, Ctx ctx, bool inlineContent);
    void parseBlockMapping(YamlNode &out, int column, YamlNode &&firstKey);
    void parseBlockSequence(YamlNode &out, int column);
    bool parseKey(YamlNode &key);
    void parseScalarInBlock(YamlNode &out, int parentIndent);
    void parseFlow(YamlNode &out);
    void parseFlowNode(YamlNode &out);
    void skipFlowSpace(int open);
    void takeQuoted(YamlNode &out);
    void takeScalar(YamlNode &out, YamlFastParser::Scalar &&sc, YamlNode::Style style, int start);
};

void FastParserImpl::takeScalar(YamlNode &out, YamlFastParser::Scalar &&sc, YamlNode::Style style, int start)
{
    if (sc.status == Status::Error)
        fail(sc.errorOffset, std::move(sc.message));
    if (sc.status == Status::Unsupported)
        unsupported(sc.errorOffset, std::move(sc.message));
    out.kind = YamlNode::Kind::Scalar;
    out.style = style;
    out.start = markHere(start);
    out.value = std::move(sc.value);
    out.endOffset = sc.end;
    advanceTo(sc.end);
}

void FastParserImpl::takeQuoted(YamlNode &out)
{
    const int start = p;
    takeScalar(out, YamlFastParser::scanQuoted(t, p),
        s[p] == '"' ? YamlNode::Style::DoubleQuoted : YamlNode::Style::SingleQuoted, start);
}

YamlNode FastParserImpl::parseDocument()
{
    if (n >= 3 && s[0] == '\xEF' && s[1] == '\xBB' && s[2] == '\xBF')
        p = 3;
    int nullPos = p;
    bool directives = false;
    bool docStart = false;
    // Preamble: blank and comment lines, directives, the "---" line.
    for (;;) {
        int i = p;
        while (i < n && isSpace(s[i]))
            ++i;
        if (i >= n) {
            p = i;
            break;
        }
        if (isBreak(s[i]) || s[i] == '#' || (i == lineStart && s[i] == '%')) {
            if (s[i] == '%')
                directives = true;
            p = lineEndFrom(t, i);
            if (p >= n)
                break;
            ++p;
            ++line;
            lineStart = p;
            continue;
        }
        if (i == lineStart && docMarkerAt(t, i) && s[i] == '-') {
            docStart = true;
            p = i + 3;
            nullPos = p;
            skipSpaces();
            if (p < n && s[p] == '#')
                p = lineEndFrom(t, p);
            if (!atEol())
                unsupported(p, "content on the document start line");
        } else if (i > lineStart && s[i - 1] == '\t') {
            fail(i - 1, "tabs are not allowed as indentation");
        } else {
            p = i;
        }
        break;
    }
    if (directives && !docStart)
        unsupported(p, "directives without a document start");

    YamlNode root;
    const YamlMark nullMark = YamlFastParser::markAt(t, nullPos);
    if (p >= n || (p == lineStart && docMarkerAt(t, p) && s[p] == '.')) {
        makeNull(root, nullMark);
        ind = p >= n ? -1 : -2;
    } else if (atEol()) {
        nextContentLine();
        if (ind == -1 || (ind == -2 && s[p] == '.'))
            makeNull(root, nullMark);
        else if (ind == -2)
            unsupported(p, "several documents in one span");
        else
            parseNodeAt(root, -1, Ctx::Root, false);
    } else {
        parseNodeAt(root, -1, Ctx::Root, false);
    }

    if (ind >= 0) {
        if (root.kind == YamlNode::Kind::Mapping || root.kind == YamlNode::Kind::Sequence)
            if (ind != root.start.column - 1)
                fail(p, "inconsistent indentation");
        if (root.kind == YamlNode::Kind::Sequence && root.style == YamlNode::Style::Block)
            fail(p, "expected a sequence entry (\"- \") at this indentation");
        unsupported(p, "content after the document's root node");
    }
    if (ind == -2) {
        if (s[p] == '-')
            unsupported(p, "several documents in one span");
        p += 3;
        finishLine();
        nextContentLine();
        if (ind != -1)
            unsupported(p, "content after the document end marker");
    }
    return root;
}

void FastParserImpl::parseBlockNode(YamlNode &out, int parentIndent, Ctx ctx, int nullPos)
{
    const int from = p;
    skipSpaces();
    tabBeforeContent = std::memchr(s + from, '\t', p - from) != nullptr;
    if (p < n && s[p] == '#') {
        if (!isSpace(s[p - 1]))
            unsupported(p, "comment without preceding space");
        p = lineEndFrom(t, p);
    }
    if (!atEol()) {
        parseNodeAt(out, parentIndent, ctx, true);
        return;
    }
    const YamlMark nullMark = markHere(nullPos);
    nextContentLine();
    if (ind > parentIndent
        || (ind >= 0 && ind == parentIndent && ctx == Ctx::MapValue && s[p] == '-' && blankAt(t, p + 1))) {
        parseNodeAt(out, parentIndent, ctx, false);
        return;
    }
    makeNull(out, nullMark);
}

// p is on the first character of a node; its column is the indentation of a
// block collection that starts here.
void FastParserImpl::parseNodeAt(YamlNode &out, int parentIndent, Ctx ctx, bool inlineContent)
{
    const int column = p - lineStart;
    const char c = s[p];
    const bool afterValueIndicator = inlineContent && ctx == Ctx::MapValue;
    // A block collection's indentation is counted in spaces; yaml-cpp rejects
    // "-\t- x" and similar, so leave those to it.
    const bool tabIndented = inlineContent && tabBeforeContent;
    tabBeforeContent = false;
    switch (c) {
    case '-':
        if (blankAt(t, p + 1)) {
            if (afterValueIndicator || tabIndented)
                unsupported(p, "block sequence entry after a mapping value indicator or a tab");
            parseBlockSequence(out, column);
            return;
        }
        break;
    case '[':
    case '{':
        parseFlow(out);
        skipSpaces();
        if (p < n && s[p] == ':')
            unsupported(p, "flow collection as a mapping key");
        finishLine();
        nextContentLine();
        return;
    case '|':
    case '>': {
        if (parentIndent < 0)
            unsupported(p, "block scalar at the top level"); // yaml-cpp has its own rules there
        const int start = p;
        takeScalar(out, YamlFastParser::scanBlockScalar(t, p, parentIndent),
            c == '|' ? YamlNode::Style::Literal : YamlNode::Style::Folded, start);
        finishLine();
        nextContentLine();
        return;
    }
    case '\'':
    case '"': {
        const int startLine = line;
        YamlNode scalar;
        takeQuoted(scalar);
        skipSpaces();
        if (p < n && s[p] == ':' && blankAt(t, p + 1)) {
            if (line != startLine)
                unsupported(p, "multi-line implicit key");
            if (afterValueIndicator)
                fail(p, "mapping values are not allowed here");
            if (tabIndented)
                unsupported(p, "mapping indented with a tab");
            parseBlockMapping(out, column, std::move(scalar));
            return;
        }
        out = std::move(scalar);
        finishLine();
        nextContentLine();
        return;
    }
    case '?':
    case ':':
        if (blankAt(t, p + 1))
            unsupported(p, "complex or empty mapping key");
        break;
    case '&':
    case '*':
    case '!':
    case '%':
    case '@':
    case '`':
    case ',':
    case ']':
    case '}':
    case '#':
        unsupported(p, std::string("node starting with '") + c + "'");
    default:
        break;
    }
    // A plain scalar, possibly the first key of a block mapping.
    const PlainLine first = scanPlainLine(t, p, false);
    if (first.why == LineStop::Colon) {
        if (afterValueIndicator)
            fail(first.stop, "mapping values are not allowed here");
        if (tabIndented)
            unsupported(p, "mapping indented with a tab");
        YamlNode key;
        key.kind = YamlNode::Kind::Scalar;
        key.start = markHere(p);
        key.value.assign(s + p, first.end - p);
        key.endOffset = first.end;
        p = first.stop;
        parseBlockMapping(out, column, std::move(key));
        return;
    }
    parseScalarInBlock(out, parentIndent);
}

void FastParserImpl::parseScalarInBlock(YamlNode &out, int parentIndent)
{
    const int start = p;
    takeScalar(out, YamlFastParser::scanPlain(t, p, parentIndent, false), YamlNode::Style::Plain, start);
    finishLine();
    nextContentLine();
}

void FastParserImpl::parseBlockMapping(YamlNode &out, int column, YamlNode &&firstKey)
{
    // p is on the ':' after the first key.
    enter(firstKey.start.offset);
    out.kind = YamlNode::Kind::Mapping;
    out.style = YamlNode::Style::Block;
    out.start = firstKey.start;
    out.children.reserve(8);
    out.children.push_back(std::move(firstKey));
    for (;;) {
        ++p; // the ':'
        YamlNode &value = out.children.emplace_back();
        parseBlockNode(value, column, Ctx::MapValue, p);
        if (ind != column)
            break;
        // A plain line at the keys' indentation without "key:" is not YAML
        // (libyaml: "could not find expected ':'"); yaml-cpp would fold it away.
        if (!std::strchr("-?:,[]{}#&*!|>%@`'\"", s[p]) && scanPlainLine(t, p, false).why != LineStop::Colon)
            fail(p, "could not find expected ':' after this key; write \"key: value\"");
        YamlNode &key = out.children.emplace_back();
        if (!parseKey(key))
            unsupported(p, "expected a mapping key");
    }
    out.endOffset = out.children.back().endOffset;
    if (ind > column)
        fail(p, "inconsistent indentation");
    --depth;
}

// A single-line implicit key at p, up to its ':'.
bool FastParserImpl::parseKey(YamlNode &key)
{
    const char c = s[p];
    if (c == '\'' || c == '"') {
        const int startLine = line;
        takeQuoted(key);
        skipSpaces();
        return line == startLine && p < n && s[p] == ':' && blankAt(t, p + 1);
    }
    if (std::strchr("-?:,[]{}#&*!|>%@`", c) && (blankAt(t, p + 1) || !std::strchr("-?:", c)))
        return false;
    const PlainLine first = scanPlainLine(t, p, false);
    if (first.why != LineStop::Colon)
        return false;
    key.kind = YamlNode::Kind::Scalar;
    key.start = markHere(p);
    key.value.assign(s + p, first.end - p);
    key.endOffset = first.end;
    p = first.stop;
    return true;
}

void FastParserImpl::parseBlockSequence(YamlNode &out, int column)
{
    enter(p);
    out.kind = YamlNode::Kind::Sequence;
    out.style = YamlNode::Style::Block;
    out.start = markHere(p);
    out.children.reserve(4);
    for (;;) {
        ++p; // the '-'
        YamlNode &item = out.children.emplace_back();
        parseBlockNode(item, column, Ctx::SeqItem, p);
        if (ind != column || s[p] != '-' || !blankAt(t, p + 1))
            break;
    }
    out.endOffset = out.children.back().endOffset;
    if (ind > column)
        fail(p, "inconsistent indentation");
    --depth;
}

// Skips spaces, line breaks and comments inside a flow collection opened at open.
void FastParserImpl::skipFlowSpace(int open)
{
    for (;;) {
        if (p >= n)
            fail(open, s[open] == '[' ? "unterminated flow sequence" : "unterminated flow mapping");
        const char c = s[p];
        if (c == ' ' || c == '\t' || c == '\r') {
            ++p;
        } else if (c == '\n') {
            ++p;
            ++line;
            lineStart = p;
            if (docMarkerAt(t, p))
                unsupported(p, "document marker inside a flow collection");
        } else if (c == '#') {
            if (!isSpace(s[p - 1]) && !isBreak(s[p - 1]))
                unsupported(p, "comment without preceding space");
            p = lineEndFrom(t, p);
        } else {
            return;
        }
    }
}

void FastParserImpl::parseFlow(YamlNode &out)
{
    const int open = p;
    const bool isMap = s[p] == '{';
    const char close = isMap ? '}' : ']';
    enter(p);
    out.kind = isMap ? YamlNode::Kind::Mapping : YamlNode::Kind::Sequence;
    out.style = YamlNode::Style::Flow;
    out.start = markHere(p);
    ++p;
    for (;;) {
        skipFlowSpace(open);
        if (s[p] == close)
            break;
        // YAML 1.2 has no empty flow entries: "[a,,b]", "{a: 1,, b: 2}", "[,a]".
        if (s[p] == ',')
            fail(p, "empty entry in a flow collection: remove the extra ','");
        if (!isMap) {
            parseFlowNode(out.children.emplace_back());
            skipFlowSpace(open);
            if (s[p] == ':')
                unsupported(p, "single-pair mapping in a flow sequence");
        } else {
            YamlNode &key = out.children.emplace_back();
            parseFlowNode(key);
            if (key.kind != YamlNode::Kind::Scalar)
                unsupported(key.start.offset, "collection as a mapping key");
            const YamlMark keyEnd = markHere(p);
            const int keyLine = line;
            skipFlowSpace(open);
            // yaml-cpp wants a flow mapping key, and what ends it, on one line.
            if (line != keyLine || key.start.line != keyLine)
                unsupported(p, "flow mapping key across lines");
            YamlNode &value = out.children.emplace_back();
            if (s[p] == ':') {
                ++p;
                if (p < n && !blankAt(t, p) && s[p] != ',' && s[p] != '}')
                    unsupported(p, "value adjacent to ':'");
                const YamlMark nullMark = markHere(p);
                skipFlowSpace(open);
                if (s[p] == ',' || s[p] == '}')
                    makeNull(value, nullMark);
                else
                    parseFlowNode(value);
                skipFlowSpace(open);
            } else if (s[p] == ',' || s[p] == '}') {
                makeNull(value, keyEnd);
            } else {
                unsupported(p, "expected ':' in a flow mapping");
            }
        }
        if (s[p] == ',') {
            ++p;
            continue;
        }
        if (s[p] != close)
            unsupported(p, "expected ',' or the end of a flow collection");
    }
    ++p;
    out.endOffset = p;
    --depth;
}

void FastParserImpl::parseFlowNode(YamlNode &out)
{
    const char c = s[p];
    switch (c) {
    case '[':
    case '{':
        parseFlow(out);
        return;
    case '\'':
    case '"':
        takeQuoted(out);
        return;
    case '-':
    case ':':
        if (blankAt(t, p + 1) || isFlowIndicator(s[p + 1]))
            unsupported(p, "unexpected indicator in a flow collection");
        break;
    case '?':
    case ',':
    case ']':
    case '}':
    case '&':
    case '*':
    case '!':
    case '|':
    case '>':
    case '%':
    case '@':
    case '`':
    case '#':
        unsupported(p, std::string("flow node starting with '") + c + "'");
    default:
        break;
    }
    const int start = p;
    takeScalar(out, YamlFastParser::scanPlain(t, p, -1, true), YamlNode::Style::Plain, start);
}

} // namespace

YamlFastParser::Result YamlFastParser::parse(std::string_view text, const YamlLimits &limits)
{
    Result result;
    // A carriage return is only understood as part of CRLF.
    for (std::size_t cr = text.find('\r'); cr != std::string_view::npos; cr = text.find('\r', cr + 1)) {
        if (cr + 1 >= text.size() || text[cr + 1] != '\n') {
            result.error.message = "carriage return without line feed";
            result.error.mark = markAt(text, int(cr));
            return result;
        }
    }
    try {
        FastParserImpl impl(text, limits);
        result.root = impl.parseDocument();
        result.status = Status::Ok;
    } catch (Stop &stop) {
        result.status = stop.status;
        result.error.message = std::move(stop.message);
        result.error.mark = markAt(text, stop.offset);
    }
    return result;
}

YamlMark YamlFastParser::markAt(std::string_view text, int offset)
{
    if (offset > int(text.size()))
        offset = int(text.size());
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset;) {
        const void *nl = std::memchr(text.data() + i, '\n', offset - i);
        if (!nl)
            break;
        i = int(static_cast<const char *>(nl) - text.data()) + 1;
        ++line;
        lineStart = i;
    }
    return { line, offset - lineStart + 1, offset };
}

int YamlFastParser::documentNullOffset(std::string_view text)
{
    const int n = int(text.size());
    int p = (n >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") ? 3 : 0;
    const int afterBom = p;
    // The null of an empty document sits right after its "---", if it has one.
    for (int lineStart = p; lineStart < n;) {
        if (docMarkerAt(text, lineStart) && text[lineStart] == '-')
            return lineStart + 3;
        int i = lineStart;
        while (i < n && isSpace(text[i]))
            ++i;
        if (i < n && !isBreak(text[i]) && text[i] != '#' && !(i == lineStart && text[i] == '%'))
            break;
        const int e = lineEndFrom(text, lineStart);
        lineStart = e + 1;
    }
    return afterBom;
}

YamlFastParser::Scalar YamlFastParser::scanPlain(std::string_view t, int pos, int parentIndent, bool flow)
{
    Scalar sc;
    const int n = int(t.size());
    PlainLine pl = scanPlainLine(t, pos, flow);
    if (pl.why == LineStop::Question) {
        sc.status = Status::Unsupported;
        sc.message = "'?' in a flow scalar";
        sc.errorOffset = pl.stop;
        return sc;
    }
    sc.end = pl.end;
    if (pl.why != LineStop::Eol) {
        sc.value.assign(t.data() + pos, pl.end - pos);
        return sc;
    }
    // Continuation lines: folded into the value with a space, or a newline per empty line.
    bool multi = false;
    int i = pl.stop;
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
            sc.status = Status::Error;
            sc.message = "tabs are not allowed as indentation";
            sc.errorOffset = i;
            return sc;
        }
        if (k >= n)
            break;
        if (isBreak(t[k])) {
            ++emptyLines;
            i = k;
            continue;
        }
        if (k > i) {
            // Tabs among the leading white space: yaml-cpp has its own rules for them.
            sc.status = Status::Unsupported;
            sc.message = "tab in the indentation of a plain scalar's continuation";
            sc.errorOffset = i;
            return sc;
        }
        if ((!flow && indent <= parentIndent) || t[k] == '#' || (indent == 0 && docMarkerAt(t, k)))
            break;
        if (flow
            && (isFlowIndicator(t[k]) || (t[k] == ':' && (blankAt(t, k + 1) || isFlowIndicator(t[k + 1])))))
            break;
        const PlainLine next = scanPlainLine(t, k, flow);
        if (next.why == LineStop::Question) {
            sc.status = Status::Unsupported;
            sc.message = "'?' in a flow scalar";
            sc.errorOffset = next.stop;
            return sc;
        }
        if (!multi) {
            sc.value.assign(t.data() + pos, pl.end - pos);
            multi = true;
        }
        if (emptyLines == 0)
            sc.value += ' ';
        else
            sc.value.append(emptyLines, '\n');
        emptyLines = 0;
        sc.value.append(t.data() + k, next.end - k);
        sc.end = next.end;
        if (next.why == LineStop::Colon && !flow) {
            sc.status = Status::Error;
            sc.message = "mapping values are not allowed here";
            sc.errorOffset = next.stop;
            return sc;
        }
        if (next.why == LineStop::Colon) {
            sc.status = Status::Unsupported;
            sc.message = "multi-line implicit key in a flow collection";
            sc.errorOffset = next.stop;
            return sc;
        }
        if (next.why != LineStop::Eol)
            break;
        i = next.stop;
    }
    if (!multi)
        sc.value.assign(t.data() + pos, pl.end - pos);
    return sc;
}

YamlFastParser::Scalar YamlFastParser::scanQuoted(std::string_view t, int pos)
{
    Scalar sc;
    const int n = int(t.size());
    const char *s = t.data();
    const char quote = s[pos];
    const bool dq = quote == '"';
    std::string &v = sc.value;
    auto error = [&](int at, std::string message) {
        sc.status = Status::Error;
        sc.message = std::move(message);
        sc.errorOffset = at;
        return sc;
    };
    int i = pos + 1;
    for (;;) {
        // A run of ordinary characters, copied in one go.
        int j = i;
        while (j < n && s[j] != quote && s[j] != '\n' && s[j] != '\r' && !(dq && s[j] == '\\'))
            ++j;
        if (j >= n)
            return error(pos, dq ? "unterminated double-quoted scalar" : "unterminated single-quoted scalar");
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
        if (c == '\r' && (j + 1 >= n || s[j + 1] != '\n')) {
            // A lone carriage return is not a line break (only the yaml-cpp path sees one).
            v.append(s + i, j + 1 - i);
            i = j + 1;
            continue;
        }
        if (c == '\n' || c == '\r') {
            // Line folding: trailing white space of the line goes, then one break
            // becomes a space and each further (empty) line a newline.
            int e = j;
            while (e > i && isSpace(s[e - 1]))
                --e;
            v.append(s + i, e - i);
            int breaks = 0;
            int k = j;
            for (;;) {
                if (k < n && s[k] == '\r')
                    ++k;
                if (k >= n || s[k] != '\n')
                    break;
                ++k;
                ++breaks;
                if (docMarkerAt(t, k)) {
                    sc.status = Status::Unsupported;
                    sc.message = "document marker inside a quoted scalar";
                    sc.errorOffset = k;
                    return sc;
                }
                while (k < n && isSpace(s[k]))
                    ++k;
            }
            if (k >= n)
                return error(
                    pos, dq ? "unterminated double-quoted scalar" : "unterminated single-quoted scalar");
            if (breaks == 1)
                v += ' ';
            else
                v.append(breaks - 1, '\n');
            i = k;
            continue;
        }
        // A backslash escape.
        v.append(s + i, j - i);
        if (j + 1 >= n)
            return error(pos, "unterminated double-quoted scalar");
        const char e = s[j + 1];
        i = j + 2;
        switch (e) {
        case '0':
            v += '\0';
            break;
        case 'a':
            v += '\a';
            break;
        case 'b':
            v += '\b';
            break;
        case 't':
        case '\t':
            v += '\t';
            break;
        case 'n':
            v += '\n';
            break;
        case 'v':
            v += '\v';
            break;
        case 'f':
            v += '\f';
            break;
        case 'r':
            v += '\r';
            break;
        case 'e':
            v += '\x1b';
            break;
        case ' ':
            v += ' ';
            break;
        case '"':
            v += '"';
            break;
        case '/':
            v += '/';
            break;
        case '\\':
            v += '\\';
            break;
        case 'N':
            appendUtf8(v, 0x85);
            break;
        case '_':
            appendUtf8(v, 0xA0);
            break;
        case 'L':
            appendUtf8(v, 0x2028);
            break;
        case 'P':
            appendUtf8(v, 0x2029);
            break;
        case 'x':
        case 'u':
        case 'U': {
            const int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            std::uint32_t cp = 0;
            for (int d = 0; d < digits; ++d) {
                const int h = i + d < n ? hexValue(s[i + d]) : -1;
                if (h < 0)
                    return error(i + d < n ? i + d : j,
                        std::string("invalid hexadecimal digit in escape sequence \\") + e);
                cp = cp * 16 + std::uint32_t(h);
            }
            if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                sc.status = Status::Unsupported;
                sc.message = "escape of a surrogate or out-of-range code point";
                sc.errorOffset = j;
                return sc;
            }
            appendUtf8(v, cp);
            i += digits;
            break;
        }
        case '\r':
        case '\n': {
            // An escaped line break: the lines join without a space.
            int k = j + 1;
            if (s[k] == '\r')
                ++k;
            if (k < n && s[k] == '\n')
                ++k;
            if (docMarkerAt(t, k)) {
                sc.status = Status::Unsupported;
                sc.message = "document marker inside a quoted scalar";
                sc.errorOffset = k;
                return sc;
            }
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
                    if (docMarkerAt(t, k)) {
                        sc.status = Status::Unsupported;
                        sc.message = "document marker inside a quoted scalar";
                        sc.errorOffset = k;
                        return sc;
                    }
                    continue;
                }
                break;
            }
            v.append(breaks, '\n');
            i = k;
            break;
        }
        default: {
            std::string shown(1, e);
            return error(j, "unknown escape sequence \\" + shown);
        }
        }
    }
}

YamlFastParser::Scalar YamlFastParser::scanBlockScalar(std::string_view t, int pos, int parentIndent)
{
    Scalar sc;
    const int n = int(t.size());
    const char *s = t.data();
    const bool literal = s[pos] == '|';
    auto unsupportedAt = [&](int at, const char *why) {
        sc.status = Status::Unsupported;
        sc.message = why;
        sc.errorOffset = at;
        return sc;
    };
    // Header: chomping and indentation indicators in either order.
    enum class Chomp { Clip, Strip, Keep } chomp = Chomp::Clip;
    int explicitIndent = 0;
    int i = pos + 1;
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
    while (i < n && isSpace(s[i]))
        ++i;
    if (i < n && s[i] == '#' && i > headerEnd)
        i = lineEndFrom(t, i);
    if (i < n && s[i] == '\r')
        ++i;
    if (i < n && s[i] != '\n')
        return unsupportedAt(i, "content after a block scalar header");
    sc.end = headerEnd;
    int contentIndent = explicitIndent ? (parentIndent < 0 ? 0 : parentIndent) + explicitIndent : -1;

    // Content lines as [start, end) ranges after the indentation, with the
    // number of empty lines before each.
    struct Line
    {
        int start, end, emptyBefore;
    };
    std::vector<Line> lines;
    int empty = 0;
    int maxLeadingSpaces = 0;
    bool lastHasBreak = false;
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
    // Empty lines at the end of the scalar: kept or dropped by chomping.
    const int trailing = empty;
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
        return sc;
    }
    if (chomp == Chomp::Clip && lastHasBreak)
        v += '\n';
    else if (chomp == Chomp::Keep)
        v.append((lastHasBreak ? 1 : 0) + trailing, '\n');
    return sc;
}

} // namespace meshroute
