#include "backendrefconverter.h"

#include "conversioncontext.h"
#include "gatewayapiyaml.h"
#include "hostname.h"
#include "resource.h"
#include "subsetserviceplanner.h"
#include "yamledit.h"

namespace meshroute {

YamlNode BackendRefConverter::reference(const Destination &d, const QString &path)
{
    YamlNode ref = YamlEdit::mapping();
    const QString ns = m_resource.namespaceName();
    const Resource *service = m_context.serviceOf(d.host.value, ns);
    const qint64 port = m_context.backendPort(service, d.port.number.value);
    if (!service) {
        // Istio's own backend kind for a host of its registry (ServiceEntry, external).
        GatewayApiYaml::set(ref, "group", GatewayApiYaml::string(QStringLiteral("networking.istio.io")));
        GatewayApiYaml::set(ref, "kind", GatewayApiYaml::string(QStringLiteral("Hostname")));
        GatewayApiYaml::set(ref, "name", GatewayApiYaml::string(HostName::resolve(d.host.value, ns)));
        if (port <= 0)
            m_context.warn(m_resource, d.pos, path + QStringLiteral(".port"),
                QStringLiteral("%1 is no Service of the workspace and the destination names no port: a "
                               "Hostname backendRef needs one")
                    .arg(d.host.value));
        if (!d.subset.value.isEmpty())
            m_context.warn(m_resource, d.subset.pos, path + QStringLiteral(".subset"),
                QStringLiteral("subset %1 of %2, which is no Service: routed to the whole host")
                    .arg(d.subset.value, d.host.value));
    } else {
        QString name = service->name();
        if (!d.subset.value.isEmpty()) {
            if (const Subset *s = m_context.subsetOf(d.host.value, ns, d.subset.value))
                name = m_planner.serviceFor(*service, *s);
            else
                m_context.warn(m_resource, d.subset.pos, path + QStringLiteral(".subset"),
                    QStringLiteral("no DestinationRule defines subset %1 of %2: routed to the whole Service")
                        .arg(d.subset.value, d.host.value));
        }
        GatewayApiYaml::set(ref, "name", GatewayApiYaml::string(name));
        if (service->namespaceName() != ns) {
            GatewayApiYaml::set(ref, "namespace", GatewayApiYaml::string(service->namespaceName()));
            m_context.warn(m_resource, d.host.pos, path + QStringLiteral(".host"),
                QStringLiteral("%1 is in namespace %2: the backendRef needs a ReferenceGrant there that lets "
                               "HTTPRoutes of %3 refer to Services")
                    .arg(d.host.value, service->namespaceName(), ns));
        }
    }
    if (port > 0)
        GatewayApiYaml::set(ref, "port", GatewayApiYaml::number(port));
    return ref;
}

YamlNode BackendRefConverter::convert(const HttpRouteDestination &rd, const QString &path)
{
    YamlNode ref = reference(rd.destination, path + QStringLiteral(".destination"));
    if (rd.weight.present)
        GatewayApiYaml::set(ref, "weight", GatewayApiYaml::number(rd.weight.value));
    const Headers &h = *rd.headers;
    YamlNode filters = YamlEdit::sequence();
    if (h.request.present && !h.request.isEmpty())
        GatewayApiYaml::append(filters, headerFilter(h.request, true));
    if (h.response.present && !h.response.isEmpty())
        GatewayApiYaml::append(filters, headerFilter(h.response, false));
    if (!filters.children.empty())
        GatewayApiYaml::set(ref, "filters", filters);
    return ref;
}

YamlNode BackendRefConverter::headerFilter(const HeaderOperations &ops, bool request)
{
    const auto values = [](const QList<Entry<QString>> &entries) {
        YamlNode out = YamlEdit::sequence();
        for (const Entry<QString> &e : entries) {
            YamlNode item = YamlEdit::mapping();
            GatewayApiYaml::set(item, "name", GatewayApiYaml::string(e.key));
            GatewayApiYaml::set(item, "value", GatewayApiYaml::string(e.value));
            GatewayApiYaml::append(out, item);
        }
        return out;
    };
    YamlNode modifier = YamlEdit::mapping();
    if (!ops.set.isEmpty())
        GatewayApiYaml::set(modifier, "set", values(ops.set));
    if (!ops.add.isEmpty())
        GatewayApiYaml::set(modifier, "add", values(ops.add));
    if (!ops.remove.isEmpty()) {
        QStringList names;
        for (const Field<QString> &r : ops.remove)
            names.append(r.value);
        GatewayApiYaml::set(modifier, "remove", GatewayApiYaml::list(names));
    }
    const QString type
        = request ? QStringLiteral("RequestHeaderModifier") : QStringLiteral("ResponseHeaderModifier");
    YamlNode filter = YamlEdit::mapping();
    GatewayApiYaml::set(filter, "type", GatewayApiYaml::string(type));
    if (request)
        GatewayApiYaml::set(filter, "requestHeaderModifier", modifier);
    else
        GatewayApiYaml::set(filter, "responseHeaderModifier", modifier);
    return filter;
}

} // namespace meshroute
