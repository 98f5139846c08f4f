#include "subsetserviceplanner.h"

#include "gatewayapiyaml.h"
#include "hostname.h"
#include "resource.h"
#include "yamledit.h"

namespace meshroute {

QString SubsetServicePlanner::serviceName(const QString &service, const QString &subset)
{
    QString name = (service + QLatin1Char('-') + subset).toLower();
    for (QChar &c : name)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-'))
            c = QLatin1Char('-');
    name.truncate(63);
    while (name.endsWith(QLatin1Char('-')))
        name.chop(1);
    return name;
}

namespace {

YamlNode labelMap(const Labels &base, const Labels &extra)
{
    YamlNode out = YamlEdit::mapping();
    for (const Label &l : base)
        YamlEdit::setEntry(out, l.key.toUtf8(), GatewayApiYaml::string(l.value));
    for (const Label &l : extra) // the subset's labels win over the Service's for one key
        YamlEdit::setEntry(out, l.key.toUtf8(), GatewayApiYaml::string(l.value));
    return out;
}

YamlNode portList(const KubernetesService &s)
{
    YamlNode out = YamlEdit::sequence();
    for (const ServicePort &p : s.ports) {
        YamlNode port = YamlEdit::mapping();
        if (p.name.present)
            GatewayApiYaml::set(port, "name", GatewayApiYaml::string(p.name.value));
        GatewayApiYaml::set(port, "port", GatewayApiYaml::number(p.port.value));
        if (p.targetPort.present) {
            bool numeric = false;
            const qint64 n = p.targetPort.value.toLongLong(&numeric);
            GatewayApiYaml::set(port, "targetPort",
                numeric ? GatewayApiYaml::number(n) : GatewayApiYaml::string(p.targetPort.value));
        }
        if (p.protocol.present)
            GatewayApiYaml::set(port, "protocol", GatewayApiYaml::string(p.protocol.value));
        if (p.appProtocol.present)
            GatewayApiYaml::set(port, "appProtocol", GatewayApiYaml::string(p.appProtocol.value));
        GatewayApiYaml::append(out, port);
    }
    return out;
}

} // namespace

QString SubsetServicePlanner::serviceFor(const Resource &service, const Subset &subset)
{
    const QString name = serviceName(service.name(), subset.name.value);
    const QString fqdn = HostName::serviceFqdn(name, service.namespaceName());
    if (m_origins.contains(fqdn))
        return name;
    m_origins.insert(
        fqdn, { HostName::serviceFqdn(service.name(), service.namespaceName()), subset.name.value });
    const KubernetesService *s = service.service();
    YamlNode object = GatewayApiYaml::object(
        QStringLiteral("v1"), QStringLiteral("Service"), name, service.namespaceName());
    YamlNode spec = YamlEdit::mapping();
    GatewayApiYaml::set(spec, "selector", labelMap(s ? s->selector : Labels(), subset.labels));
    if (s)
        GatewayApiYaml::set(spec, "ports", portList(*s));
    GatewayApiYaml::set(object, "spec", spec);
    m_services.append(object);
    return name;
}

} // namespace meshroute
