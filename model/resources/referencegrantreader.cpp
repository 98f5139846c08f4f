#include "referencegrantreader.h"

#include "mapreader.h"

namespace meshroute {

ReferenceGrant ReferenceGrantReader::read(const YamlNode &n, const FieldPath &path)
{
    ReferenceGrant g;
    g.specPos = m_reader.pos(n);
    MapReader r(m_reader, n, QStringLiteral("ReferenceGrantSpec"), path);
    r.field("from", [&](const YamlNode &v, const FieldPath &p) {
        list(v, p, [&](const YamlNode &item, const FieldPath &ip) { g.from.append(peer(item, ip, true)); });
    });
    r.field("to", [&](const YamlNode &v, const FieldPath &p) {
        list(v, p, [&](const YamlNode &item, const FieldPath &ip) { g.to.append(peer(item, ip, false)); });
    });
    return g;
}

ReferenceGrantPeer ReferenceGrantReader::peer(const YamlNode &n, const FieldPath &path, bool from)
{
    ReferenceGrantPeer x;
    x.pos = m_reader.pos(n);
    MapReader r(
        m_reader, n, from ? QStringLiteral("ReferenceGrantFrom") : QStringLiteral("ReferenceGrantTo"), path);
    r.field("group", [&](const YamlNode &v, const FieldPath &p) { x.group = string(v, p); });
    r.field("kind", [&](const YamlNode &v, const FieldPath &p) { x.kind = string(v, p); });
    if (from)
        r.field("namespace", [&](const YamlNode &v, const FieldPath &p) { x.namespace_ = string(v, p); });
    else
        r.field("name", [&](const YamlNode &v, const FieldPath &p) { x.name = string(v, p); });
    return x;
}

} // namespace meshroute
