#pragma once

#include "fieldreader.h"
#include "virtualservice.h"

namespace meshroute {

class MapReader;

// Reads the spec of a VirtualService: hosts, gateways and its HTTP, TLS and TCP routes.
class VirtualServiceReader : public FieldReader
{
public:
    using FieldReader::FieldReader;

    VirtualService read(const YamlNode &n, const FieldPath &path);

private:
    TlsRoute tlsRoute(const YamlNode &n, const FieldPath &path);
    TcpRoute tcpRoute(const YamlNode &n, const FieldPath &path);
    QList<RouteDestination> routeDestinations(const YamlNode &n, const FieldPath &path);
    RouteDestination routeDestination(const YamlNode &n, const FieldPath &path);
    // The L4 conditions TLS and TCP matches share.
    template <typename Attributes> void l4Attributes(MapReader &mr, Attributes &m);
};

} // namespace meshroute
