#include "destinationsubsetanalyzer.h"

#include "checkcontext.h"
#include "destinationwalk.h"
#include "diagnosticcodes.h"
#include "hostname.h"
#include "meshindex.h"
#include "onceperresource.h"
#include "resource.h"

namespace meshroute {

namespace {

QString subsetPath(const DestinationWalk::Site &site)
{
    return site.path() + QStringLiteral(".subset");
}

class DestinationSubsets
{
public:
    explicit DestinationSubsets(CheckContext &ctx)
        : m_ctx(ctx)
        , m_mesh(ctx.mesh())
    { }

    void virtualService(const Resource &r)
    {
        DestinationWalk::forEach(
            *r.virtualService(), [&](const Destination &d, const DestinationWalk::Site &site) {
                if (d.host.present && !d.host.value.isEmpty() && d.host.value != QLatin1String("*")
                    && d.subset.present && !d.subset.value.isEmpty())
                    subset(r, d, site);
            });
    }

private:
    void subset(const Resource &r, const Destination &d, const DestinationWalk::Site &site)
    {
        const QString ns = r.namespaceName();
        const QString host = m_mesh.registeredHost(HostName::resolve(d.host.value, ns).toLower());
        QStringList visibleNames, hidden;
        for (const Resource *dr : m_mesh.destinationRulesFor(host)) {
            const DestinationRule &rule = *dr->destinationRule();
            if (!ExportVisibility::of(rule.exportTo, dr->namespaceName()).visibleFrom(ns)) {
                hidden.append(dr->displayName());
                continue;
            }
            if (rule.findSubset(d.subset.value))
                return;
            visibleNames.append(dr->displayName());
        }
        if (!visibleNames.isEmpty())
            m_ctx.error(r, d.subset.pos, Code::ReferencedResourceNotFound,
                QStringLiteral("Referenced host+subset in destinationrule not found: \"%1+%2\"; %3 does not "
                               "define subset %2: add it there or route to an existing subset (else 503 NC)")
                    .arg(d.host.value, d.subset.value, visibleNames.join(QStringLiteral(", "))),
                subsetPath(site));
        else if (!hidden.isEmpty())
            m_ctx.error(r, d.subset.pos, Code::ReferencedResourceNotFound,
                QStringLiteral("Referenced host+subset in destinationrule not found: \"%1+%2\"; %3 is not "
                               "exported to namespace %4; export it there")
                    .arg(d.host.value, d.subset.value, hidden.join(QStringLiteral(", ")), ns),
                subsetPath(site));
        else if (m_noted.first(r, host + QLatin1Char('|') + d.subset.value))
            m_ctx.info(r, d.subset.pos, Code::ReferencedResourceNotFound,
                QStringLiteral("no opened DestinationRule for %1 defines subset %2; open the DestinationRule "
                               "to have it checked (a missing subset means 503 NC)")
                    .arg(d.host.value, d.subset.value),
                subsetPath(site));
    }

    CheckContext &m_ctx;
    const MeshIndex &m_mesh;
    OncePerResource m_noted;
};

} // namespace

void DestinationSubsetAnalyzer::analyze(CheckContext &ctx)
{
    DestinationSubsets subsets(ctx);
    for (const Resource *r : ctx.mesh().virtualServices())
        subsets.virtualService(*r);
}

Analyzer DestinationSubsetAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("DestinationSubsetAnalyzer"),
        { ResourceKind::VirtualService, ResourceKind::DestinationRule }, { Code::ReferencedResourceNotFound },
        &DestinationSubsetAnalyzer::analyze);
}

} // namespace meshroute
