#include "workloadreader.h"

#include "mapreader.h"

namespace meshroute {

Workload WorkloadReader::read(const YamlNode &spec, const FieldPath &path)
{
    Workload w;
    MapReader r(m_reader, spec, QStringLiteral("spec"), path, false);
    r.field("replicas", [&](const YamlNode &v, const FieldPath &p) { w.replicas = integer(v, p); });
    r.field("selector", [&](const YamlNode &v, const FieldPath &p) {
        if (const YamlNode *ml = v.find("matchLabels"))
            w.selector = labels(*ml, FieldPath(&p, "matchLabels"));
    });
    r.field("template", [&](const YamlNode &v, const FieldPath &p) {
        if (const YamlNode *md = v.find("metadata")) {
            const FieldPath metadataPath(&p, "metadata");
            if (const YamlNode *l = md->find("labels")) {
                w.podLabels = labels(*l, FieldPath(&metadataPath, "labels"));
                w.podLabelsPos = m_reader.pos(*l);
            }
            if (const YamlNode *a = md->find("annotations"))
                w.podAnnotations = labels(*a, FieldPath(&metadataPath, "annotations"));
        }
        // Whether the pods carry a sidecar already (istioctl's in_mesh.go hasIstioProxy).
        if (const YamlNode *ps = v.find("spec"))
            if (const YamlNode *cs = ps->find("containers"); cs && cs->isSequence())
                for (const YamlNode &c : cs->children)
                    if (const YamlNode *name = c.isMapping() ? c.find("name") : nullptr;
                        name && name->value == "istio-proxy" && c.find("image"))
                        w.hasIstioProxy = true;
    });
    return w;
}

} // namespace meshroute
