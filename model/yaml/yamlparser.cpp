#include "yamlparser.h"

#include "yamlcppparser.h"
#include "yamlfastparser.h"
#include "yamlscan.h"

#include <cstdio>
#include <cstring>
#include <string>

namespace meshroute {

namespace {

// YAML 1.2 (§5.4) reads CR, LF and CRLF as line breaks; both parsers below
// know LF and CRLF only. Turning each lone CR into LF changes no length, so
// every offset and mark of the copy is one of the original text.
bool hasLoneCr(std::string_view text)
{
    return YamlScan::firstLoneCr(text) != std::string_view::npos;
}

std::string withLoneCrAsLf(std::string_view text)
{
    std::string copy(text);
    for (std::size_t i = YamlScan::firstLoneCr(text); i < copy.size(); ++i)
        if (YamlScan::loneCrAt(text, i))
            copy[i] = '\n';
    return copy;
}

// YAML 1.2 §5.1: a stream holds only printable characters: tab, LF, CR,
// U+0020..U+007E, NEL (U+0085), U+00A0..U+D7FF, U+E000..U+FFFD and
// U+10000..U+10FFFF. Returns the offset of the first other character and
// sets *codePoint, or returns -1. Bytes that are not UTF-8 are the loader's
// finding (MR0004) and are passed over here.
int firstNonPrintable(std::string_view text, unsigned *codePoint)
{
    const auto *s = reinterpret_cast<const unsigned char *>(text.data());
    const int n = int(text.size());
    for (int i = 0; i < n; ++i) {
        const unsigned c = s[i];
        if (c < 0x80) {
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                *codePoint = c;
                return i;
            }
        } else if (c == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F && s[i + 1] != 0x85) {
            *codePoint = s[i + 1]; // C1 controls are U+0080..U+009F, written C2 80..C2 9F
            return i;
        } else if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBF && (s[i + 2] == 0xBE || s[i + 2] == 0xBF)) {
            *codePoint = 0xFF00u | s[i + 2] | 0xF0u; // U+FFFE, U+FFFF
            return i;
        } else if (c == 0xEF && i > 0 && (s[i - 1] == '\n' || s[i - 1] == '\r') && i + 2 < n
            && s[i + 1] == 0xBB && s[i + 2] == 0xBF) {
            // A byte order mark at the start of a line inside a document (§5.2: it must not appear
            // there): go-yaml, the API server's parser, skips it there (yaml_parser_scan_to_next_token),
            // yaml-cpp reads it as text of the key after it. Refused rather than misread.
            *codePoint = 0xFEFF;
            return i;
        }
    }
    return -1;
}

} // namespace

std::vector<YamlDocumentSpan> YamlParser::splitDocuments(std::string_view stream)
{
    if (hasLoneCr(stream)) {
        const std::string copy = withLoneCrAsLf(stream);
        return splitDocuments(copy);
    }
    std::vector<YamlDocumentSpan> spans;
    const int n = int(stream.size());
    const char *s = stream.data();
    int start = 0;
    int startLine = 1;
    int line = 1;
    for (int ls = 0; ls < n;) {
        if (ls > 0 && s[ls] == '-' && YamlScan::docMarkerAt(stream, ls)) {
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
    if (hasLoneCr(document)) {
        const std::string copy = withLoneCrAsLf(document);
        return parseDocument(copy, limits);
    }
    unsigned codePoint = 0;
    if (const int bad = firstNonPrintable(document, &codePoint); bad >= 0) {
        // Checked before either parser runs, so both reject the same characters.
        YamlParseResult result;
        char hex[8];
        std::snprintf(hex, sizeof hex, "%04X", codePoint);
        result.error.message = codePoint == 0xFEFF
            ? std::string("a byte order mark (U+FEFF) is allowed only as the first bytes of a file; remove "
                          "this one (files joined with cat keep theirs)")
            : std::string("control character U+") + hex
                + " is not allowed in YAML (only printable characters, tab and line breaks; write it as "
                  "an escape in a double-quoted string)";
        result.error.mark = YamlFastParser::markAt(document, bad);
        return result;
    }
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
