#pragma once

#include "fieldreader.h"
#include "gatewayapi.h"

namespace meshroute {

class MapReader;

// Reads the value types the Gateway API kinds share (object and parent
// references, label selectors, header name/value pairs), with the names the
// CRDs give them so that a diagnostic names the type the API documents.
class GatewayApiFieldReader : public FieldReader
{
public:
    using FieldReader::FieldReader;

    // A reference by group/kind/name, plus namespace and port where `typeName`'s CRD has them
    // (BackendObjectReference, SecretObjectReference, LocalObjectReference).
    ObjectReference objectReference(const YamlNode &n, const FieldPath &path, const QString &typeName,
        bool hasNamespace = true, bool hasPort = true);
    // Reads the fields of a BackendObjectReference into `ref` from a mapping already open
    // (a backendRef item holds them beside its weight and filters).
    void backendObjectFields(MapReader &r, ObjectReference &ref);
    ParentReference parentReference(const YamlNode &n, const FieldPath &path);
    QList<ParentReference> parentReferences(const YamlNode &n, const FieldPath &path);
    LabelSelector labelSelector(const YamlNode &n, const FieldPath &path);
    // `set`/`add` of a header modifier: a list of {name, value}.
    QList<HttpHeaderValue> headerValues(const YamlNode &n, const FieldPath &path);

private:
    LabelSelectorRequirement selectorRequirement(const YamlNode &n, const FieldPath &path);
};

} // namespace meshroute
