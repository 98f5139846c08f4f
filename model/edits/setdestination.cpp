#include "setdestination.h"

#include "resource.h"
#include "resourceedit.h"

namespace meshroute {

std::unique_ptr<SetDestination> SetDestination::create(Document *document, int resourceId, int routeIndex,
    int destinationIndex, const QString &host, const QString &subset, int port, QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    const HttpRoute *rule = edit.rule(routeIndex, error);
    if (!rule)
        return nullptr;
    if (destinationIndex < 0 || destinationIndex >= rule->route.size()) {
        *error = QStringLiteral("rule %1 has no destination %2")
                     .arg(rule->displayName(routeIndex))
                     .arg(destinationIndex);
        return nullptr;
    }
    if (host.trimmed().isEmpty()) {
        *error = QStringLiteral("a destination needs a host");
        return nullptr;
    }
    if (port < 0 || port > 65535) {
        *error = QStringLiteral("port number %1 must be in the range 1..65535").arg(port);
        return nullptr;
    }
    const YamlPath d = ResourceEdit::rulePath(
        routeIndex, { QByteArray("route"), destinationIndex, QByteArray("destination") });
    if (!edit.setString(YamlPath(d) << QByteArray("host"), host.trimmed(), error))
        return nullptr;
    const bool subsetOk = subset.isEmpty()
        ? edit.removeIfPresent(YamlPath(d) << QByteArray("subset"), error)
        : edit.setString(YamlPath(d) << QByteArray("subset"), subset, error);
    if (!subsetOk)
        return nullptr;
    const bool portOk = port == 0 ? edit.removeIfPresent(YamlPath(d) << QByteArray("port"), error)
                                  : edit.set(YamlPath(d) << QByteArray("port") << QByteArray("number"),
                                      YamlEdit::plainScalar(QString::number(port)), error);
    if (!portOk)
        return nullptr;
    return edit.finish<SetDestination>(
        QStringLiteral("Point destination %1 of rule %2 at %3")
            .arg(destinationIndex)
            .arg(rule->displayName(routeIndex), subset.isEmpty() ? host : host + QLatin1Char('/') + subset));
}

} // namespace meshroute
