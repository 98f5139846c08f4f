#include "hostname.h"

#include <QStringList>

namespace meshroute::HostName {

QString resolve(const QString &host, const QString &resourceNamespace)
{
    if (host.isEmpty() || host.contains(QLatin1Char('.')) || host.contains(QLatin1Char(':')) || host == QLatin1String("*"))
        return host;
    return serviceFqdn(host, resourceNamespace);
}

bool covers(const QString &pattern, const QString &name)
{
    if (pattern == QLatin1String("*"))
        return true;
    if (pattern.startsWith(QLatin1String("*."))) {
        const QStringView suffix = QStringView(pattern).mid(1); // ".example.com"
        return name.size() > suffix.size() && name.endsWith(suffix, Qt::CaseInsensitive);
    }
    if (pattern.startsWith(QLatin1Char('*'))) { // "*example.com", a prefix-less wildcard
        const QStringView suffix = QStringView(pattern).mid(1);
        return name.endsWith(suffix, Qt::CaseInsensitive);
    }
    return pattern.compare(name, Qt::CaseInsensitive) == 0;
}

bool overlaps(const QString &a, const QString &b)
{
    return covers(a, b) || covers(b, a);
}

QString namespaceOf(const QString &fqdn)
{
    const QString tail = QLatin1Char('.') + clusterDomain();
    if (!fqdn.endsWith(tail))
        return {};
    const QStringList parts = fqdn.left(fqdn.size() - tail.size()).split(QLatin1Char('.'));
    return parts.size() == 2 ? parts[1] : QString();
}

} // namespace meshroute::HostName
