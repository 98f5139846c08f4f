#pragma once

#include "yamlnode.h"

#include <string>
#include <string_view>

namespace meshroute {

// The hand-written parser behind YamlParser (internal: include it only from
// the model and its tests). It handles the subset of YAML that Kubernetes
// manifests use and says Unsupported for anything it does not fully
// understand, so that the caller can hand the document to yaml-cpp instead of
// risking a wrong tree. Its scalar scanners are shared with the yaml-cpp path,
// which gets values but no extents from yaml-cpp.
class YamlFastParser
{
public:
    enum class Status { Ok, Error, Unsupported };

    struct Result
    {
        Status status = Status::Unsupported;
        YamlNode root;
        YamlError error; // Error: what is wrong; Unsupported: what was not understood
    };

    static Result parse(std::string_view text, const YamlLimits &limits = {});

    // A scalar found by a scanner: its decoded value and one past its last
    // character (trailing spaces and comments excluded).
    struct Scalar
    {
        std::string value;
        int end = 0;
        Status status = Status::Ok; // Error: message at errorOffset; Unsupported: hand over to yaml-cpp
        std::string message;
        int errorOffset = 0;
    };

    // Scanners from the first character of a scalar token. parentIndent is the
    // column (0-based) of the enclosing block collection, -1 at the top level;
    // flow is true inside [] or {}.
    static Scalar scanPlain(std::string_view text, int pos, int parentIndent, bool flow);
    static Scalar scanQuoted(std::string_view text, int pos);
    static Scalar scanBlockScalar(std::string_view text, int pos, int parentIndent);

    // Where a document's content may start: after a UTF-8 BOM, directives and
    // the "---" marker line. Used for the position of an empty document's null.
    static int documentNullOffset(std::string_view text);

    // The nesting limit both parsers enforce: limits.maxDepth, but never more
    // than kMaxSafeDepth: both recurse per level and must not exhaust a thread's
    // stack, and yaml-cpp's own guard (2000 recursive calls, up to 4 per level)
    // must not fire first, so that both paths report the same place.
    static constexpr int kMaxSafeDepth = 400;
    static int effectiveMaxDepth(const YamlLimits &limits)
    {
        return limits.maxDepth < 1 ? 1 : limits.maxDepth > kMaxSafeDepth ? kMaxSafeDepth : limits.maxDepth;
    }

    // The 1-based line and column of a byte offset.
    static YamlMark markAt(std::string_view text, int offset);
};

} // namespace meshroute
