#include "gatewayclassreader.h"

#include "mapreader.h"

namespace meshroute {

GatewayClass GatewayClassReader::read(const YamlNode &n, const FieldPath &path)
{
    GatewayClass c;
    c.specPos = m_reader.pos(n);
    MapReader r(m_reader, n, QStringLiteral("GatewayClassSpec"), path);
    r.field(
        "controllerName", [&](const YamlNode &v, const FieldPath &p) { c.controllerName = string(v, p); });
    r.field("description", [&](const YamlNode &v, const FieldPath &p) { c.description = string(v, p); });
    // The controller's own configuration object; routing does not read it.
    r.known({ "parametersRef" });
    return c;
}

} // namespace meshroute
