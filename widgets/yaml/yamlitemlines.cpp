#include "yamlitemlines.h"

#include "document.h"
#include "selection.h"
#include "yamlparser.h"

#include <algorithm>

namespace meshroute {

namespace {

int indentColumn(const QByteArray &line)
{
    int i = 0;
    while (i < line.size() && line[i] == ' ')
        ++i;
    return i + 1;
}

bool isBlankOrComment(const QByteArray &line)
{
    const QByteArray t = line.trimmed();
    return t.isEmpty() || t.startsWith('#');
}

// Where the TLS or TCP rule `target` names starts, or its destination or match block.
template <typename Rule> SourcePos l4RulePos(const QList<Rule> &rules, const SelectionTarget &target)
{
    if (target.l4RouteIndex < 0 || target.l4RouteIndex >= rules.size())
        return {};
    const Rule &rule = rules[target.l4RouteIndex];
    if (target.destinationIndex >= 0 && target.destinationIndex < rule.route.size())
        return rule.route[target.destinationIndex].pos;
    if (target.matchIndex >= 0 && target.matchIndex < rule.match.size())
        return rule.match[target.matchIndex].pos;
    return rule.pos;
}

// Names in `target` the rule of `rules` whose lines `contains` (and its block inside); false if none.
template <typename Rule, typename Contains>
bool l4RuleAt(const QList<Rule> &rules, RouteKind kind, const Contains &contains, SelectionTarget *target)
{
    for (int i = 0; i < rules.size(); ++i) {
        const Rule &rule = rules[i];
        if (!contains(rule.pos))
            continue;
        target->routeKind = kind;
        target->l4RouteIndex = i;
        for (int d = 0; d < rule.route.size(); ++d)
            if (contains(rule.route[d].pos))
                target->destinationIndex = d;
        for (int m = 0; m < rule.match.size(); ++m)
            if (contains(rule.match[m].pos))
                target->matchIndex = m;
        return true;
    }
    return false;
}

} // namespace

YamlItemLines::YamlItemLines(const Document &document)
    : m_document(document)
{ }

QList<QByteArray> YamlItemLines::documentLines(int fileIndex, int documentIndex, int *firstLine) const
{
    const QList<SourceFile> &files = m_document.files();
    if (fileIndex < 0 || fileIndex >= files.size() || documentIndex < 0
        || std::size_t(documentIndex) >= files[fileIndex].spans.size())
        return {};
    *firstLine = files[fileIndex].spans[std::size_t(documentIndex)].line;
    QList<QByteArray> lines = m_document.documentText(fileIndex, documentIndex).split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast(); // the text ends with a newline: no line after it
    return lines;
}

int YamlItemLines::documentAt(int fileIndex, int line) const
{
    const QList<SourceFile> &files = m_document.files();
    if (fileIndex < 0 || fileIndex >= files.size())
        return -1;
    const auto &spans = files[fileIndex].spans;
    auto it = std::upper_bound(
        spans.begin(), spans.end(), line, [](int l, const YamlDocumentSpan &s) { return l < s.line; });
    if (it == spans.begin())
        return spans.empty() ? -1 : 0;
    return int(it - spans.begin()) - 1;
}

QPair<int, int> YamlItemLines::blockRange(int line, int column, const QList<QByteArray> &lines, int firstLine)
{
    const int start = line - firstLine;
    if (start < 0 || start >= lines.size())
        return { line, line };
    int end = start;
    for (int i = start + 1; i < lines.size(); ++i) {
        if (isBlankOrComment(lines[i]))
            continue;
        if (lines[i].startsWith("---") || lines[i].startsWith("...") || indentColumn(lines[i]) < column)
            break;
        end = i;
    }
    return { line, firstLine + end };
}

QPair<int, int> YamlItemLines::rangeFor(const SelectionTarget &target) const
{
    const Resource *r = m_document.resource(target.resourceId);
    if (!r)
        return { 0, 0 };
    int firstLine = 1;
    const QList<QByteArray> lines = documentLines(r->fileIndex, r->documentIndex, &firstLine);
    if (lines.isEmpty())
        return { 0, 0 };

    SourcePos pos;
    const VirtualService *vs = r->virtualService();
    if (vs && target.routeIndex >= 0 && target.routeIndex < vs->http.size()) {
        const HttpRoute &rule = vs->http[target.routeIndex];
        pos = rule.pos;
        if (target.destinationIndex >= 0 && target.destinationIndex < rule.route.size())
            pos = rule.route[target.destinationIndex].pos;
        else if (target.matchIndex >= 0 && target.matchIndex < rule.match.size())
            pos = rule.match[target.matchIndex].pos;
    } else if (vs && target.routeKind == RouteKind::Tls) {
        pos = l4RulePos(vs->tls, target);
    } else if (vs && target.routeKind == RouteKind::Tcp) {
        pos = l4RulePos(vs->tcp, target);
    } else if (const DestinationRule *dr = r->destinationRule(); dr && !target.subset.isEmpty()) {
        if (const Subset *s = dr->findSubset(target.subset))
            pos = s->pos;
    }
    if (!pos.isValid() && r->listItem >= 0)
        pos = r->pos;
    if (pos.isValid())
        return blockRange(r->absoluteLine(pos), pos.column, lines, firstLine);

    // The whole document, without its "---" line and trailing blank lines.
    int first = 0;
    while (first < lines.size() && (lines[first].startsWith("---") || lines[first].trimmed().isEmpty()))
        ++first;
    int last = int(lines.size()) - 1;
    while (last > first && lines[last].trimmed().isEmpty())
        --last;
    return { firstLine + first, firstLine + last };
}

SelectionTarget YamlItemLines::targetAt(int fileIndex, int line) const
{
    SelectionTarget t;
    const int documentIndex = documentAt(fileIndex, line);
    if (documentIndex < 0)
        return t;
    int firstLine = 1;
    const QList<QByteArray> lines = documentLines(fileIndex, documentIndex, &firstLine);
    const Resource *found = nullptr;
    for (const Resource &r : m_document.workspace().resources) {
        if (r.fileIndex != fileIndex || r.documentIndex != documentIndex)
            continue;
        if (r.listItem < 0) {
            found = &r;
            break;
        }
        // A `kind: List`: the item whose lines hold the click.
        const QPair<int, int> range = blockRange(r.absoluteLine(r.pos), r.pos.column, lines, firstLine);
        if (line >= range.first && line <= range.second) {
            found = &r;
            break;
        }
    }
    if (!found)
        return t;
    t.resourceId = found->id;
    auto contains = [&](const SourcePos &pos) {
        if (!pos.isValid())
            return false;
        const QPair<int, int> range = blockRange(found->absoluteLine(pos), pos.column, lines, firstLine);
        return line >= range.first && line <= range.second;
    };
    if (const VirtualService *vs = found->virtualService()) {
        for (int i = 0; i < vs->http.size(); ++i) {
            const HttpRoute &rule = vs->http[i];
            if (!contains(rule.pos))
                continue;
            t.routeIndex = i;
            for (int d = 0; d < rule.route.size(); ++d)
                if (contains(rule.route[d].pos))
                    t.destinationIndex = d;
            for (int m = 0; m < rule.match.size(); ++m)
                if (contains(rule.match[m].pos))
                    t.matchIndex = m;
            break;
        }
        if (t.routeIndex < 0 && !l4RuleAt(vs->tls, RouteKind::Tls, contains, &t))
            l4RuleAt(vs->tcp, RouteKind::Tcp, contains, &t);
    } else if (const DestinationRule *dr = found->destinationRule()) {
        for (const Subset &s : dr->subsets)
            if (contains(s.pos))
                t.subset = s.name.value;
    }
    return t;
}

} // namespace meshroute
