#pragma once

#include "yamledit.h"

#include <optional>

namespace meshroute {

class ResourceEdit;

// The one-field edit shared by SetRouteField and SetGatewayRouteField: `value`
// null removes the field at `full` (a path relative to the resource), an index
// one past the end of a list appends (creating the list when missing), a
// quoted string keeps the old value's quote style, anything else is set.
bool setOrRemoveField(
    ResourceEdit &edit, const YamlPath &full, const std::optional<YamlNode> &value, QString *error);

} // namespace meshroute
