#pragma once

#include "replacedocumenttext.h"
#include "routeaction.h"
#include "yamledit.h"

#include <memory>

namespace meshroute {

// Switches what an HTTP rule does: forward (`route`), `redirect`, `directResponse`
// or `delegate`. The other actions go, and so do the fields Istio forbids with
// the new one (redirect and directResponse exclude rewrite and fault).
class SetRouteAction : public ReplaceDocumentText
{
public:
    using ReplaceDocumentText::ReplaceDocumentText;

    // nullptr and an error when the edit does not fit the document.
    static std::unique_ptr<SetRouteAction> create(Document *document, int resourceId, int routeIndex,
        RouteAction action, const YamlNode &value, QString *error);
};

} // namespace meshroute
