#include "routesorter.h"

#include "routeprecedence.h"

#include <algorithm>

namespace meshroute {

namespace {

// getURIRank: exact 3, prefix 2, regex 1, no URI 0.
int uriRank(const HttpMatchRequest &m)
{
    if (!m.hasUri)
        return 0;
    switch (m.uri.type) {
    case StringMatch::Type::Exact:
        return 3;
    case StringMatch::Type::Prefix:
        return 2;
    case StringMatch::Type::Regex:
        return 1;
    case StringMatch::Type::Presence:
        return 0;
    }
    return 0;
}

RoutePrecedence precedence(const HttpRoute &r)
{
    RoutePrecedence p;
    p.noMatch = r.match.isEmpty();
    if (p.noMatch)
        return p;
    const HttpMatchRequest &m = r.match.first();
    p.uriRank = uriRank(m);
    p.uriLength = m.hasUri ? int(m.uri.value.size()) : 0;
    p.hasMethod = m.hasMethod;
    p.headers = int(m.headers.size());
    p.queryParams = int(m.rare->queryParams.size());
    return p;
}

} // namespace

bool RouteSorter::before(const HttpRoute &a, const HttpRoute &b)
{
    return RoutePrecedence::before(precedence(a), precedence(b));
}

void RouteSorter::sort(const QList<HttpRoute> &rules, QList<int> &order)
{
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return before(rules[a], rules[b]); });
}

} // namespace meshroute
