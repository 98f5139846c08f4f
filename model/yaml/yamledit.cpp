#include "yamledit.h"

#include "yamlanchors.h"
#include "yamlchomping.h"
#include "yamledittext.h"
#include "yamlrender.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace meshroute::YamlEdit {

using namespace YamlEditText;

namespace {

const YamlNode *child(const YamlNode *node, const YamlPathStep &step)
{
    if (const QByteArray *key = std::get_if<QByteArray>(&step))
        return node->find(std::string_view(key->constData(), std::size_t(key->size())));
    const int index = std::get<int>(step);
    if (!node->isSequence() || index < 0 || std::size_t(index) >= node->children.size())
        return nullptr;
    return &node->children[std::size_t(index)];
}

// The column of an explicit key's '?', where its ':' goes: the key may stand on a line below it
// (`? !` over ` |1`), or after a list item's dash (`- ? k`), both right of the line's indentation.
int explicitKeyColumn(const QByteArray &doc, const YamlNode &key)
{
    const int indicator = keyIndicatorBegin(doc, key);
    return indicator < key.start.offset ? indicator - lineStart(doc, indicator)
                                        : lineIndent(doc, key.start.offset);
}

bool replaceMapValue(const QByteArray &doc, const YamlNode &map, int pair, const YamlNode &value,
    const Layout &layout, TextChange *change)
{
    const YamlNode &key = map.children[std::size_t(pair) * 2];
    const YamlNode &old = map.children[std::size_t(pair) * 2 + 1];
    const bool keepFlow
        = map.style == YamlNode::Style::Flow || (old.style == YamlNode::Style::Flow && !old.children.empty());
    if (keepFlow) {
        change->offset = old.start.offset;
        change->length = old.endOffset - old.start.offset;
        change->text = renderFlow(value);
        if (old.isNull() && change->length == 0) {
            // A key written alone in a flow mapping ({a, b: 1}) has no ':' yet.
            const bool colon = doc.mid(key.endOffset, old.start.offset - key.endOffset).contains(':');
            change->text.prepend(colon ? " " : ": ");
        }
        return true;
    }
    const bool explicitKeyAlone
        = old.isNull() && !doc.mid(key.endOffset, old.start.offset - key.endOffset).contains(':');
    if (explicitKeyAlone && !value.isScalar()) {
        // An explicit key (`? key`) written without a value: `:` and the collection go under the
        // `?`, as a scalar does below; after the key they would become part of it.
        const int indent = explicitKeyColumn(doc, key);
        change->offset = key.endOffset;
        change->length = 0;
        change->text = withNewlines(
            "\n" + QByteArray(indent, ' ') + ":" + valueAfterKey(value, indent, layout), layout);
        return true;
    }
    if (isBlockCollection(old) || (!value.children.empty() && (value.isMapping() || value.isSequence()))) {
        // From the end of the key, so the value may move between the key's line and the lines below;
        // from the ':' of an explicit key (`? key` over `: value`), which text after the key would join.
        int from = key.endOffset;
        int indent = key.start.column - 1;
        if (keyIndicatorBegin(doc, key) < key.start.offset) {
            const int colon = valueIndicatorAfter(doc, key.endOffset);
            if (colon >= 0 && colon <= old.start.offset) {
                from = colon;
                indent = colon - lineStart(doc, colon);
            }
        }
        change->offset = from;
        change->length = old.endOffset - from;
        if (old.isNull())
            change->length = std::max(change->length, 1); // the ':' right after the key
        change->text = withNewlines(":" + valueAfterKey(value, indent, layout), layout);
        return true;
    }
    if (value.isScalar()) {
        *change = setScalar(old, QString::fromStdString(value.value), value.style != YamlNode::Style::Plain);
        if (explicitKeyAlone) {
            // An explicit key (`? key`) written without a value: the value goes on a line of its
            // own, `: value` under the `?`, since text after the key would become part of it.
            change->offset = key.endOffset;
            change->text = withNewlines(
                "\n" + QByteArray(explicitKeyColumn(doc, key), ' ') + ":" + change->text, layout);
        }
        return true;
    }
    change->offset = old.start.offset;
    change->length = old.endOffset - old.start.offset;
    change->text = isEmptyCollection(value) ? (value.isMapping() ? "{}" : "[]") : scalarText(value);
    if (old.isNull())
        change->text.prepend(' ');
    return true;
}

// Whether an anchor or tag stands between a block sequence item's dash and the item (`- &a x`).
bool propertiesBeforeItem(const QByteArray &doc, const YamlNode &item)
{
    const int ls = lineStart(doc, item.start.offset);
    return !onlySpaces(doc, ls, item.start.offset) && !isDashPrefix(doc, ls, item.start.offset);
}

// Properties written after a dash belong to the first key of a mapping that follows them on their
// line (`- &a host: x`), so the mapping starts at them and its next keys, lined up under the first,
// stood right of its start (yaml-cpp: "mapping values are not allowed here"). The mapping goes on
// the lines below, indented to where the properties start, and they are the mapping's.
void replaceWithMappingUnderProperties(const QByteArray &doc, const YamlNode &item, const YamlNode &value,
    const Layout &layout, TextChange *change)
{
    const int ls = lineStart(doc, item.start.offset);
    int properties = ls;
    while (doc[properties] == ' ' || doc[properties] == '\t' || doc[properties] == '-')
        ++properties;
    int from = item.start.offset;
    while (from > ls && (doc[from - 1] == ' ' || doc[from - 1] == '\t'))
        --from;
    QByteArray text = renderBlockLf(value, properties - ls, layout);
    text.chop(1);
    *change = { from, item.endOffset - from, withNewlines("\n" + text, layout) };
}

bool replaceSequenceItem(const QByteArray &doc, const YamlNode &seq, int index, const YamlNode &value,
    const Layout &layout, TextChange *change, QString *error)
{
    const YamlNode &item = seq.children[std::size_t(index)];
    change->offset = item.start.offset;
    change->length = item.endOffset - item.start.offset;
    if (seq.style == YamlNode::Style::Flow) {
        change->text = renderFlow(value);
        // An empty item stands right after its properties (`[!t , b]`): a blank keeps them apart.
        if (item.isNull() && change->offset > 0 && !std::strchr(" \t\r\n[,", doc[change->offset - 1]))
            change->text.prepend(' ');
        return true;
    }
    if (value.isSequence() && !value.children.empty()) {
        *error = QStringLiteral("a sequence directly inside a sequence item is not supported here");
        return false;
    }
    // After a tab between the dash and the item, a mapping has no column that its next keys could
    // line up under: yaml-cpp counts only spaces there (YAML 1.2 §8.2.1, compact mappings) and
    // reads `-\t\thost: x` over `   weight: 1` as an "illegal map value". It goes below too.
    const int ls = lineStart(doc, item.start.offset);
    const bool tabBeforeItem = doc.mid(ls, item.start.offset - ls).contains('\t');
    if (value.isMapping() && !value.children.empty() && (propertiesBeforeItem(doc, item) || tabBeforeItem)) {
        replaceWithMappingUnderProperties(doc, item, value, layout, change);
        return true;
    }
    int column = item.start.column - 1;
    QByteArray lead;
    if (item.isNull()) {
        // An empty item (`-`, `- `) stands right after its dash: the value goes after a space,
        // the one there or a new one, and its lines are indented to where it starts. A space
        // that a comment follows (`- #c`) stays between the value and the comment: without
        // it `#c` would join the value.
        const bool spaceAfterDash = change->offset < doc.size() && doc[change->offset] == ' ';
        const bool commentAfterSpace = change->offset + 1 < doc.size() && doc[change->offset + 1] == '#';
        if (spaceAfterDash && !commentAfterSpace)
            ++change->offset;
        else
            lead = " ";
        ++column;
    }
    QByteArray text = renderBlockLf(value, column, layout);
    text.remove(0, column);
    text.chop(1);
    change->text = withNewlines(lead + text, layout);
    return true;
}

} // namespace

const YamlNode *find(const YamlNode &root, const YamlPath &path)
{
    const YamlNode *node = &root;
    for (const YamlPathStep &step : path) {
        node = child(node, step);
        if (!node)
            return nullptr;
    }
    return node;
}

TextChange setScalar(const YamlNode &node, const QString &value, bool mustStayString, bool inFlow)
{
    TextChange c;
    c.offset = node.start.offset;
    c.length = node.endOffset - node.start.offset;
    YamlNode::Style style = node.style;
    if (style == YamlNode::Style::Literal || style == YamlNode::Style::Folded)
        style = YamlNode::Style::DoubleQuoted;
    c.text = formatScalar(
        value, node.kind == YamlNode::Kind::Null ? YamlNode::Style::Plain : style, mustStayString, inFlow);
    if (node.kind == YamlNode::Kind::Null) {
        // `key:` with nothing after it: the value goes after a space.
        c.length = 0;
        c.text.prepend(' ');
    }
    return c;
}

// A pair written in a flow sequence without braces (`[a: b]`, `[: b]`): a mapping that starts
// at its key, not at a '{' of its own (a key that is itself a flow mapping, `[{a: b}: c]`, starts
// at the same offset as the pair).
bool isBracelessPair(const QByteArray &doc, const YamlNode &map)
{
    return map.style == YamlNode::Style::Flow && !map.children.empty()
        && (map.start.offset >= doc.size() || doc[map.start.offset] != '{'
            || map.children.front().start.offset == map.start.offset);
}

// A comma after a braceless pair ends the sequence item, so a key added as `, c: d` was a new
// item, not the pair's (`[a: b, c: d]` is two mappings). The pair gets braces to take the key.
TextChange insertIntoBracelessPair(
    const QByteArray &document, const YamlNode &map, const QByteArray &key, const QByteArray &valueText)
{
    const int from = map.start.offset;
    const QByteArray pair = document.mid(from, map.endOffset - from);
    return { from, map.endOffset - from, "{" + pair + ", " + key + ": " + valueText + "}" };
}

TextChange insertMapEntry(
    const QByteArray &document, const YamlNode &map, const QByteArray &key, const QByteArray &valueText)
{
    TextChange c;
    if (isBracelessPair(document, map))
        return insertIntoBracelessPair(document, map, key, valueText);
    if (map.style == YamlNode::Style::Flow) {
        const int close = map.endOffset - 1; // the '}'
        const bool empty = map.children.empty();
        c.offset = empty ? close : map.children.back().endOffset;
        c.text = (empty ? QByteArray() : QByteArray(", ")) + key + ": " + valueText;
        return c;
    }
    // After the end of the line that holds the mapping's last value (and its comment, if any).
    int lineEnd = map.endOffset;
    while (lineEnd < document.size() && document[lineEnd] != '\n')
        ++lineEnd;
    lineEnd = std::max(lineEnd, YamlChomping::keptLinesEnd(document, map));
    int end = lineEnd;
    if (end > 0 && end <= document.size() && end > map.endOffset && document[end - 1] == '\r')
        --end;
    const QByteArray newline
        = (lineEnd < document.size() && lineEnd > 0 && document[lineEnd - 1] == '\r') ? "\r\n" : "\n";
    // At the column of its first key's entry: the '?' of an explicit key (`? k: v` starts a mapping
    // inside the key, where yaml-cpp marks the outer one too).
    const int first
        = map.children.empty() ? map.start.offset : keyIndicatorBegin(document, map.children.front());
    const int firstLine = lineStart(document, first);
    const QByteArray indent(std::min(map.start.column - 1, first - firstLine), ' ');
    c.offset = end;
    c.text = newline + indent + key + ":" + (valueText.startsWith('\n') ? QByteArray() : QByteArray(" "))
        + valueText;
    return c;
}

namespace {

// The bodies of the structural edits, before the anchor check of their public
// forms at the end of this file: removePath is made of the other removals.
bool entryRemoval(const QByteArray &document, const YamlNode &map, const QByteArray &key, TextChange *change,
    QString *error);
bool itemRemoval(
    const QByteArray &document, const YamlNode &seq, int index, TextChange *change, QString *error);

// Where the removal of the lines [begin, end) starts. At the end of a file without a final line
// break it takes the break before them too, so the file still ends without one, unless that break
// belongs to what stays: a block scalar's last line (its value ends in it), or an explicit key's
// lone '?' (yaml-cpp reads no '?' at the very end of its input: "unknown token").
int removalStart(const QByteArray &document, const YamlNode &within, int begin, int end)
{
    if (end != document.size() || document.endsWith('\n') || begin == 0 || document[begin - 1] != '\n')
        return begin; // no break before them: they start the text, or stand after a byte order mark
    const int lineBreak = begin - 1;
    int before = lineBreak;
    while (before > 0
        && (document[before - 1] == ' ' || document[before - 1] == '\t' || document[before - 1] == '\r'))
        --before;
    if ((before > 0 && document[before - 1] == '?')
        || YamlChomping::endsAtLineBreak(document, within, lineBreak))
        return begin;
    return lineBreak;
}

bool valuePlacement(const QByteArray &document, const YamlNode &root, const YamlPath &path,
    const YamlNode &value, const Layout &layout, TextChange *change, QString *error)
{
    if (path.isEmpty()) {
        *error = QStringLiteral("an empty path");
        return false;
    }
    std::vector<const YamlNode *> chain { &root };
    qsizetype depth = 0;
    for (; depth < path.size(); ++depth) {
        const YamlNode *next = child(chain.back(), path[depth]);
        if (!next)
            break;
        chain.push_back(next);
    }
    if (depth == path.size()) {
        const YamlNode &parent = *chain[chain.size() - 2];
        if (const QByteArray *key = std::get_if<QByteArray>(&path.back()))
            return replaceMapValue(document, parent, keyIndex(parent, *key), value, layout, change);
        return replaceSequenceItem(
            document, parent, std::get<int>(path.back()), value, layout, change, error);
    }
    for (qsizetype j = depth; j < path.size(); ++j)
        if (!std::holds_alternative<QByteArray>(path[j])) {
            *error = QStringLiteral("no item %1 at step %2").arg(std::get<int>(path[j])).arg(j);
            return false;
        }
    YamlNode nested = value;
    for (qsizetype j = path.size() - 1; j > depth; --j) {
        YamlNode m = mapping();
        setEntry(m, std::get<QByteArray>(path[j]), std::move(nested));
        nested = std::move(m);
    }
    const QByteArray key = std::get<QByteArray>(path[depth]);
    const YamlNode &parent = *chain.back();
    if (parent.isMapping() && (parent.style == YamlNode::Style::Flow || !parent.children.empty())) {
        if (parent.style == YamlNode::Style::Flow) {
            *change = insertMapEntry(document, parent, keyText(key), renderFlow(nested));
            return true;
        }
        const int indent = parent.start.column - 1;
        QByteArray text = valueAfterKey(nested, indent, layout);
        if (text.startsWith(' '))
            text.remove(0, 1);
        TextChange c = insertMapEntry(document, parent, keyText(key), text);
        if (layout.newline != "\n") {
            c.text.replace("\r\n", "\n");
            c.text = withNewlines(c.text, layout);
        }
        *change = c;
        return true;
    }
    if (parent.isNull() && depth > 0) {
        YamlNode m = mapping();
        setEntry(m, key, std::move(nested));
        return valuePlacement(document, root, path.mid(0, depth), m, layout, change, error);
    }
    *error = QStringLiteral("cannot add \"%1\": its parent is not a mapping").arg(QString::fromUtf8(key));
    return false;
}

bool pathRemoval(const QByteArray &document, const YamlNode &root, const YamlPath &path, const Layout &layout,
    TextChange *change, QString *error)
{
    std::vector<const YamlNode *> chain { &root };
    for (const YamlPathStep &step : path) {
        const YamlNode *next = child(chain.back(), step);
        if (!next) {
            *error = QStringLiteral("nothing to remove there");
            return false;
        }
        chain.push_back(next);
    }
    if (path.isEmpty()) {
        *error = QStringLiteral("an empty path");
        return false;
    }
    qsizetype j = path.size() - 1;
    for (;;) {
        const YamlNode *container = chain[std::size_t(j)];
        const bool only
            = container->isMapping() ? container->pairCount() == 1 : container->children.size() == 1;
        if (!only || j == 0)
            break;
        if (std::holds_alternative<QByteArray>(path[j - 1])) {
            --j; // remove the key whose value would be left empty
            continue;
        }
        // The container is an item of a sequence: it stays, empty.
        YamlNode empty = container->isMapping() ? mapping() : sequence();
        return replaceSequenceItem(
            document, *chain[std::size_t(j - 1)], std::get<int>(path[j - 1]), empty, layout, change, error);
    }
    const YamlNode &container = *chain[std::size_t(j)];
    if (const QByteArray *key = std::get_if<QByteArray>(&path[j]))
        return entryRemoval(document, container, *key, change, error);
    return itemRemoval(document, container, std::get<int>(path[j]), change, error);
}

bool entryRemoval(const QByteArray &document, const YamlNode &map, const QByteArray &key, TextChange *change,
    QString *error)
{
    const int pair = map.isMapping() ? keyIndex(map, key) : -1;
    if (pair < 0) {
        *error = QStringLiteral("no key \"%1\"").arg(QString::fromUtf8(key));
        return false;
    }
    const int pairs = int(map.pairCount());
    const YamlNode &k = map.children[std::size_t(pair) * 2];
    const YamlNode &v = map.children[std::size_t(pair) * 2 + 1];
    if (map.style == YamlNode::Style::Flow) {
        const int from = flowEntryBegin(document, k);
        if (pairs == 1 && isBracelessPair(document, map)) {
            // A pair without braces is a flow sequence's item (`[a: b, c]`): without its one
            // entry it is an empty mapping, not an empty entry (`[, c]`).
            *change = { from, v.endOffset - from, "{}" };
        } else if (pairs == 1) {
            *change = { from, v.endOffset - from, {} };
        } else if (pair + 1 < pairs) {
            const int next = flowEntryBegin(document, map.children[std::size_t(pair + 1) * 2]);
            *change = { from, next - from, {} };
        } else {
            const int previousEnd = map.children[std::size_t(pair) * 2 - 1].endOffset;
            *change = { previousEnd, v.endOffset - previousEnd, {} };
        }
        return true;
    }
    // An explicit key's entry starts at its '?', which may stand on a line above the key.
    const int keyBegin = keyIndicatorBegin(document, k);
    const int ls = lineStart(document, keyBegin);
    // Only the first key can share its line with a sequence item's dash; other text before a key
    // is its own tag or anchor (`! key:`, `&a key:`), which goes with the entry's line.
    const bool afterDash = pair == 0 && document.mid(ls, keyBegin - ls).contains('-');
    if (!onlySpaces(document, ls, keyBegin) && afterDash) {
        // The first key of a sequence item ("- name: x"): the next key moves up behind the dash.
        const int from = blockKeyBegin(document, k);
        if (pairs == 1)
            *change = { from, v.endOffset - from, "{}" };
        else
            *change = { from, blockKeyBegin(document, map.children[2]) - from, {} };
        return true;
    }
    const int limit
        = pair > 0 ? nextLineStart(document, map.children[std::size_t(pair) * 2 - 1].endOffset) : 0;
    const int begin = withCommentsAbove(document, ls, limit);
    int end;
    if (pair + 1 < pairs) {
        const YamlNode &nk = map.children[std::size_t(pair + 1) * 2];
        end = withCommentsAbove(document, lineStart(document, keyIndicatorBegin(document, nk)),
            nextLineStart(document, v.endOffset));
    } else {
        end = nextLineStart(document, std::max(v.endOffset - 1, k.start.offset));
    }
    const int from = removalStart(document, map, begin, end);
    *change = { from, end - from, {} };
    return true;
}

bool itemRemoval(
    const QByteArray &document, const YamlNode &seq, int index, TextChange *change, QString *error)
{
    const int n = int(seq.children.size());
    if (!seq.isSequence() || index < 0 || index >= n) {
        *error = QStringLiteral("no item %1 in a sequence of %2").arg(index).arg(n);
        return false;
    }
    if (seq.style == YamlNode::Style::Flow) {
        const YamlNode &item = seq.children[std::size_t(index)];
        const int from = flowEntryBegin(document, item);
        if (n == 1) {
            // With the comma after it, if any: `[a,]` is one item, and `[,]` an empty entry.
            int end = item.endOffset;
            while (end < document.size() && std::strchr(" \t\r\n", document[end]) && document[end] != '\0')
                ++end;
            *change = { from,
                (end < document.size() && document[end] == ',' ? end + 1 : item.endOffset) - from, {} };
        } else if (index + 1 < n)
            *change = { from, flowEntryBegin(document, seq.children[std::size_t(index + 1)]) - from, {} };
        else
            *change = { seq.children[std::size_t(index - 1)].endOffset,
                item.endOffset - seq.children[std::size_t(index - 1)].endOffset, {} };
        return true;
    }
    if (n == 1) {
        *error = QStringLiteral("the only item of a block sequence: remove its key instead");
        return false;
    }
    int begin = 0, end = 0;
    if (!blockItemRange(document, seq, index, &begin, &end, error))
        return false;
    begin = removalStart(document, seq, begin, end);
    *change = { begin, end - begin, {} };
    return true;
}

} // namespace

// Every edit that takes text away is checked for anchors an alias still needs: removing "&x"
// leaves "*x" undefined, and the document no longer parses.
bool setPath(const QByteArray &document, const YamlNode &root, const YamlPath &path, const YamlNode &value,
    const Layout &layout, TextChange *change, QString *error)
{
    if (!valuePlacement(document, root, path, value, layout, change, error))
        return false;
    // Block lines set the indentation that the lines after them are read at: a tab in a blank or
    // comment line there, harmless before, is then "tabs are not allowed as indentation" to
    // yaml-cpp. The flow form stays on its key's line and leaves them as they were read.
    if (isBlockCollection(value) && !readsWith(document, *change)
        && !valuePlacement(document, root, path, asFlow(value), layout, change, error))
        return false;
    // YAML reads a comment glued to a quoted or flow value (`"x"# c`, `[x]# c`); after a plain
    // value the '#' would join it (`50# c`), so the new value ends in a blank there.
    const int end = change->offset + change->length;
    if (end < document.size() && document[end] == '#' && !change->text.isEmpty() && change->text.back() != ' '
        && change->text.back() != '\n')
        change->text += ' ';
    if (!YamlAnchors::keepsAliasesDefined(document, root, *change, error))
        return false;
    YamlChomping::keepWhenAppending(document, root, change);
    // A plain value where an empty one stood reads on into the lines below it, where a line of
    // tabs, fine after the empty value, is a tab in the indentation (`- !!str` over `\t\t`).
    return readsAfter(document, *change, Neighbours::Joined, "setting it", error);
}

bool removePath(const QByteArray &document, const YamlNode &root, const YamlPath &path, const Layout &layout,
    TextChange *change, QString *error)
{
    return pathRemoval(document, root, path, layout, change, error)
        && YamlAnchors::keepsAliasesDefined(document, root, *change, error)
        && readsAfter(document, *change, Neighbours::Joined, "removing it", error);
}

bool removeMapEntry(const QByteArray &document, const YamlNode &map, const QByteArray &key,
    TextChange *change, QString *error)
{
    return entryRemoval(document, map, key, change, error)
        && YamlAnchors::keepsAliasesDefined(document, *change, error)
        && readsAfter(document, *change, Neighbours::Joined, "removing it", error);
}

bool removeSequenceItem(
    const QByteArray &document, const YamlNode &seq, int index, TextChange *change, QString *error)
{
    return itemRemoval(document, seq, index, change, error)
        && YamlAnchors::keepsAliasesDefined(document, *change, error)
        && readsAfter(document, *change, Neighbours::Joined, "removing it", error);
}

} // namespace meshroute::YamlEdit
