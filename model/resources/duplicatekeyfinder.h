#pragma once

#include "resourcereader.h"
#include "yamlnode.h"

#include <QString>

#include <string>
#include <vector>

namespace meshroute {

// Finds keys written twice in any mapping of a tree, whatever the kind: the
// API server keeps the last value without a word, so the first one silently
// stops counting. Mappings are small, so pairs are compared directly; a large
// one is sorted first.
class DuplicateKeyFinder
{
public:
    // `prefix`: where the tree sits in its document ("items[3]" in a List), for the paths reported.
    DuplicateKeyFinder(ResourceReader &reader, const QString &prefix)
        : m_reader(reader)
        , m_prefix(prefix)
    { }

    // Reports every repeated key in `node` and below, except under `skip`.
    void walk(const YamlNode &node, const YamlNode *skip);

private:
    struct Step
    {
        const std::string *key;
        int index;
    };

    void checkMapping(const YamlNode &map);
    void report(const YamlNode &first, const YamlNode &again);
    QString pathTo(const QString &key) const;

    ResourceReader &m_reader;
    QString m_prefix;
    std::vector<Step> m_steps;
};

} // namespace meshroute
