#pragma once

#include "replacedocumenttext.h"
#include "yamledit.h"

#include <memory>

namespace meshroute {

// Points a destination of an HTTP rule at host, subset and port (empty subset
// or port 0 removes them).
class SetDestination : public ReplaceDocumentText
{
public:
    using ReplaceDocumentText::ReplaceDocumentText;

    // nullptr and an error when the edit does not fit the document.
    static std::unique_ptr<SetDestination> create(Document *document, int resourceId, int routeIndex,
        int destinationIndex, const QString &host, const QString &subset, int port, QString *error);
};

} // namespace meshroute
