#include "yamlanchors.h"

#include "yamlparser.h"

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
    collect(root, {});
}

void YamlAnchors::collect(const YamlNode &node, const QString &path)
{
    if (node.isAlias) {
        m_aliases.push_back({ &node, path });
        return; // a copy of the anchored node: its children are the anchor's text
    }
    if (!node.anchor.empty())
        m_anchors.push_back({ &node, path });
    if (node.isMapping()) {
        for (std::size_t i = 0; i + 1 < node.children.size(); i += 2) {
            const QString key = QString::fromStdString(node.children[i].value);
            const QString entry = path.isEmpty() ? key : path + QLatin1Char('.') + key;
            collect(node.children[i], entry + QStringLiteral(" (key)"));
            collect(node.children[i + 1], entry);
        }
    } else if (node.isSequence()) {
        for (std::size_t i = 0; i < node.children.size(); ++i)
            collect(node.children[i], path + QStringLiteral("[%1]").arg(i));
    }
}

const YamlAnchors::Place *YamlAnchors::definitionOf(const Place &alias) const
{
    const Place *found = nullptr;
    for (const Place &anchor : m_anchors)
        if (anchor.node->anchor == alias.node->anchor && anchor.node->start.offset < alias.node->start.offset)
            found = &anchor;
    return found;
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

} // namespace meshroute
