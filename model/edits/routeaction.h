#pragma once

#include <QByteArray>

namespace meshroute {

// What an HTTP rule does with a request it matched: exactly one of these.
enum class RouteAction { Route, Redirect, DirectResponse, Delegate };

inline QByteArray routeActionKey(RouteAction action)
{
    switch (action) {
    case RouteAction::Route:
        return "route";
    case RouteAction::Redirect:
        return "redirect";
    case RouteAction::DirectResponse:
        return "directResponse";
    case RouteAction::Delegate:
        return "delegate";
    }
    return {};
}

} // namespace meshroute
