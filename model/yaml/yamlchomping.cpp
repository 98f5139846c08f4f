#include "yamlchomping.h"

namespace meshroute::YamlChomping {

namespace {

bool endsWithLineBreak(const QByteArray &doc)
{
    return doc.endsWith('\n') || doc.endsWith('\r');
}

// The block scalar among `node` and its descendants whose text reaches `end`. An alias's copy
// carries the positions of its anchor's text, so it is not followed.
const YamlNode *blockScalarEndingAt(const YamlNode &node, int end)
{
    if (node.isAlias || node.endOffset < end)
        return nullptr;
    if (node.style == YamlNode::Style::Literal || node.style == YamlNode::Style::Folded)
        return &node;
    for (auto it = node.children.rbegin(); it != node.children.rend(); ++it)
        if (const YamlNode *found = blockScalarEndingAt(*it, end))
            return found;
    return nullptr;
}

// The indicators after a block scalar's '|' or '>' at `header`: its indentation and chomping.
QByteArray indicatorsAt(const QByteArray &doc, int header)
{
    QByteArray indicators;
    for (int i = header + 1;
         i < doc.size() && (doc[i] == '+' || doc[i] == '-' || (doc[i] >= '0' && doc[i] <= '9')); ++i)
        indicators += doc[i];
    return indicators;
}

bool isBlockScalarHeader(const QByteArray &doc, const YamlNode &node)
{
    return node.start.offset < doc.size() && (doc[node.start.offset] == '|' || doc[node.start.offset] == '>');
}

} // namespace

Header find(const QByteArray &doc, const YamlNode &within)
{
    Header header;
    if (doc.isEmpty() || endsWithLineBreak(doc))
        return header;
    const YamlNode *scalar = blockScalarEndingAt(within, int(doc.size()));
    if (!scalar || !isBlockScalarHeader(doc, *scalar))
        return header;
    QByteArray indicators = indicatorsAt(doc, scalar->start.offset);
    if (indicators.contains('-'))
        return header; // strip already: nothing after it adds to it
    header.indicatorsBegin = scalar->start.offset + 1;
    header.indicatorsEnd = header.indicatorsBegin + int(indicators.size());
    header.keeping = indicators.replace('+', QByteArray()) + '-';
    return header;
}

void keepWhenAppending(const QByteArray &doc, const YamlNode &within, TextChange *change)
{
    if (change->offset + change->length < doc.size() || change->text.isEmpty())
        return;
    const Header header = find(doc, within);
    if (header.indicatorsBegin < 0 || change->offset < header.indicatorsEnd)
        return;
    change->text = header.keeping + doc.mid(header.indicatorsEnd, change->offset - header.indicatorsEnd)
        + change->text;
    change->length += change->offset - header.indicatorsBegin;
    change->offset = header.indicatorsBegin;
}

int keptLinesEnd(const QByteArray &doc, const YamlNode &node)
{
    const YamlNode *scalar = blockScalarEndingAt(node, node.endOffset);
    if (!scalar || !isBlockScalarHeader(doc, *scalar)
        || !indicatorsAt(doc, scalar->start.offset).contains('+'))
        return -1;
    // Past its last line, every line of blanks is an empty line of it: one with more spaces than
    // its indentation would have been a line of its text.
    int end = scalar->endOffset;
    while (end < doc.size() && doc[end] != '\n')
        ++end;
    while (end < doc.size()) {
        int next = end + 1;
        while (next < doc.size() && (doc[next] == ' ' || doc[next] == '\t' || doc[next] == '\r'))
            ++next;
        if (next >= doc.size() || doc[next] != '\n')
            break; // text, or blanks without a line break, which add nothing to the value
        end = next;
    }
    return end;
}

bool endsAtLineBreak(const QByteArray &doc, const YamlNode &within, int lineBreak)
{
    if (within.isAlias || lineBreak < 0 || lineBreak >= doc.size())
        return false;
    // A block scalar's text ends at its last line's break, before the '\r' of a CRLF.
    const int contentEnd
        = lineBreak > 0 && doc[lineBreak] == '\n' && doc[lineBreak - 1] == '\r' ? lineBreak - 1 : lineBreak;
    if ((within.style == YamlNode::Style::Literal || within.style == YamlNode::Style::Folded)
        && within.endOffset == contentEnd)
        return true;
    for (const YamlNode &child : within.children)
        if (child.start.offset <= lineBreak && endsAtLineBreak(doc, child, lineBreak))
            return true;
    return false;
}

} // namespace meshroute::YamlChomping
