#pragma once

#include "yamlnode.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <variant>

namespace meshroute {

// A step into a YAML tree: a mapping key or a sequence index.
using YamlPathStep = std::variant<QByteArray, int>;
using YamlPath = QList<YamlPathStep>;

// One replacement in a document's text.
struct TextChange
{
    int offset = 0;
    int length = 0;
    QByteArray text;
};

// Surgical edits of YAML text: each touches only the bytes of the value it
// changes and writes new lines in the indentation around them, so comments,
// quoting, key order and unknown fields of the rest of the file survive.
namespace YamlEdit {

const YamlNode *find(const YamlNode &root, const YamlPath &path);

// A scalar in the style it had where possible: quoted stays quoted; a plain
// value that YAML would read differently (a number-like string, ": ", "#",
// and inside a flow collection, `inFlow`, any of ",[]{}") gets double quotes.
QByteArray formatScalar(
    const QString &value, YamlNode::Style style, bool mustStayString, bool inFlow = false);

// `inFlow`: the scalar stands in a flow collection (its parent's style is Flow),
// which the node itself does not record.
TextChange setScalar(
    const YamlNode &node, const QString &value, bool mustStayString = false, bool inFlow = false);

// Adds `key: value` as the last entry of a mapping (block or flow);
// `valueText` is already YAML (a scalar, or "\n"-joined lines for a block value).
TextChange insertMapEntry(
    const QByteArray &document, const YamlNode &map, const QByteArray &key, const QByteArray &valueText);

// Applies changes that do not overlap, in any order.
QByteArray apply(QByteArray document, QList<TextChange> changes);

// How a document lays out its blocks, so new lines look like their neighbours.
struct Layout
{
    int step = 2; // spaces per nesting level of mappings
    bool indentSequences = false; // `key:\n  - a` (true) or kubectl's `key:\n- a` (false)
    QByteArray newline = "\n";
};
Layout detectLayout(const QByteArray &document, const YamlNode &root);

// Values built in code for new text. A string scalar is written plain when
// YAML reads it back as the same string and double-quoted otherwise; a plain
// scalar is written as given (numbers, booleans).
YamlNode plainScalar(const QString &value);
YamlNode stringScalar(const QString &value);
YamlNode mapping();
YamlNode sequence();
// Sets `key` of a mapping built in code (replacing it or appending it); returns the value.
YamlNode &setEntry(YamlNode &map, const QByteArray &key, YamlNode value);
void appendItem(YamlNode &sequence, YamlNode item);
// Copies a parsed subtree into a value that renders as new text (drops positions).
YamlNode detach(const YamlNode &node);

// Block YAML for `node` with every line indented by `indent` spaces; ends with a newline.
QByteArray renderBlock(const YamlNode &node, int indent, const Layout &layout);
// One-line flow YAML ({a: 1, b: [x]}).
QByteArray renderFlow(const YamlNode &node);

// Structural edits. Each returns false and an error when the node is not
// where or what the edit needs, or when the change would take away an anchor
// ("&x", with the text before a node) that an alias elsewhere still uses;
// otherwise one change to apply to `document`.

// Puts `value` at `path` (keys and indexes from `root`): replaces what is
// there, or inserts the missing keys under the deepest existing mapping.
bool setPath(const QByteArray &document, const YamlNode &root, const YamlPath &path, const YamlNode &value,
    const Layout &layout, TextChange *change, QString *error);
// Removes the mapping entry or sequence item at `path`. A mapping left empty
// is removed from its own parent too, so no `key:` with nothing is left behind.
bool removePath(const QByteArray &document, const YamlNode &root, const YamlPath &path, const Layout &layout,
    TextChange *change, QString *error);

// Removes `key` and its value from a mapping: whole lines in block style.
bool removeMapEntry(const QByteArray &document, const YamlNode &map, const QByteArray &key,
    TextChange *change, QString *error);
// Inserts `item` before item `index` (or at the end when index == size), in
// the indentation of the siblings (block) or comma-separated (flow).
bool insertSequenceItem(const QByteArray &document, const YamlNode &sequence, int index, const YamlNode &item,
    const Layout &layout, TextChange *change, QString *error);
// Removes item `index` (whole lines in block style, comments above it included).
// Refuses the only item of a block sequence: remove the key instead.
bool removeSequenceItem(
    const QByteArray &document, const YamlNode &sequence, int index, TextChange *change, QString *error);
// Moves item `from` so that it ends up at index `to`, with its comments (block) or its
// properties (flow). Refuses a move after which an alias would stand for another anchor, or
// come before its own. `root` is the tree of `document`.
bool moveSequenceItem(const QByteArray &document, const YamlNode &root, const YamlNode &sequence, int from,
    int to, TextChange *change, QString *error);
// Inserts an exact copy of item `index` (comments, unknown fields, key order) right after it.
bool duplicateSequenceItem(
    const QByteArray &document, const YamlNode &sequence, int index, TextChange *change, QString *error);

} // namespace YamlEdit
} // namespace meshroute
