#pragma once

#include "replacedocumenttext.h"
#include "yamledit.h"

#include <memory>

namespace meshroute {

// Renames a resource (metadata.name) in its own document only; references
// to it live in other documents: RenameWithReferences updates those too.
class RenameResource : public ReplaceDocumentText
{
public:
    using ReplaceDocumentText::ReplaceDocumentText;

    // nullptr and an error when the edit does not fit the document.
    static std::unique_ptr<RenameResource> create(
        Document *document, int resourceId, const QString &name, QString *error);
};

} // namespace meshroute
