#pragma once

#include "replacedocumenttext.h"
#include "routekind.h"

#include <memory>

namespace meshroute {

// Changes one field of one destination of a rule (HTTP, TLS or TCP): its host,
// its subset or its port, touching only that field's bytes. An empty subset or
// port 0 removes the key.
class SetDestinationField : public ReplaceDocumentText
{
public:
    using ReplaceDocumentText::ReplaceDocumentText;

    enum class Field { Host, Subset, Port };

    // nullptr and an error when the edit does not fit the document. For Port,
    // value is the number ("" or "0" removes it).
    static std::unique_ptr<SetDestinationField> create(Document *document, int resourceId, RouteKind kind,
        int routeIndex, int destinationIndex, Field field, const QString &value, QString *error);
};

} // namespace meshroute
