#pragma once

#include "yamlnode.h"

#include <string_view>

namespace meshroute {

// The fallback behind YamlParser (internal: include it only from the model and
// its tests): yaml-cpp's event parser builds the tree for documents the fast
// parser does not handle. yaml-cpp reports only start positions and no scalar
// styles, so extents and styles are recovered by scanning the text; aliases
// are expanded by copying, within YamlLimits.
class YamlCppParser
{
public:
    static YamlParseResult parse(std::string_view text, const YamlLimits &limits = {});
};

} // namespace meshroute
