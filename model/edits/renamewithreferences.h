#pragma once

#include "yamledit.h"

#include <QList>
#include <QString>

namespace meshroute {

class Document;

// Renames a resource together with the references to it that Istio resolves
// by name, as one undo step: a Gateway's name in VirtualServices'
// `spec.gateways` and `match[].gateways` (forms `name`, `ns/name`, `./name`
// and the legacy `name.ns...`, each kept in its form), a VirtualService's
// name in other VirtualServices' `delegate`, and a Gateway API Gateway's name
// in the `parentRefs` of HTTPRoutes, GRPCRoutes, TCPRoutes and TLSRoutes.
// Hosts are not names and stay.
class RenameWithReferences
{
public:
    struct Reference
    {
        int resourceId = -1; // the VirtualService or route that holds the reference
        YamlPath path; // of the scalar, relative to that resource
        QString oldText;
        QString newText;
    };

    // The references that renaming `resourceId` to `name` rewrites, in
    // resource order; false and an error when a referencing document does not parse.
    static bool references(const Document *document, int resourceId, const QString &name,
        QList<Reference> *references, QString *error);

    // Pushes the rename and the reference updates (a macro when there are any).
    // Returns how many references were updated, or -1 and an error when the
    // rename is refused; then nothing was pushed.
    static int push(Document *document, int resourceId, const QString &name, QString *error);
};

} // namespace meshroute
