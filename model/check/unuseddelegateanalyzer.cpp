#include "unuseddelegateanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"

#include <QSet>

namespace meshroute {

void UnusedDelegateAnalyzer::analyze(CheckContext &ctx)
{
    const Workspace &ws = ctx.workspace();
    // "namespace/name" of every delegate named; the namespace defaults to the root's own.
    QSet<QString> delegated;
    for (const Resource &r : ws.resources) {
        const VirtualService *vs = r.virtualService();
        if (!vs)
            continue;
        for (const HttpRoute &rule : vs->http) {
            const Delegate &d = rule.delegate;
            if (!d.present || !d.name.present)
                continue;
            const QString ns = d.namespace_.present && !d.namespace_.value.isEmpty() ? d.namespace_.value
                                                                                     : r.namespaceName();
            delegated.insert(ns + QLatin1Char('/') + d.name.value);
        }
    }
    for (const Resource &r : ws.resources) {
        const VirtualService *vs = r.virtualService();
        if (!vs || !vs->hosts.isEmpty() || r.name().isEmpty())
            continue;
        if (delegated.contains(r.namespaceName() + QLatin1Char('/') + r.name()))
            continue;
        ctx.warning(r, r.metadata.name.pos, Code::UnusedDelegate,
            QStringLiteral("VirtualService %1/%2 has no hosts, so it is a delegate, and no opened "
                           "VirtualService delegates to it: its rules are never used. Add "
                           "`delegate: {name: %2, namespace: %1}` to a root rule, or give it hosts")
                .arg(r.namespaceName(), r.name()),
            QStringLiteral("spec.hosts"));
    }
}

Analyzer UnusedDelegateAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("UnusedDelegateAnalyzer"), { ResourceKind::VirtualService },
        { Code::UnusedDelegate }, &UnusedDelegateAnalyzer::analyze);
}

} // namespace meshroute
