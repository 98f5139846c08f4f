#include "samplerequestgenerator.h"

#include "hostname.h"
#include "portprotocol.h"
#include "workspace.h"

namespace meshroute {

namespace {

// A path that a StringMatch on the URI takes, or empty when none is obvious.
QString samplePath(const StringMatch &uri)
{
    switch (uri.type) {
    case StringMatch::Type::Exact:
        return uri.value;
    case StringMatch::Type::Prefix:
        return uri.value.endsWith(QLatin1Char('/')) ? uri.value : uri.value + QLatin1Char('/');
    default:
        return {};
    }
}

// Whether Istio would serve HTTP on a port (reference 6.14). A ServiceEntry
// port says so in its protocol; a Service port in its appProtocol or the prefix
// of its name ("http-web", "grpc"), its protocol being the transport. Nothing
// said means Istio sniffs the protocol, and HTTP is detected.
bool carriesHttp(const ServicePort &port, bool serviceEntry)
{
    QString protocol;
    if (serviceEntry)
        protocol = port.protocol.value;
    else if (port.protocol.value.compare(QLatin1String("TCP"), Qt::CaseInsensitive) != 0
        && !port.protocol.value.isEmpty())
        return false; // UDP, SCTP
    else
        protocol = port.appProtocol.value.isEmpty() ? PortProtocol::ofPortName(port.name.value)
                                                    : port.appProtocol.value;
    static const QStringList opaque = { QStringLiteral("tcp"), QStringLiteral("tls"), QStringLiteral("https"),
        QStringLiteral("mongo"), QStringLiteral("mysql"), QStringLiteral("redis"), QStringLiteral("udp") };
    return !opaque.contains(protocol.toLower());
}

// The paths the HTTP rules of `vs` match exactly or by prefix, "/" when none.
QStringList samplePaths(const VirtualService &vs)
{
    QStringList paths;
    for (const HttpRoute &rule : vs.http)
        for (const HttpMatchRequest &m : rule.match)
            if (m.hasUri && !samplePath(m.uri).isEmpty() && !paths.contains(samplePath(m.uri)))
                paths << samplePath(m.uri);
    if (paths.isEmpty())
        paths << QStringLiteral("/");
    return paths;
}

} // namespace

SampleRequestGenerator::SampleRequestGenerator(const Workspace &workspace)
    : m_workspace(workspace)
{ }

QList<SampleRequest> SampleRequestGenerator::generate(int limit)
{
    m_limit = limit;
    m_out.clear();
    m_meshHosts.clear();
    indexGatewaysAndPorts();
    for (const Resource *r : m_workspace.ofKind(ResourceKind::VirtualService)) {
        if (full())
            break;
        addVirtualService(*r, *r->virtualService());
    }
    addMeshRequestsToServices();
    return m_out.mid(0, m_limit);
}

void SampleRequestGenerator::indexGatewaysAndPorts()
{
    m_gateways.clear();
    m_httpPortByHost.clear();
    for (const Resource *r : m_workspace.ofKind(ResourceKind::Gateway))
        m_gateways.insert(r->namespaceName() + QLatin1Char('/') + r->name());
    auto firstHttpPort = [](const QList<ServicePort> &ports, bool serviceEntry) -> qint64 {
        for (const ServicePort &p : ports)
            if (carriesHttp(p, serviceEntry) && p.port.value > 0)
                return p.port.value;
        return 0;
    };
    for (const Resource *r : m_workspace.ofKind(ResourceKind::Service))
        if (const qint64 port = firstHttpPort(r->service()->ports, false))
            m_httpPortByHost.insert(HostName::serviceFqdn(r->name(), r->namespaceName()), port);
    for (const Resource *r : m_workspace.ofKind(ResourceKind::ServiceEntry))
        if (const qint64 port = firstHttpPort(r->serviceEntry()->ports, true))
            for (const Field<QString> &h : r->serviceEntry()->hosts)
                m_httpPortByHost.insert(h.value, port);
}

void SampleRequestGenerator::addVirtualService(const Resource &r, const VirtualService &vs)
{
    const QString ns = r.namespaceName();
    QStringList gateways;
    bool mesh = vs.gateways.isEmpty();
    for (const Field<QString> &g : vs.gateways) {
        if (g.value == QLatin1String("mesh")) {
            mesh = true;
            continue;
        }
        const QString name = g.value.contains(QLatin1Char('/')) ? g.value : ns + QLatin1Char('/') + g.value;
        if (m_gateways.contains(name))
            gateways << name;
    }
    const QStringList paths = samplePaths(vs);
    for (const Field<QString> &h : vs.hosts) {
        const QString host
            = h.value.startsWith(QLatin1String("*.")) ? QStringLiteral("www") + h.value.mid(1) : h.value;
        if (host == QLatin1String("*") || host.isEmpty())
            continue;
        for (const QString &g : gateways)
            for (const QString &p : paths) {
                SampleRequest s;
                s.name = host + p;
                s.url = QStringLiteral("http://") + host + p;
                s.gateway = g;
                m_out << s;
            }
        if (mesh)
            addMeshRequest(host, paths.first(), ns);
        if (full())
            return;
    }
}

void SampleRequestGenerator::addMeshRequestsToServices()
{
    for (const Resource *r : m_workspace.ofKind(ResourceKind::Service)) {
        if (full())
            return;
        if (m_httpPortByHost.contains(HostName::serviceFqdn(r->name(), r->namespaceName())))
            addMeshRequest(r->name(), QStringLiteral("/"), r->namespaceName());
    }
    for (const Resource *r : m_workspace.ofKind(ResourceKind::ServiceEntry))
        for (const Field<QString> &h : r->serviceEntry()->hosts) {
            if (full())
                return;
            if (!HostName::isWildcard(h.value) && m_httpPortByHost.contains(h.value))
                addMeshRequest(h.value, QStringLiteral("/"), r->namespaceName());
        }
}

void SampleRequestGenerator::addMeshRequest(const QString &host, const QString &path, const QString &ns)
{
    const QString fqdn = HostName::resolve(host, ns);
    if (m_meshHosts.contains(fqdn))
        return;
    m_meshHosts.insert(fqdn);
    const qint64 port = meshPort(host, ns);
    SampleRequest s;
    s.name = QStringLiteral("%1 from the mesh")
                 .arg(host.contains(QLatin1Char('.')) ? host : host + QLatin1Char('.') + ns);
    s.url = QStringLiteral("http://") + host + (port == 80 ? QString() : QStringLiteral(":%1").arg(port))
        + path;
    s.sourceNamespace = ns;
    m_out << s;
}

qint64 SampleRequestGenerator::meshPort(const QString &host, const QString &ns) const
{
    return m_httpPortByHost.value(HostName::resolve(host, ns), 80);
}

} // namespace meshroute
