#pragma once

#include "yamledit.h"
#include "yamlnode.h"

#include <QString>

namespace meshroute {

class Document;

// The YAML tree of one route's spec as the file has it, read once per refresh,
// so the Gateway API editors show exactly what is written (a field the file
// leaves to the CRD default reads as empty) without a typed accessor per field.
class RouteSpecTree
{
public:
    // False when the resource is gone or its document does not parse.
    bool load(const Document *document, int resourceId);

    // The scalar at `path` under spec, or empty.
    QString scalar(const YamlPath &path) const;

private:
    YamlNode m_root;
    YamlPath m_spec;
};

} // namespace meshroute
