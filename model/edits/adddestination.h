#pragma once

#include "replacedocumenttext.h"
#include "routekind.h"
#include "yamledit.h"

#include <memory>

namespace meshroute {

// Adds a destination to a rule (HTTP, TLS or TCP) at weight 0, so the traffic split does not
// change until the user moves a slider; a lone destination without a weight gets 100.
class AddDestination : public ReplaceDocumentText
{
public:
    using ReplaceDocumentText::ReplaceDocumentText;

    // nullptr and an error when the edit does not fit the document.
    static std::unique_ptr<AddDestination> create(Document *document, int resourceId, int routeIndex,
        const QString &host, const QString &subset, int port, QString *error);
    static std::unique_ptr<AddDestination> create(Document *document, int resourceId, RouteKind kind,
        int routeIndex, const QString &host, const QString &subset, int port, QString *error);
};

} // namespace meshroute
