#include "routeresultjson.h"

#include <QJsonDocument>
#include <cmath>

namespace meshroute {

namespace {

void put(QJsonObject &o, const char *key, const Field<QString> &f)
{
    if (f.present)
        o.insert(QLatin1String(key), f.value);
}

void put(QJsonObject &o, const char *key, const Field<qint64> &f)
{
    if (f.present)
        o.insert(QLatin1String(key), double(f.value));
}

void put(QJsonObject &o, const char *key, const Field<bool> &f)
{
    if (f.present)
        o.insert(QLatin1String(key), f.value);
}

QJsonValue percent(const Percent &p)
{
    if (!p.present)
        return QJsonValue::Undefined;
    QJsonObject o;
    if (p.value.present)
        o.insert(QStringLiteral("value"), p.value.value);
    return o;
}

QJsonObject headerOps(const HeaderOperations &ops)
{
    QJsonObject o;
    if (!ops.set.isEmpty()) {
        QJsonObject s;
        for (const Entry<QString> &e : ops.set)
            s.insert(e.key, e.value);
        o.insert(QStringLiteral("set"), s);
    }
    if (!ops.add.isEmpty()) {
        QJsonObject s;
        for (const Entry<QString> &e : ops.add)
            s.insert(e.key, e.value);
        o.insert(QStringLiteral("add"), s);
    }
    if (!ops.remove.isEmpty()) {
        QJsonArray a;
        for (const Field<QString> &f : ops.remove)
            a.append(f.value);
        o.insert(QStringLiteral("remove"), a);
    }
    return o;
}

// Shares like 33.333333 print as 33.3333: enough to read, stable to compare.
double roundShare(double v)
{
    return std::round(v * 10000.0) / 10000.0;
}

QString shareText(double v)
{
    return QString::number(roundShare(v), 'g', 10) + QLatin1Char('%');
}

} // namespace

QJsonValue RouteResultJson::destination(const Destination &d)
{
    QJsonObject o;
    put(o, "host", d.host);
    put(o, "subset", d.subset);
    if (d.port.number.present) {
        QJsonObject p;
        p.insert(QStringLiteral("number"), double(d.port.number.value));
        o.insert(QStringLiteral("port"), p);
    }
    return o;
}

QJsonArray RouteResultJson::routeDestinations(const QList<HttpRouteDestination> &route)
{
    QJsonArray a;
    for (const HttpRouteDestination &d : route) {
        QJsonObject o;
        o.insert(QStringLiteral("destination"), destination(d.destination));
        put(o, "weight", d.weight);
        if (d.headers->present)
            o.insert(QStringLiteral("headers"), headers(d.headers));
        a.append(o);
    }
    return a;
}

QJsonValue RouteResultJson::rewrite(const HttpRewrite &r)
{
    if (!r.present)
        return QJsonValue::Null;
    QJsonObject o;
    put(o, "uri", r.uri);
    put(o, "authority", r.authority);
    if (r.uriRegexRewrite.present) {
        QJsonObject x;
        put(x, "match", r.uriRegexRewrite.match);
        put(x, "rewrite", r.uriRegexRewrite.rewrite);
        o.insert(QStringLiteral("uriRegexRewrite"), x);
    }
    return o;
}

QJsonValue RouteResultJson::redirect(const HttpRedirect &r)
{
    if (!r.present)
        return QJsonValue::Null;
    QJsonObject o;
    put(o, "uri", r.uri);
    put(o, "authority", r.authority);
    put(o, "port", r.port);
    put(o, "derivePort", r.derivePort);
    put(o, "scheme", r.scheme);
    put(o, "redirectCode", r.redirectCode);
    put(o, "prefixRewrite", r.prefixRewrite);
    return o;
}

QJsonValue RouteResultJson::fault(const HttpFaultInjection &f)
{
    if (!f.present)
        return QJsonValue::Null;
    QJsonObject o;
    if (f.delay.present) {
        QJsonObject d;
        put(d, "fixedDelay", f.delay.fixedDelay);
        put(d, "exponentialDelay", f.delay.exponentialDelay);
        if (f.delay.percentage.present)
            d.insert(QStringLiteral("percentage"), percent(f.delay.percentage));
        put(d, "percent", f.delay.percent);
        o.insert(QStringLiteral("delay"), d);
    }
    if (f.abort.present) {
        QJsonObject a;
        put(a, "httpStatus", f.abort.httpStatus);
        put(a, "grpcStatus", f.abort.grpcStatus);
        put(a, "http2Error", f.abort.http2Error);
        if (f.abort.percentage.present)
            a.insert(QStringLiteral("percentage"), percent(f.abort.percentage));
        o.insert(QStringLiteral("abort"), a);
    }
    return o;
}

QJsonValue RouteResultJson::retries(const HttpRetry &r)
{
    if (!r.present)
        return QJsonValue::Null;
    QJsonObject o;
    put(o, "attempts", r.attempts);
    put(o, "perTryTimeout", r.perTryTimeout);
    put(o, "retryOn", r.retryOn);
    put(o, "retryRemoteLocalities", r.retryRemoteLocalities);
    put(o, "retryIgnorePreviousHosts", r.retryIgnorePreviousHosts);
    put(o, "backoff", r.backoff);
    return o;
}

QJsonValue RouteResultJson::headers(const Headers &h)
{
    if (!h.present)
        return QJsonValue::Null;
    QJsonObject o;
    if (h.request.present || !h.request.isEmpty())
        o.insert(QStringLiteral("request"), headerOps(h.request));
    if (h.response.present || !h.response.isEmpty())
        o.insert(QStringLiteral("response"), headerOps(h.response));
    return o;
}

QJsonValue RouteResultJson::delegate(const Delegate &d)
{
    if (!d.present)
        return QJsonValue::Null;
    QJsonObject o;
    put(o, "name", d.name);
    put(o, "namespace", d.namespace_);
    return o;
}

namespace {

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue indexOrNull(int index)
{
    return index >= 0 ? QJsonValue(index) : QJsonValue(QJsonValue::Null);
}

QJsonValue delegateJson(const RouteResult &r)
{
    if (r.delegate.isEmpty())
        return QJsonValue::Null;
    QJsonObject d;
    d.insert(QStringLiteral("virtualService"), r.delegate);
    d.insert(QStringLiteral("routeIndex"), r.delegateRouteIndex);
    return d;
}

QJsonArray destinationsJson(const RouteResult &r)
{
    QJsonArray dests;
    for (const RouteDestinationResult &d : r.destinations) {
        QJsonObject x;
        x.insert(QStringLiteral("host"), d.host);
        x.insert(QStringLiteral("subset"), orNull(d.subset));
        x.insert(QStringLiteral("port"), d.port);
        x.insert(QStringLiteral("weight"), roundShare(d.share));
        x.insert(QStringLiteral("cluster"), d.cluster);
        if (d.headers.present)
            x.insert(QStringLiteral("headers"), RouteResultJson::headers(d.headers));
        if (d.readyPods >= 0)
            x.insert(QStringLiteral("readyPods"), d.readyPods);
        dests.append(x);
    }
    return dests;
}

QJsonArray mirrorsJson(const RouteResult &r)
{
    QJsonArray mirrors;
    for (const RouteMirrorResult &m : r.mirrors) {
        QJsonObject x;
        x.insert(QStringLiteral("host"), m.host);
        x.insert(QStringLiteral("subset"), orNull(m.subset));
        x.insert(QStringLiteral("port"), m.port);
        x.insert(QStringLiteral("percentage"), m.percentage);
        x.insert(QStringLiteral("cluster"), m.cluster);
        mirrors.append(x);
    }
    return mirrors;
}

// The rewrite as written, with the path and authority the upstream receives.
QJsonValue rewriteJson(const RouteResult &r)
{
    if (!r.hasRewrite)
        return QJsonValue::Null;
    QJsonObject w = RouteResultJson::rewrite(r.rewrite).toObject();
    w.insert(QStringLiteral("path"), r.rewrittenPath);
    w.insert(QStringLiteral("resultAuthority"), r.rewrittenAuthority);
    return w;
}

// The redirect as written (none for the gateway's https redirect), with the code and location sent.
QJsonValue redirectJson(const RouteResult &r)
{
    if (!r.hasRedirect)
        return QJsonValue::Null;
    QJsonObject w = r.redirect.present ? RouteResultJson::redirect(r.redirect).toObject() : QJsonObject();
    w.insert(QStringLiteral("code"), r.redirectCode);
    w.insert(QStringLiteral("location"), r.location);
    return w;
}

QJsonValue directResponseJson(const RouteResult &r)
{
    if (!r.hasDirectResponse)
        return QJsonValue::Null;
    QJsonObject w;
    w.insert(QStringLiteral("status"), r.directResponseStatus);
    w.insert(QStringLiteral("body"), r.directResponseBody);
    return w;
}

QJsonValue retriesJson(const RouteResult &r)
{
    if (!r.defaultRetries)
        return RouteResultJson::retries(r.retries);
    QJsonObject d;
    d.insert(QStringLiteral("attempts"), 2);
    d.insert(QStringLiteral("retryOn"),
        QStringLiteral("connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes"));
    d.insert(QStringLiteral("default"), true);
    return d;
}

} // namespace

QJsonObject RouteResultJson::toJson(const RouteResult &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("status"), RouteResult::statusName(r.status));
    o.insert(QStringLiteral("httpStatus"), r.httpStatus);
    o.insert(QStringLiteral("responseFlags"), r.responseFlag);
    o.insert(QStringLiteral("reason"), r.reason);
    o.insert(QStringLiteral("routeConfig"), r.routeConfig);
    o.insert(QStringLiteral("virtualHost"), r.virtualHost);
    o.insert(QStringLiteral("virtualService"), orNull(r.virtualService));
    o.insert(QStringLiteral("routeIndex"), indexOrNull(r.routeIndex));
    o.insert(QStringLiteral("routeName"), orNull(r.routeName));
    o.insert(QStringLiteral("matchIndex"), indexOrNull(r.matchIndex));
    o.insert(QStringLiteral("delegate"), delegateJson(r));
    o.insert(QStringLiteral("destinations"), destinationsJson(r));
    o.insert(QStringLiteral("rewrite"), rewriteJson(r));
    o.insert(QStringLiteral("redirect"), redirectJson(r));
    o.insert(QStringLiteral("directResponse"), directResponseJson(r));
    o.insert(QStringLiteral("timeout"), orNull(r.timeout));
    o.insert(QStringLiteral("retries"), retriesJson(r));
    o.insert(QStringLiteral("fault"), fault(r.fault));
    o.insert(QStringLiteral("mirrors"), mirrorsJson(r));
    o.insert(QStringLiteral("headers"), headers(r.headers));
    o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(r.warnings));
    o.insert(QStringLiteral("trace"), QJsonArray::fromStringList(r.trace));
    return o;
}

QString RouteResultJson::toText(const RouteResult &r)
{
    QString out;
    auto line = [&](const QString &s) { out += s + QLatin1Char('\n'); };
    QString head = QStringLiteral("status: ") + RouteResult::statusName(r.status);
    if (r.httpStatus > 0)
        head += QStringLiteral(" (%1%2)")
                    .arg(r.httpStatus)
                    .arg(r.responseFlag.isEmpty() ? QString() : QLatin1Char(' ') + r.responseFlag);
    line(head);
    if (!r.reason.isEmpty())
        line(QStringLiteral("why: ") + r.reason);
    if (!r.routeConfig.isEmpty())
        line(QStringLiteral("route table: ") + r.routeConfig);
    if (!r.virtualService.isEmpty()) {
        QString rule = QStringLiteral("virtualService: %1, rule #%2").arg(r.virtualService).arg(r.routeIndex);
        if (!r.routeName.isEmpty())
            rule += QStringLiteral(" \"%1\"").arg(r.routeName);
        if (r.matchIndex >= 0)
            rule += QStringLiteral(", match #%1").arg(r.matchIndex);
        if (!r.delegate.isEmpty())
            rule += QStringLiteral(", via delegate %1 rule #%2").arg(r.delegate).arg(r.delegateRouteIndex);
        line(rule);
    }
    for (const RouteDestinationResult &d : r.destinations)
        line(QStringLiteral("  -> %1  %2").arg(shareText(d.share), -9).arg(d.cluster)
            + (d.readyPods >= 0
                    ? QStringLiteral("  (%1 ready pod%2)").arg(d.readyPods).arg(d.readyPods == 1 ? "" : "s")
                    : QString()));
    if (r.hasRewrite)
        line(QStringLiteral("rewrite: path %1, authority %2").arg(r.rewrittenPath, r.rewrittenAuthority));
    if (r.hasRedirect)
        line(QStringLiteral("redirect: %1 Location: %2").arg(r.redirectCode).arg(r.location));
    if (r.hasDirectResponse)
        line(QStringLiteral("direct response: %1%2")
                 .arg(r.directResponseStatus)
                 .arg(r.directResponseBody.isEmpty() ? QString()
                                                     : QStringLiteral(" body: ") + r.directResponseBody));
    if (!r.timeout.isEmpty())
        line(QStringLiteral("timeout: ") + r.timeout);
    if (r.status == RouteResult::Status::Routed) {
        if (r.defaultRetries)
            line(QStringLiteral("retries: mesh default (2 attempts)"));
        else if (r.retries.present)
            line(QStringLiteral("retries: ")
                + QString::fromUtf8(
                    QJsonDocument(retries(r.retries).toObject()).toJson(QJsonDocument::Compact)));
    }
    if (r.fault.present)
        line(QStringLiteral("fault: ")
            + QString::fromUtf8(QJsonDocument(fault(r.fault).toObject()).toJson(QJsonDocument::Compact)));
    for (const RouteMirrorResult &m : r.mirrors)
        line(QStringLiteral("mirror: %1 (%2%)").arg(m.cluster).arg(m.percentage));
    if (r.headers.present)
        line(QStringLiteral("headers: ")
            + QString::fromUtf8(QJsonDocument(headers(r.headers).toObject()).toJson(QJsonDocument::Compact)));
    for (const QString &w : r.warnings)
        line(QStringLiteral("warning: ") + w);
    if (!r.trace.isEmpty()) {
        line(QStringLiteral("trace:"));
        for (const QString &t : r.trace)
            line(QStringLiteral("  ") + t);
    }
    return out;
}

} // namespace meshroute
