#include "matchtester.h"

#include "routetabledata.h"

#include <re2/re2.h>

namespace meshroute {

namespace {

bool fullMatch(const QString &pattern, const QString &text)
{
    const QByteArray p = pattern.toUtf8();
    const QByteArray t = text.toUtf8();
    RE2::Options options;
    options.set_log_errors(false);
    const RE2 re(re2::StringPiece(p.constData(), std::size_t(p.size())), options);
    return re.ok() && RE2::FullMatch(re2::StringPiece(t.constData(), std::size_t(t.size())), re);
}

} // namespace

QString MatchTester::pathWithoutQuery(const QString &path)
{
    qsizetype end = path.indexOf(QLatin1Char('?'));
    const qsizetype hash = path.indexOf(QLatin1Char('#'));
    if (hash >= 0 && (end < 0 || hash < end))
        end = hash;
    return end < 0 ? path : path.left(end);
}

bool MatchTester::uriMatches(
    StringMatch::Type type, const QString &pattern, bool ignoreUriCase, const QString &path)
{
    const Qt::CaseSensitivity cs = ignoreUriCase ? Qt::CaseInsensitive : Qt::CaseSensitive;
    switch (type) {
    case StringMatch::Type::Presence:
        return true;
    case StringMatch::Type::Exact:
        return pathWithoutQuery(path).compare(pattern, cs) == 0;
    case StringMatch::Type::Prefix:
        return path.startsWith(pattern, cs);
    case StringMatch::Type::Regex:
        return fullMatch(pattern, pathWithoutQuery(path));
    }
    return false;
}

bool MatchTester::gatewayPathMatches(StringMatch::Type type, const QString &pattern, const QString &path)
{
    if (type != StringMatch::Type::Prefix || pattern == QLatin1String("/"))
        return uriMatches(type, pattern, false, path);
    QByteArray prefix = pattern.toUtf8();
    while (prefix.size() > 1 && prefix.endsWith('/'))
        prefix.chop(1); // as RouteTableCompiler does for gateway semantics
    const QByteArray p = pathWithoutQuery(path).toUtf8();
    return segmentPrefixMatches(std::string_view(p.constData(), std::size_t(p.size())),
        std::string_view(prefix.constData(), std::size_t(prefix.size())));
}

bool MatchTester::valueMatches(StringMatch::Type type, const QString &pattern, const QString &value)
{
    switch (type) {
    case StringMatch::Type::Presence:
        return true;
    case StringMatch::Type::Exact:
        return value == pattern;
    case StringMatch::Type::Prefix:
        return value.startsWith(pattern);
    case StringMatch::Type::Regex:
        return pattern == QLatin1String("*") || fullMatch(pattern, value);
    }
    return false;
}

} // namespace meshroute
