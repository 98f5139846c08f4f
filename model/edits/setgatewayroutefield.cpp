#include "setgatewayroutefield.h"

#include "document.h"
#include "fieldedit.h"
#include "resource.h"
#include "resourceedit.h"
#include "undostack.h"

namespace meshroute {

YamlPath SetGatewayRouteField::rulePath(int ruleIndex, const YamlPath &rest)
{
    YamlPath path { QByteArray("rules"), ruleIndex };
    path += rest;
    return path;
}

std::unique_ptr<SetGatewayRouteField> SetGatewayRouteField::create(Document *document, int resourceId,
    const YamlPath &path, const std::optional<YamlNode> &value, const QString &description, QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    const Resource &resource = edit.resource();
    if (resource.kind != ResourceKind::HTTPRoute && resource.kind != ResourceKind::GRPCRoute) {
        *error = QStringLiteral("%1 is not an HTTPRoute or GRPCRoute").arg(resource.displayName());
        return nullptr;
    }
    if (path.isEmpty()) {
        *error = QStringLiteral("no field named");
        return nullptr;
    }
    YamlPath full { QByteArray("spec") };
    full += path;
    if (!setOrRemoveField(edit, full, value, error))
        return nullptr;
    const QString what
        = description.isEmpty() ? QStringLiteral("Edit %1").arg(resource.displayName()) : description;
    return edit.finish<SetGatewayRouteField>(what);
}

bool SetGatewayRouteField::push(Document *document, int resourceId, const YamlPath &path,
    const std::optional<YamlNode> &value, const QString &description, QString *error)
{
    std::unique_ptr<SetGatewayRouteField> command
        = create(document, resourceId, path, value, description, error);
    if (!command)
        return false;
    document->undoStack()->push(command.release());
    return true;
}

} // namespace meshroute
