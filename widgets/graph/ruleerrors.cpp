#include "ruleerrors.h"

#include "checker.h"
#include "workspace.h"

namespace meshroute {

QStringList RuleErrors::of(
    const Workspace &workspace, const Resource &resource, const QString &list, int index)
{
    auto it = m_byResource.find(resource.id);
    if (it == m_byResource.end())
        it = m_byResource.insert(resource.id, check(workspace, resource));
    return it->value(QStringLiteral("spec.%1[%2]").arg(list).arg(index));
}

void RuleErrors::forget(const QList<int> &resourceIds)
{
    for (int id : resourceIds)
        m_byResource.remove(id);
}

RuleErrors::ByRule RuleErrors::check(const Workspace &workspace, const Resource &resource)
{
    ByRule out;
    for (const Diagnostic &d : Checker::checkResource(workspace, resource)) {
        if (d.severity != Diagnostic::Severity::Error)
            continue;
        for (const char *list : { "spec.http[", "spec.tls[", "spec.tcp[" }) {
            const QLatin1String prefix(list);
            if (!d.path.startsWith(prefix))
                continue;
            const qsizetype close = d.path.indexOf(QLatin1Char(']'), prefix.size());
            if (close > 0)
                out[d.path.left(close + 1)].append(QStringLiteral("[%1] %2").arg(d.code, d.message));
        }
    }
    return out;
}

} // namespace meshroute
