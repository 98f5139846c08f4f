#pragma once

#include "diagnostic.h"
#include "field.h"
#include "fieldpath.h"
#include "resource.h"
#include "resourcereader.h"
#include "yamlnode.h"
#include "yamlnodetext.h"

#include <QList>
#include <QString>

#include <cstddef>

namespace meshroute {

// Reads the value types every resource kind uses (strings, numbers, lists,
// labels, metadata, destinations). Each reader reports a wrong type on the
// value and leaves the field absent; the readers of each kind build on it.
class FieldReader
{
public:
    explicit FieldReader(ResourceReader &reader)
        : m_reader(reader)
    { }

    Field<QString> string(const YamlNode &n, const FieldPath &path);
    // An IntOrString field (a Service's targetPort): any scalar.
    Field<QString> intOrString(const YamlNode &n, const FieldPath &path);
    Field<qint64> integer(const YamlNode &n, const FieldPath &path);
    // An int32 field of the API (istio/api networking/v1alpha3/virtual_service.proto:
    // HTTPRouteDestination.weight and RouteDestination.weight are int32). The value
    // is kept as written, 64 bits wide, so that nothing narrows or rewrites it.
    Field<qint64> int32(const YamlNode &n, const FieldPath &path);
    Field<double> number(const YamlNode &n, const FieldPath &path);
    Field<bool> boolean(const YamlNode &n, const FieldPath &path);

    // A list; `each(item, path)` per item. A null is an empty list.
    template <typename F> bool list(const YamlNode &n, const FieldPath &path, F &&each)
    {
        if (isNullScalar(n))
            return true;
        if (!n.isSequence()) {
            reportNotAList(n, path);
            return false;
        }
        for (std::size_t i = 0; i < n.children.size(); ++i) {
            const FieldPath item(&path, int(i));
            each(n.children[i], item);
        }
        return true;
    }

    QList<Field<QString>> strings(const YamlNode &n, const FieldPath &path);
    // A map of strings to strings (labels, annotations, header values).
    Labels labels(const YamlNode &n, const FieldPath &path);
    QList<Entry<QString>> stringEntries(const YamlNode &n, const FieldPath &path);

    Destination destination(const YamlNode &n, const FieldPath &path);
    ObjectMeta metadata(const YamlNode &n, const FieldPath &path, bool strict);

protected:
    ResourceReader &m_reader;

private:
    // The text of a scalar, whatever YAML would make of it; `what` names the expected type.
    Field<QString> scalarText(const YamlNode &n, const FieldPath &path, const char *what);
    // A string field or map value written as a plain 8080, true or 1.5: the API
    // server refuses the object ("must be of type string"), as YAML made it a number.
    void reportNonString(const YamlNode &n, const FieldPath &path);
    void reportNotAList(const YamlNode &n, const FieldPath &path);
};

} // namespace meshroute
