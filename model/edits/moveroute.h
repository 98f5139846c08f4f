#pragma once

#include "replacedocumenttext.h"
#include "routekind.h"
#include "yamledit.h"

#include <memory>

namespace meshroute {

// Moves rule `from` of one list (http, tls or tcp) to position `to` in the same
// list (first match wins, so order is behaviour), with its comments.
class MoveRoute : public ReplaceDocumentText
{
public:
    using ReplaceDocumentText::ReplaceDocumentText;

    // nullptr and an error when the edit does not fit the document.
    static std::unique_ptr<MoveRoute> create(
        Document *document, int resourceId, int from, int to, QString *error);
    static std::unique_ptr<MoveRoute> create(
        Document *document, int resourceId, RouteKind kind, int from, int to, QString *error);
};

} // namespace meshroute
