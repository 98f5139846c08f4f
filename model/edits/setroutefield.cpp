#include "setroutefield.h"

#include "fieldedit.h"
#include "resource.h"
#include "resourceedit.h"

namespace meshroute {

std::unique_ptr<SetRouteField> SetRouteField::create(Document *document, int resourceId, int routeIndex,
    const YamlPath &path, const std::optional<YamlNode> &value, const QString &description, QString *error)
{
    return create(document, resourceId, RouteKind::Http, routeIndex, path, value, description, error);
}

std::unique_ptr<SetRouteField> SetRouteField::create(Document *document, int resourceId, RouteKind kind,
    int routeIndex, const YamlPath &path, const std::optional<YamlNode> &value, const QString &description,
    QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    const VirtualService *vs = RouteKinds::findRule(edit, kind, routeIndex, error);
    if (!vs)
        return nullptr;
    if (path.isEmpty()) {
        *error = QStringLiteral("no field named");
        return nullptr;
    }
    if (!setOrRemoveField(edit, RouteKinds::rulePath(kind, routeIndex, path), value, error))
        return nullptr;
    const QString what = description.isEmpty()
        ? QStringLiteral("Edit rule %1").arg(RouteKinds::displayName(*vs, kind, routeIndex))
        : description;
    return edit.finish<SetRouteField>(what);
}

} // namespace meshroute
