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
    template <typename Route, typename Match>
    Route l4Route(
        const YamlNode &n, const FieldPath &path, const QString &routeType, const QString &matchType);
    // The fields of a TLS match, of a TCP match.
    void matchFields(MapReader &mr, TlsMatchAttributes &m);
    void matchFields(MapReader &mr, L4MatchAttributes &m);
    QList<RouteDestination> routeDestinations(const YamlNode &n, const FieldPath &path);
    RouteDestination routeDestination(const YamlNode &n, const FieldPath &path);
    // The L4 conditions TLS and TCP matches share.
    template <typename Attributes> void l4Attributes(MapReader &mr, Attributes &m);
};

} // namespace meshroute
