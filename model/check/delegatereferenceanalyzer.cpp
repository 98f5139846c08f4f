#include "delegatereferenceanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "meshindex.h"
#include "resource.h"

namespace meshroute {

namespace {

void checkDelegate(
    CheckContext &ctx, const MeshIndex &mesh, const Resource &r, const Delegate &d, const QString &path)
{
    const QString ns
        = d.namespace_.present && !d.namespace_.value.isEmpty() ? d.namespace_.value : r.namespaceName();
    const QString key = ns + QLatin1Char('/') + d.name.value;
    if (const Resource *target = mesh.virtualService(key)) {
        if (!target->virtualService()->hosts.isEmpty())
            ctx.error(r, d.name.pos, Code::DelegateConstraint,
                QStringLiteral("delegate %1 has hosts, so it is not a delegate VirtualService and Istio "
                               "ignores the delegation; remove its hosts")
                    .arg(key),
                path);
        return;
    }
    // Delegates of the own namespace are always "opened": the root is.
    bool namespaceOpened = ns == r.namespaceName();
    for (const Resource *vs : mesh.virtualServices())
        namespaceOpened = namespaceOpened || vs->namespaceName() == ns;
    if (namespaceOpened)
        ctx.error(r, d.name.pos, Code::ReferencedResourceNotFound,
            QStringLiteral("Referenced delegate not found: \"%1\"; no VirtualService %1 among the opened "
                           "files: requests this rule takes get 404; add it or correct the name")
                .arg(key),
            path);
    else
        ctx.info(r, d.name.pos, Code::ReferencedResourceNotFound,
            QStringLiteral("delegate %1 is not among the opened files; open it to have it checked").arg(key),
            path);
}

} // namespace

void DelegateReferenceAnalyzer::analyze(CheckContext &ctx)
{
    const MeshIndex &mesh = ctx.mesh();
    for (const Resource *r : mesh.virtualServices()) {
        const VirtualService &vs = *r->virtualService();
        for (int i = 0; i < vs.http.size(); ++i) {
            const Delegate &d = vs.http[i].delegate;
            if (d.present && d.name.present)
                checkDelegate(ctx, mesh, *r, d, QStringLiteral("spec.http[%1].delegate.name").arg(i));
        }
    }
}

Analyzer DelegateReferenceAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("DelegateReferenceAnalyzer"), { ResourceKind::VirtualService },
        { Code::DelegateConstraint, Code::ReferencedResourceNotFound }, &DelegateReferenceAnalyzer::analyze);
}

} // namespace meshroute
