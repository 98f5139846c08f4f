#include "adddestination.h"

#include "resource.h"
#include "resourceedit.h"

namespace meshroute {

std::unique_ptr<AddDestination> AddDestination::create(Document *document, int resourceId, int routeIndex,
    const QString &host, const QString &subset, int port, QString *error)
{
    return create(document, resourceId, RouteKind::Http, routeIndex, host, subset, port, error);
}

std::unique_ptr<AddDestination> AddDestination::create(Document *document, int resourceId, RouteKind kind,
    int routeIndex, const QString &host, const QString &subset, int port, QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    const VirtualService *vs = RouteKinds::findRule(edit, kind, routeIndex, error);
    if (!vs)
        return nullptr;
    const QString ruleName = RouteKinds::displayName(*vs, kind, routeIndex);
    if (host.trimmed().isEmpty()) {
        *error = QStringLiteral("a destination needs a host");
        return nullptr;
    }
    if (port < 0 || port > 65535) {
        *error = QStringLiteral("port number %1 must be in the range 1..65535").arg(port);
        return nullptr;
    }
    if (kind == RouteKind::Http) {
        const HttpRoute &rule = vs->http[routeIndex];
        if (rule.redirect->present || rule.directResponse->present || rule.delegate->present) {
            *error
                = QStringLiteral("rule %1 does not forward; switch its action to route first").arg(ruleName);
            return nullptr;
        }
    }
    YamlNode destination = YamlEdit::mapping();
    YamlEdit::setEntry(destination, "host", YamlEdit::stringScalar(host.trimmed()));
    if (!subset.isEmpty())
        YamlEdit::setEntry(destination, "subset", YamlEdit::stringScalar(subset));
    if (port > 0) {
        YamlNode p = YamlEdit::mapping();
        YamlEdit::setEntry(p, "number", YamlEdit::plainScalar(QString::number(port)));
        YamlEdit::setEntry(destination, "port", p);
    }
    YamlNode item = YamlEdit::mapping();
    YamlEdit::setEntry(item, "destination", destination);
    const QList<RouteKinds::WeightedDestination> existing = RouteKinds::destinations(*vs, kind, routeIndex);
    const int count = int(existing.size());
    if (count > 0)
        YamlEdit::setEntry(item, "weight", YamlEdit::plainScalar(QStringLiteral("0")));
    const YamlPath route = RouteKinds::rulePath(kind, routeIndex, { QByteArray("route") });
    // A lone destination without a weight takes all traffic; with a second one it
    // would take none, so it keeps its traffic explicitly.
    if (count == 1 && !existing.front().weight->present
        && !edit.set(YamlPath(route) << 0 << QByteArray("weight"),
            YamlEdit::plainScalar(QStringLiteral("100")), error))
        return nullptr;
    if (!edit.appendItem(route, item, error))
        return nullptr;
    return edit.finish<AddDestination>(QStringLiteral("Add destination %1 to rule %2 of %3")
                                           .arg(subset.isEmpty() ? host : host + QLatin1Char('/') + subset,
                                               ruleName, edit.resource().name()));
}

} // namespace meshroute
