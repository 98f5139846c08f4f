#pragma once

#include "yamledit.h"
#include "yamlnode.h"

#include <QList>
#include <QString>

namespace meshroute {

// Keeps an edit from changing text that YAML shares through an anchor. A
// value under "&x" that is also used as "*x" elsewhere means the same thing
// in every place, so editing it for one rule would silently edit the others;
// and an alias "*x" only stands for the anchored text. Edit commands refuse
// both, with where the text is shared; the user edits the anchor in the YAML
// view or expands the alias there. The text view's own edits are not checked:
// there the user sees the anchor.
class AnchorGuard
{
public:
    // False with *error when a change touches an anchored node that some alias
    // uses, or an alias. `root` is the tree of the text the changes apply to.
    static bool check(const YamlNode &root, const QList<TextChange> &changes, QString *error);
};

} // namespace meshroute
