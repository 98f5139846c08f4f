#pragma once

#include "replacedocumenttext.h"
#include "yamledit.h"

#include <memory>

namespace meshroute {

// Moves HTTP rule `from` to position `to` (first match wins, so order is behaviour),
// with its comments.
class MoveRoute : public ReplaceDocumentText
{
public:
    using ReplaceDocumentText::ReplaceDocumentText;

    // nullptr and an error when the edit does not fit the document.
    static std::unique_ptr<MoveRoute> create(
        Document *document, int resourceId, int from, int to, QString *error);
};

} // namespace meshroute
