#pragma once

#include "replacedocumenttext.h"
#include "yamledit.h"

#include <memory>

namespace meshroute {

// Replaces the match list of an HTTP rule (OR of blocks, AND inside a block); an
// empty list removes `match`, which makes the rule a catch-all.
class SetRouteMatches : public ReplaceDocumentText
{
public:
    using ReplaceDocumentText::ReplaceDocumentText;

    // nullptr and an error when the edit does not fit the document.
    static std::unique_ptr<SetRouteMatches> create(
        Document *document, int resourceId, int routeIndex, const YamlNode &matches, QString *error);
};

} // namespace meshroute
