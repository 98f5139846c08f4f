#pragma once

#include "replacedocumenttext.h"
#include "routekind.h"
#include "yamledit.h"

#include <memory>

namespace meshroute {

struct Resource;

// Adds a rule to a VirtualService's http, tls or tcp list at `index` (-1: the
// end): `rule` as built by the editor, or defaultRule() for a new one.
class AddRoute : public ReplaceDocumentText
{
public:
    using ReplaceDocumentText::ReplaceDocumentText;

    // nullptr and an error when the edit does not fit the document.
    static std::unique_ptr<AddRoute> create(
        Document *document, int resourceId, int index, const YamlNode &rule, QString *error);
    static std::unique_ptr<AddRoute> create(
        Document *document, int resourceId, RouteKind kind, int index, const YamlNode &rule, QString *error);
    // A rule that forwards every request to the VirtualService's first host.
    static YamlNode defaultRule(const Resource &resource);
    // The same for a kind: a TLS rule also matches that host's SNI (TLS rules need a match).
    static YamlNode defaultRule(const Resource &resource, RouteKind kind);
    // An HTTP rule for above a catch-all rule: it matches the URI prefix /new-rule
    // (for the user to change), so the catch-all below it still takes the rest.
    static YamlNode placeholderRule(const Resource &resource);
};

} // namespace meshroute
