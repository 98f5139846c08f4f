#include "gatewayapifieldreader.h"

#include "mapreader.h"

namespace meshroute {

ObjectReference GatewayApiFieldReader::objectReference(
    const YamlNode &n, const FieldPath &path, const QString &typeName, bool hasNamespace, bool hasPort)
{
    ObjectReference ref;
    ref.pos = m_reader.pos(n);
    MapReader r(m_reader, n, typeName, path);
    r.field("group", [&](const YamlNode &v, const FieldPath &p) { ref.group = string(v, p); });
    r.field("kind", [&](const YamlNode &v, const FieldPath &p) { ref.kind = string(v, p); });
    r.field("name", [&](const YamlNode &v, const FieldPath &p) { ref.name = string(v, p); });
    if (hasNamespace)
        r.field("namespace", [&](const YamlNode &v, const FieldPath &p) { ref.namespace_ = string(v, p); });
    if (hasPort)
        r.field("port", [&](const YamlNode &v, const FieldPath &p) { ref.port = int32(v, p); });
    return ref;
}

void GatewayApiFieldReader::backendObjectFields(MapReader &r, ObjectReference &ref)
{
    r.field("group", [&](const YamlNode &v, const FieldPath &p) { ref.group = string(v, p); });
    r.field("kind", [&](const YamlNode &v, const FieldPath &p) { ref.kind = string(v, p); });
    r.field("name", [&](const YamlNode &v, const FieldPath &p) { ref.name = string(v, p); });
    r.field("namespace", [&](const YamlNode &v, const FieldPath &p) { ref.namespace_ = string(v, p); });
    r.field("port", [&](const YamlNode &v, const FieldPath &p) { ref.port = int32(v, p); });
}

ParentReference GatewayApiFieldReader::parentReference(const YamlNode &n, const FieldPath &path)
{
    ParentReference ref;
    ref.pos = m_reader.pos(n);
    MapReader r(m_reader, n, QStringLiteral("ParentReference"), path);
    r.field("group", [&](const YamlNode &v, const FieldPath &p) { ref.group = string(v, p); });
    r.field("kind", [&](const YamlNode &v, const FieldPath &p) { ref.kind = string(v, p); });
    r.field("namespace", [&](const YamlNode &v, const FieldPath &p) { ref.namespace_ = string(v, p); });
    r.field("name", [&](const YamlNode &v, const FieldPath &p) { ref.name = string(v, p); });
    r.field("sectionName", [&](const YamlNode &v, const FieldPath &p) { ref.sectionName = string(v, p); });
    r.field("port", [&](const YamlNode &v, const FieldPath &p) { ref.port = int32(v, p); });
    return ref;
}

QList<ParentReference> GatewayApiFieldReader::parentReferences(const YamlNode &n, const FieldPath &path)
{
    QList<ParentReference> out;
    list(n, path, [&](const YamlNode &item, const FieldPath &ip) { out.append(parentReference(item, ip)); });
    return out;
}

LabelSelector GatewayApiFieldReader::labelSelector(const YamlNode &n, const FieldPath &path)
{
    LabelSelector s;
    s.pos = m_reader.pos(n);
    s.present = true;
    MapReader r(m_reader, n, QStringLiteral("LabelSelector"), path);
    r.field("matchLabels", [&](const YamlNode &v, const FieldPath &p) { s.matchLabels = labels(v, p); });
    r.field("matchExpressions", [&](const YamlNode &v, const FieldPath &p) {
        list(v, p, [&](const YamlNode &item, const FieldPath &ip) {
            s.matchExpressions.append(selectorRequirement(item, ip));
        });
    });
    return s;
}

LabelSelectorRequirement GatewayApiFieldReader::selectorRequirement(const YamlNode &n, const FieldPath &path)
{
    LabelSelectorRequirement q;
    q.pos = m_reader.pos(n);
    MapReader r(m_reader, n, QStringLiteral("LabelSelectorRequirement"), path);
    r.field("key", [&](const YamlNode &v, const FieldPath &p) { q.key = string(v, p); });
    r.field("operator", [&](const YamlNode &v, const FieldPath &p) { q.operator_ = string(v, p); });
    r.field("values", [&](const YamlNode &v, const FieldPath &p) { q.values = strings(v, p); });
    return q;
}

QList<HttpHeaderValue> GatewayApiFieldReader::headerValues(const YamlNode &n, const FieldPath &path)
{
    QList<HttpHeaderValue> out;
    list(n, path, [&](const YamlNode &item, const FieldPath &ip) {
        HttpHeaderValue h;
        h.pos = m_reader.pos(item);
        MapReader r(m_reader, item, QStringLiteral("HTTPHeader"), ip);
        r.field("name", [&](const YamlNode &v, const FieldPath &p) { h.name = string(v, p); });
        r.field("value", [&](const YamlNode &v, const FieldPath &p) { h.value = string(v, p); });
        out.append(h);
    });
    return out;
}

} // namespace meshroute
