#include "anchorguard.h"

#include "yamlanchors.h"

namespace meshroute {

namespace {

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

} // namespace

bool AnchorGuard::check(const YamlNode &root, const QList<TextChange> &changes, QString *error)
{
    const YamlAnchors sharing(root);
    if (sharing.aliases().empty())
        return true;
    for (const TextChange &change : changes) {
        for (const YamlAnchors::Place &alias : sharing.aliases()) {
            const YamlAnchors::Place *anchor = sharing.definitionOf(alias);
            const QString anchorPath = anchor ? anchor->path : QString();
            const QString name = QString::fromStdString(alias.node->anchor);
            if (touches(*alias.node, change)) {
                *error = QStringLiteral(
                    "%1 is shared through the anchor &%2 with %3; edit the anchor or expand it")
                             .arg(YamlAnchors::describe(alias.path), name, YamlAnchors::describe(anchorPath));
                return false;
            }
            if (anchor && touches(*anchor->node, change)) {
                *error = QStringLiteral(
                    "%1 is shared through the anchor &%2 with %3; edit the anchor or expand it")
                             .arg(YamlAnchors::describe(anchorPath), name, YamlAnchors::describe(alias.path));
                return false;
            }
        }
    }
    return true;
}

} // namespace meshroute
