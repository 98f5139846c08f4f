#pragma once

#include <string_view>

namespace meshroute {

// What an unquoted, untagged YAML scalar becomes when Kubernetes reads it.
// kubectl and the API server turn YAML into JSON with sigs.k8s.io/yaml, whose
// YAML 1.1 resolver (goyaml.v2 resolve.go, resolve()) makes 8080 a number and
// yes/on/true a boolean; a field the schema types as string then refuses it,
// because JSON numbers and booleans are never coerced to strings.
namespace PlainScalar {

enum class Type { String, Null, Boolean, Integer, Float };

Type typeOf(std::string_view text);

// "an integer", "a number", "a boolean", "null"; empty for String.
const char *describe(Type type);

} // namespace PlainScalar

} // namespace meshroute
