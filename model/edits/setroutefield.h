#pragma once

#include "replacedocumenttext.h"
#include "routekind.h"
#include "yamledit.h"

#include <optional>

#include <memory>

namespace meshroute {

// Sets or removes one field under an HTTP rule (`path` relative to the rule:
// {"timeout"}, {"match", 0, "uri"}, {"retries", "attempts"} ...). `value` null removes
// it (and any mapping left empty). An index one past the end of a list appends
// (a new match block). The finer command behind the rule editor's
// fields, so a change touches only its own bytes.
class SetRouteField : public ReplaceDocumentText
{
public:
    using ReplaceDocumentText::ReplaceDocumentText;

    // nullptr and an error when the edit does not fit the document.
    static std::unique_ptr<SetRouteField> create(Document *document, int resourceId, int routeIndex,
        const YamlPath &path, const std::optional<YamlNode> &value, const QString &description,
        QString *error);
    // The same under a rule of any kind (spec.tls[i], spec.tcp[i]: the L4 match fields).
    static std::unique_ptr<SetRouteField> create(Document *document, int resourceId, RouteKind kind,
        int routeIndex, const YamlPath &path, const std::optional<YamlNode> &value,
        const QString &description, QString *error);
};

} // namespace meshroute
