#pragma once

#include "diffreport.h"

namespace meshroute {

// The checker findings only one side has. Findings are keyed by code,
// resource and path, never by line, which moves with every edit above; a key
// a side reports twice counts twice.
class FindingDiff
{
public:
    static QList<FindingChange> of(const Diagnostics &before, const Diagnostics &after);
};

} // namespace meshroute
