#include "plainscalar.h"

#include <algorithm>
#include <array>
#include <string>

namespace meshroute::PlainScalar {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool allOf(std::string_view s, bool (*pred)(char))
{
    return !s.empty() && std::all_of(s.begin(), s.end(), pred);
}

// Go's strconv.ParseInt(s, 0, 64) syntax, which goyaml.v2 uses after removing '_':
// decimal, 0x hex, 0o or leading-0 octal, 0b binary, with an optional sign.
bool isGoInteger(std::string_view s)
{
    if (!s.empty() && (s[0] == '+' || s[0] == '-'))
        s.remove_prefix(1);
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        return allOf(s.substr(2),
            [](char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); });
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B'))
        return allOf(s.substr(2), [](char c) { return c == '0' || c == '1'; });
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O'))
        return allOf(s.substr(2), [](char c) { return c >= '0' && c <= '7'; });
    if (s.size() > 1 && s[0] == '0')
        return allOf(s.substr(1), [](char c) { return c >= '0' && c <= '7'; });
    return allOf(s, isDigit);
}

// goyaml.v2's yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool isYamlFloat(std::string_view s)
{
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    const std::size_t intStart = i;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    const bool intDigits = i > intStart;
    if (i < s.size() && s[i] == '.') {
        ++i;
        const std::size_t fracStart = i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        if (!intDigits && i == fracStart)
            return false;
    } else if (!intDigits) {
        return false;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ++i;
        const std::size_t expStart = i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        if (i == expStart)
            return false;
    }
    return i == s.size();
}

bool oneOf(std::string_view s, std::initializer_list<std::string_view> words)
{
    return std::find(words.begin(), words.end(), s) != words.end();
}

} // namespace

Type typeOf(std::string_view text)
{
    if (text.empty())
        return Type::Null;
    const char c = text[0];
    // Most strings start with a letter that no special value starts with: decide at once.
    if (!(isDigit(c) || c == '+' || c == '-' || c == '.' || c == '~'
            || std::string_view("yYnNtTfFoO").find(c) != std::string_view::npos))
        return Type::String;
    if (oneOf(text, { "~", "null", "Null", "NULL" }))
        return Type::Null;
    if (oneOf(text,
            { "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
                "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF" }))
        return Type::Boolean;
    if (oneOf(text,
            { ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN",
                ".NAN" }))
        return Type::Float;
    std::string plain(text);
    plain.erase(std::remove(plain.begin(), plain.end(), '_'), plain.end());
    if (isGoInteger(plain))
        return Type::Integer;
    if (isYamlFloat(text))
        return Type::Float;
    return Type::String;
}

const char *describe(Type type)
{
    switch (type) {
    case Type::String:
        return "";
    case Type::Null:
        return "null";
    case Type::Boolean:
        return "a boolean";
    case Type::Integer:
        return "an integer";
    case Type::Float:
        return "a number";
    }
    return "";
}

} // namespace meshroute::PlainScalar
