#pragma once

#include "replacedocumenttext.h"
#include "routekind.h"
#include "yamledit.h"

#include <memory>

namespace meshroute {

// Removes a destination of a rule (HTTP, TLS or TCP). When the weights summed to 100, the
// removed share goes to the others in proportion, so they still sum to 100.
class RemoveDestination : public ReplaceDocumentText
{
public:
    using ReplaceDocumentText::ReplaceDocumentText;

    // nullptr and an error when the edit does not fit the document.
    static std::unique_ptr<RemoveDestination> create(
        Document *document, int resourceId, int routeIndex, int destinationIndex, QString *error);
    static std::unique_ptr<RemoveDestination> create(Document *document, int resourceId, RouteKind kind,
        int routeIndex, int destinationIndex, QString *error);
};

} // namespace meshroute
