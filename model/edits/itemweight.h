#pragma once

#include "yamledit.h"
#include "yamlnode.h"

#include <QByteArray>
#include <QList>

namespace meshroute {

// The text change that gives one list item (a VirtualService destination, a
// Gateway API backendRef) its weight: the `weight:` value replaced when it
// differs (or is quoted), or, when the item leaves it out and `insertWhenAbsent`,
// a `weight:` inserted in the file's style. Shared by SetWeights and
// SetBackendWeights, which differ only in when a missing weight matters.
// False when a weight must be inserted into an item that is not a mapping.
bool changeItemWeight(const QByteArray &base, const YamlNode &item, int weight, bool insertWhenAbsent,
    QList<TextChange> *changes);

} // namespace meshroute
