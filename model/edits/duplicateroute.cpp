#include "duplicateroute.h"

#include "resource.h"
#include "resourceedit.h"

#include <QSet>

namespace meshroute {

std::unique_ptr<DuplicateRoute> DuplicateRoute::create(
    Document *document, int resourceId, int routeIndex, QString *error)
{
    return create(document, resourceId, RouteKind::Http, routeIndex, error);
}

std::unique_ptr<DuplicateRoute> DuplicateRoute::create(
    Document *document, int resourceId, RouteKind kind, int routeIndex, QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    const VirtualService *vs = RouteKinds::findRule(edit, kind, routeIndex, error);
    if (!vs)
        return nullptr;
    const QString name = RouteKinds::displayName(*vs, kind, routeIndex);
    if (!edit.duplicateItem({ QByteArray("spec"), RouteKinds::section(kind) }, routeIndex, error))
        return nullptr;
    const HttpRoute *rule = kind == RouteKind::Http ? &vs->http[routeIndex] : nullptr;
    if (rule && rule->name.present && !rule->name.value.isEmpty()) {
        QSet<QString> taken;
        for (const HttpRoute &r : vs->http)
            taken.insert(r.name.value);
        QString copy = rule->name.value + QStringLiteral("-copy");
        for (int n = 2; taken.contains(copy); ++n)
            copy = rule->name.value + QStringLiteral("-copy%1").arg(n);
        if (!edit.setString(ResourceEdit::rulePath(routeIndex + 1, { QByteArray("name") }), copy, error))
            return nullptr;
    }
    return edit.finish<DuplicateRoute>(
        QStringLiteral("Duplicate rule %1 of %2").arg(name, edit.resource().name()));
}

} // namespace meshroute
