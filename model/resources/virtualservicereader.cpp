#include "virtualservicereader.h"

#include "httproutereader.h"
#include "mapreader.h"

namespace meshroute {

// The L4 conditions TLS and TCP matches share.
template <typename Attributes> void VirtualServiceReader::l4Attributes(MapReader &mr, Attributes &m)
{
    mr.field("destinationSubnets",
        [&](const YamlNode &g, const FieldPath &gp) { m.destinationSubnets = strings(g, gp); });
    mr.field("port", [&](const YamlNode &g, const FieldPath &gp) { m.port = integer(g, gp); });
    mr.field("sourceLabels", [&](const YamlNode &g, const FieldPath &gp) { m.sourceLabels = labels(g, gp); });
    mr.field("gateways", [&](const YamlNode &g, const FieldPath &gp) { m.gateways = strings(g, gp); });
    mr.field("sourceNamespace",
        [&](const YamlNode &g, const FieldPath &gp) { m.sourceNamespace = string(g, gp); });
}

VirtualService VirtualServiceReader::read(const YamlNode &n, const FieldPath &path)
{
    VirtualService vs;
    vs.specPos = m_reader.pos(n);
    MapReader r(m_reader, n, QStringLiteral("VirtualService spec"), path);
    r.field("hosts", [&](const YamlNode &v, const FieldPath &p) { vs.hosts = strings(v, p); });
    r.field("gateways", [&](const YamlNode &v, const FieldPath &p) { vs.gateways = strings(v, p); });
    r.field("http", [&](const YamlNode &v, const FieldPath &p) {
        vs.hasHttp = true;
        vs.http.reserve(qsizetype(v.children.size()));
        list(v, p, [&](const YamlNode &item, const FieldPath &ip) {
            vs.http.append(HttpRouteReader(m_reader).read(item, ip));
        });
    });
    r.field("tls", [&](const YamlNode &v, const FieldPath &p) {
        vs.hasTls = true;
        list(v, p, [&](const YamlNode &item, const FieldPath &ip) {
            vs.tls.append(l4Route<TlsRoute, TlsMatchAttributes>(
                item, ip, QStringLiteral("TLSRoute"), QStringLiteral("TLSMatchAttributes")));
        });
    });
    r.field("tcp", [&](const YamlNode &v, const FieldPath &p) {
        vs.hasTcp = true;
        list(v, p, [&](const YamlNode &item, const FieldPath &ip) {
            vs.tcp.append(l4Route<TcpRoute, L4MatchAttributes>(
                item, ip, QStringLiteral("TCPRoute"), QStringLiteral("L4MatchAttributes")));
        });
    });
    r.field("exportTo", [&](const YamlNode &v, const FieldPath &p) { vs.exportTo = strings(v, p); });
    return vs;
}

// TLS and TCP routes differ only in the type of their matches.
template <typename Route, typename Match>
Route VirtualServiceReader::l4Route(
    const YamlNode &n, const FieldPath &path, const QString &routeType, const QString &matchType)
{
    Route t;
    t.pos = m_reader.pos(n);
    MapReader tr(m_reader, n, routeType, path);
    tr.field("match", [&](const YamlNode &f, const FieldPath &fp) {
        list(f, fp, [&](const YamlNode &mi, const FieldPath &mp) {
            Match m;
            m.pos = m_reader.pos(mi);
            MapReader mr(m_reader, mi, matchType, mp);
            matchFields(mr, m);
            t.match.append(m);
        });
    });
    tr.field("route", [&](const YamlNode &f, const FieldPath &fp) { t.route = routeDestinations(f, fp); });
    return t;
}

void VirtualServiceReader::matchFields(MapReader &mr, TlsMatchAttributes &m)
{
    mr.field("sniHosts", [&](const YamlNode &g, const FieldPath &gp) { m.sniHosts = strings(g, gp); });
    l4Attributes(mr, m);
}

void VirtualServiceReader::matchFields(MapReader &mr, L4MatchAttributes &m)
{
    l4Attributes(mr, m);
    mr.known({ "sourceSubnet" });
}

QList<RouteDestination> VirtualServiceReader::routeDestinations(const YamlNode &n, const FieldPath &path)
{
    QList<RouteDestination> out;
    list(n, path, [&](const YamlNode &item, const FieldPath &ip) { out.append(routeDestination(item, ip)); });
    return out;
}

RouteDestination VirtualServiceReader::routeDestination(const YamlNode &n, const FieldPath &path)
{
    RouteDestination d;
    d.pos = m_reader.pos(n);
    MapReader r(m_reader, n, QStringLiteral("RouteDestination"), path);
    r.field("destination", [&](const YamlNode &v, const FieldPath &p) { d.destination = destination(v, p); });
    r.field("weight", [&](const YamlNode &v, const FieldPath &p) { d.weight = int32(v, p); });
    return d;
}

} // namespace meshroute
