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
    // The node on one line in flow style ({a: 1, b: [x]}), tags kept, for a value that stands
    // inside block text (an alias expanded in place). Types survive: quoted and block scalars
    // stay strings, plain ones are written plain unless a flow indicator forces quotes.
    static QByteArray writeFlow(const YamlNode &node);
};

} // namespace meshroute
