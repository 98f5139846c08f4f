#include "setroutematches.h"

#include "resource.h"
#include "resourceedit.h"

namespace meshroute {

std::unique_ptr<SetRouteMatches> SetRouteMatches::create(
    Document *document, int resourceId, int routeIndex, const YamlNode &matches, QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    const HttpRoute *rule = edit.rule(routeIndex, error);
    if (!rule)
        return nullptr;
    if (!matches.isSequence()) {
        *error = QStringLiteral("a match list is a sequence");
        return nullptr;
    }
    const YamlPath path = ResourceEdit::rulePath(routeIndex, { QByteArray("match") });
    const bool ok
        = matches.children.empty() ? edit.removeIfPresent(path, error) : edit.set(path, matches, error);
    if (!ok)
        return nullptr;
    return edit.finish<SetRouteMatches>(QStringLiteral("Set matches of rule %1 of %2")
                                            .arg(rule->displayName(routeIndex), edit.resource().name()));
}

} // namespace meshroute
