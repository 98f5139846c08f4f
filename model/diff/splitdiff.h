#pragma once

#include "diffreport.h"
#include "resourcepairs.h"

namespace meshroute {

// The weighted splits whose weights changed: for each rule present on both
// sides (by identity) or on one, with more than one destination or a weight
// written, every destination whose weight differs.
class SplitDiff
{
public:
    static QList<SplitChange> of(
        const QList<ResourcePair> &pairs, const DiffSide &before, const DiffSide &after);
};

} // namespace meshroute
