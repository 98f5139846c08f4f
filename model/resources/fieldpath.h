#pragma once

#include <QString>

namespace meshroute {

// Where a value sits in its object, for messages: "spec.http[0].route[1].weight".
// A chain of stack frames, rendered only when a diagnostic needs it, because
// building the string for every field read costs more than the reading.
class FieldPath
{
public:
    FieldPath() = default;
    FieldPath(const FieldPath *parent, const char *key)
        : m_parent(parent)
        , m_key(key)
    { }
    FieldPath(const FieldPath *parent, const QString *key)
        : m_parent(parent)
        , m_dynamicKey(key)
    { }
    FieldPath(const FieldPath *parent, int index)
        : m_parent(parent)
        , m_index(index)
    { }
    QString toString() const;
    operator QString() const { return toString(); }

private:
    const FieldPath *m_parent = nullptr;
    const char *m_key = nullptr;
    const QString *m_dynamicKey = nullptr;
    int m_index = -1;
};

} // namespace meshroute
