#include "portprotocol.h"

namespace meshroute::PortProtocol {

QString ofPortName(const QString &name)
{
    // Longest first, so "grpc-web-x" is gRPC-Web and not gRPC with suffix "web-x".
    static const QLatin1String protocols[] = { QLatin1String("http_proxy"), QLatin1String("grpc-web"),
        QLatin1String("mongo"), QLatin1String("mysql"), QLatin1String("redis"), QLatin1String("http2"),
        QLatin1String("https"), QLatin1String("http"), QLatin1String("grpc"), QLatin1String("h2c"),
        QLatin1String("tcp"), QLatin1String("tls"), QLatin1String("udp") };
    for (const QLatin1String &p : protocols)
        if (name.startsWith(p, Qt::CaseInsensitive)
            && (name.size() == p.size() || name[p.size()] == QLatin1Char('-')))
            return QString(p).toUpper();
    return {};
}

} // namespace meshroute::PortProtocol
