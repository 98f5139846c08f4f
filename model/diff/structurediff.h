#pragma once

#include "diffreport.h"
#include "resourcepairs.h"

namespace meshroute {

// Resources added and removed, and the rules of those on both sides added,
// removed, changed (a named rule whose matches differ) or reordered, all by
// identity: a comment or a reordered key changes nothing here.
class StructureDiff
{
public:
    static QList<StructureChange> of(
        const QList<ResourcePair> &pairs, const DiffSide &before, const DiffSide &after);
};

} // namespace meshroute
