#pragma once

#include "field.h"
#include "stringmatch.h"

#include <QList>
#include <QString>
#include <memory>

namespace meshroute {

// The types of networking.istio.io VirtualService, as plain values.
// Field names follow the API (camelCase in YAML); every value keeps its
// position so diagnostics, the graph and the YAML view can point at it.

// A rarely written part of a resource, stored out of line. Most rules have
// no redirect, fault or CORS policy; kept inline, those parts made a
// 5,000-VirtualService mesh take about 60 MB more. Reading an absent part
// gives its empty default (present == false); copies share until edited.
template <typename T> class Rare
{
public:
    const T &operator*() const { return m_value ? *m_value : empty(); }
    const T *operator->() const { return &**this; }
    operator const T &() const { return **this; }
    // For the reader and tests: the part, created (or unshared) for writing.
    T &edit()
    {
        if (!m_value)
            m_value = std::make_shared<T>();
        else if (m_value.use_count() > 1)
            m_value = std::make_shared<T>(*m_value);
        return *m_value;
    }

private:
    static const T &empty()
    {
        static const T value {};
        return value;
    }
    std::shared_ptr<T> m_value;
};

struct PortSelector
{
    Field<qint64> number;
};

struct Destination
{
    Field<QString> host;
    Field<QString> subset;
    PortSelector port;
    SourcePos pos;
};

struct HeaderOperations
{
    QList<Entry<QString>> set;
    QList<Entry<QString>> add;
    QList<Field<QString>> remove;
    SourcePos pos;
    bool present = false;
    bool isEmpty() const { return set.isEmpty() && add.isEmpty() && remove.isEmpty(); }
};

struct Headers
{
    HeaderOperations request;
    HeaderOperations response;
    SourcePos pos;
    bool present = false;
};

struct HttpRouteDestination
{
    Destination destination;
    Field<qint64> weight;
    Rare<Headers> headers;
    SourcePos pos;
};

struct RegexRewrite
{
    Field<QString> match;
    Field<QString> rewrite;
    SourcePos pos;
    bool present = false;
};

struct HttpRewrite
{
    Field<QString> uri;
    Field<QString> authority;
    RegexRewrite uriRegexRewrite;
    SourcePos pos;
    bool present = false;
};

struct HttpRedirect
{
    Field<QString> uri;
    Field<QString> authority;
    Field<qint64> port;
    Field<QString> derivePort; // FROM_PROTOCOL_DEFAULT | FROM_REQUEST_PORT
    Field<QString> scheme;
    Field<qint64> redirectCode;
    Field<QString> prefixRewrite;
    SourcePos pos;
    bool present = false;
};

struct HttpDirectResponse
{
    Field<qint64> status;
    Field<QString> bodyString;
    Field<QString> bodyBytes; // base64, as written
    SourcePos pos;
    bool present = false;
};

struct Delegate
{
    Field<QString> name;
    Field<QString> namespace_;
    SourcePos pos;
    bool present = false;
};

struct HttpRetry
{
    Field<qint64> attempts;
    Field<QString> perTryTimeout;
    Field<QString> retryOn;
    Field<bool> retryRemoteLocalities;
    Field<bool> retryIgnorePreviousHosts;
    Field<QString> backoff;
    SourcePos pos;
    bool present = false;
};

struct Percent
{
    Field<double> value;
    SourcePos pos;
    bool present = false;
};

struct FaultDelay
{
    Field<QString> fixedDelay;
    Field<QString> exponentialDelay;
    Percent percentage;
    Field<qint64> percent; // deprecated integer form
    SourcePos pos;
    bool present = false;
};

struct FaultAbort
{
    Field<qint64> httpStatus;
    Field<QString> grpcStatus;
    Field<QString> http2Error;
    Percent percentage;
    SourcePos pos;
    bool present = false;
};

struct HttpFaultInjection
{
    FaultDelay delay;
    FaultAbort abort;
    SourcePos pos;
    bool present = false;
};

struct HttpMirrorPolicy
{
    Destination destination;
    Percent percentage;
    SourcePos pos;
};

struct CorsPolicy
{
    QList<StringMatch> allowOrigins;
    QList<Field<QString>> allowOrigin; // deprecated
    QList<Field<QString>> allowMethods;
    QList<Field<QString>> allowHeaders;
    QList<Field<QString>> exposeHeaders;
    Field<QString> maxAge;
    Field<bool> allowCredentials;
    Field<QString> unmatchedPreflights;
    SourcePos pos;
    bool present = false;
};

// The parts of a match that few rules write, kept apart so that a match that
// does not write them costs a pointer: 5,000 VirtualServices of five rules of
// two matches each held 12 MB of these empty (a HttpMatchRequest was 552 bytes).
struct HttpMatchRareParts
{
    Field<QString> name;
    StringMatchMap withoutHeaders;
    StringMatchMap queryParams;
    Field<bool> ignoreUriCase;
    Field<QString> sourceNamespace;
    Field<QString> statPrefix;
};

struct HttpMatchRequest
{
    StringMatch uri;
    bool hasUri = false;
    Rare<StringMatch> scheme;
    bool hasScheme = false;
    Rare<StringMatch> method;
    bool hasMethod = false;
    Rare<StringMatch> authority;
    bool hasAuthority = false;
    StringMatchMap headers;
    Field<qint64> port;
    Labels sourceLabels;
    QList<Field<QString>> gateways;
    Rare<HttpMatchRareParts> rare; // name, withoutHeaders, queryParams, ignoreUriCase, sourceNamespace, statPrefix
    SourcePos pos;

    // No condition at all: matches every request (Istio treats `{}` as a catch-all).
    bool isEmpty() const
    {
        return !hasUri && !hasScheme && !hasMethod && !hasAuthority && headers.isEmpty()
            && rare->withoutHeaders.isEmpty() && rare->queryParams.isEmpty() && !port.present
            && sourceLabels.isEmpty() && gateways.isEmpty() && !rare->sourceNamespace.present;
    }
};

struct HttpRoute
{
    Field<QString> name;
    QList<HttpMatchRequest> match;
    bool hasMatch = false; // `match:` written (possibly empty)
    QList<HttpRouteDestination> route;
    bool hasRoute = false;
    Rare<HttpRedirect> redirect;
    Rare<HttpDirectResponse> directResponse;
    Rare<Delegate> delegate;
    Rare<HttpRewrite> rewrite;
    Field<QString> timeout;
    Rare<HttpRetry> retries;
    Rare<HttpFaultInjection> fault;
    Rare<Destination> mirror; // few rules mirror: a pointer, not 176 bytes each
    bool hasMirror = false;
    QList<HttpMirrorPolicy> mirrors;
    Rare<Percent> mirrorPercentage;
    Field<qint64> mirrorPercent; // deprecated
    Rare<CorsPolicy> corsPolicy;
    Rare<Headers> headers;
    SourcePos pos;

    // A rule without match conditions takes every request that reaches it.
    bool isCatchAll() const
    {
        if (match.isEmpty())
            return true;
        for (const HttpMatchRequest &m : match)
            if (m.isEmpty()
                || (m.hasUri && m.uri.type == StringMatch::Type::Prefix && m.uri.value == QLatin1String("/")
                    && !m.hasScheme && !m.hasMethod && !m.hasAuthority && m.headers.isEmpty()
                    && m.rare->withoutHeaders.isEmpty() && m.rare->queryParams.isEmpty() && !m.port.present
                    && m.sourceLabels.isEmpty() && m.gateways.isEmpty() && !m.rare->sourceNamespace.present))
                return true;
        return false;
    }
    // "jason" or "#2", as Istio names rules in its messages.
    QString displayName(int index) const
    {
        return name.present && !name.value.isEmpty() ? QStringLiteral("\"%1\"").arg(name.value)
                                                     : QStringLiteral("#%1").arg(index);
    }
};

struct RouteDestination
{
    Destination destination;
    Field<qint64> weight;
    SourcePos pos;
};

struct L4MatchAttributes
{
    QList<Field<QString>> destinationSubnets;
    Field<qint64> port;
    Labels sourceLabels;
    QList<Field<QString>> gateways;
    Field<QString> sourceNamespace;
    SourcePos pos;
};

struct TlsMatchAttributes
{
    QList<Field<QString>> sniHosts;
    QList<Field<QString>> destinationSubnets;
    Field<qint64> port;
    Labels sourceLabels;
    QList<Field<QString>> gateways;
    Field<QString> sourceNamespace;
    SourcePos pos;
};

struct TcpRoute
{
    QList<L4MatchAttributes> match;
    QList<RouteDestination> route;
    SourcePos pos;
};

struct TlsRoute
{
    QList<TlsMatchAttributes> match;
    QList<RouteDestination> route;
    SourcePos pos;
};

struct VirtualService
{
    QList<Field<QString>> hosts;
    QList<Field<QString>> gateways;
    QList<HttpRoute> http;
    QList<TlsRoute> tls;
    QList<TcpRoute> tcp;
    QList<Field<QString>> exportTo;
    bool hasHttp = false, hasTls = false, hasTcp = false;
    SourcePos specPos;
};

} // namespace meshroute
