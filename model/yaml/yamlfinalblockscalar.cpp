#include "yamlfinalblockscalar.h"

namespace meshroute::YamlFinalBlockScalar {

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

} // namespace

Header find(const QByteArray &doc, const YamlNode &within)
{
    Header header;
    if (doc.isEmpty() || endsWithLineBreak(doc))
        return header;
    const YamlNode *scalar = blockScalarEndingAt(within, int(doc.size()));
    if (!scalar || scalar->start.offset >= doc.size()
        || (doc[scalar->start.offset] != '|' && doc[scalar->start.offset] != '>'))
        return header;
    int end = scalar->start.offset + 1;
    QByteArray indicators;
    while (end < doc.size() && (doc[end] == '+' || doc[end] == '-' || (doc[end] >= '0' && doc[end] <= '9')))
        indicators += doc[end++];
    if (indicators.contains('-'))
        return header; // strip already: nothing after it adds to it
    header.indicatorsBegin = scalar->start.offset + 1;
    header.indicatorsEnd = end;
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

} // namespace meshroute::YamlFinalBlockScalar
