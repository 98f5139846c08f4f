#pragma once

#include "replacedocumenttext.h"
#include "routekind.h"
#include "yamledit.h"

#include <memory>

namespace meshroute {

// Removes rule `routeIndex` of a list (http, tls or tcp); the last rule takes
// its list's key with it.
class RemoveRoute : public ReplaceDocumentText
{
public:
    using ReplaceDocumentText::ReplaceDocumentText;

    // nullptr and an error when the edit does not fit the document.
    static std::unique_ptr<RemoveRoute> create(
        Document *document, int resourceId, int routeIndex, QString *error);
    static std::unique_ptr<RemoveRoute> create(
        Document *document, int resourceId, RouteKind kind, int routeIndex, QString *error);
};

} // namespace meshroute
