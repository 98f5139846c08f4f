#include "removedestination.h"

#include "resource.h"
#include "resourceedit.h"
#include "weightrebalance.h"

#include <numeric>

namespace meshroute {

std::unique_ptr<RemoveDestination> RemoveDestination::create(
    Document *document, int resourceId, int routeIndex, int destinationIndex, QString *error)
{
    ResourceEdit edit;
    if (!edit.begin(document, resourceId, error))
        return nullptr;
    const HttpRoute *rule = edit.rule(routeIndex, error);
    if (!rule)
        return nullptr;
    if (destinationIndex < 0 || destinationIndex >= rule->route.size()) {
        *error = QStringLiteral("rule %1 has no destination %2")
                     .arg(rule->displayName(routeIndex))
                     .arg(destinationIndex);
        return nullptr;
    }
    if (rule->route.size() == 1) {
        *error = QStringLiteral("a forwarding rule needs at least one destination; delete the rule instead");
        return nullptr;
    }
    QList<int> weights;
    for (const HttpRouteDestination &d : rule->route)
        weights.append(int(d.weight.valueOr(0)));
    const bool summedTo100 = std::accumulate(weights.begin(), weights.end(), 0) == 100;
    const QString what = rule->route[destinationIndex].destination.host.value;
    const YamlPath route = ResourceEdit::rulePath(routeIndex, { QByteArray("route") });
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
    return edit.finish<RemoveDestination>(
        QStringLiteral("Remove destination %1 from rule %2 of %3")
            .arg(what, rule->displayName(routeIndex), edit.resource().name()));
}

} // namespace meshroute
