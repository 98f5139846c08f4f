#pragma once

#include "replacedocumenttext.h"
#include "yamledit.h"

#include <memory>

namespace meshroute {

// Deletes a resource: its whole YAML document, or its item of a `kind: List`.
class DeleteResource : public ReplaceDocumentText
{
public:
    using ReplaceDocumentText::ReplaceDocumentText;

    // nullptr and an error when the edit does not fit the document.
    static std::unique_ptr<DeleteResource> create(Document *document, int resourceId, QString *error);
};

} // namespace meshroute
