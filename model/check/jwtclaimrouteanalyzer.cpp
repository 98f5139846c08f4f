#include "jwtclaimrouteanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "meshindex.h"
#include "onceperresource.h"
#include "resource.h"

namespace meshroute {

void JwtClaimRouteAnalyzer::analyze(CheckContext &ctx)
{
    const MeshIndex &mesh = ctx.mesh();
    if (mesh.hasRequestAuthentication())
        return;
    OncePerResource noted;
    for (const Resource *r : mesh.virtualServices()) {
        const VirtualService &vs = *r->virtualService();
        if (MeshIndex::appliesToMesh(vs))
            continue;
        for (int i = 0; i < vs.http.size(); ++i)
            for (int m = 0; m < vs.http[i].match.size(); ++m)
                for (const Entry<StringMatch> &h : vs.http[i].match[m].headers)
                    if (h.key.startsWith(QLatin1String("@request.auth.claims")) && noted.first(*r, h.key))
                        ctx.info(*r, h.keyPos, Code::JwtClaimRoutingWithoutRequestAuthN,
                            QStringLiteral("The virtual service uses JWT claim based routing (key: %1) but "
                                           "no RequestAuthentication was opened; the gateway pods need one "
                                           "to validate the token and make the claims available, else the "
                                           "rule never matches")
                                .arg(h.key),
                            QStringLiteral("spec.http[%1].match[%2].headers.%3").arg(i).arg(m).arg(h.key));
    }
}

Analyzer JwtClaimRouteAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("JwtClaimRouteAnalyzer"),
        { ResourceKind::VirtualService, ResourceKind::Other }, { Code::JwtClaimRoutingWithoutRequestAuthN },
        &JwtClaimRouteAnalyzer::analyze);
}

} // namespace meshroute
