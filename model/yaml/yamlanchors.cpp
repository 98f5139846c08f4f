#include "yamlanchors.h"

#include "yamlparser.h"

#include <algorithm>
#include <tuple>

namespace meshroute {

namespace {

// Where the "&name" of an anchored node is written: before the node's text
// (which starts after its properties), the closest such token. Between the two
// there are only other properties, blanks, line breaks and comments.
int anchorOffset(const QByteArray &document, const YamlNode &node)
{
    const QByteArray token = '&' + QByteArray::fromStdString(node.anchor);
    const qsizetype at = document.lastIndexOf(token, node.start.offset);
    return at < 0 ? node.start.offset : int(at);
}

// Whether the text a change removes could hold an anchor's "&name" at all: a cheap test first,
// since setPath and the removals check every change they make.
bool removesAnAmpersand(const QByteArray &document, const TextChange &change)
{
    if (change.length <= 0 || change.offset < 0 || change.offset + change.length > document.size())
        return false;
    return QByteArrayView(document).sliced(change.offset, change.length).contains('&');
}

bool removes(const TextChange &change, int offset)
{
    return offset >= change.offset && offset < change.offset + change.length;
}

} // namespace

YamlAnchors::YamlAnchors(const YamlNode &root)
{
    std::vector<Step> trail;
    collect(root, trail);
    m_byName.reserve(m_anchors.size());
    for (const Place &anchor : m_anchors)
        m_byName.push_back(&anchor);
    std::sort(m_byName.begin(), m_byName.end(), [](const Place *a, const Place *b) {
        return std::tie(a->node->anchor, a->node->start.offset)
            < std::tie(b->node->anchor, b->node->start.offset);
    });
}

std::span<const YamlAnchors::Place *const> YamlAnchors::named(const std::string &name) const
{
    const auto first = std::lower_bound(m_byName.begin(), m_byName.end(), name,
        [](const Place *anchor, const std::string &n) { return anchor->node->anchor < n; });
    const auto last = std::upper_bound(first, m_byName.end(), name,
        [](const std::string &n, const Place *anchor) { return n < anchor->node->anchor; });
    return { first, last };
}

// The path is spelled out only for the anchors and aliases found: every edit command walks the
// whole document, and most of its nodes are neither.
void YamlAnchors::collect(const YamlNode &node, std::vector<Step> &trail)
{
    if (node.isAlias) {
        m_aliases.push_back({ &node, spell(trail) });
        return; // a copy of the anchored node: its children are the anchor's text
    }
    if (!node.anchor.empty())
        m_anchors.push_back({ &node, spell(trail) });
    if (node.isMapping()) {
        for (std::size_t i = 0; i + 1 < node.children.size(); i += 2) {
            trail.push_back({ &node.children[i].value, -1, true });
            collect(node.children[i], trail);
            trail.back().isKey = false;
            collect(node.children[i + 1], trail);
            trail.pop_back();
        }
    } else if (node.isSequence()) {
        for (std::size_t i = 0; i < node.children.size(); ++i) {
            trail.push_back({ nullptr, int(i), false });
            collect(node.children[i], trail);
            trail.pop_back();
        }
    }
}

QString YamlAnchors::spell(const std::vector<Step> &trail)
{
    QString path;
    for (const Step &step : trail) {
        if (step.key) {
            if (!path.isEmpty())
                path += QLatin1Char('.');
            path += QString::fromStdString(*step.key);
            if (step.isKey)
                path += QStringLiteral(" (key)");
        } else {
            path += QStringLiteral("[%1]").arg(step.index);
        }
    }
    return path;
}

const YamlAnchors::Place *YamlAnchors::definitionOf(const Place &alias) const
{
    const std::span<const Place *const> same = named(alias.node->anchor);
    const int at = alias.node->start.offset;
    const auto after = std::partition_point(
        same.begin(), same.end(), [at](const Place *anchor) { return anchor->node->start.offset < at; });
    return after == same.begin() ? nullptr : *(after - 1);
}

QString YamlAnchors::describe(const QString &path)
{
    return path.isEmpty() ? QStringLiteral("the document") : path;
}

bool YamlAnchors::keepsAliasesDefined(
    const QByteArray &document, const YamlNode &root, const TextChange &change, QString *error)
{
    if (!removesAnAmpersand(document, change))
        return true;
    const YamlAnchors anchors(root);
    for (const Place &alias : anchors.aliases()) {
        if (removes(change, alias.node->start.offset))
            continue; // removed with its anchor, or alone: nothing is left to stand for
        const Place *anchor = anchors.definitionOf(alias);
        if (!anchor || !removes(change, anchorOffset(document, *anchor->node)))
            continue;
        const QString name = QString::fromStdString(alias.node->anchor);
        *error = QStringLiteral("this removes the anchor &%1 (%2), which the alias *%1 at %3 (line %4) uses; "
                                "write the value there instead of the alias first")
                     .arg(name, describe(anchor->path), describe(alias.path))
                     .arg(alias.node->start.line);
        return false;
    }
    return true;
}

bool YamlAnchors::keepsAliasesDefined(const QByteArray &document, const TextChange &change, QString *error)
{
    if (!removesAnAmpersand(document, change))
        return true;
    const YamlParseResult parsed
        = YamlParser::parseDocument(std::string_view(document.constData(), std::size_t(document.size())));
    return !parsed.ok || keepsAliasesDefined(document, parsed.root, change, error);
}

namespace {

// Whether [begin, end) lies inside one of the pieces (in text order): a move carries it whole.
bool insideOnePiece(const std::vector<std::pair<int, int>> &pieces, int begin, int end)
{
    const auto after = std::upper_bound(pieces.begin(), pieces.end(), begin,
        [](int at, const std::pair<int, int> &piece) { return at < piece.first; });
    return after != pieces.begin() && end <= std::prev(after)->second;
}

} // namespace

bool YamlAnchors::keepsAliasesOnMove(const YamlNode &root, const std::vector<std::pair<int, int>> &pieces,
    const std::function<int(int)> &moved, QString *error)
{
    const YamlAnchors anchors(root);
    const int regionBegin = pieces.front().first;
    const int regionEnd = pieces.back().second;
    for (const Place &alias : anchors.aliases()) {
        const Place *before = anchors.definitionOf(alias);
        // Spelled out only for a refusal: a move checks every alias of the document.
        const QString name = QString::fromStdString(alias.node->anchor);
        const auto where = [&] {
            return QStringLiteral("the alias *%1 at %2 (line %3)")
                .arg(name, describe(alias.path))
                .arg(alias.node->start.line);
        };
        // An anchored node that holds the reordered items, not one item: it changes for the alias too.
        const YamlNode *shared = before ? before->node : nullptr;
        if (shared && shared->start.offset < regionEnd && shared->endOffset > regionBegin
            && !insideOnePiece(pieces, shared->start.offset, shared->endOffset)) {
            *error = QStringLiteral("%1 is shared through the anchor &%2 with %3, where the items would move "
                                    "too; write the value there instead of the alias first")
                         .arg(describe(before->path), name, where());
            return false;
        }
        const int aliasAt = moved(alias.node->start.offset);
        const Place *after = nullptr;
        int afterAt = -1;
        for (const Place *anchor : anchors.named(alias.node->anchor)) {
            const int anchorAt = moved(anchor->node->start.offset);
            if (anchorAt < aliasAt && anchorAt > afterAt) {
                after = anchor;
                afterAt = anchorAt;
            }
        }
        if (after == before)
            continue;
        if (!after)
            *error = QStringLiteral(
                "this move puts %1 before its anchor &%2 (%3); move the anchored value first")
                         .arg(where(), name, before ? describe(before->path) : QStringLiteral("none"));
        else
            *error = QStringLiteral("after this move %1 would stand for the anchor &%2 at %3 instead of %4")
                         .arg(where(), name, describe(after->path),
                             before ? describe(before->path) : QStringLiteral("nothing"));
        return false;
    }
    return true;
}

} // namespace meshroute
