#include "duplicateroute.h"

#include "resource.h"
#include "resourceedit.h"

#include <QSet>

namespace meshroute {

namespace {

// "name-copy", else "name-copy2", "name-copy3"...: one no other rule has.
QString copyName(const QString &name, const QSet<QString> &taken)
{
    QString copy = name + QStringLiteral("-copy");
    for (int n = 2; taken.contains(copy); ++n)
        copy = name + QStringLiteral("-copy%1").arg(n);
    return copy;
}

} // namespace

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
        if (!edit.setString(ResourceEdit::rulePath(routeIndex + 1, { QByteArray("name") }),
                copyName(rule->name.value, taken), error))
            return nullptr;
    }
    return edit.finish<DuplicateRoute>(
        QStringLiteral("Duplicate rule %1 of %2").arg(name, edit.resource().name()));
}

std::unique_ptr<DuplicateRoute> DuplicateRoute::createGatewayApiRule(
    Document *document, int resourceId, int ruleIndex, QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    const GatewayApiRoute *route = edit.resource().gatewayApiRoute();
    if (!route || ruleIndex < 0 || ruleIndex >= route->rules.size()) {
        *error = QStringLiteral("%1 has no rule %2").arg(edit.resource().displayName()).arg(ruleIndex);
        return nullptr;
    }
    const YamlPath rules { QByteArray("spec"), QByteArray("rules") };
    if (!edit.duplicateItem(rules, ruleIndex, error))
        return nullptr;
    const RouteRule &rule = route->rules[ruleIndex];
    if (rule.name.present && !rule.name.value.isEmpty()) {
        QSet<QString> taken;
        for (const RouteRule &r : route->rules)
            taken.insert(r.name.value);
        if (!edit.setString(rules + YamlPath { ruleIndex + 1, QByteArray("name") },
                copyName(rule.name.value, taken), error))
            return nullptr;
    }
    return edit.finish<DuplicateRoute>(
        QStringLiteral("Duplicate rule %1 of %2")
            .arg(rule.name.value.isEmpty() ? QString::number(ruleIndex) : rule.name.value,
                edit.resource().name()));
}

} // namespace meshroute
