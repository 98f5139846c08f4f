#include "graphtext.h"

#include <QStringList>
#include <cmath>

namespace meshroute {

QString GraphText::qualifiedName(const QString &ns, const QString &name)
{
    return ns + QLatin1Char('/') + name;
}

QString GraphText::labels(const Labels &labels)
{
    QStringList parts;
    for (const Label &l : labels)
        parts.append(l.key + QLatin1Char('=') + l.value);
    return parts.join(QLatin1String(", "));
}

QString GraphText::share(double share)
{
    const double percent = share * 100.0;
    if (std::abs(percent - std::round(percent)) < 0.05)
        return QString::number(qRound(percent)) + QLatin1Char('%');
    return QString::number(percent, 'f', 1) + QLatin1Char('%');
}

} // namespace meshroute
