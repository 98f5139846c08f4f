#pragma once

#include "diagnostic.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>

namespace meshroute {

struct Workspace;

// What `meshroute convert --to gateway-api` writes, and what the proof needs
// to compare the two workspaces.
struct MigrationResult
{
    QByteArray yaml; // Gateways, then the per-subset Services, then HTTPRoutes
    Diagnostics warnings; // what Gateway API cannot say, at the VirtualService or Gateway field
    QSet<int> replacedIds; // the VirtualServices and Istio Gateways the output stands for
    // Generated Service FQDN -> {base Service FQDN, subset}.
    QHash<QString, QPair<QString, QString>> subsetOrigins;
    // "ns.route.k" -> {VirtualService id, http index}.
    QHash<QString, QPair<int, int>> ruleOrigins;
    int gateways = 0, services = 0, routes = 0;
};

// Converts every VirtualService of a workspace, the Istio Gateways they bind
// and the DestinationRule subsets they route to, into Gateway API objects, as
// Istio's migration guide describes it.
class GatewayApiMigration
{
public:
    static MigrationResult convert(const Workspace &workspace);
};

} // namespace meshroute
