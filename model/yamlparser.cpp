#include "yamlparser.h"

#include "yamlcppparser.h"
#include "yamlfastparser.h"

#include <cstring>

namespace meshroute {

std::vector<YamlDocumentSpan> YamlParser::splitDocuments(std::string_view stream)
{
    std::vector<YamlDocumentSpan> spans;
    const int n = int(stream.size());
    const char *s = stream.data();
    int start = 0;
    int startLine = 1;
    int line = 1;
    for (int ls = 0; ls < n;) {
        if (ls > 0 && ls + 3 <= n && s[ls] == '-' && s[ls + 1] == '-' && s[ls + 2] == '-'
            && (ls + 3 == n || s[ls + 3] == ' ' || s[ls + 3] == '\t' || s[ls + 3] == '\n'
                || s[ls + 3] == '\r')) {
            spans.push_back({ start, ls - start, startLine });
            start = ls;
            startLine = line;
        }
        const void *nl = std::memchr(s + ls, '\n', n - ls);
        if (!nl)
            break;
        ls = int(static_cast<const char *>(nl) - s) + 1;
        ++line;
    }
    spans.push_back({ start, n - start, startLine });
    return spans;
}

YamlParseResult YamlParser::parseDocument(std::string_view document, const YamlLimits &limits)
{
    YamlFastParser::Result fast = YamlFastParser::parse(document, limits);
    YamlParseResult result;
    switch (fast.status) {
    case YamlFastParser::Status::Ok:
        result.ok = true;
        result.root = std::move(fast.root);
        return result;
    case YamlFastParser::Status::Error:
        result.error = std::move(fast.error);
        return result;
    case YamlFastParser::Status::Unsupported:
        break;
    }
    return YamlCppParser::parse(document, limits);
}

} // namespace meshroute
