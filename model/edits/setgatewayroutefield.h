#pragma once

#include "replacedocumenttext.h"
#include "yamledit.h"

#include <memory>
#include <optional>

namespace meshroute {

// Sets or removes one field of an HTTPRoute or GRPCRoute (`path` relative to
// its spec: {"hostnames", 0}, {"rules", 1, "matches", 0, "path", "value"},
// {"rules", 0, "filters", 2} ...). `value` null removes it; an index one past
// the end of a list appends (a new match, filter, parentRef or backendRef).
// The command behind the Gateway API rule editor, so a change touches only its
// own bytes and nothing the file leaves to the CRD's defaults is written.
class SetGatewayRouteField : public ReplaceDocumentText
{
public:
    using ReplaceDocumentText::ReplaceDocumentText;

    // nullptr and an error when the resource is not an HTTPRoute/GRPCRoute or the edit does not fit.
    static std::unique_ptr<SetGatewayRouteField> create(Document *document, int resourceId,
        const YamlPath &path, const std::optional<YamlNode> &value, const QString &description,
        QString *error);

    // create() and, when it succeeds, pushed on the document's undo stack; false and an error otherwise.
    static bool push(Document *document, int resourceId, const YamlPath &path,
        const std::optional<YamlNode> &value, const QString &description, QString *error);

    // spec.rules[ruleIndex] + rest, for callers that edit one rule.
    static YamlPath rulePath(int ruleIndex, const YamlPath &rest = {});
};

} // namespace meshroute
