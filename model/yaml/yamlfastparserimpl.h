#pragma once

#include "yamlfastparser.h"
#include "yamlscan.h"

#include <cstring>
#include <string>

// Internal to YamlFastParser: the parser's state and steps, shared by its
// block structure (yamlfastparser.cpp) and flow collections (yamlflowparser.cpp).
namespace meshroute {

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

    // Thrown to abandon a document: an error to report or a construct to hand to yaml-cpp.
    struct Stop
    {
        YamlFastParser::Status status;
        std::string message;
        int offset;
    };

private:
    enum class Ctx { Root, MapValue, SeqItem };

    std::string_view t;
    const char *s;
    int n;
    int maxDepth;
    int p = 0;
    int line = 1;
    // Where line's columns count from: on the first line, after a UTF-8 byte
    // order mark, which is no content (YAML 1.2, 5.2) and takes no column.
    int lineStart = 0;
    int depth = 0;
    bool tabBeforeContent = false; // parseBlockNode skipped a tab before inline content
    // Indentation of the line p is on after nextContentLine(): -1 end of text, -2 a document marker.
    int ind = -1;

    [[noreturn]] void fail(int offset, std::string message)
    {
        throw Stop { YamlFastParser::Status::Error, std::move(message), offset };
    }
    [[noreturn]] void unsupported(int offset, std::string why)
    {
        throw Stop { YamlFastParser::Status::Unsupported, std::move(why), offset };
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
        while (p < n && YamlScan::isSpace(s[p]))
            ++p;
    }

    bool atEol() const { return p >= n || YamlScan::isBreak(s[p]); }

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
            if (p > lineStart && !YamlScan::isSpace(s[p - 1]))
                unsupported(p, "comment without preceding space");
            p = YamlScan::lineEndFrom(t, p);
        }
        if (p < n && YamlScan::loneCrAt(t, p))
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
                p = YamlScan::lineEndFrom(t, p);
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
                while (j < n && YamlScan::isSpace(s[j]))
                    ++j;
                if (j < n && !YamlScan::isBreak(s[j]) && s[j] != '#')
                    fail(i, "tabs are not allowed as indentation");
                p = j;
                continue;
            }
            if (i >= n || YamlScan::isBreak(s[i]) || s[i] == '#') {
                p = i;
                continue;
            }
            p = i;
            if (i == lineStart && YamlScan::docMarkerAt(t, i)) {
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

    int skipPreamble();
    void finishDocument(const YamlNode &root);
    void parseBlockNode(YamlNode &out, int parentIndent, Ctx ctx, int nullPos);
    void parseNodeAt(YamlNode &out, int parentIndent, Ctx ctx, bool inlineContent);
    void parseFlowInBlock(YamlNode &out);
    void parseBlockScalarAt(YamlNode &out, int parentIndent);
    void parseQuotedAt(YamlNode &out, int column, bool afterValueIndicator, bool tabIndented);
    void parsePlainAt(
        YamlNode &out, int parentIndent, int column, bool afterValueIndicator, bool tabIndented);
    void parseBlockMapping(YamlNode &out, int column, YamlNode &&firstKey);
    void parseBlockSequence(YamlNode &out, int column);
    bool parseKey(YamlNode &key);
    void parseScalarInBlock(YamlNode &out, int parentIndent);
    void parseFlow(YamlNode &out);
    void parseFlowNode(YamlNode &out);
    void skipFlowSpace(int open);
    void takeQuoted(YamlNode &out);
    // A block mapping's key written plain on one line, up to its ':'; p moves to the ':'.
    void takePlainKey(YamlNode &key, const YamlScan::PlainLine &line)
    {
        key.kind = YamlNode::Kind::Scalar;
        key.start = markHere(p);
        key.value.assign(s + p, line.end - p);
        key.endOffset = line.end;
        p = line.stop;
    }
    void takeScalar(YamlNode &out, YamlFastParser::Scalar &&sc, YamlNode::Style style, int start);
};

inline void FastParserImpl::takeScalar(
    YamlNode &out, YamlFastParser::Scalar &&sc, YamlNode::Style style, int start)
{
    if (sc.status == YamlFastParser::Status::Error)
        fail(sc.errorOffset, std::move(sc.message));
    if (sc.status == YamlFastParser::Status::Unsupported)
        unsupported(sc.errorOffset, std::move(sc.message));
    out.kind = YamlNode::Kind::Scalar;
    out.style = style;
    out.start = markHere(start);
    out.value = std::move(sc.value);
    out.endOffset = sc.end;
    advanceTo(sc.end);
}

inline void FastParserImpl::takeQuoted(YamlNode &out)
{
    const int start = p;
    takeScalar(out, YamlFastParser::scanQuoted(t, p),
        s[p] == '"' ? YamlNode::Style::DoubleQuoted : YamlNode::Style::SingleQuoted, start);
}

} // namespace meshroute
