#include "setroutefield.h"

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
    const YamlPath full = RouteKinds::rulePath(kind, routeIndex, path);
    bool ok;
    const YamlNode *parent = path.size() > 1
        ? edit.find(RouteKinds::rulePath(kind, routeIndex, path.mid(0, path.size() - 1)))
        : nullptr;
    const int *index = std::get_if<int>(&path.back());
    if (value && index
        && (parent ? parent->isSequence() && int(parent->children.size()) == *index : *index == 0))
        ok = edit.appendItem(RouteKinds::rulePath(kind, routeIndex, path.mid(0, path.size() - 1)), *value,
            error); // one past the end: append
    else if (!value)
        ok = edit.removeIfPresent(full, error);
    else if (value->isScalar() && value->style != YamlNode::Style::Plain)
        ok = edit.setString(full, QString::fromStdString(value->value), error);
    else
        ok = edit.set(full, *value, error);
    if (!ok)
        return nullptr;
    const QString what = description.isEmpty()
        ? QStringLiteral("Edit rule %1").arg(RouteKinds::displayName(*vs, kind, routeIndex))
        : description;
    return edit.finish<SetRouteField>(what);
}

} // namespace meshroute
