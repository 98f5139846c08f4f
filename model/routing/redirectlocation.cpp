#include "redirectlocation.h"

#include "virtualservice.h"

namespace meshroute {

int RedirectLocation::portRedirect(const HttpRedirect &redirect, int listenerPort, bool tlsServer)
{
    // route.go ApplyRedirect: port, or the listener's port for derivePort FROM_REQUEST_PORT;
    // FROM_PROTOCOL_DEFAULT writes none. Then :80 for http and :443 for https are dropped, where
    // the scheme is the redirect's own or, without one, that of the server (https when it has tls).
    int port = 0;
    if (redirect.port.present && redirect.port.value > 0)
        port = int(redirect.port.value);
    else if (redirect.derivePort.valueOr(QString()) == QLatin1String("FROM_REQUEST_PORT"))
        port = listenerPort;
    else
        return 0;
    QString scheme = redirect.scheme.valueOr(QString());
    if (scheme.isEmpty())
        scheme = tlsServer ? QStringLiteral("https") : QStringLiteral("http");
    if ((port == 80 && scheme == QLatin1String("http")) || (port == 443 && scheme == QLatin1String("https")))
        return 0;
    return port;
}

QString RedirectLocation::build(const HttpRedirect &redirect, const Request &request)
{
    // utility.cc newUri: scheme_redirect, else the request's :scheme.
    const QString scheme = redirect.scheme.present && !redirect.scheme.value.isEmpty() ? redirect.scheme.value
                                                                                       : request.scheme;
    const int port = portRedirect(redirect, request.listenerPort, request.tlsServer);
    const QString finalPort = port > 0 ? QLatin1Char(':') + QString::number(port) : QString();
    QString host;
    if (redirect.authority.present && !redirect.authority.value.isEmpty()) {
        host = redirect.authority.value; // host_redirect, taken as written
    } else {
        // processRequestHost: the Host header keeps its port unless a port is written, or the
        // scheme changes away from the one whose default port (:80 / :443) it names.
        host = request.authority;
        const qsizetype colon = host.startsWith(QLatin1Char('['))
            ? (host.lastIndexOf(QStringLiteral("]:")) >= 0 ? host.lastIndexOf(QStringLiteral("]:")) + 1 : -1)
            : host.lastIndexOf(QLatin1Char(':'));
        if (colon >= 0) {
            const QString requestPort = host.mid(colon);
            const QString &forwardedProto = request.scheme;
            bool remove = !finalPort.isEmpty();
            if (scheme != forwardedProto)
                remove = remove
                    || (forwardedProto == QLatin1String("https") && requestPort == QLatin1String(":443"))
                    || (forwardedProto == QLatin1String("http") && requestPort == QLatin1String(":80"));
            if (remove)
                host.truncate(colon);
        }
    }
    return scheme + QStringLiteral("://") + host + finalPort + request.path;
}

} // namespace meshroute
