#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace meshroute {

// A place in a YAML buffer. line and column are 1-based, offset is the
// 0-based byte offset; all relative to the buffer handed to the parser
// (one YAML document), so a document's positions survive edits elsewhere
// in its file.
struct YamlMark
{
    int line = 0;
    int column = 0;
    int offset = 0;
};

// One node of a parsed YAML document, with where its text starts and ends.
// The tree is a short-lived intermediate: the loader turns it into typed
// resources and drops it, so it favours simple ownership over compactness.
struct YamlNode
{
    enum class Kind : std::uint8_t { Null, Scalar, Sequence, Mapping };
    enum class Style : std::uint8_t {
        Plain,        // scalar without quotes
        SingleQuoted, // 'x'
        DoubleQuoted, // "x"
        Literal,      // |
        Folded,       // >
        Block,        // block collection (indentation)
        Flow          // flow collection ([] or {})
    };

    Kind kind = Kind::Null;
    Style style = Style::Plain;
    std::string value; // decoded scalar value; empty for collections and null
    std::string tag;   // explicit tag as written ("!!str"), empty when none
    // "&name" written before the node: its anchor name; for an alias ("*name",
    // expanded to a copy of the anchored node) the name it refers to.
    std::string anchor;
    bool isAlias = false; // this node is the copy standing where "*anchor" is written
    YamlMark start;    // first character of the node (opening quote, '[', first key, '-' of the first item)
    int endOffset = 0; // one past the last character of the node's text (closing quote, ']', last child's end)
    // Mapping: key, value, key, value ...; Sequence: items in order.
    std::vector<YamlNode> children;

    bool isNull() const { return kind == Kind::Null; }
    bool isScalar() const { return kind == Kind::Scalar; }
    bool isMapping() const { return kind == Kind::Mapping; }
    bool isSequence() const { return kind == Kind::Sequence; }
    bool isQuoted() const { return style == Style::SingleQuoted || style == Style::DoubleQuoted; }
    // Number of key/value pairs of a mapping.
    std::size_t pairCount() const { return children.size() / 2; }
    // The value for a key of a mapping, or nullptr.
    const YamlNode *find(std::string_view key) const
    {
        if (kind != Kind::Mapping)
            return nullptr;
        for (std::size_t i = 0; i + 1 < children.size(); i += 2)
            if (children[i].kind == Kind::Scalar && children[i].value == key)
                return &children[i + 1];
        return nullptr;
    }
};

struct YamlError
{
    std::string message; // without position; the mark says where
    YamlMark mark;
};

// The outcome of parsing one YAML document.
struct YamlParseResult
{
    bool ok = false;
    YamlNode root;   // valid when ok; a Null node for an empty document
    YamlError error; // valid when !ok
};

// Limits that protect the loader from hostile input (alias bombs, deep
// nesting). They bound work, not legitimate content: a real manifest never
// comes near them.
struct YamlLimits
{
    int maxDepth = 256;                 // nesting of collections
    std::size_t maxAliasNodes = 200000; // nodes created by expanding aliases, per document
};

} // namespace meshroute
