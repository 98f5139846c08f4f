#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace meshroute {

struct Resource;
struct RouteResult;
class RouteTable;

// One destination of an outcome, named as a reader would ("reviews.default.svc.cluster.local
// subset v2 port 9080") with its share of the requests in percent.
struct DiffDestination
{
    QString name;
    double share = 0;

    bool operator==(const DiffDestination &o) const = default;
};

// What one side answers to one request, reduced to what a change can alter:
// the rule that takes it (by identity, so a rule that only moves down the
// file compares equal) and what that rule does.
struct DiffOutcome
{
    QString status; // "routed 200", "redirect 301", "direct-response 503", "no-route 404"
    QString rule; // "VirtualService default/reviews http[1] \"canary\"", "HTTPRoute web/cart rule 0"
    QString ruleKey; // the rule's identity: kind/ns/name + rule name, or + match signature when unnamed
    QString location; // "reviews.yaml:42" of the rule (shown, never compared: lines move)
    QList<DiffDestination> destinations; // sorted by name
    QString redirect; // "301 https://bookinfo.app/login"
    QString rewrite; // "path /v2/ratings authority ratings"
    QStringList headers; // header operations: "request set x-canary: 1", "response remove server"
    QString fault; // "abort 503 10%", "delay 5s 100%"

    // Everything but the location: the answer the proxy gives.
    bool sameAnswer(const DiffOutcome &o) const;
    // "routed 200 by VirtualService default/reviews http[1] \"canary\" -> reviews v1 75%, reviews v2 25%"
    QString summary() const;

    // The outcome of a routed request; `table` names the rule's file:line and its Gateway API origin.
    static DiffOutcome of(const RouteResult &result, const RouteTable &table);
    // The same with the table's resources by id, for routing many requests.
    static DiffOutcome of(
        const RouteResult &result, const RouteTable &table, const QHash<int, const Resource *> &resources);
    static QHash<int, const Resource *> resourcesById(const RouteTable &table);
};

} // namespace meshroute
