// Fuzz entry for the YAML reader: the document splitter and both parsers
// behind YamlParser (the fast one, and yaml-cpp for what it hands over).
#include "fuzztargets.h"

#include "yamlfastparser.h"
#include "yamlparser.h"
#include "yamlscan.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace meshroute::fuzz {

namespace {

QString where(const YamlNode &node)
{
    return QStringLiteral("node at %1:%2 (offset %3, end %4)")
        .arg(node.start.line)
        .arg(node.start.column)
        .arg(node.start.offset)
        .arg(node.endOffset);
}

// Every node lies inside [begin, end] (its document, then its parent, unless
// `nested` is false), after its previous sibling (an edit of one must not
// touch the other), starts where its line and column say, and has whole
// key/value pairs. An alias is a copy of its anchor's subtree with the
// anchor's positions, so with aliases a node need only lie in its document.
QString checkNode(std::string_view text, const YamlNode &node, int begin, int end, bool nested)
{
    if (node.start.offset < begin || node.endOffset > end || node.start.offset > node.endOffset)
        return where(node) + QStringLiteral(" lies outside [%1, %2]").arg(begin).arg(end);
    const YamlMark mark = YamlFastParser::markAt(text, node.start.offset);
    if (mark.line != node.start.line || mark.column != node.start.column)
        return where(node) + QStringLiteral(" but its offset is at %1:%2").arg(mark.line).arg(mark.column);
    if (node.isMapping() && node.children.size() % 2 != 0)
        return where(node) + QStringLiteral(": a mapping with an odd number of children");
    if ((node.isScalar() || node.isNull()) && !node.children.empty())
        return where(node) + QStringLiteral(": a scalar with children");
    int previousEnd = node.start.offset;
    for (const YamlNode &child : node.children) {
        if (nested && child.start.offset < previousEnd)
            return where(child)
                + QStringLiteral(" starts before its previous sibling ends (%1)").arg(previousEnd);
        const QString failure = nested ? checkNode(text, child, node.start.offset, node.endOffset, true)
                                       : checkNode(text, child, begin, end, false);
        if (!failure.isEmpty())
            return failure;
        previousEnd = child.endOffset;
    }
    return {};
}

} // namespace

QString yamlReader(const QByteArray &input)
{
    const std::string_view stream(input.constData(), std::size_t(input.size()));
    const std::vector<YamlDocumentSpan> spans = YamlParser::splitDocuments(stream);
    // The spans tile the stream, so a file can be written back document by document.
    int offset = 0;
    int line = 1;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const YamlDocumentSpan &span = spans[i];
        if (span.offset != offset || span.length < 0 || span.line != line)
            return QStringLiteral("span %1 is at offset %2 line %3 (length %4); expected offset %5 line %6")
                .arg(i)
                .arg(span.offset)
                .arg(span.line)
                .arg(span.length)
                .arg(offset)
                .arg(line);
        const std::string_view document = stream.substr(std::size_t(span.offset), std::size_t(span.length));
        offset += span.length;
        line += YamlScan::lineBreakCount(document);

        YamlLimits limits;
        limits.maxAliasNodes = 20000; // keeps alias expansion fast enough for fuzzing
        const YamlParseResult parsed = YamlParser::parseDocument(document, limits);
        const QString prefix = QStringLiteral("document %1: ").arg(i);
        if (!parsed.ok) {
            const YamlMark &mark = parsed.error.mark;
            if (parsed.error.message.empty())
                return prefix + QStringLiteral("an error without a message");
            if (mark.offset < 0 || mark.offset > span.length || mark.line < 1 || mark.column < 1)
                return prefix
                    + QStringLiteral("error \"%1\" at %2:%3 (offset %4) lies outside the document")
                          .arg(QString::fromStdString(parsed.error.message))
                          .arg(mark.line)
                          .arg(mark.column)
                          .arg(mark.offset);
            continue;
        }
        const bool aliases = document.find('*') != std::string_view::npos;
        // Positions count a lone CR as a line break (YAML 1.2 §5.4), as the parser reads it.
        std::string lines(document);
        for (std::size_t i = YamlScan::firstLoneCr(document); i < lines.size(); ++i)
            if (YamlScan::loneCrAt(document, i))
                lines[i] = '\n';
        const QString failure = checkNode(lines, parsed.root, 0, span.length, !aliases);
        if (!failure.isEmpty())
            return prefix + failure;
    }
    if (offset != input.size())
        return QStringLiteral("the spans cover %1 of %2 bytes").arg(offset).arg(input.size());
    return {};
}

} // namespace meshroute::fuzz
