#pragma once

#include <QString>

#include <memory>

namespace meshroute {

// What the shadow analysis knows of a regex as Envoy applies it (a full match): whether it
// compiles, the literal every match starts with, a string it matches and the range its matches
// lie in. Computed once per pattern; the entries are shared and immutable because the checker
// runs on several threads.
class RegexFacts
{
public:
    static std::shared_ptr<const RegexFacts> of(const QString &pattern);
    // Whether the whole of text matches pattern; false when the pattern does not compile.
    static bool fullMatch(const QString &pattern, const QString &text);
    // A regex written as LITERAL.* behaves like a prefix (paths carry no newlines).
    static bool asPrefix(const QString &pattern, QString *prefix);

    bool compiles() const { return m_compiled != nullptr; }

    QString literalPrefix; // every match starts with this
    bool caseInsensitive = false;
    QString sample; // a string the pattern matches, or empty
    QString min, max; // every match lies between them (RE2's PossibleMatchRange); empty when unknown

private:
    struct Compiled;
    std::shared_ptr<const Compiled>
        m_compiled; // anchored at both ends; null when the pattern does not compile
};

} // namespace meshroute
