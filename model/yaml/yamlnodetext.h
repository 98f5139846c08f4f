#pragma once

#include "yamlnode.h"

#include <QString>

#include <string>

namespace meshroute {

// How the resource readers turn YAML nodes into text for values and messages.

QString toQString(const std::string &utf8);

// "nothing", "a mapping", "a list", "the string \"80\"" or the scalar itself, for "got ..." messages.
QString describeNode(const YamlNode &node);

// Plain scalars that YAML (1.1, as Kubernetes' decoder reads it) takes as null.
bool isNullScalar(const YamlNode &node);

} // namespace meshroute
