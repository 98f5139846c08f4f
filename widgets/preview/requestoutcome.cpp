#include "preview/requestoutcome.h"

#include "request.h"
#include "samplerequest.h"
#include "theme/themepalette.h"
#include "workspace.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <cmath>

namespace meshroute {

namespace {

QString shortHost(const QString &fqdn)
{
    const qsizetype dot = fqdn.indexOf(QLatin1Char('.'));
    // Registry names read best short ("reviews"); external hosts keep their domain.
    return fqdn.endsWith(QLatin1String(".svc.cluster.local")) && dot > 0 ? fqdn.left(dot) : fqdn;
}

QString shareText(double share)
{
    const double rounded = std::round(share * 100.0) / 100.0;
    return QString::number(rounded, 'g', 6) + QLatin1Char('%');
}

// A rule generated from an HTTPRoute or GRPCRoute is named by the user's route, rule and match
// ("HTTPRoute default/reviews rule \"canary\"", at "reviews.yaml:69" as the router's trace says),
// not by the VirtualService istiod generates, which no file holds.
void nameGatewayApiRule(const RouteTable &table, const RouteResult &r, RequestOutcome &o)
{
    const Resource *from = table.resource(r.origin.routeId);
    const GatewayApiRoute *route = from ? from->gatewayApiRoute() : nullptr;
    if (!route || r.origin.ruleIndex < 0 || r.origin.ruleIndex >= route->rules.size())
        return;
    const RouteRule &rule = route->rules[r.origin.ruleIndex];
    o.ruleText = QStringLiteral("%1 %2/%3 rule %4")
                     .arg(from->kindName.value, from->namespaceName(), from->name(),
                         rule.name.value.isEmpty() ? QStringLiteral("#%1").arg(r.origin.ruleIndex)
                                                   : QLatin1Char('"') + rule.name.value + QLatin1Char('"'));
    const bool match = r.origin.matchIndex >= 0 && r.origin.matchIndex < rule.matches.size();
    if (match)
        o.ruleText += QStringLiteral(" match %1").arg(r.origin.matchIndex);
    o.ruleLocation = QStringLiteral("%1:%2")
                         .arg(QFileInfo(table.workspace().fileOf(*from)).fileName())
                         .arg(from->absoluteLine(match ? rule.matches[r.origin.matchIndex].pos : rule.pos));
}

} // namespace

RequestOutcome RequestOutcome::of(const Router &router, const SampleRequest &sample)
{
    Request request;
    QString error;
    if (!sample.toRequest(&request, &error)) {
        RequestOutcome o;
        o.kind = Kind::Invalid;
        o.error = error;
        o.text = QStringLiteral("invalid: ") + error;
        return o;
    }
    return of(router, request);
}

RequestOutcome RequestOutcome::of(const Router &router, const Request &request)
{
    RequestOutcome o;
    o.result = router.route(request);
    const RouteResult &r = o.result;
    if (r.origin.routeId >= 0)
        nameGatewayApiRule(router.table(), r, o);
    if (o.ruleText.isEmpty() && !r.virtualService.isEmpty()) {
        o.ruleText = r.virtualService + QLatin1Char(' ')
            + (r.routeName.isEmpty() ? QStringLiteral("#%1").arg(r.routeIndex)
                                     : QLatin1Char('"') + r.routeName + QLatin1Char('"'));
        if (r.matchIndex >= 0)
            o.ruleText += QStringLiteral(" match %1").arg(r.matchIndex);
    }
    switch (r.status) {
    case RouteResult::Status::NoRoute:
        o.kind = Kind::NoRoute;
        o.text = QStringLiteral("%1 %2: %3")
                     .arg(r.httpStatus)
                     .arg(r.responseFlag.isEmpty() ? QStringLiteral("NR") : r.responseFlag, r.reason);
        return o;
    case RouteResult::Status::Redirect:
        o.kind = Kind::Redirect;
        o.text = QStringLiteral("%1 redirect -> %2")
                     .arg(r.redirectCode ? r.redirectCode : r.httpStatus)
                     .arg(r.location);
        return o;
    case RouteResult::Status::DirectResponse:
        o.kind = Kind::DirectResponse;
        o.text = QStringLiteral("direct response %1").arg(r.directResponseStatus);
        if (!r.directResponseBody.isEmpty())
            o.text += QStringLiteral(": ") + r.directResponseBody.left(60);
        return o;
    case RouteResult::Status::Routed:
        break;
    }
    const RouteTable &table = router.table();
    QStringList parts;
    QString previousHost;
    for (const RouteDestinationResult &d : r.destinations) {
        if (d.share <= 0 && r.destinations.size() > 1)
            continue;
        QString part;
        const QString host = shortHost(d.host);
        // "reviews v1 99% · v2 1%": the host once for a split within one service.
        if (host != previousHost)
            part = host + (d.subset.isEmpty() ? QStringLiteral(":%1").arg(d.port) : QString());
        if (!d.subset.isEmpty())
            part += (part.isEmpty() ? QString() : QStringLiteral(" ")) + d.subset;
        if (r.destinations.size() > 1)
            part += QLatin1Char(' ') + shareText(d.share);
        const bool nc = (!table.isKnownHost(d.host) && table.hasRegistry())
            || (!d.subset.isEmpty() && !table.subsetDefined(d.host, d.subset));
        if (nc)
            part += QStringLiteral(" (503 NC)");
        else if (d.readyPods == 0)
            part += QStringLiteral(" (503 UH)");
        previousHost = host;
        parts << part;
    }
    if (r.destinations.isEmpty())
        parts << QStringLiteral("no destination");
    if (r.httpStatus == 503) {
        o.kind = Kind::Unavailable;
        o.text = QStringLiteral("503 %1: %2").arg(r.responseFlag, parts.join(QStringLiteral(" · ")));
    } else {
        o.kind = Kind::Routed;
        o.text = QStringLiteral("-> ") + parts.join(QStringLiteral(" · "));
    }
    return o;
}

QColor RequestOutcome::colour(Kind kind)
{
    // Read from the palette in force when drawn: lighter variants on a dark theme's base.
    const bool dark = ThemePalette::isDark(QGuiApplication::palette());
    switch (kind) {
    case Kind::Routed:
        return dark ? QColor(0x6f, 0xd0, 0x8c) : QColor(0x1b, 0x7f, 0x3b);
    case Kind::NoRoute:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x28, 0x28);
    case Kind::Redirect:
        return dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x1f, 0x5f, 0xbf);
    case Kind::DirectResponse:
        return dark ? QColor(0xd2, 0xa8, 0xff) : QColor(0x7d, 0x3c, 0x98);
    case Kind::Unavailable:
        return dark ? QColor(0xff, 0xa6, 0x57) : QColor(0xc2, 0x54, 0x00);
    case Kind::Invalid:
        return dark ? QColor(0x9a, 0xa0, 0xa6) : QColor(0x80, 0x80, 0x80);
    }
    return {};
}

QString RequestOutcome::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Routed:
        return QStringLiteral("routed");
    case Kind::NoRoute:
        return QStringLiteral("no route");
    case Kind::Redirect:
        return QStringLiteral("redirect");
    case Kind::DirectResponse:
        return QStringLiteral("direct response");
    case Kind::Unavailable:
        return QStringLiteral("unavailable");
    case Kind::Invalid:
        return QStringLiteral("invalid");
    }
    return {};
}

} // namespace meshroute
