#include "anchorguard.h"

#include <map>
#include <vector>

namespace meshroute {

namespace {

struct Place
{
    const YamlNode *node;
    QString path;
};

struct Sharing
{
    std::map<std::string, Place> anchors;
    std::vector<Place> aliases;
};

void collect(const YamlNode &node, const QString &path, Sharing &out)
{
    if (node.isAlias) {
        out.aliases.push_back({ &node, path });
        return; // a copy of the anchored node: its children are the anchor's text
    }
    if (!node.anchor.empty())
        out.anchors.emplace(node.anchor, Place { &node, path }); // first wins, as YAML reads before the alias
    if (node.isMapping()) {
        for (std::size_t i = 0; i + 1 < node.children.size(); i += 2) {
            const QString key = QString::fromStdString(node.children[i].value);
            collect(node.children[i + 1], path.isEmpty() ? key : path + QLatin1Char('.') + key, out);
        }
    } else if (node.isSequence()) {
        for (std::size_t i = 0; i < node.children.size(); ++i)
            collect(node.children[i], path + QStringLiteral("[%1]").arg(i), out);
    }
}

// Whether the change writes into the node's text. An insertion at the very end
// of a block collection adds an entry to it; at the end of anything else it
// writes after it.
bool touches(const YamlNode &node, const TextChange &change)
{
    const int start = node.start.offset;
    const int end = node.endOffset;
    if (change.length == 0) {
        const bool growsAtEnd = node.style == YamlNode::Style::Block && !node.isScalar() && !node.isNull();
        return change.offset > start && (change.offset < end || (growsAtEnd && change.offset == end));
    }
    return change.offset < end && change.offset + change.length > start;
}

QString describe(const QString &path)
{
    return path.isEmpty() ? QStringLiteral("the document") : path;
}

} // namespace

bool AnchorGuard::check(const YamlNode &root, const QList<TextChange> &changes, QString *error)
{
    Sharing sharing;
    collect(root, {}, sharing);
    if (sharing.aliases.empty())
        return true;
    for (const TextChange &change : changes) {
        for (const Place &alias : sharing.aliases) {
            const auto anchor = sharing.anchors.find(alias.node->anchor);
            const QString anchorPath = anchor == sharing.anchors.end() ? QString() : anchor->second.path;
            const QString name = QString::fromStdString(alias.node->anchor);
            if (touches(*alias.node, change)) {
                *error = QStringLiteral(
                    "%1 is shared through the anchor &%2 with %3; edit the anchor or expand it")
                             .arg(describe(alias.path), name, describe(anchorPath));
                return false;
            }
            if (anchor != sharing.anchors.end() && touches(*anchor->second.node, change)) {
                *error = QStringLiteral(
                    "%1 is shared through the anchor &%2 with %3; edit the anchor or expand it")
                             .arg(describe(anchorPath), name, describe(alias.path));
                return false;
            }
        }
    }
    return true;
}

} // namespace meshroute
