#pragma once

// What yaml-cpp reads but YAML 1.2 or the API server's YAML parser (go-yaml v2, libyaml's rules)
// does not: the messages YamlCppParser stops with, each with why. The fast parser reports the same
// inputs as unsupported, so yaml-cpp's reading is the one checked.

namespace meshroute::YamlCppRefusals {

constexpr char kTagWithoutSpace[]
    = "did not find expected whitespace or line break after a tag; write \"!tag value\"";
constexpr char kMappingNotIndented[]
    = "a mapping under a key must be indented more than the key; an empty key (\": v\") at the "
      "key's column is read as a key of its own by YAML 1.2 and rejected by the API server";
// A value on a line below its key is indented more than the key (YAML 1.2 §8.2.2: s-separate(n+1)
// before its properties or text); only a block sequence may stand at the key's column (`a:` over
// `- x`). libyaml (go-yaml v2, the API server's parser) takes `a:` over `!t`, `&x`, `*x` or `"q"` at
// its column for a null and the next key, which has no ':'. yaml-cpp reads a's value there, and a
// value set after such a tag (`! 80`) was no longer one.
constexpr char kValueNotIndented[]
    = "a value on a line below its key must be indented more than the key; at the key's column "
      "YAML 1.2 and the API server's parser read a key of its own, without a ':'";
// The same for a property on a line of its own below a key's or a list item's empty value (`n: &a`
// over `!!str s: 1`, `- &a` over `! s: 1`): YAML 1.2 (PyYAML too) gives the tag to the next entry,
// yaml-cpp to the empty value, which then stood inside that entry's line (byte_editor fuzz findings:
// a value set there went before the key).
constexpr char kPropertyNotIndented[]
    = "a tag or anchor on a line of its own must be indented more than the key or '-' it belongs to; at "
      "their column YAML 1.2 gives it to the next entry, yaml-cpp to the empty value above; write it on "
      "the line of the entry it belongs to";
// YAML 1.2 allows an empty implicit key (§8.2.2, example 8.18 `: # Both empty`), but the API
// server's parser does not: sigs.k8s.io/yaml reads YAML with gopkg.in/yaml.v2, a port of libyaml,
// whose yaml_parser_parse_block_mapping_key (parserc.go) takes only a KEY token or the end of the
// mapping and stops at a ':' without one. Its YAMLToJSON refuses a null key anyway ("unsupported
// map key of type").
constexpr char kEmptyImplicitKey[]
    = "did not find expected key: a ':' with no key before it (\": v\") is refused by the API server's "
      "YAML parser (go-yaml, libyaml's rules); write the key";
// yaml-cpp reads `?` alone over `: v` at its column as a mapping inside the key, where YAML 1.2 and
// libyaml read the value of an empty key (a null key, which the API server cannot convert to JSON).
constexpr char kEmptyExplicitKey[]
    = "an explicit key ('?') with nothing after it over \": v\" at its column: yaml-cpp reads a key "
      "inside the key, YAML 1.2 a null key, which the API server cannot convert to JSON; write the "
      "key after the '?'";
// libyaml skips a tab between tokens in block context only where no simple key may start
// (yaml_parser_scan_to_next_token, the same in go-yaml v2's scannerc.go, which the API server reads
// YAML with): after a '?' one may, so `?\tkey` stops with "found character that cannot start any
// token". yaml-cpp reads it, and an edit that wrote under such a key counted the tab as one column.
constexpr char kTabAfterExplicitKey[]
    = "found character that cannot start any token: a tab after an explicit key's '?' is refused by "
      "the API server's YAML parser (go-yaml, libyaml's rules); write spaces";
// An explicit key's text must be indented more than its '?' (the key is a block node of the
// mapping's entry): `?` over `k` at its column over `: v` is, for PyYAML and libyaml, a key `k`
// without ':' ("while scanning a simple key"); yaml-cpp reads `k` as the '?''s key.
constexpr char kExplicitKeyNotIndented[]
    = "could not find expected ':': an explicit key's text below its '?' must be indented more than "
      "the '?'; at its column YAML 1.2 reads a new key there";
// A plain scalar goes on over its more indented continuation lines (YAML 1.2 §7.3.3, libyaml and
// PyYAML alike). After an explicit key's tag or anchor (`? &a key`), yaml-cpp ends it at its first
// line: over `  ? x` it silently read a second key where the others read one key, `key ? x`
// (a yaml_reader fuzz finding); over other text it stops with "end of map not found".
constexpr char kPlainScalarCut[]
    = "this plain scalar goes on over the next, more indented lines, which yaml-cpp reads apart (after "
      "an explicit key's tag or anchor); write it on one line or quote it";

} // namespace meshroute::YamlCppRefusals
