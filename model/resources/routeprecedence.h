#pragma once

namespace meshroute {

// What Istio's sortHTTPRoutes (pilot/pkg/config/kube/gateway/conversion.go) compares of one
// route of a generated VirtualService, i.e. one match of one Gateway API rule. The router sorts
// with it (RouteSorter) and the never-wins check reasons with it (GatewayApiShadowAnalyzer), so
// the two cannot order routes differently.
struct RoutePrecedence
{
    bool noMatch = false; // no match at all: goes last
    int uriRank = 0; // getURIRank: Exact 3, PathPrefix 2, RegularExpression 1, no path 0
    int uriLength = 0; // as written, before Envoy trims a prefix's trailing '/'
    bool hasMethod = false;
    int headers = 0;
    int queryParams = 0;

    // Whether `a` goes strictly before `b`: a route without match last; then the URI type rank,
    // then the longer URI, a method before none, more headers, more query parameters. Ties keep
    // the merge order (sort.SliceStable), so sort with std::stable_sort.
    static bool before(const RoutePrecedence &a, const RoutePrecedence &b)
    {
        if (a.noMatch)
            return false;
        if (b.noMatch)
            return true;
        if (a.uriRank != b.uriRank)
            return a.uriRank > b.uriRank;
        if (a.uriLength != b.uriLength)
            return a.uriLength > b.uriLength;
        if (a.hasMethod != b.hasMethod)
            return a.hasMethod;
        if (a.headers != b.headers)
            return a.headers > b.headers;
        return a.queryParams > b.queryParams;
    }
};

} // namespace meshroute
