// YamlEdit's edits of a list's items: insert, move and duplicate (removal is
// one of the removals in yamledit.cpp).
#include "yamledit.h"

#include "yamlanchors.h"
#include "yamlchomping.h"
#include "yamledittext.h"
#include "yamlrender.h"

#include <algorithm>
#include <vector>

namespace meshroute::YamlEdit {

using namespace YamlEditText;

namespace {

// The last item of a document without a final line break, moved up, gets a line break after it: a
// block scalar that ended the document keeps its value through its header (YamlChomping).
// `at` is where the item's text now begins in the change's text.
void keepMovedFinalBlockScalar(
    const QByteArray &document, const YamlNode &lastItem, int itemBegin, int at, TextChange *change)
{
    const YamlChomping::Header header = YamlChomping::find(document, lastItem);
    if (header.indicatorsBegin >= 0)
        change->text.replace(at + header.indicatorsBegin - itemBegin,
            header.indicatorsEnd - header.indicatorsBegin, header.keeping);
}

// The lines of `item` as item `index` of a block sequence.
bool blockItemInsertion(const QByteArray &document, const YamlNode &seq, int index, const YamlNode &item,
    const Layout &layout, TextChange *change, QString *error)
{
    const int n = int(seq.children.size());
    const int column = seq.start.column - 1;
    YamlNode one = sequence();
    appendItem(one, item);
    QByteArray text = renderBlock(one, column, layout);
    int begin = 0, end = 0;
    if (!blockItemRange(document, seq, std::min(index, n - 1), &begin, &end, error))
        return false;
    if (index < n) {
        *change = { begin, 0, text };
        return true;
    }
    if (end == document.size() && !document.endsWith('\n')) {
        text.chop(layout.newline.size());
        text.prepend(layout.newline);
    }
    *change = { end, 0, text };
    YamlChomping::keepWhenAppending(document, seq, change);
    return true;
}

} // namespace

bool insertSequenceItem(const QByteArray &document, const YamlNode &seq, int index, const YamlNode &item,
    const Layout &layout, TextChange *change, QString *error)
{
    const int n = int(seq.children.size());
    if (!seq.isSequence() || index < 0 || index > n) {
        *error = QStringLiteral("no place %1 in a sequence of %2").arg(index).arg(n);
        return false;
    }
    if (seq.style == YamlNode::Style::Flow) {
        const bool complex = (item.isMapping() || item.isSequence()) && !item.children.empty();
        if (n == 0 && complex) {
            // `key: []` becomes a block sequence under its key.
            int from = seq.start.offset;
            while (from > 0 && document[from - 1] == ' ')
                --from;
            const int ls = lineStart(document, seq.start.offset);
            int keyColumn = ls;
            while (keyColumn < seq.start.offset && (document[keyColumn] == ' ' || document[keyColumn] == '-'))
                ++keyColumn;
            const int indent = keyColumn - ls + (layout.indentSequences ? layout.step : 0);
            YamlNode one = sequence();
            appendItem(one, item);
            QByteArray block = renderBlock(one, indent, layout);
            block.chop(layout.newline.size());
            // A comment glued to the `]` (`[]# c`) would join the last plain value: a blank apart.
            if (seq.endOffset < document.size() && document[seq.endOffset] == '#')
                block += ' ';
            *change = { from, seq.endOffset - from, layout.newline + block };
            // Unless it stands in a flow collection (`[[]]`, `{k: []}`), where block lines do not
            // read, or its block lines would make a tab in a line after them read as indentation:
            // then it stays in flow form. Rare enough (a first complex item) to parse the result.
            if (reads(document, *change))
                return true;
        }
        const QByteArray text = renderFlow(item);
        if (n == 0)
            *change = { seq.start.offset + 1, 0, text };
        else if (index < n)
            // Before the item's properties (`!t`, `&a`), which are its own.
            *change = { flowEntryBegin(document, seq.children[std::size_t(index)]), 0, text + ", " };
        else
            *change = { seq.children.back().endOffset, 0, ", " + text };
        return readsAfter(document, *change, Neighbours::Joined, "inserting it", error);
    }
    if (!blockItemInsertion(document, seq, index, item, layout, change, error))
        return false;
    // Block lines set the indentation that the lines after them are read at: a tab in a blank or
    // comment line there, harmless before, is then "tabs are not allowed as indentation" to
    // yaml-cpp. The flow form of the item stays on its dash's line and leaves them as they were.
    if (isBlockCollection(item) && !readsWith(document, *change)) {
        if (!blockItemInsertion(document, seq, index, asFlow(item), layout, change, error))
            return false;
    }
    return readsAfter(document, *change, Neighbours::Joined, "inserting it", error);
}

namespace {

bool itemMove(const QByteArray &document, const YamlNode &root, const YamlNode &seq, int from, int to,
    TextChange *change, QString *error)
{
    const int n = int(seq.children.size());
    if (!seq.isSequence() || from < 0 || from >= n || to < 0 || to >= n) {
        *error = QStringLiteral("cannot move item %1 to %2 in a sequence of %3").arg(from).arg(to).arg(n);
        return false;
    }
    const bool flow = seq.style == YamlNode::Style::Flow;
    // Each item's text [begin, end). A block item takes its comments above; a flow item its
    // properties (`&a`, `!t`), while the separators between flow items (commas, line breaks,
    // comments) stay where they stand, so a list written one item per line stays so.
    std::vector<std::pair<int, int>> parts;
    parts.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i) {
        const YamlNode &item = seq.children[std::size_t(i)];
        int begin = 0, end = 0;
        if (flow) {
            begin = flowEntryBegin(document, item);
            end = item.endOffset;
        } else if (!blockItemRange(document, seq, i, &begin, &end, error)) {
            return false;
        }
        parts.emplace_back(begin, end);
    }
    std::vector<int> order(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        order[std::size_t(i)] = i;
    order.erase(order.begin() + from);
    order.insert(order.begin() + to, from);

    const int regionBegin = parts.front().first;
    const int regionEnd = parts.back().second;
    const QByteArray newline = document.contains("\r\n") ? QByteArray("\r\n") : QByteArray("\n");
    std::vector<int> newBegin(static_cast<std::size_t>(n));
    QByteArray text;
    bool addedNewline = false;
    for (int k = 0; k < n; ++k) {
        const auto [begin, end] = parts[std::size_t(order[std::size_t(k)])];
        newBegin[std::size_t(order[std::size_t(k)])] = regionBegin + int(text.size());
        text += QByteArrayView(document).sliced(begin, end - begin);
        if (flow && k + 1 < n) {
            const int gap = parts[std::size_t(k)].second;
            text += QByteArrayView(document).sliced(gap, parts[std::size_t(k + 1)].first - gap);
        } else if (!flow && !text.endsWith('\n')) {
            text += newline; // the last item at the end of a file without a final line break
            addedNewline = true;
        }
    }
    if (addedNewline)
        text.chop(newline.size());
    *change = { regionBegin, regionEnd - regionBegin, text };
    if (!flow && order.back() != n - 1)
        keepMovedFinalBlockScalar(
            document, seq.children.back(), parts.back().first, newBegin.back() - regionBegin, change);

    // In place, or without an anchor (so without an alias), nothing can change for an alias.
    if (from == to || !document.contains('&'))
        return true;
    const int growth = int(text.size()) - (regionEnd - regionBegin);
    const auto moved = [&](int offset) {
        if (offset < regionBegin)
            return offset;
        if (offset >= regionEnd)
            return offset + growth;
        // The last item starting at or before `offset` (items are in text order).
        const auto after = std::upper_bound(parts.begin(), parts.end(), offset,
            [](int at, const std::pair<int, int> &part) { return at < part.first; });
        const std::size_t i = std::size_t(after - parts.begin()) - 1;
        if (offset >= parts[i].second)
            return offset; // a separator between flow items, which stays
        return offset - parts[i].first + newBegin[i];
    };
    return YamlAnchors::keepsAliasesOnMove(root, parts, moved, error);
}

// A copy of block item `index` from `begin` (its comments above, or its own first line) through its
// last line, right after it.
void blockCopy(const QByteArray &document, const YamlNode &seq, int index, int begin, TextChange *change)
{
    const YamlNode &item = seq.children[std::size_t(index)];
    // The copy goes right after the item's own last line, before the next item's comments.
    int itemEnd = nextLineStart(document, std::max(item.endOffset - 1, item.start.offset));
    if (const int kept = YamlChomping::keptLinesEnd(document, item); kept >= 0)
        itemEnd = std::max(itemEnd, nextLineStart(document, kept)); // a keep scalar's empty lines
    const QByteArray copy = document.mid(begin, itemEnd - begin);
    if (!copy.endsWith('\n')) {
        *change = { itemEnd, 0, (document.contains("\r\n") ? QByteArray("\r\n") : QByteArray("\n")) + copy };
        YamlChomping::keepWhenAppending(document, seq, change);
        return;
    }
    *change = { itemEnd, 0, copy };
}

} // namespace

bool moveSequenceItem(const QByteArray &document, const YamlNode &root, const YamlNode &seq, int from, int to,
    TextChange *change, QString *error)
{
    return itemMove(document, root, seq, from, to, change, error)
        && readsAfter(document, *change, Neighbours::Kept, "moving it", error);
}

bool duplicateSequenceItem(
    const QByteArray &document, const YamlNode &seq, int index, TextChange *change, QString *error)
{
    const int n = int(seq.children.size());
    if (!seq.isSequence() || index < 0 || index >= n) {
        *error = QStringLiteral("no item %1 in a sequence of %2").arg(index).arg(n);
        return false;
    }
    const YamlNode &item = seq.children[std::size_t(index)];
    if (seq.style == YamlNode::Style::Flow) {
        const int begin = flowEntryBegin(document, item); // `!!str 1` stays a string in the copy
        *change = { item.endOffset, 0, ", " + document.mid(begin, item.endOffset - begin) };
        return true;
    }
    int begin = 0, end = 0;
    if (!blockItemRange(document, seq, index, &begin, &end, error))
        return false;
    blockCopy(document, seq, index, begin, change);
    // Comments above the first item may stand where the list had not begun, indented with a tab
    // that between items would be a tab in the indentation: the copy then goes without them.
    if (!readsWith(document, *change))
        blockCopy(document, seq, index, lineStart(document, item.start.offset), change);
    return readsAfter(document, *change, Neighbours::Kept, "copying it", error);
}

} // namespace meshroute::YamlEdit
