#pragma once

#include "virtualservice.h"

#include <QList>

namespace meshroute {

// Orders the rules of a generated VirtualService as Istio's sortHTTPRoutes
// does (pilot/pkg/config/kube/gateway/conversion.go), stably: rules without a
// match last; then URI match Exact > Prefix > Regex > none, longer URI first,
// a method match first, more header matches first, more query matches first.
// Each rule has at most one match (the translator splits them).
class RouteSorter
{
public:
    // Sorts `order` (indices into `rules`) in place.
    static void sort(const QList<HttpRoute> &rules, QList<int> &order);
    // Whether `a` goes strictly before `b`.
    static bool before(const HttpRoute &a, const HttpRoute &b);
};

} // namespace meshroute
