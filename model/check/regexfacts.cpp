#include "regexfacts.h"

#include "regexsample.h"
#include "validationprimitives.h"

#include <QHash>
#include <QStringList>
#include <mutex>
#include <re2/re2.h>

namespace meshroute {

struct RegexFacts::Compiled
{
    std::shared_ptr<const RE2> re;
};

// Shared, immutable entries: the checker runs on several threads, and a
// reference into the hash would not survive another thread's insert.
std::shared_ptr<const RegexFacts> RegexFacts::of(const QString &pattern)
{
    static std::mutex mutex;
    static QHash<QString, std::shared_ptr<const RegexFacts>> cache;
    {
        std::lock_guard<std::mutex> lock(mutex);
        const auto it = cache.constFind(pattern);
        if (it != cache.cend())
            return *it;
    }
    auto made = std::make_shared<RegexFacts>();
    RegexFacts &info = *made;
    if (ValidationPrimitives::checkRegex(pattern).isEmpty()) {
        RE2::Options options;
        options.set_log_errors(false);
        const QByteArray anchored = QByteArrayLiteral("^(?:") + pattern.toUtf8() + QByteArrayLiteral(")$");
        auto re
            = std::make_shared<RE2>(re2::StringPiece(anchored.constData(), size_t(anchored.size())), options);
        if (re->ok()) {
            info.m_compiled = std::make_shared<const Compiled>(Compiled { re });
            info.caseInsensitive = pattern.startsWith(QLatin1String("(?i"));
            info.literalPrefix = info.caseInsensitive ? QString() : RegexSample::literalPrefix(pattern);
            std::string min, max;
            if (re->PossibleMatchRange(&min, &max, 64)) {
                info.min = QString::fromStdString(min);
                info.max = QString::fromStdString(max);
            }
            info.sample = RegexSample::of(*re, info.literalPrefix);
        }
    }
    std::lock_guard<std::mutex> lock(mutex);
    if (cache.size() > 20000)
        cache.clear();
    cache.insert(pattern, made);
    return made;
}

bool RegexFacts::fullMatch(const QString &pattern, const QString &text)
{
    const auto facts = of(pattern);
    if (!facts->compiles())
        return false;
    const QByteArray u = text.toUtf8();
    return RE2::FullMatch(re2::StringPiece(u.constData(), size_t(u.size())), *facts->m_compiled->re);
}

bool RegexFacts::asPrefix(const QString &pattern, QString *prefix)
{
    QString body = pattern;
    if (body.startsWith(QLatin1Char('^')))
        body.remove(0, 1);
    if (!body.endsWith(QLatin1String(".*")))
        return false;
    body.chop(2);
    const QString literal = RegexSample::literalPrefix(body);
    // The literal must be the whole remaining pattern (allowing escapes).
    QString unescaped;
    for (int i = 0; i < body.size(); ++i) {
        if (body[i] == QLatin1Char('\\') && i + 1 < body.size())
            ++i;
        unescaped.append(body[i]);
    }
    if (literal != unescaped)
        return false;
    *prefix = literal;
    return true;
}

} // namespace meshroute
