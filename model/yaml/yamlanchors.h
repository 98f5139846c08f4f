#pragma once

#include "yamledit.h"
#include "yamlnode.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <span>
#include <vector>

namespace meshroute {

// Where a parsed YAML document defines anchors ("&x", on keys too) and where
// aliases ("*x") use them, in the order they are written. AnchorGuard reads it
// to keep edits off text an anchor shares; YamlEdit reads it to keep a removal
// from taking an anchor that an alias still needs.
class YamlAnchors
{
public:
    struct Place
    {
        const YamlNode *node;
        QString path; // "spec.http[0].route"; a key's own place ends in " (key)"
    };

    explicit YamlAnchors(const YamlNode &root);
    // m_byName points into m_anchors; a copy would point into the original.
    YamlAnchors(const YamlAnchors &) = delete;
    YamlAnchors &operator=(const YamlAnchors &) = delete;

    const std::vector<Place> &anchors() const { return m_anchors; }
    const std::vector<Place> &aliases() const { return m_aliases; }
    // The anchor an alias stands for: the last of its name written before it, as
    // YAML reads it; nullptr when there is none. O(log anchors): every edit command asks.
    const Place *definitionOf(const Place &alias) const;
    // A place's path for a message ("the document" for the root).
    static QString describe(const QString &path);

    // False with *error when `change` removes the "&name" of an anchor that an
    // alias outside the change uses: the alias would be left undefined (the
    // document no longer parses) or would stand for another anchor of that name.
    // `root` is the tree of `document`; it is walked only when the removed text
    // holds a '&'.
    static bool keepsAliasesDefined(
        const QByteArray &document, const YamlNode &root, const TextChange &change, QString *error);
    // The same for a caller without the tree, which parses the document then.
    static bool keepsAliasesDefined(const QByteArray &document, const TextChange &change, QString *error);

    // False with *error when a move of whole pieces of text ([begin, end), in text order, each
    // carried elsewhere; `moved` maps an offset before the move to the one after it) changes what
    // an alias stands for: an anchored node that holds the pieces (a list whose items move) changes
    // for its aliases too; and an alias may come to stand for another anchor of its name that now
    // comes between them, or for none, when it would come first.
    static bool keepsAliasesOnMove(const YamlNode &root, const std::vector<std::pair<int, int>> &pieces,
        const std::function<int(int)> &moved, QString *error);

private:
    // One step from the root: a mapping key (its key node when isKey, else its value) or an index.
    struct Step
    {
        const std::string *key;
        int index;
        bool isKey;
    };
    void collect(const YamlNode &node, std::vector<Step> &trail);
    static QString spell(const std::vector<Step> &trail);

    // The anchors of one name, in the order they are written.
    std::span<const Place *const> named(const std::string &name) const;

    std::vector<Place> m_anchors;
    std::vector<Place> m_aliases;
    std::vector<const Place *> m_byName; // m_anchors by name, then offset
};

} // namespace meshroute
