#include "removeroute.h"

#include "resource.h"
#include "resourceedit.h"

namespace meshroute {

std::unique_ptr<RemoveRoute> RemoveRoute::create(
    Document *document, int resourceId, int routeIndex, QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    const HttpRoute *rule = edit.rule(routeIndex, error);
    if (!rule)
        return nullptr;
    const QString name = rule->displayName(routeIndex);
    if (!edit.remove(ResourceEdit::rulePath(routeIndex), error))
        return nullptr;
    return edit.finish<RemoveRoute>(QStringLiteral("Delete rule %1 of %2").arg(name, edit.resource().name()));
}

} // namespace meshroute
