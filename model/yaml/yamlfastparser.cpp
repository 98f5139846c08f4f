#include "yamlfastparser.h"

#include "yamlfastparserimpl.h"
#include "yamlscan.h"

#include <cstring>

namespace meshroute {

using namespace YamlScan;

YamlNode FastParserImpl::parseDocument()
{
    p = lineStart = byteOrderMarkLength(t);
    const int nullPos = skipPreamble();
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

    finishDocument(root);
    return root;
}

// Skips blank and comment lines, directives and the "---" line; returns where
// the null of an empty document stands.
int FastParserImpl::skipPreamble()
{
    int nullPos = p;
    bool directives = false;
    bool docStart = false;
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
        } else if (const void *tab = std::memchr(s + lineStart, '\t', std::size_t(i - lineStart))) {
            // As on the next lines: a tab anywhere before the content (`\t a: b`), as libyaml says.
            fail(int(static_cast<const char *>(tab) - s), "tabs are not allowed as indentation");
        } else {
            p = i;
        }
        break;
    }
    if (directives && !docStart)
        unsupported(p, "directives without a document start");
    return nullPos;
}

// After the root node only a document end marker and blank or comment lines may follow.
void FastParserImpl::finishDocument(const YamlNode &root)
{
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
        parseFlowInBlock(out);
        return;
    case '|':
    case '>':
        parseBlockScalarAt(out, parentIndent);
        return;
    case '\'':
    case '"':
        parseQuotedAt(out, column, afterValueIndicator, tabIndented);
        return;
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
    parsePlainAt(out, parentIndent, column, afterValueIndicator, tabIndented);
}

void FastParserImpl::parseFlowInBlock(YamlNode &out)
{
    parseFlow(out);
    skipSpaces();
    if (p < n && s[p] == ':')
        unsupported(p, "flow collection as a mapping key");
    finishLine();
    nextContentLine();
}

void FastParserImpl::parseBlockScalarAt(YamlNode &out, int parentIndent)
{
    if (parentIndent < 0)
        unsupported(p, "block scalar at the top level"); // yaml-cpp has its own rules there
    const int start = p;
    takeScalar(out, YamlFastParser::scanBlockScalar(t, p, parentIndent),
        s[start] == '|' ? YamlNode::Style::Literal : YamlNode::Style::Folded, start);
    finishLine();
    nextContentLine();
}

// A quoted scalar in block context, possibly the first key of a block mapping.
void FastParserImpl::parseQuotedAt(YamlNode &out, int column, bool afterValueIndicator, bool tabIndented)
{
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
}

// A plain scalar in block context, possibly the first key of a block mapping.
void FastParserImpl::parsePlainAt(
    YamlNode &out, int parentIndent, int column, bool afterValueIndicator, bool tabIndented)
{
    const PlainLine first = scanPlainLine(t, p, false);
    if (first.why == LineStop::Colon) {
        if (afterValueIndicator)
            fail(first.stop, "mapping values are not allowed here");
        if (tabIndented)
            unsupported(p, "mapping indented with a tab");
        YamlNode key;
        takePlainKey(key, first);
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
            fail(p, kMissingColon);
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
    takePlainKey(key, first);
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

YamlFastParser::Result YamlFastParser::parse(std::string_view text, const YamlLimits &limits)
{
    Result result;
    // A carriage return is only understood as part of CRLF.
    if (const std::size_t cr = firstLoneCr(text); cr != std::string_view::npos) {
        result.error.message = "carriage return without line feed";
        result.error.mark = markAt(text, int(cr));
        return result;
    }
    try {
        FastParserImpl impl(text, limits);
        result.root = impl.parseDocument();
        result.status = Status::Ok;
    } catch (FastParserImpl::Stop &stop) {
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
    int lineStart = YamlScan::byteOrderMarkLength(text); // the mark takes no column
    for (int i = 0; i < offset;) {
        const void *nl = std::memchr(text.data() + i, '\n', offset - i);
        if (!nl)
            break;
        i = int(static_cast<const char *>(nl) - text.data()) + 1;
        ++line;
        lineStart = i;
    }
    return { line, std::max(offset - lineStart, 0) + 1, offset };
}

int YamlFastParser::documentNullOffset(std::string_view text)
{
    const int n = int(text.size());
    int p = byteOrderMarkLength(text);
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

} // namespace meshroute
