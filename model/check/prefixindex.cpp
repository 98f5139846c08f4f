#include "prefixindex.h"

namespace meshroute {

void PrefixIndex::add(const QString &key, int id)
{
    IdList &list = m_ids[key];
    if (list.empty() || list.back() != id)
        list.push_back(id);
    m_keyLengths.insert(key.size());
}

void PrefixIndex::collectExact(const QString &probe, std::vector<const IdList *> *out) const
{
    const auto it = m_ids.constFind(probe);
    if (it != m_ids.cend())
        out->push_back(&*it);
}

void PrefixIndex::collectPrefixes(const QString &probe, std::vector<const IdList *> *out) const
{
    for (const qsizetype length : m_keyLengths) {
        if (length > probe.size())
            break;
        const auto it = m_ids.constFind(length == probe.size() ? probe : probe.left(length));
        if (it != m_ids.cend())
            out->push_back(&*it);
    }
}

AscendingIds::AscendingIds(std::vector<const PrefixIndex::IdList *> lists)
    : m_lists(std::move(lists))
    , m_pos(m_lists.size(), 0)
{ }

int AscendingIds::next()
{
    // A linear pick over the lists: there are only a few per probe (one per
    // key length and kind), so a heap would not pay.
    int best = -1;
    for (std::size_t i = 0; i < m_lists.size(); ++i) {
        const PrefixIndex::IdList &list = *m_lists[i];
        std::size_t &p = m_pos[i];
        while (p < list.size() && list[p] <= m_last)
            ++p;
        if (p < list.size() && (best < 0 || list[p] < best))
            best = list[p];
    }
    if (best >= 0)
        m_last = best;
    return best;
}

} // namespace meshroute
