#include "fieldedit.h"

#include "resourceedit.h"

namespace meshroute {

bool setOrRemoveField(
    ResourceEdit &edit, const YamlPath &full, const std::optional<YamlNode> &value, QString *error)
{
    const YamlPath parentPath = full.mid(0, full.size() - 1);
    const YamlNode *parent = full.size() > 1 ? edit.find(parentPath) : nullptr;
    const int *index = std::get_if<int>(&full.back());
    if (value && index
        && (parent ? parent->isSequence() && int(parent->children.size()) == *index : *index == 0))
        return edit.appendItem(parentPath, *value, error); // one past the end: append
    if (!value)
        return edit.removeIfPresent(full, error);
    if (value->isScalar() && value->style != YamlNode::Style::Plain)
        return edit.setString(full, QString::fromStdString(value->value), error);
    return edit.set(full, *value, error);
}

} // namespace meshroute
