#include "documentmerge.h"

#include "yamlparser.h"

#include <vector>

namespace meshroute {

namespace {

std::vector<QByteArray> documents(const QByteArray &text)
{
    std::vector<QByteArray> out;
    for (const YamlDocumentSpan &span :
        YamlParser::splitDocuments(std::string_view(text.constData(), std::size_t(text.size()))))
        out.push_back(text.mid(span.offset, span.length));
    return out;
}

} // namespace

DocumentMerge::Result DocumentMerge::merge(
    const QByteArray &base, const QByteArray &mine, const QByteArray &theirs, QByteArray *merged)
{
    const std::vector<QByteArray> b = documents(base);
    const std::vector<QByteArray> m = documents(mine);
    const std::vector<QByteArray> t = documents(theirs);
    if (b.size() != m.size() || b.size() != t.size())
        return Result::NotAligned;
    QByteArray out;
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (m[i] == b[i] || m[i] == t[i])
            out += t[i];
        else if (t[i] == b[i])
            out += m[i];
        else
            return Result::Conflict;
    }
    *merged = out;
    return Result::Merged;
}

} // namespace meshroute
