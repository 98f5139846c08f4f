#include "moveroute.h"

#include "resource.h"
#include "resourceedit.h"

namespace meshroute {

std::unique_ptr<MoveRoute> MoveRoute::create(
    Document *document, int resourceId, int from, int to, QString *error)
{
    return create(document, resourceId, RouteKind::Http, from, to, error);
}

std::unique_ptr<MoveRoute> MoveRoute::create(
    Document *document, int resourceId, RouteKind kind, int from, int to, QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    const VirtualService *vs = RouteKinds::findRule(edit, kind, from, error);
    if (!vs || !RouteKinds::findRule(edit, kind, to, error))
        return nullptr;
    const QString name = RouteKinds::displayName(*vs, kind, from);
    if (!edit.moveItem({ QByteArray("spec"), RouteKinds::section(kind) }, from, to, error))
        return nullptr;
    return edit.finish<MoveRoute>(
        QStringLiteral("Move rule %1 of %2 to #%3").arg(name, edit.resource().name()).arg(to));
}

} // namespace meshroute
