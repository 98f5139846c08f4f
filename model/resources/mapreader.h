#pragma once

#include "fieldpath.h"
#include "resourcereader.h"
#include "yamlnode.h"

#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace meshroute {

// Reads the typed fields of one YAML mapping. Each `field()` call names a
// key the type knows; `finish()` reports the keys nobody asked for.
class MapReader
{
public:
    MapReader(ResourceReader &reader, const YamlNode &node, const QString &typeName, const FieldPath &path,
        bool reportUnknown = true);
    ~MapReader() { finish(); }

    bool ok() const { return m_ok; }

    // Calls f(value, path) if the key is present.
    template <typename F> bool field(const char *key, F &&f)
    {
        if (m_knownCount < m_known.size())
            m_known[m_knownCount++] = key;
        if (!m_ok)
            return false;
        const std::string_view k(key);
        // Of a key written twice the API server keeps the last (goyaml.v2 overwrites map
        // entries in order); DuplicateKeyFinder reports the repetition.
        std::size_t last = m_node.children.size();
        for (std::size_t i = 0; i + 1 < m_node.children.size(); i += 2) {
            const YamlNode &keyNode = m_node.children[i];
            if (keyNode.kind == YamlNode::Kind::Scalar && keyNode.value == k) {
                setUsed(i / 2);
                last = i;
            }
        }
        if (last == m_node.children.size())
            return false;
        const FieldPath child(&m_path, key);
        const auto outer = m_reader.enterValue(m_node.children[last], m_node.children[last + 1]);
        f(m_node.children[last + 1], child);
        m_reader.leaveValue(outer);
        return true;
    }

    // Keys that are known but not interpreted: accepted silently.
    void known(std::initializer_list<const char *> keys)
    {
        for (const char *k : keys)
            field(k, [](const YamlNode &, const QString &) {});
    }

    // Reports the keys no field() or known() asked for, once; the destructor calls it.
    void finish();

private:
    ResourceReader &m_reader;
    const YamlNode &m_node;
    QString m_type;
    const FieldPath &m_path;
    bool m_reportUnknown;
    bool m_ok = false;
    bool m_finished = false;
    // Which keys were read: a bit mask for the usual small mapping, a vector past 64 keys.
    bool isUsed(std::size_t pair) const
    {
        return m_used.empty() ? (m_usedBits >> pair) & 1U : bool(m_used[pair]);
    }
    void setUsed(std::size_t pair)
    {
        if (m_used.empty())
            m_usedBits |= std::uint64_t(1) << pair;
        else
            m_used[pair] = true;
    }
    std::uint64_t m_usedBits = 0;
    std::vector<bool> m_used;
    // The keys this type knows, for "did you mean": reading never allocates for them.
    std::array<const char *, 48> m_known {};
    std::size_t m_knownCount = 0;
};

} // namespace meshroute
