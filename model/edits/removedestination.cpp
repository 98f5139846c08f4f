#include "removedestination.h"

#include "resource.h"
#include "resourceedit.h"
#include "weightrebalance.h"

#include <numeric>

namespace meshroute {

std::unique_ptr<RemoveDestination> RemoveDestination::create(
    Document *document, int resourceId, int routeIndex, int destinationIndex, QString *error)
{
    return create(document, resourceId, RouteKind::Http, routeIndex, destinationIndex, error);
}

std::unique_ptr<RemoveDestination> RemoveDestination::create(
    Document *document, int resourceId, RouteKind kind, int routeIndex, int destinationIndex, QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    const VirtualService *vs = RouteKinds::findRule(edit, kind, routeIndex, error);
    if (!vs)
        return nullptr;
    const QString ruleName = RouteKinds::displayName(*vs, kind, routeIndex);
    const QList<RouteKinds::WeightedDestination> destinations
        = RouteKinds::destinations(*vs, kind, routeIndex);
    if (destinationIndex < 0 || destinationIndex >= destinations.size()) {
        *error = QStringLiteral("rule %1 has no destination %2").arg(ruleName).arg(destinationIndex);
        return nullptr;
    }
    if (destinations.size() == 1) {
        *error = QStringLiteral("a forwarding rule needs at least one destination; delete the rule instead");
        return nullptr;
    }
    QList<int> weights;
    for (const RouteKinds::WeightedDestination &d : destinations)
        weights.append(int(d.weight->valueOr(0)));
    const bool summedTo100 = std::accumulate(weights.begin(), weights.end(), 0) == 100;
    const QString what = destinations[destinationIndex].destination->host.value;
    const YamlPath route = RouteKinds::rulePath(kind, routeIndex, { QByteArray("route") });
    if (!edit.removeItem(route, destinationIndex, error))
        return nullptr;
    weights.removeAt(destinationIndex);
    // The removed share goes to the others in proportion; relative weights that
    // did not sum to 100 keep meaning the same without it.
    if (summedTo100 && std::accumulate(weights.begin(), weights.end(), 0) > 0) {
        const QList<int> fresh = WeightRebalance::normalise(weights);
        for (int i = 0; i < fresh.size(); ++i)
            if (fresh[i] != weights[i]
                && !edit.set(YamlPath(route) << i << QByteArray("weight"),
                    YamlEdit::plainScalar(QString::number(fresh[i])), error))
                return nullptr;
    }
    return edit.finish<RemoveDestination>(QStringLiteral("Remove destination %1 from rule %2 of %3")
                                              .arg(what, ruleName, edit.resource().name()));
}

} // namespace meshroute
