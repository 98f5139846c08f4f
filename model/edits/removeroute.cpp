#include "removeroute.h"

#include "resource.h"
#include "resourceedit.h"

namespace meshroute {

std::unique_ptr<RemoveRoute> RemoveRoute::create(
    Document *document, int resourceId, int routeIndex, QString *error)
{
    return create(document, resourceId, RouteKind::Http, routeIndex, error);
}

std::unique_ptr<RemoveRoute> RemoveRoute::create(
    Document *document, int resourceId, RouteKind kind, int routeIndex, QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    const VirtualService *vs = RouteKinds::findRule(edit, kind, routeIndex, error);
    if (!vs)
        return nullptr;
    const QString name = RouteKinds::displayName(*vs, kind, routeIndex);
    if (!edit.remove(RouteKinds::rulePath(kind, routeIndex), error))
        return nullptr;
    return edit.finish<RemoveRoute>(QStringLiteral("Delete rule %1 of %2").arg(name, edit.resource().name()));
}

} // namespace meshroute
