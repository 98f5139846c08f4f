#pragma once

#include "prefixindex.h"

#include <QHash>
#include <QStringList>

namespace meshroute {

// The hosts of a list seen so far, asked for the first one that overlaps a
// new host (HostName::overlaps). Exact hosts are found by hash and
// wildcard hosts by their suffix, so checking N hosts costs N lookups
// instead of N^2/2 comparisons; only a wildcard host being asked is
// compared with every earlier host.
class HostOverlapIndex
{
public:
    // The position (in add() order) of the first host overlapping `host`, or -1.
    int firstOverlap(const QString &host) const;
    void add(const QString &host);

private:
    QStringList m_hosts; // lower-case, as added
    QHash<QString, int> m_exact; // case-folded host -> first position
    PrefixIndex m_wildcardSuffixes; // "*.a.com" filed as "moc.a." (reversed, case-folded)
};

} // namespace meshroute
