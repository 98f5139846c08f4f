#pragma once

#include "stringmatch.h"

#include <QString>

namespace meshroute {

// Answers the rule editor's test boxes: does this value match this
// StringMatch, with Envoy's semantics (reference section 6.4-6.6)?
// uri: exact compares the path without its query, prefix is a raw character
// prefix of the path with its query, regex must match the whole path without
// the query (RE2); ignoreUriCase applies to exact and prefix only. Headers
// and query parameters: exact, prefix, full-match regex, or presence.
class MatchTester
{
public:
    static bool uriMatches(
        StringMatch::Type type, const QString &pattern, bool ignoreUriCase, const QString &path);
    static bool valueMatches(StringMatch::Type type, const QString &pattern, const QString &value);
    // A Gateway API path match as Istio gives it to Envoy: Exact and RegularExpression as uri's,
    // a PathPrefix other than "/" on whole path segments (path_separated_prefix, a trailing '/'
    // of the prefix dropped), so /cart takes /cart and /cart/x but not /cartx.
    static bool gatewayPathMatches(StringMatch::Type type, const QString &pattern, const QString &path);
    // The path without "?query" (and "#fragment"), as Envoy's path and regex matchers see it.
    static QString pathWithoutQuery(const QString &path);
};

} // namespace meshroute
