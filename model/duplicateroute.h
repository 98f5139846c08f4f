#pragma once

#include "replacedocumenttext.h"
#include "yamledit.h"

#include <memory>

namespace meshroute {

// Inserts an exact copy of an HTTP rule after it (comments and unknown fields
// included); a named rule's copy gets a new name, since names label stats.
class DuplicateRoute : public ReplaceDocumentText
{
public:
    using ReplaceDocumentText::ReplaceDocumentText;

    // nullptr and an error when the edit does not fit the document.
    static std::unique_ptr<DuplicateRoute> create(
        Document *document, int resourceId, int routeIndex, QString *error);
};

} // namespace meshroute
