#pragma once

#include "replacedocumenttext.h"
#include "routekind.h"
#include "yamledit.h"

#include <memory>

namespace meshroute {

// Inserts an exact copy of an HTTP, TLS or TCP rule after it (comments and
// unknown fields included); a named HTTP rule's copy gets a new name, since
// names label stats (TLS and TCP rules have no names). The same for a rule of a
// Gateway API route, whose names the CRD requires to be unique in the route.
class DuplicateRoute : public ReplaceDocumentText
{
public:
    using ReplaceDocumentText::ReplaceDocumentText;

    // nullptr and an error when the edit does not fit the document.
    static std::unique_ptr<DuplicateRoute> create(
        Document *document, int resourceId, int routeIndex, QString *error);
    static std::unique_ptr<DuplicateRoute> create(
        Document *document, int resourceId, RouteKind kind, int routeIndex, QString *error);
    // spec.rules[ruleIndex] of an HTTPRoute, GRPCRoute, TCPRoute or TLSRoute.
    static std::unique_ptr<DuplicateRoute> createGatewayApiRule(
        Document *document, int resourceId, int ruleIndex, QString *error);
};

} // namespace meshroute
