#pragma once

#include "diagnostic.h"
#include "proofrequestplanner.h"
#include "workspace.h"

#include <QList>
#include <QString>

namespace meshroute {

struct MigrationResult;
struct RouteResult;

// One request whose answer changes with the migration.
struct ProofDifference
{
    ProofRequest request;
    QString before; // "routed 200 -> reviews.default.svc.cluster.local subset v1 100%"
    QString after;
    QString why; // when known: order, segment prefix, a feature Gateway API lacks
};

struct ProofReport
{
    int requests = 0;
    QList<ProofDifference> differences;
    Diagnostics convertedErrors; // reader errors of the converted YAML (none expected)
};

// Proves a migration by routing the same requests through the original
// workspace and through the converted one (the VirtualServices and Istio
// Gateways replaced by the output) and comparing the answers: status,
// destinations mapped back (Service svc-S is svc subset S) with their shares,
// redirect location, rewritten path and authority.
class MigrationProof
{
public:
    static ProofReport run(const Workspace &original, const MigrationResult &migration);
    // The original workspace with the converted objects in place of what they replace.
    static Workspace convertedWorkspace(
        const Workspace &original, const MigrationResult &migration, Diagnostics *readerErrors = nullptr);
    // The answer as one comparable line; `subsetOrigins` maps generated Services back.
    static QString outcome(const RouteResult &result, const MigrationResult &migration);

private:
    static QString why(const ProofRequest &request, const RouteResult &before, const RouteResult &after,
        const Workspace &original, const MigrationResult &migration);
};

} // namespace meshroute
