#pragma once

#include "router.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace meshroute {

// The shared JSON and text forms of routing answers (CLI, GUI copy, tests),
// and the API-shaped JSON of rule parts ("as written", camelCase keys as in
// the YAML) that routing tests compare with their expectations.
class RouteResultJson
{
public:
    // {"status", "virtualService", "routeIndex", "routeName", "matchIndex",
    //  "destinations": [{"host", "subset", "port", "weight", "cluster"}],
    //  "rewrite", "redirect", "directResponse", "warnings", "trace", ...}
    static QJsonObject toJson(const RouteResult &result);
    // The same, readable, several lines.
    static QString toText(const RouteResult &result);

    static QJsonValue rewrite(const HttpRewrite &r);
    static QJsonValue redirect(const HttpRedirect &r);
    static QJsonValue fault(const HttpFaultInjection &f);
    static QJsonValue retries(const HttpRetry &r);
    static QJsonValue headers(const Headers &h);
    static QJsonValue delegate(const Delegate &d);
    static QJsonArray routeDestinations(const QList<HttpRouteDestination> &route);
    static QJsonValue destination(const Destination &d);
};

} // namespace meshroute
