#include "hostoverlapindex.h"

#include "hostname.h"

#include <algorithm>

namespace meshroute {

namespace {

QString reversed(QString s)
{
    std::reverse(s.begin(), s.end());
    return s;
}

} // namespace

int HostOverlapIndex::firstOverlap(const QString &host) const
{
    const QString lower = host.toLower();
    if (lower.startsWith(QLatin1Char('*'))) {
        for (int j = 0; j < m_hosts.size(); ++j)
            if (HostName::overlaps(m_hosts[j], lower))
                return j;
        return -1;
    }
    // An exact host overlaps an equal host or a wildcard whose suffix it ends with.
    const QString folded = lower.toCaseFolded();
    int best = m_exact.value(folded, -1);
    std::vector<const PrefixIndex::IdList *> lists;
    m_wildcardSuffixes.collectPrefixes(reversed(folded), &lists);
    AscendingIds ids(std::move(lists));
    for (int j = ids.next(); j >= 0 && (best < 0 || j < best); j = ids.next())
        if (HostName::overlaps(m_hosts[j], lower))
            best = j;
    return best;
}

void HostOverlapIndex::add(const QString &host)
{
    const QString lower = host.toLower();
    const int position = int(m_hosts.size());
    m_hosts.append(lower);
    const QString folded = lower.toCaseFolded();
    if (folded.startsWith(QLatin1Char('*')))
        m_wildcardSuffixes.add(reversed(folded.mid(1)), position);
    else if (!m_exact.contains(folded))
        m_exact.insert(folded, position);
}

} // namespace meshroute
