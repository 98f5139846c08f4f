#include "yamlcppparser.h"

#include "yamlcpprefusals.h"
#include "yamlfastparser.h"
#include "yamlscan.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstring>
#include <sstream>
#include <unordered_map>

namespace meshroute {

namespace {

// Thrown by the handler to stop yaml-cpp: a limit is hit, or yaml-cpp accepted
// a scalar that is not valid YAML (it reads an unterminated quote to the end).
struct Abort
{
    std::string message;
    int offset;
};

using YamlScan::blankAt;
using YamlScan::isSpace;
using namespace YamlCppRefusals;

std::size_t subtreeSize(const YamlNode &node)
{
    std::size_t count = 1;
    for (const YamlNode &child : node.children)
        count += subtreeSize(child);
    return count;
}

class TreeBuilder : public YAML::EventHandler
{
public:
    TreeBuilder(std::string_view text, const YamlLimits &limits, int bomShift)
        : t(text)
        , limits(limits)
        , bomShift(bomShift)
    {
        lineStarts.push_back(bomShift); // the byte order mark takes no column
        for (int i = 0; i < int(t.size()); ++i)
            if (t[i] == '\n')
                lineStarts.push_back(i + 1);
    }

    YamlNode root;
    bool hasRoot = false;

    YamlMark markAt(int offset) const
    {
        offset = std::clamp(offset, 0, int(t.size()));
        const auto it = std::upper_bound(lineStarts.begin(), lineStarts.end(), offset) - 1;
        return { int(it - lineStarts.begin()) + 1, std::max(offset - *it, 0) + 1, offset };
    }

    int offsetOf(const YAML::Mark &mark) const { return mark.pos < 0 ? int(t.size()) : mark.pos + bomShift; }

    void OnDocumentStart(const YAML::Mark &) override { }
    void OnDocumentEnd() override { }

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const int at = offsetOf(mark);
        // yaml-cpp tags a null only at the end of the stream, where the anchor may follow the tag.
        const bool anchored = anchor != YAML::NullAnchor;
        const Properties properties = readProperties(at, anchored, anchored);
        checkPropertiesIndented(properties, at);
        const int pos = properties.next;
        // A null word followed by ':' is a key only where a key is expected;
        // elsewhere it is the next key after a missing value.
        const bool keyExpected = !stack.empty() && stack.back().node->kind == YamlNode::Kind::Mapping
            && stack.back().node->children.size() % 2 == 0;
        const int explicitKey = keyExpected && !anchored ? explicitEmptyKeyPosition(at) : -1;
        if (keyExpected && !anchored && explicitKey < 0)
            checkKeyBeforeColon(at);
        // yaml-cpp lets through two things YAML 1.2 rejects, which the fast parser
        // reports the same way: an empty flow entry ("[a,,b]", "{a: 1,, b: 2}") is
        // a null key or item standing on its ',', and a line with a word but no
        // ':' among block keys is a key whose null value stands on the key itself.
        const bool itemExpected = !stack.empty() && stack.back().node->kind == YamlNode::Kind::Sequence;
        if ((keyExpected || itemExpected) && at < int(t.size()) && t[at] == ',')
            throw Abort { YamlScan::kEmptyFlowEntry, at };
        // yaml-cpp marks that null at the key's first token, its anchor or tag (`&a key`), and the key
        // starts after them; a key of properties alone (`!t # c` at the end) where they end.
        if (!stack.empty() && stack.back().node->kind == YamlNode::Kind::Mapping && !keyExpected
            && keyStandsOnItsValue(stack.back().node->children.back(), readProperties(at, true, true)))
            throw Abort { YamlScan::kMissingColon, at };
        // A null word below an empty '?' at its column (`?` over `~:`) is the next entry's key,
        // not this key's text, which is missing.
        const bool wordIsNextEntrys = explicitKey > 0 && markAt(pos).line > markAt(explicitKey - 1).line
            && markAt(pos).column <= markAt(explicitKey - 1).column;
        const int wordEnd = wordIsNextEntrys ? -1 : nullWordEnd(pos, keyExpected);
        if (keyExpected && wordEnd > 0) // a null word as an explicit key's text (`?` over `NULL`)
            checkExplicitKeyIndented(pos);
        // A missing value with an anchor (`a: &y`) stands after it, so a value set goes there.
        int nullPos = wordEnd > 0 ? pos : (anchored ? properties.end : missingValuePosition(at));
        if (wordEnd <= 0 && explicitKey >= 0)
            nullPos = explicitKey;
        YamlNode &node = addNode();
        // yaml-cpp reports "~" and "null" as nulls, but the tree keeps them as
        // plain scalars (the typed layer interprets them); only a missing value is Null.
        if (wordEnd > 0) {
            node.kind = YamlNode::Kind::Scalar;
            node.style = YamlNode::Style::Plain;
            node.value.assign(t.substr(pos, wordEnd - pos));
            node.tag = properties.tag;
            node.start = markAt(pos);
            node.endOffset = wordEnd;
        } else {
            node.kind = YamlNode::Kind::Null;
            node.start = markAt(nullPos);
            node.endOffset = nullPos;
        }
        if (anchored)
            node.anchor = properties.anchor;
        finishLeaf(anchor);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const int at = offsetOf(mark);
        checkValueIndented(at);
        const auto it = anchors.find(anchor);
        if (it == anchors.end())
            throw Abort { "unknown anchor", at };
        const std::size_t size = it->second.size;
        aliasNodes += size;
        if (aliasNodes > limits.maxAliasNodes)
            throw Abort {
                "alias expansion exceeds " + std::to_string(limits.maxAliasNodes) + " nodes (alias bomb?)", at
            };
        YamlNode &node = addNode();
        node = it->second.node;
        created += size - 1;
        // The copy stands where the alias is written, so an editor points at "*name".
        int end = at + 1;
        while (end < int(t.size()) && !blankAt(t, end) && !std::strchr(",[]{}", t[end]))
            ++end;
        node.isAlias = true;
        node.anchor.assign(t.substr(at + 1, end - at - 1));
        node.start = markAt(at);
        node.endOffset = end;
    }

    void OnScalar(const YAML::Mark &mark, const std::string &yamlCppTag, YAML::anchor_t anchor,
        const std::string &value) override
    {
        // "?" is no tag; "!" is also what a quoted scalar gets without one.
        checkValueIndented(offsetOf(mark));
        checkExplicitKeyIndented(offsetOf(mark));
        const Properties properties
            = readProperties(offsetOf(mark), yamlCppTag != "?", anchor != YAML::NullAnchor);
        checkPropertiesIndented(properties, offsetOf(mark));
        const int pos = properties.next;
        // Properties with nothing after them (`a: !t` above `b: 1`) are an empty node, a missing
        // value: it stands where they end, not on the next node, and a value set goes after them.
        // So are they when yaml-cpp reads an empty quoted key below them at its key's column (`a: !`
        // over `"": v`) as their text: YAML 1.2 reads the next entry there (a yaml_reader fuzz finding).
        const bool nextEntrysText = pos > properties.end && belowItsKeyAtItsColumn(pos);
        YamlNode &node = addNode();
        node.kind = YamlNode::Kind::Scalar;
        node.value = value;
        node.tag = properties.tag;
        if (anchor != YAML::NullAnchor)
            node.anchor = properties.anchor;
        const char c = pos < int(t.size()) ? t[pos] : '\0';
        if (value.empty() && (c == '\0' || !std::strchr("'\"|>", c) || nextEntrysText)) {
            node.kind = YamlNode::Kind::Null;
            node.start = markAt(properties.end);
            node.endOffset = properties.end;
            finishLeaf(anchor);
            return;
        }
        if (nextEntrysText) // text below the properties at the key's column: `a: !t` over `b`
            throw Abort { kValueNotIndented, pos };
        node.start = markAt(pos);
        YamlFastParser::Scalar scan;
        if (c == '\'' || c == '"') {
            node.style = c == '"' ? YamlNode::Style::DoubleQuoted : YamlNode::Style::SingleQuoted;
            scan = YamlFastParser::scanQuoted(t, pos);
        } else if (c == '|' || c == '>') {
            node.style = c == '|' ? YamlNode::Style::Literal : YamlNode::Style::Folded;
            scan = YamlFastParser::scanBlockScalar(t, pos, parentIndent());
        } else {
            node.style = YamlNode::Style::Plain;
            scan = YamlFastParser::scanPlain(t, pos, parentIndent(), inFlow());
            if (scan.status == YamlFastParser::Status::Ok && scan.value != value)
                throw Abort { kPlainScalarCut, pos };
        }
        if (scan.status == YamlFastParser::Status::Error)
            throw Abort { scan.message, scan.errorOffset };
        // yaml-cpp 0.7 decodes \N and \_ to the single bytes 0x85 and 0xA0, which
        // is not UTF-8, and folds empty lines before a closing quote away; the
        // scanner's value follows the YAML spec there.
        if ((c == '"' || c == '\'') && scan.status == YamlFastParser::Status::Ok) {
            const std::string_view token = t.substr(pos, scan.end - pos);
            if (token.find('\n') != std::string_view::npos
                || (c == '"'
                    && (token.find("\\N") != std::string_view::npos
                        || token.find("\\_") != std::string_view::npos)))
                node.value = std::move(scan.value);
        }
        // It also drops the empty lines that ">+" must keep ("a\n\n" comes out "a\n").
        if (c == '>' && scan.status == YamlFastParser::Status::Ok && isKeepHeader(pos))
            node.value = std::move(scan.value);
        node.endOffset = std::max(scan.end, pos);
        if (scan.status != YamlFastParser::Status::Ok && scan.end <= pos)
            node.endOffset = int(pos + std::min(value.size(), t.size() - pos));
        finishLeaf(anchor);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
        YAML::EmitterStyle::value style) override
    {
        startCollection(mark, tag, anchor, style, YamlNode::Kind::Sequence);
    }
    void OnSequenceEnd() override { endCollection(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
        YAML::EmitterStyle::value style) override
    {
        startCollection(mark, tag, anchor, style, YamlNode::Kind::Mapping);
    }
    void OnMapEnd() override { endCollection(); }

private:
    struct Open
    {
        YamlNode *node;
        YAML::anchor_t anchor;
        std::size_t createdAtStart;
    };
    struct Anchored
    {
        YamlNode node;
        std::size_t size;
    };

    std::string_view t;
    const YamlLimits &limits;
    int bomShift;
    std::vector<int> lineStarts;
    std::vector<Open> stack;
    std::unordered_map<YAML::anchor_t, Anchored> anchors;
    std::size_t created = 0;
    std::size_t aliasNodes = 0;

    YamlNode &addNode()
    {
        ++created;
        if (stack.empty()) {
            hasRoot = true;
            return root;
        }
        checkNoTabAfterExplicitKey();
        return stack.back().node->children.emplace_back();
    }

    // A block mapping's key written after a '?' with a tab among the blanks that follow it is an
    // error, as for the API server (kTabAfterExplicitKey).
    void checkNoTabAfterExplicitKey() const
    {
        const YamlNode &parent = *stack.back().node;
        if (parent.kind != YamlNode::Kind::Mapping || parent.style != YamlNode::Style::Block
            || parent.children.size() % 2 != 0 || inFlow())
            return;
        const int i = skipSpaceAndComments(nextKeyFrom());
        if (i >= int(t.size()) || t[i] != '?' || !blankAt(t, i + 1))
            return;
        for (int j = i + 1; j < int(t.size()) && isSpace(t[j]); ++j)
            if (t[j] == '\t')
                throw Abort { kTabAfterExplicitKey, j };
    }

    // See kExplicitKeyNotIndented: `at` is where the key's first token is.
    void checkExplicitKeyIndented(int at) const
    {
        if (stack.empty() || inFlow())
            return;
        const YamlNode &parent = *stack.back().node;
        if (parent.kind != YamlNode::Kind::Mapping || parent.style != YamlNode::Style::Block
            || parent.children.size() % 2 != 0)
            return;
        const int i = skipSpaceAndComments(nextKeyFrom());
        if (i < at && t[i] == '?' && blankAt(t, i + 1) && markAt(at).line > markAt(i).line
            && markAt(at).column <= markAt(i).column)
            throw Abort { kExplicitKeyNotIndented, at };
    }

    // Column (0-based) of the innermost block collection, -1 at the top level.
    int parentIndent() const
    {
        for (auto it = stack.rbegin(); it != stack.rend(); ++it)
            if (it->node->style == YamlNode::Style::Block)
                return it->node->start.column - 1;
        return -1;
    }
    // Flow context is inherited: everything inside [] or {} is flow, even the
    // bracketless pair `[: b]` that yaml-cpp reports as a block mapping.
    bool inFlow() const
    {
        return std::any_of(stack.begin(), stack.end(),
            [](const Open &open) { return open.node->style == YamlNode::Style::Flow; });
    }

    void remember(YAML::anchor_t anchor, const YamlNode &node, std::size_t size)
    {
        if (anchor != YAML::NullAnchor)
            anchors[anchor] = Anchored { node, size };
    }

    void finishLeaf(YAML::anchor_t anchor)
    {
        if (anchor == YAML::NullAnchor)
            return;
        const YamlNode &node = stack.empty() ? root : stack.back().node->children.back();
        remember(anchor, node, subtreeSize(node));
    }

    bool isKeepHeader(int pos) const
    {
        for (int i = pos + 1; i < pos + 3 && i < int(t.size()); ++i)
            if (t[i] == '+')
                return true;
        return false;
    }

    // The properties ("!tag", "&anchor") written before a node: at most one tag and one anchor,
    // and only those yaml-cpp gave it; past them are the next node's (`a: &y`, then `&z b: 1`).
    struct Properties
    {
        std::string tag; // as written
        std::string anchor;
        int end; // after the last of them
        int next; // where the node's own text begins
        int last = -1; // where the last of them begins
    };
    Properties readProperties(int pos, bool tagged, bool anchored) const
    {
        const int n = int(t.size());
        Properties properties { {}, {}, pos, pos };
        while (pos < n && ((t[pos] == '!' && tagged) || (t[pos] == '&' && anchored))) {
            const int end = YamlScan::propertyEnd(t, pos);
            // yaml-cpp reads the node's text from the first byte that cannot be in a tag (`!t<`,
            // `!t\xC5`, `!t[a]`, `[!t, b]`); the API server's parser wants a blank there (go-yaml's
            // yaml_parser_scan_tag: "did not find expected whitespace or line break", even before
            // a flow ','), and a value set there would run into the tag.
            if (t[pos] == '!' && !blankAt(t, end))
                throw Abort { kTagWithoutSpace, end };
            if (t[pos] == '!') {
                properties.tag.assign(t.substr(pos, end - pos));
                tagged = false;
            } else {
                properties.anchor.assign(t.substr(pos + 1, end - pos - 1));
                anchored = false;
            }
            properties.last = pos;
            properties.end = end;
            pos = skipSpaceAndComments(end);
            properties.next = pos;
        }
        return properties;
    }

    // Whether a block key starts where its null value is marked: a line without ':' made both.
    static bool keyStandsOnItsValue(const YamlNode &key, const Properties &atValue)
    {
        return key.start.offset == atValue.next
            || (key.kind == YamlNode::Kind::Null && atValue.last >= 0 && key.start.offset == atValue.end);
    }

    int skipSpaceAndComments(int pos) const
    {
        const int n = int(t.size());
        while (pos < n) {
            if (blankAt(t, pos)) {
                ++pos;
            } else if (t[pos] == '#') {
                while (pos < n && t[pos] != '\n')
                    ++pos;
            } else {
                break;
            }
        }
        return pos;
    }

    // If a null word (~, null, Null, NULL) written as a whole scalar starts at pos, its end.
    int nullWordEnd(int pos, bool asKey) const
    {
        for (std::string_view word : { "~", "null", "Null", "NULL" }) {
            if (t.substr(pos, word.size()) != word)
                continue;
            const int end = pos + int(word.size());
            int i = end;
            while (i < int(t.size()) && isSpace(t[i]))
                ++i;
            if (nullWordEndsAt(end, i, asKey))
                return end;
        }
        return -1;
    }

    // Whether a null word ending at end, followed by blanks up to i, is the whole scalar. A '#'
    // starts a comment and a ':' is a key's indicator only after a blank or before one: `null#`
    // and `null:x` are plain scalars of their own (a key after a missing value, `a: &n` over
    // `null#: v`, was taken for that value, which then ran into the key).
    bool nullWordEndsAt(int end, int i, bool asKey) const
    {
        if (i >= int(t.size()) || t[i] == '\n' || t[i] == '\r')
            return true;
        if (inFlow() && std::strchr(",]}", t[i]))
            return true;
        if (t[i] == '#')
            return i > end;
        return asKey && t[i] == ':' && (blankAt(t, i + 1) || (inFlow() && std::strchr(",]}", t[i + 1])));
    }

    // Where a missing value is: right after its ':' or '-'.
    int missingValuePosition(int fallback) const
    {
        if (stack.empty())
            return YamlFastParser::documentNullOffset(t);
        const YamlNode &parent = *stack.back().node;
        if (parent.kind == YamlNode::Kind::Mapping) {
            if (parent.children.size() % 2 == 0)
                return fallback; // a missing key
            const int keyEnd = parent.children.back().endOffset;
            const int i = skipSpaceAndComments(keyEnd);
            return valueIndicatorAt(i) ? i + 1 : keyEnd;
        }
        if (parent.style == YamlNode::Style::Flow)
            return fallback;
        if (parent.children.empty())
            return parent.start.offset + 1;
        const int i = skipSpaceAndComments(parent.children.back().endOffset);
        return (i < int(t.size()) && t[i] == '-') ? i + 1 : fallback;
    }

    // Whether the ':' of a missing value is at i. A ':' followed by anything but a blank (or, in
    // flow, the end of the entry) begins a plain scalar, the next key (`?` over `:0[: v`): taking
    // it for the value's ':' put the value inside that key.
    bool valueIndicatorAt(int i) const
    {
        if (i >= int(t.size()) || t[i] != ':')
            return false;
        return blankAt(t, i + 1) || (inFlow() && std::strchr(",]}", t[i + 1]));
    }

    // Where the parent block mapping's next key is written from: after its last value, or at its
    // start.
    int nextKeyFrom() const
    {
        const YamlNode &parent = *stack.back().node;
        return parent.children.empty() ? parent.start.offset : parent.children.back().endOffset;
    }

    // A key yaml-cpp reports missing (at `at`, the next token) that is written as a '?' with
    // nothing after it stands right after that '?', so the key and its value (if any) lie in
    // order before the next entry and a value set there goes under the '?'. -1 if none.
    int explicitEmptyKeyPosition(int at) const
    {
        if (inFlow())
            return -1;
        const int i = skipSpaceAndComments(nextKeyFrom());
        return (i <= at && i < int(t.size()) && t[i] == '?' && blankAt(t, i + 1)) ? i + 1 : -1;
    }

    // A block mapping's key missing before its ':' (`: v`) is an error, as for the API server.
    void checkKeyBeforeColon(int at) const
    {
        if (inFlow() || stack.back().node->style != YamlNode::Style::Block || at >= int(t.size())
            || t[at] != ':' || !blankAt(t, at + 1))
            return;
        // This mapping, the last child of its parent mapping, is a key there at an even index.
        const bool insideAKey = stack.size() >= 2 && stack[stack.size() - 2].node->isMapping()
            && stack[stack.size() - 2].node->children.size() % 2 == 1;
        throw Abort { insideAKey ? kEmptyExplicitKey : kEmptyImplicitKey, at };
    }

    void startCollection(const YAML::Mark &mark, const std::string &yamlCppTag, YAML::anchor_t anchor,
        YAML::EmitterStyle::value style, YamlNode::Kind kind)
    {
        // A block mapping's mark is its first key's, before that key's own properties
        // (`&k key: v`): only the collection's own are skipped, so that it starts at the column
        // of its keys, where an edit writes a new one. "?" is no tag.
        const Properties properties
            = readProperties(offsetOf(mark), yamlCppTag != "?", anchor != YAML::NullAnchor);
        const int pos = properties.next;
        const bool blockSequence = kind == YamlNode::Kind::Sequence && style != YAML::EmitterStyle::Flow;
        if (!blockSequence || properties.end > offsetOf(mark))
            checkValueIndented(offsetOf(mark));
        checkPropertiesIndented(properties, offsetOf(mark));
        if (kind == YamlNode::Kind::Mapping && style != YAML::EmitterStyle::Flow && !inFlow())
            checkBlockMappingIndented(pos);
        const int maxDepth = YamlFastParser::effectiveMaxDepth(limits);
        if (int(stack.size()) + 1 > maxDepth)
            throw Abort { "nesting deeper than " + std::to_string(maxDepth) + " levels", pos };
        const std::size_t before = created;
        YamlNode &node = addNode();
        node.kind = kind;
        node.style
            = style == YAML::EmitterStyle::Flow || inFlow() ? YamlNode::Style::Flow : YamlNode::Style::Block;
        node.tag = properties.tag;
        if (anchor != YAML::NullAnchor)
            node.anchor = properties.anchor;
        node.start = markAt(pos);
        node.endOffset = pos;
        stack.push_back({ &node, anchor, before });
    }

    // A block mapping that is the value of a block mapping's key starts right of that mapping's
    // keys. yaml-cpp reads one that starts with an empty key at their column (`a:` over `: x`)
    // as a's value, where YAML 1.2 reads the next key of the same mapping and libyaml (the API
    // server's parser) an error; a key added to that value went at the column of the outer keys,
    // and was one of them.
    void checkBlockMappingIndented(int pos) const
    {
        if (stack.empty())
            return;
        const YamlNode &parent = *stack.back().node;
        if (parent.kind != YamlNode::Kind::Mapping || parent.style != YamlNode::Style::Block
            || parent.children.size() % 2 == 0)
            return;
        // The outer keys' column: its mark, or its first key's properties before it (`&a : v`).
        const int keysColumn = std::min(parent.start.column, parent.children.front().start.column);
        if (markAt(pos).column <= keysColumn)
            throw Abort { kMappingNotIndented, pos };
    }

    // See kValueNotIndented; `at` is where the value's properties or text begin. A mapping that
    // starts there is checked by checkBlockMappingIndented, against the same column.
    void checkValueIndented(int at, const char *message = kValueNotIndented) const
    {
        if (belowItsKeyAtItsColumn(at))
            throw Abort { message, at };
    }

    // See kPropertyNotIndented: `first` is where yaml-cpp marks the node, at its first property.
    void checkPropertiesIndented(const Properties &properties, int first) const
    {
        if (properties.last <= first || stack.empty() || inFlow())
            return;
        const YamlNode &parent = *stack.back().node;
        if (parent.style != YamlNode::Style::Block || markAt(properties.last).line == markAt(first).line)
            return;
        const int column = parent.kind == YamlNode::Kind::Mapping && !parent.children.empty()
            ? std::min(parent.start.column, parent.children.front().start.column)
            : parent.start.column;
        if (markAt(properties.last).column <= column)
            throw Abort { kPropertyNotIndented, properties.last };
    }

    // Whether `at`, where a block mapping's value is expected, lies on a line below its key at or
    // left of the keys' column: where YAML 1.2 reads the next entry, not the value.
    bool belowItsKeyAtItsColumn(int at) const
    {
        if (stack.empty() || inFlow())
            return false;
        const YamlNode &parent = *stack.back().node;
        if (parent.kind != YamlNode::Kind::Mapping || parent.style != YamlNode::Style::Block
            || parent.children.size() % 2 == 0)
            return false;
        const YamlMark mark = markAt(at);
        const int keysColumn = std::min(parent.start.column, parent.children.front().start.column);
        return mark.line > markAt(parent.children.back().endOffset).line && mark.column <= keysColumn;
    }

    void endCollection()
    {
        const Open open = stack.back();
        stack.pop_back();
        YamlNode &node = *open.node;
        // yaml-cpp marks a block mapping whose first key is empty but has properties (`&a : v`)
        // at the ':'; the mapping starts where that key's properties do.
        if (node.style == YamlNode::Style::Block && !node.children.empty()
            && node.children.front().start.offset < node.start.offset)
            node.start = node.children.front().start;
        // A pair inside a flow sequence (`[a: b]`, `[{a: b}: c]`) is a mapping
        // that starts with its key and has no brackets of its own.
        const bool bracketed = node.start.offset < int(t.size())
            && t[node.start.offset] == (node.kind == YamlNode::Kind::Sequence ? '[' : '{')
            && (node.children.empty() || node.children.front().start.offset != node.start.offset);
        if (node.style == YamlNode::Style::Block || !bracketed) {
            // It ends with its last child. Searching for a '}' after a bracketless
            // pair would run into the rest of the document.
            node.endOffset = node.children.empty() ? node.start.offset : node.children.back().endOffset;
        } else {
            // Past the closing bracket: skip white space, comments and a trailing comma.
            int i = node.children.empty() ? node.start.offset + 1 : node.children.back().endOffset;
            const char close = node.kind == YamlNode::Kind::Sequence ? ']' : '}';
            while (i < int(t.size()) && t[i] != close) {
                if (t[i] == '#') {
                    while (i < int(t.size()) && t[i] != '\n')
                        ++i;
                } else {
                    ++i;
                }
            }
            node.endOffset = std::min(i + 1, int(t.size()));
        }
        if (open.anchor != YAML::NullAnchor)
            remember(open.anchor, node, created - open.createdAtStart);
    }
};

} // namespace

YamlParseResult YamlCppParser::parse(std::string_view text, const YamlLimits &limits)
{
    YamlParseResult result;
    // yaml-cpp drops a BOM before counting positions.
    const int bomShift = YamlScan::byteOrderMarkLength(text);
    TreeBuilder builder(text, limits, bomShift);
    try {
        std::istringstream in { std::string(text) };
        YAML::Parser parser(in);
        if (parser.HandleNextDocument(builder)) {
            YAML::Mark secondMark;
            struct Probe : YAML::EventHandler
            {
                YAML::Mark first;
                bool seen = false;
                void note(const YAML::Mark &m)
                {
                    if (!seen) {
                        first = m;
                        seen = true;
                    }
                }
                void OnDocumentStart(const YAML::Mark &m) override { note(m); }
                void OnDocumentEnd() override { }
                void OnNull(const YAML::Mark &m, YAML::anchor_t) override { note(m); }
                void OnAlias(const YAML::Mark &m, YAML::anchor_t) override { note(m); }
                void OnScalar(
                    const YAML::Mark &m, const std::string &, YAML::anchor_t, const std::string &) override
                {
                    note(m);
                }
                void OnSequenceStart(const YAML::Mark &m, const std::string &, YAML::anchor_t,
                    YAML::EmitterStyle::value) override
                {
                    note(m);
                }
                void OnSequenceEnd() override { }
                void OnMapStart(const YAML::Mark &m, const std::string &, YAML::anchor_t,
                    YAML::EmitterStyle::value) override
                {
                    note(m);
                }
                void OnMapEnd() override { }
            } probe;
            if (parser.HandleNextDocument(probe)) {
                result.error.message = "more than one document";
                result.error.mark
                    = builder.markAt(probe.seen ? builder.offsetOf(probe.first) : int(text.size()));
                return result;
            }
        }
    } catch (const Abort &e) {
        result.error.message = e.message;
        result.error.mark = builder.markAt(e.offset);
        return result;
    } catch (const YAML::DeepRecursion &e) {
        result.error.message
            = "nesting deeper than " + std::to_string(YamlFastParser::effectiveMaxDepth(limits)) + " levels";
        result.error.mark = builder.markAt(builder.offsetOf(e.mark));
        return result;
    } catch (const YAML::Exception &e) {
        result.error.message = e.msg;
        result.error.mark = builder.markAt(builder.offsetOf(e.mark));
        return result;
    }
    result.ok = true;
    if (builder.hasRoot) {
        result.root = std::move(builder.root);
    } else {
        const int at = YamlFastParser::documentNullOffset(text);
        result.root.start = builder.markAt(at);
        result.root.endOffset = at;
    }
    return result;
}

} // namespace meshroute
