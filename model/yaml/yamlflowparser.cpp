// FastParserImpl's flow collections: [a, b] and {a: 1} in a block document.
#include "yamlfastparserimpl.h"

#include "yamlscan.h"

namespace meshroute {

using namespace YamlScan;

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
            fail(p, kEmptyFlowEntry);
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

} // namespace meshroute
