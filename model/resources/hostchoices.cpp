#include "hostchoices.h"

#include "workspace.h"

namespace meshroute {

QStringList hostChoices(const Workspace &workspace, const QString &namespaceName)
{
    QStringList hosts;
    for (const Resource &r : workspace.resources) {
        if (r.kind == ResourceKind::Service)
            hosts.append(r.namespaceName() == namespaceName
                    ? r.name()
                    : r.name() + QLatin1Char('.') + r.namespaceName());
        else if (const ServiceEntry *se = r.serviceEntry())
            for (const Field<QString> &h : se->hosts)
                hosts.append(h.value);
    }
    hosts.removeDuplicates();
    hosts.sort();
    return hosts;
}

} // namespace meshroute
