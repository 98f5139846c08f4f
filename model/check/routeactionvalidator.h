#pragma once

class QString;

namespace meshroute {

class CheckContext;
struct HttpRoute;
struct Resource;

// Whether the actions of one HTTP rule fit together, as Istio's admission webhook decides:
// exactly one of route, redirect, directResponse and delegate (each excluding what it
// replaces), delegation one level deep, and mirror or mirrors but not both.
class RouteActionValidator
{
public:
    static void validate(CheckContext &ctx, const Resource &r, const HttpRoute &rule, int index,
        const QString &path, bool inDelegate);
};

} // namespace meshroute
