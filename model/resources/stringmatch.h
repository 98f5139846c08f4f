#pragma once

#include "field.h"

namespace meshroute {

// Istio's StringMatch: exactly one of exact, prefix or regex; `{}` (no type)
// means "present" where Istio allows it (headers, queryParams).
struct StringMatch
{
    enum class Type { Presence, Exact, Prefix, Regex };

    Type type = Type::Presence;
    QString value;
    SourcePos pos;      // of the StringMatch mapping
    SourcePos valuePos; // of the exact/prefix/regex value
    int typeCount = 0;  // how many of exact/prefix/regex were written (the CRD's oneOf wants <= 1)

    static QString typeName(Type t)
    {
        switch (t) {
        case Type::Presence: return QStringLiteral("present");
        case Type::Exact: return QStringLiteral("exact");
        case Type::Prefix: return QStringLiteral("prefix");
        case Type::Regex: return QStringLiteral("regex");
        }
        return {};
    }
    // "exact /productpage", "prefix /static", "present"
    QString describe() const
    {
        return type == Type::Presence ? typeName(type) : typeName(type) + QLatin1Char(' ') + value;
    }
};

using StringMatchMap = QList<Entry<StringMatch>>;

} // namespace meshroute
