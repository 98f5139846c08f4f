#pragma once

#include "trafficdiff.h"

#include <QList>

namespace meshroute {

// The resources of two sides paired by identity (kind, namespace, name), in
// the new side's order with the removed ones after, and whether each was
// edited: its YAML document's bytes differ (or a side has no texts).
struct ResourcePair
{
    const Resource *before = nullptr; // nullptr: added
    const Resource *after = nullptr; // nullptr: removed
    bool edited = true;
};

class ResourcePairs
{
public:
    static QList<ResourcePair> of(const DiffSide &before, const DiffSide &after);
    // The bytes of the YAML document `r` was read from; empty without texts.
    static QByteArray documentText(const DiffSide &side, const Resource &r);
};

} // namespace meshroute
