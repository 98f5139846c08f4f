#include "conversioncontext.h"

#include "hostname.h"

namespace meshroute {

const Resource *ConversionContext::serviceOf(const QString &host, const QString &ns) const
{
    const QString fqdn = HostName::resolve(host, ns);
    const QString serviceNamespace = HostName::namespaceOf(fqdn);
    if (serviceNamespace.isEmpty())
        return nullptr;
    const QString name = fqdn.section(QLatin1Char('.'), 0, 0);
    return m_workspace.find(ResourceKind::Service, serviceNamespace, name);
}

const Subset *ConversionContext::subsetOf(const QString &host, const QString &ns, const QString &subset) const
{
    const QString fqdn = HostName::resolve(host, ns);
    for (const Resource *r : m_workspace.ofKind(ResourceKind::DestinationRule)) {
        const DestinationRule *dr = r->destinationRule();
        if (dr && HostName::resolve(dr->host.value, r->namespaceName()) == fqdn)
            if (const Subset *s = dr->findSubset(subset))
                return s;
    }
    return nullptr;
}

qint64 ConversionContext::backendPort(const Resource *service, qint64 written) const
{
    if (written > 0)
        return written;
    const KubernetesService *s = service ? service->service() : nullptr;
    if (s && !s->ports.isEmpty())
        return s->ports.first().port.value;
    return 0;
}

void ConversionContext::warn(
    const Resource &r, const SourcePos &pos, const QString &path, const QString &message)
{
    m_warnings.append(m_workspace.diagnostic(
        r, pos, Diagnostic::Severity::Warning, QStringLiteral("convert"), message, path));
}

} // namespace meshroute
