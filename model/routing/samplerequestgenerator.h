#pragma once

#include "samplerequest.h"

#include <QHash>
#include <QSet>

namespace meshroute {

struct Resource;
struct ServicePort;
struct VirtualService;

// A starting set of sample requests for a workspace that is not Bookinfo:
// requests that can route here, in these files.
//
// - From each Gateway in the workspace, one request per host of every
//   VirtualService bound to it (and per exact or prefix URI of its rules).
//   A gateway that a VirtualService names but no file defines is left out:
//   the router could only answer "no Gateway in the workspace".
// - From the mesh, one request per host of every VirtualService that applies
//   to sidecars, on the port its Service listens on.
// - From the mesh, one request to each Service and ServiceEntry host no
//   request covers yet, so a mesh with no gateways at all still has samples
//   that route (to the VirtualService of that host, or to its endpoints).
class SampleRequestGenerator
{
public:
    explicit SampleRequestGenerator(const Workspace &workspace);

    // At most `limit` requests: a starting set, not an enumeration.
    QList<SampleRequest> generate(int limit = 40);

private:
    void indexGatewaysAndPorts();
    void addVirtualService(const Resource &r, const VirtualService &vs);
    void addMeshRequestsToServices();
    void addMeshRequest(const QString &host, const QString &path, const QString &sourceNamespace);
    // The port a mesh request to `host` (as written in namespace `ns`) goes to:
    // the first HTTP port of its Service or ServiceEntry, 80 when unknown.
    qint64 meshPort(const QString &host, const QString &ns) const;
    bool full() const { return m_out.size() >= m_limit; }

    const Workspace &m_workspace;
    int m_limit = 40;
    QSet<QString> m_gateways; // "namespace/name" of each Gateway in the workspace
    QHash<QString, qint64> m_httpPortByHost; // FQDN -> first port that carries HTTP
    QSet<QString> m_meshHosts; // FQDNs that already have a request from the mesh
    QList<SampleRequest> m_out;
};

} // namespace meshroute
