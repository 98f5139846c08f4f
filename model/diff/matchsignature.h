#pragma once

#include <QString>

namespace meshroute {

struct HttpMatchRequest;
struct HttpRoute;
struct RouteMatch;
struct RouteRule;

// A rule's conditions as one line ("uri prefix /api, header end-user exact jason"),
// the identity of a rule that has no name: it survives the rule moving in
// the file, and changes when what the rule matches changes.
class MatchSignature
{
public:
    static QString of(const HttpMatchRequest &match);
    // Every match of the rule, "|"-joined; "any request" for a rule without matches.
    static QString of(const HttpRoute &rule);
    // The same for a Gateway API rule: "path PathPrefix /cart, header x-canary Exact 1".
    static QString of(const RouteMatch &match);
    static QString of(const RouteRule &rule);
};

} // namespace meshroute
