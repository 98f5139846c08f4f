#include "bytesize.h"

namespace meshroute::ByteSize {

QString text(qint64 bytes)
{
    static const struct
    {
        qint64 factor;
        const char *unit;
    } units[] = { { qint64(1) << 30, " GB" }, { qint64(1) << 20, " MB" }, { qint64(1) << 10, " KB" } };
    for (const auto &u : units)
        if (bytes >= u.factor && bytes % u.factor == 0)
            return QString::number(bytes / u.factor) + QLatin1String(u.unit);
    return QStringLiteral("%1 bytes").arg(bytes);
}

bool parse(const QString &text, qint64 *bytes)
{
    QString t = text.trimmed().toUpper();
    if (t.endsWith(QLatin1String("IB")))
        t.chop(2);
    else if (t.endsWith(QLatin1Char('B')))
        t.chop(1);
    qint64 factor = 1;
    if (!t.isEmpty()) {
        switch (t.back().unicode()) {
        case 'K':
            factor = qint64(1) << 10;
            break;
        case 'M':
            factor = qint64(1) << 20;
            break;
        case 'G':
            factor = qint64(1) << 30;
            break;
        default:
            break;
        }
        if (factor > 1)
            t.chop(1);
    }
    bool ok = false;
    const qint64 n = t.toLongLong(&ok, 10);
    // Up to 1 TB: a whole file is held in memory, so more is a typo.
    if (!ok || n <= 0 || n > (qint64(1) << 40) / factor)
        return false;
    *bytes = n * factor;
    return true;
}

} // namespace meshroute::ByteSize
