#include "routeweightanalyzer.h"

#include "checkcontext.h"
#include "diagnosticcodes.h"
#include "hostname.h"
#include "meshindex.h"
#include "resource.h"

namespace meshroute {

namespace {

template <typename D>
void singleWeight(CheckContext &ctx, const Resource &r, const QList<D> &route, const QString &path)
{
    if (route.size() == 1 && route.first().weight.present && route.first().weight.value < 100
        && route.first().weight.value >= 0)
        ctx.warning(r, route.first().weight.pos, Code::SingleDestinationWeight,
            QStringLiteral("weight %1 on the only destination has no effect: it receives all traffic; "
                           "remove the weight or add the other destinations")
                .arg(route.first().weight.value),
            path + QStringLiteral("[0].weight"));
}

template <typename D>
void duplicateDestinations(CheckContext &ctx, const Resource &r, const QList<D> &route, const QString &path)
{
    if (route.size() < 2)
        return;
    QStringList hosts;
    for (const D &rd : route)
        hosts.append(HostName::resolve(rd.destination.host.value, r.namespaceName()).toLower());
    for (int i = 1; i < route.size(); ++i) {
        const Destination &d = route[i].destination;
        if (!d.host.present)
            continue;
        for (int j = 0; j < i; ++j) {
            const Destination &e = route[j].destination;
            if (e.host.present && hosts[j] == hosts[i] && e.subset.value == d.subset.value
                && e.port.number.value == d.port.number.value
                && e.port.number.present == d.port.number.present) {
                ctx.warning(r, d.host.pos, Code::DuplicateDestination,
                    QStringLiteral("destination %1%2 is already listed at route[%3]; merge the two "
                                   "entries into one with the summed weight")
                        .arg(d.host.value,
                            d.subset.present ? QStringLiteral(" subset ") + d.subset.value : QString())
                        .arg(j),
                    QStringLiteral("%1[%2].destination").arg(path).arg(i));
                break;
            }
        }
    }
}

template <typename D>
void routeWeights(CheckContext &ctx, const Resource &r, const QList<D> &route, const QString &path)
{
    singleWeight(ctx, r, route, path);
    duplicateDestinations(ctx, r, route, path);
}

} // namespace

void RouteWeightAnalyzer::analyze(CheckContext &ctx)
{
    for (const Resource *r : ctx.mesh().virtualServices()) {
        const VirtualService &vs = *r->virtualService();
        for (int i = 0; i < vs.http.size(); ++i)
            routeWeights(ctx, *r, vs.http[i].route, QStringLiteral("spec.http[%1].route").arg(i));
        for (int i = 0; i < vs.tcp.size(); ++i)
            routeWeights(ctx, *r, vs.tcp[i].route, QStringLiteral("spec.tcp[%1].route").arg(i));
        for (int i = 0; i < vs.tls.size(); ++i)
            routeWeights(ctx, *r, vs.tls[i].route, QStringLiteral("spec.tls[%1].route").arg(i));
    }
}

Analyzer RouteWeightAnalyzer::definition()
{
    return Analyzer::acrossMesh(QStringLiteral("RouteWeightAnalyzer"), { ResourceKind::VirtualService },
        { Code::DuplicateDestination, Code::SingleDestinationWeight }, &RouteWeightAnalyzer::analyze);
}

} // namespace meshroute
