#include "serviceentryreader.h"

#include "mapreader.h"
#include "servicereader.h"

namespace meshroute {

ServiceEntry ServiceEntryReader::read(const YamlNode &n, const FieldPath &path)
{
    ServiceEntry s;
    s.specPos = m_reader.pos(n);
    MapReader r(m_reader, n, QStringLiteral("ServiceEntry spec"), path, false);
    r.field("hosts", [&](const YamlNode &v, const FieldPath &p) { s.hosts = strings(v, p); });
    r.field("ports",
        [&](const YamlNode &v, const FieldPath &p) { s.ports = ServiceReader(m_reader).ports(v, p); });
    r.field("location", [&](const YamlNode &v, const FieldPath &p) { s.location = string(v, p); });
    r.field("resolution", [&](const YamlNode &v, const FieldPath &p) { s.resolution = string(v, p); });
    r.field("exportTo", [&](const YamlNode &v, const FieldPath &p) { s.exportTo = strings(v, p); });
    r.field("workloadSelector", [&](const YamlNode &v, const FieldPath &p) {
        MapReader wr(m_reader, v, QStringLiteral("WorkloadSelector"), p, false);
        wr.field(
            "labels", [&](const YamlNode &f, const FieldPath &fp) { s.workloadSelector = labels(f, fp); });
    });
    return s;
}

} // namespace meshroute
