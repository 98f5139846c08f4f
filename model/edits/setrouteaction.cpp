#include "setrouteaction.h"

#include "resource.h"
#include "resourceedit.h"

namespace meshroute {

std::unique_ptr<SetRouteAction> SetRouteAction::create(Document *document, int resourceId, int routeIndex,
    RouteAction action, const YamlNode &value, QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    const HttpRoute *rule = edit.rule(routeIndex, error);
    if (!rule)
        return nullptr;
    const QByteArray key = routeActionKey(action);
    if (action == RouteAction::Route ? !value.isSequence() || value.children.empty() : !value.isMapping()) {
        *error = action == RouteAction::Route ? QStringLiteral("a route needs at least one destination")
                                              : QStringLiteral("%1 is a mapping").arg(QString::fromUtf8(key));
        return nullptr;
    }
    QList<QByteArray> drop { "route", "redirect", "directResponse", "delegate" };
    if (action == RouteAction::Redirect || action == RouteAction::DirectResponse)
        drop << "rewrite"
             << "fault";
    if (action == RouteAction::Delegate)
        drop << "rewrite";
    drop.removeAll(key);
    // Set first, then remove, so the rule never passes through an empty mapping.
    if (!edit.set(ResourceEdit::rulePath(routeIndex, { key }), value, error))
        return nullptr;
    for (const QByteArray &k : drop)
        if (!edit.removeIfPresent(ResourceEdit::rulePath(routeIndex, { k }), error))
            return nullptr;
    static const char *const names[] = { "forward", "redirect", "direct response", "delegate" };
    return edit.finish<SetRouteAction>(
        QStringLiteral("Make rule %1 of %2 a %3")
            .arg(rule->displayName(routeIndex), edit.resource().name(), QLatin1String(names[int(action)])));
}

} // namespace meshroute
