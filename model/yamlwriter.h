#pragma once

#include "yamlnode.h"

#include <QByteArray>

namespace meshroute {

// Writes a YAML tree in block style with two-space indentation, for text
// that has no original to keep (objects read from JSON, new resources).
class YamlWriter
{
public:
    static QByteArray write(const YamlNode &node, int indent = 2);
};

} // namespace meshroute
