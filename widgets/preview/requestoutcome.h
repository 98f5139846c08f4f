#pragma once

#include "router.h"

#include <QColor>
#include <QString>

namespace meshroute {

class Request;
struct SampleRequest;

// Where one sample request goes, as the Preview's table shows it: the
// router's answer plus one line of text and the colour of its kind.
// The text is built from RouteResult only, so it says what `meshroute route`
// says for the same request.
struct RequestOutcome
{
    enum class Kind { Invalid, Routed, NoRoute, Redirect, DirectResponse, Unavailable };

    Kind kind = Kind::Invalid;
    RouteResult result;
    QString error; // why the sample does not parse (Kind::Invalid)
    QString text; // "reviews v1 99% · v2 1%", "404 NR: ...", "503 UH: ...", "301 -> https://..."
    QString ruleText; // "default/reviews rule \"canary\"", empty without a rule
    // Where a Gateway API route's rule is written ("reviews.yaml:69"); empty for a VirtualService's,
    // whose name says it (the generated VirtualService behind an HTTPRoute is in no file).
    QString ruleLocation;

    // The rule and where it is written, as the Rule column and the Why list show it.
    QString ruleWithLocation() const
    {
        return ruleLocation.isEmpty() ? ruleText
                                      : ruleText + QStringLiteral(" (") + ruleLocation + QLatin1Char(')');
    }

    static RequestOutcome of(const Router &router, const SampleRequest &sample);
    static RequestOutcome of(const Router &router, const Request &request);
    static QColor colour(Kind kind);
    static QString kindName(Kind kind);
};

} // namespace meshroute
