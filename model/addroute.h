#pragma once

#include "replacedocumenttext.h"
#include "yamledit.h"

#include <memory>

namespace meshroute {

struct Resource;

// Adds an HTTP rule to a VirtualService at `index` (-1: the end): `rule` as built by
// the editor, or defaultRule() for a new one.
class AddRoute : public ReplaceDocumentText
{
public:
    using ReplaceDocumentText::ReplaceDocumentText;

    // nullptr and an error when the edit does not fit the document.
    static std::unique_ptr<AddRoute> create(
        Document *document, int resourceId, int index, const YamlNode &rule, QString *error);
    // A rule that forwards every request to the VirtualService's first host.
    static YamlNode defaultRule(const Resource &resource);
};

} // namespace meshroute
