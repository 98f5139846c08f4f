#pragma once

#include "replacedocumenttext.h"
#include "yamledit.h"

#include <memory>

namespace meshroute {

// Removes HTTP rule `routeIndex`; the last rule takes the `http:` key with it.
class RemoveRoute : public ReplaceDocumentText
{
public:
    using ReplaceDocumentText::ReplaceDocumentText;

    // nullptr and an error when the edit does not fit the document.
    static std::unique_ptr<RemoveRoute> create(
        Document *document, int resourceId, int routeIndex, QString *error);
};

} // namespace meshroute
