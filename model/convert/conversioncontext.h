#pragma once

#include "diagnostic.h"
#include "workspace.h"

#include <QString>

namespace meshroute {

struct ServicePort;

// What every step of a conversion shares: the workspace read, the Services it
// names (a backendRef needs a Service and a port), and the warnings about what
// Gateway API cannot say, each pointing at the VirtualService or Gateway field.
class ConversionContext
{
public:
    explicit ConversionContext(const Workspace &workspace)
        : m_workspace(workspace)
    { }

    const Workspace &workspace() const { return m_workspace; }
    // The Service resource of a host as written in namespace `ns` ("reviews",
    // "reviews.prod.svc.cluster.local"), or nullptr for other hosts.
    const Resource *serviceOf(const QString &host, const QString &ns) const;
    // The DestinationRule subset `subset` of `host` (as written in namespace `ns`), or nullptr.
    const Subset *subsetOf(const QString &host, const QString &ns, const QString &subset) const;
    // The port a backendRef to that Service names: the destination's, else the
    // Service's only (or first) port; 0 when neither is known.
    qint64 backendPort(const Resource *service, qint64 written) const;

    void warn(const Resource &r, const SourcePos &pos, const QString &path, const QString &message);
    const Diagnostics &warnings() const { return m_warnings; }

private:
    const Workspace &m_workspace;
    Diagnostics m_warnings;
};

} // namespace meshroute
