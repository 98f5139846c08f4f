#include "servicereader.h"

#include "mapreader.h"

namespace meshroute {

KubernetesService ServiceReader::read(const YamlNode &n, const FieldPath &path)
{
    KubernetesService s;
    s.specPos = m_reader.pos(n);
    MapReader r(m_reader, n, QStringLiteral("ServiceSpec"), path, false);
    r.field("type", [&](const YamlNode &v, const FieldPath &p) { s.type = string(v, p); });
    r.field("externalName", [&](const YamlNode &v, const FieldPath &p) { s.externalName = string(v, p); });
    r.field("selector", [&](const YamlNode &v, const FieldPath &p) {
        s.selector = labels(v, p);
        s.hasSelector = true;
    });
    r.field("ports", [&](const YamlNode &v, const FieldPath &p) { s.ports = ports(v, p); });
    return s;
}

QList<ServicePort> ServiceReader::ports(const YamlNode &v, const FieldPath &p)
{
    QList<ServicePort> out;
    list(v, p, [&](const YamlNode &item, const FieldPath &ip) {
        ServicePort sp;
        sp.pos = m_reader.pos(item);
        MapReader pr(m_reader, item, QStringLiteral("ServicePort"), ip, false);
        pr.field("name", [&](const YamlNode &f, const FieldPath &fp) { sp.name = string(f, fp); });
        pr.field("port", [&](const YamlNode &f, const FieldPath &fp) { sp.port = integer(f, fp); });
        pr.field("number", [&](const YamlNode &f, const FieldPath &fp) { sp.port = integer(f, fp); });
        pr.field("targetPort",
            [&](const YamlNode &f, const FieldPath &fp) { sp.targetPort = intOrString(f, fp); });
        pr.field("protocol", [&](const YamlNode &f, const FieldPath &fp) { sp.protocol = string(f, fp); });
        pr.field(
            "appProtocol", [&](const YamlNode &f, const FieldPath &fp) { sp.appProtocol = string(f, fp); });
        out.append(sp);
    });
    return out;
}

} // namespace meshroute
