#pragma once

#include <QString>

namespace re2 {
class RE2;
}

namespace meshroute {

// A string that a regex matches in full, as Envoy applies route regexes: the shadow analysis
// gives it as a counter-example, the migration proof sends it as a request path. Found by
// trying what the pattern's literal prefix and RE2's PossibleMatchRange suggest, so it is
// empty when none of those few candidates matches.
class RegexSample
{
public:
    // The literal text every match of `pattern` starts with, read from the pattern itself:
    // characters up to the first operator, minus a last character that a following quantifier
    // makes optional. Alternation at the top level means no common prefix.
    static QString literalPrefix(const QString &pattern);

    // With `anchored` compiled as ^(?:pattern)$.
    static QString of(const re2::RE2 &anchored, const QString &literalPrefix);

    // Compiles `pattern` first; empty when it does not compile.
    static QString of(const QString &pattern);
};

} // namespace meshroute
