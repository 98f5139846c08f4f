#include "workloadpolicyreader.h"

#include "mapreader.h"
#include "resourcereader.h"

namespace meshroute {

bool WorkloadPolicyReader::isWorkloadPolicy(const QString &apiVersion, const QString &kind)
{
    const QString group = apiVersion.section(QLatin1Char('/'), 0, 0);
    if (group == QLatin1String("security.istio.io"))
        return kind == QLatin1String("AuthorizationPolicy") || kind == QLatin1String("RequestAuthentication");
    if (group == QLatin1String("telemetry.istio.io"))
        return kind == QLatin1String("Telemetry");
    return group == QLatin1String("extensions.istio.io") && kind == QLatin1String("WasmPlugin");
}

WorkloadPolicy WorkloadPolicyReader::read(const YamlNode &spec, const FieldPath &path)
{
    WorkloadPolicy p;
    MapReader r(m_reader, spec, QStringLiteral("spec"), path, false);
    r.field("selector", [&](const YamlNode &v, const FieldPath &at) {
        p.hasSelector = v.isMapping();
        p.selectorPos = m_reader.pos(v);
        if (const YamlNode *ml = v.isMapping() ? v.find("matchLabels") : nullptr)
            p.matchLabels = labels(*ml, FieldPath(&at, "matchLabels"));
    });
    r.field("targetRef",
        [&](const YamlNode &v, const FieldPath &) { p.hasTargetRef = p.hasTargetRef || v.isMapping(); });
    r.field("targetRefs", [&](const YamlNode &v, const FieldPath &) {
        p.hasTargetRef = p.hasTargetRef || (v.isSequence() && !v.children.empty());
    });
    return p;
}

} // namespace meshroute
