#include "setgatewayroutefield.h"

#include "resource.h"
#include "resourceedit.h"

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
    const YamlPath parentPath = full.mid(0, full.size() - 1);
    const YamlNode *parent = edit.find(parentPath);
    const int *index = std::get_if<int>(&path.back());
    bool ok;
    if (value && index
        && (parent ? parent->isSequence() && int(parent->children.size()) == *index : *index == 0))
        ok = edit.appendItem(parentPath, *value, error); // one past the end: append
    else if (!value)
        ok = edit.removeIfPresent(full, error);
    else if (value->isScalar() && value->style != YamlNode::Style::Plain)
        ok = edit.setString(full, QString::fromStdString(value->value), error);
    else
        ok = edit.set(full, *value, error);
    if (!ok)
        return nullptr;
    const QString what
        = description.isEmpty() ? QStringLiteral("Edit %1").arg(resource.displayName()) : description;
    return edit.finish<SetGatewayRouteField>(what);
}

} // namespace meshroute
