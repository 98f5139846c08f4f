#pragma once

#include <QList>
#include <QString>

namespace meshroute {

// Where a value was written, relative to the YAML document that holds its
// resource (see Resource::absoluteLine). Relative positions stay valid when
// an edit changes the length of another document of the same file.
struct SourcePos
{
    int line = 0;       // 1-based; 0 = unknown (the value was not written)
    int column = 0;     // 1-based
    int offset = -1;    // byte offset of the value's first character
    int endOffset = -1; // one past its last character
    // For a mapping or list written as the value of a key (`redirect:`, `route:`): where that
    // key is. A finding about the field points there, not at the first line inside the value.
    int keyLine = 0;
    int keyColumn = 0;

    bool isValid() const { return line > 0; }
};

// A value read from YAML: what it is, whether it was written, and where.
// A value of the wrong type is not present; the loader reports it.
template<typename T>
struct Field
{
    T value{};
    SourcePos pos;
    bool present = false;

    const T &operator*() const { return value; }
    const T *operator->() const { return &value; }
    bool isPresent() const { return present; }
    T valueOr(const T &fallback) const { return present ? value : fallback; }
};

// A key of a map field with its position, for maps whose keys are data
// (labels, headers): order and positions are kept as written.
template<typename V>
struct Entry
{
    QString key;
    SourcePos keyPos;
    V value;
};

struct Label
{
    QString key;
    QString value;
    SourcePos pos; // of the key
};
using Labels = QList<Label>;

// Label selection as Kubernetes does it: every selector pair must be present.
inline bool labelsContain(const Labels &labels, const Labels &selector)
{
    for (const Label &wanted : selector) {
        bool found = false;
        for (const Label &have : labels)
            if (have.key == wanted.key) {
                found = have.value == wanted.value;
                break;
            }
        if (!found)
            return false;
    }
    return true;
}

inline QString labelValue(const Labels &labels, const QString &key, const QString &fallback = {})
{
    for (const Label &l : labels)
        if (l.key == key)
            return l.value;
    return fallback;
}

} // namespace meshroute
