#pragma once

#include <QHash>
#include <QString>
#include <set>
#include <vector>

namespace meshroute {

// Ids filed under strings, found again by every key that is a prefix of (or
// equal to) a probe string: the candidates of a "starts with" relation in
// O(probe length) instead of a scan over all ids. Ids are added in
// ascending order, so each key's list is sorted.
class PrefixIndex
{
public:
    using IdList = std::vector<int>;

    void add(const QString &key, int id);
    // The lists filed under `probe` itself.
    void collectExact(const QString &probe, std::vector<const IdList *> *out) const;
    // The lists filed under every prefix of `probe`, itself included.
    void collectPrefixes(const QString &probe, std::vector<const IdList *> *out) const;
    bool isEmpty() const { return m_ids.isEmpty(); }

private:
    QHash<QString, IdList> m_ids;
    std::set<qsizetype> m_keyLengths; // probe only lengths some key has
};

// The ids of several ascending lists, merged in ascending order without
// duplicates, one at a time: a caller that stops at the first hit reads
// only as far as it needs.
class AscendingIds
{
public:
    explicit AscendingIds(std::vector<const PrefixIndex::IdList *> lists);
    // The next id, or -1 when all lists are read.
    int next();

private:
    std::vector<const PrefixIndex::IdList *> m_lists;
    std::vector<std::size_t> m_pos;
    int m_last = -1;
};

} // namespace meshroute
