#include "regexsample.h"

#include <QStringList>
#include <re2/re2.h>

namespace meshroute {

QString RegexSample::literalPrefix(const QString &pattern)
{
    int depth = 0;
    for (int i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern[i];
        if (c == QLatin1Char('\\')) {
            ++i;
            continue;
        }
        if (c == QLatin1Char('(') || c == QLatin1Char('['))
            ++depth;
        else if ((c == QLatin1Char(')') || c == QLatin1Char(']')) && depth > 0)
            --depth;
        else if (c == QLatin1Char('|') && depth == 0)
            return {};
    }
    QString out;
    int i = pattern.startsWith(QLatin1Char('^')) ? 1 : 0;
    static const QString meta = QStringLiteral(".[]()*+?{}|^$");
    while (i < pattern.size()) {
        QChar c = pattern[i];
        int width = 1;
        if (c == QLatin1Char('\\')) {
            if (i + 1 >= pattern.size())
                break;
            const QChar e = pattern[i + 1];
            if (e.isLetterOrNumber())
                break; // \d, \w, \1 ... are not literals
            c = e;
            width = 2;
        } else if (meta.contains(c)) {
            break;
        }
        const int next = i + width;
        if (next < pattern.size()
            && (pattern[next] == QLatin1Char('*') || pattern[next] == QLatin1Char('?')
                || pattern[next] == QLatin1Char('{')))
            break; // this character may be absent (or repeated differently)
        out.append(c);
        i = next;
    }
    return out;
}

QString RegexSample::of(const re2::RE2 &anchored, const QString &prefix)
{
    QStringList candidates;
    std::string min, max;
    if (anchored.PossibleMatchRange(&min, &max, 64))
        candidates.append(QString::fromStdString(min));
    candidates << prefix << prefix + QLatin1Char('x') << prefix + QLatin1Char('/')
               << prefix + QLatin1String("/x") << prefix + QLatin1Char('1') << prefix + QLatin1String("a1");
    for (const QString &c : std::as_const(candidates)) {
        const QByteArray u = c.toUtf8();
        if (re2::RE2::FullMatch(re2::StringPiece(u.constData(), size_t(u.size())), anchored))
            return c;
    }
    return {};
}

QString RegexSample::of(const QString &pattern)
{
    re2::RE2::Options options;
    options.set_log_errors(false);
    const QByteArray anchored = QByteArrayLiteral("^(?:") + pattern.toUtf8() + QByteArrayLiteral(")$");
    const re2::RE2 re(re2::StringPiece(anchored.constData(), size_t(anchored.size())), options);
    if (!re.ok())
        return {};
    return of(re, pattern.startsWith(QLatin1String("(?i")) ? QString() : literalPrefix(pattern));
}

} // namespace meshroute
