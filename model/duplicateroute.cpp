#include "duplicateroute.h"

#include "resource.h"
#include "resourceedit.h"

#include <QSet>

namespace meshroute {

std::unique_ptr<DuplicateRoute> DuplicateRoute::create(
    Document *document, int resourceId, int routeIndex, QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    const HttpRoute *rule = edit.rule(routeIndex, error);
    if (!rule)
        return nullptr;
    const QString name = rule->displayName(routeIndex);
    if (!edit.duplicateItem({ QByteArray("spec"), QByteArray("http") }, routeIndex, error))
        return nullptr;
    if (rule->name.present && !rule->name.value.isEmpty()) {
        QSet<QString> taken;
        for (const HttpRoute &r : edit.resource().virtualService()->http)
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
