#include "resourceicons.h"

#include <QHash>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initMeshrouteResources()
{
    Q_INIT_RESOURCE(meshroute);
}

namespace meshroute {

namespace {

QIcon cached(const QString &name)
{
    ResourceIcons::ensureLoaded();
    static QHash<QString, QIcon> icons;
    auto it = icons.find(name);
    if (it == icons.end())
        it = icons.insert(name, QIcon(QStringLiteral(":/icons/%1.svg").arg(name)));
    return *it;
}

} // namespace

void ResourceIcons::ensureLoaded()
{
    static const bool loaded = [] {
        initMeshrouteResources();
        return true;
    }();
    Q_UNUSED(loaded);
}

QIcon ResourceIcons::forKind(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::VirtualService:
        return cached(QStringLiteral("virtualservice"));
    case ResourceKind::DestinationRule:
        return cached(QStringLiteral("destinationrule"));
    case ResourceKind::Gateway:
        return cached(QStringLiteral("gateway"));
    case ResourceKind::Service:
    case ResourceKind::ServiceEntry:
        return cached(QStringLiteral("service"));
    case ResourceKind::Workload:
        return cached(QStringLiteral("workload"));
    case ResourceKind::KubernetesGateway:
        return cached(QStringLiteral("kubernetesgateway"));
    case ResourceKind::GatewayClass:
        return cached(QStringLiteral("gatewayclass"));
    case ResourceKind::HTTPRoute:
        return cached(QStringLiteral("httproute"));
    case ResourceKind::GRPCRoute:
        return cached(QStringLiteral("grpcroute"));
    case ResourceKind::TCPRoute:
        return cached(QStringLiteral("tcproute"));
    case ResourceKind::TLSRoute:
        return cached(QStringLiteral("tlsroute"));
    case ResourceKind::ReferenceGrant:
        return cached(QStringLiteral("referencegrant"));
    case ResourceKind::Other:
        return cached(QStringLiteral("object"));
    }
    return {};
}

QIcon ResourceIcons::forSeverity(Diagnostic::Severity severity)
{
    switch (severity) {
    case Diagnostic::Severity::Error:
        return cached(QStringLiteral("error"));
    case Diagnostic::Severity::Warning:
        return cached(QStringLiteral("warning"));
    case Diagnostic::Severity::Info:
        return cached(QStringLiteral("info"));
    }
    return {};
}

QIcon ResourceIcons::file()
{
    return cached(QStringLiteral("file"));
}

} // namespace meshroute
