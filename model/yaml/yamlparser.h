#pragma once

#include "yamlnode.h"

#include <string_view>
#include <vector>

namespace meshroute {

// Where one document of a multi-document YAML stream lies in the stream.
// A span runs from the start of its "---" line (or of the stream) to the start
// of the next document's "---" line (or the end of the stream), so the spans of
// a stream tile it exactly and a file can be written back document by document.
struct YamlDocumentSpan
{
    int offset = 0; // byte offset of the span in the stream
    int length = 0; // bytes
    int line = 1;   // 1-based line of the span's first byte in the stream
};

// Parses YAML text into YamlNode trees with exact source positions.
// A hand-written parser handles the block and flow YAML that Kubernetes
// manifests use, fast; any document it does not fully understand (anchors,
// aliases, complex keys, ...) goes to yaml-cpp's event parser, which builds
// the same tree. Both stop hostile input within YamlLimits.
class YamlParser
{
public:
    // Splits a stream at its document markers ("---" at column 1).
    static std::vector<YamlDocumentSpan> splitDocuments(std::string_view stream);

    // Parses one document (the text of one span). Marks are relative to it.
    static YamlParseResult parseDocument(std::string_view document, const YamlLimits &limits = {});
};

} // namespace meshroute
