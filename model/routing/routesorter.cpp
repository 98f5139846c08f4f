#include "routesorter.h"

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

int uriLength(const HttpMatchRequest &m)
{
    return m.hasUri ? int(m.uri.value.size()) : 0;
}

} // namespace

bool RouteSorter::before(const HttpRoute &a, const HttpRoute &b)
{
    if (a.match.isEmpty())
        return false;
    if (b.match.isEmpty())
        return true;
    const HttpMatchRequest &m1 = a.match.first(), &m2 = b.match.first();
    const int r1 = uriRank(m1), r2 = uriRank(m2);
    if (r1 != r2)
        return r1 > r2;
    const int l1 = uriLength(m1), l2 = uriLength(m2);
    if (l1 != l2)
        return l1 > l2;
    if (m1.hasMethod != m2.hasMethod)
        return m1.hasMethod;
    if (m1.headers.size() != m2.headers.size())
        return m1.headers.size() > m2.headers.size();
    return m1.rare->queryParams.size() > m2.rare->queryParams.size();
}

void RouteSorter::sort(const QList<HttpRoute> &rules, QList<int> &order)
{
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return before(rules[a], rules[b]); });
}

} // namespace meshroute
