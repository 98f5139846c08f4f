#pragma once

#include "proofrequestplanner.h"

#include <QList>
#include <QSet>
#include <functional>

namespace meshroute {

class RouteTable;
struct Resource;

// The requests a diff sends to both sides, made from one side's rules: for
// both API families (HTTPRoutes through the VirtualServices istiod generates
// for them), one per match of every rule, its near misses and each host's
// default "/", as the migration proof makes them (ProofRequestPlanner).
class DiffRequestPlanner
{
public:
    // Only resources `wanted` accepts (the edited ones, for an incremental diff); all when empty.
    using Filter = std::function<bool(const Resource &)>;
    static QList<ProofRequest> plan(const RouteTable &table, const Filter &wanted = {});
};

} // namespace meshroute
