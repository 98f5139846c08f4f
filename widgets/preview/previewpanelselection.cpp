#include "preview/previewpanel.h"

#include "document.h"
#include "preview/samplerequestmodel.h"
#include "routekind.h"

#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>
#include <algorithm>

// PreviewPanel and the shared selection: a rule selected anywhere (a VirtualService's
// http[] rule, or an HTTPRoute's or GRPCRoute's rules[] entry) selects the sample
// requests that reach it, and the status line counts them after every edit.
namespace meshroute {

namespace {

// The resources whose rules sample requests can reach.
bool hasHttpRules(const Resource *r)
{
    return r
        && (r->virtualService()
            || (r->gatewayApiRoute()
                && (r->kind == ResourceKind::HTTPRoute || r->kind == ResourceKind::GRPCRoute)));
}

// "rule \"canary\" of HTTPRoute default/reviews", the route alone when no rule is named.
QString gatewayApiRuleName(const Resource &route, int ruleIndex)
{
    const QList<RouteRule> &rules = route.gatewayApiRoute()->rules;
    if (ruleIndex < 0 || ruleIndex >= rules.size())
        return route.displayName();
    const QString &name = rules[ruleIndex].name.value;
    return PreviewPanel::tr("rule %1 of %2")
        .arg(name.isEmpty() ? QStringLiteral("#%1").arg(ruleIndex)
                            : QLatin1Char('"') + name + QLatin1Char('"'),
            route.displayName());
}

} // namespace

QList<int> PreviewPanel::rowsReaching(int resourceId, int routeIndex) const
{
    QList<int> rows;
    const Resource *target = m_document->resource(resourceId);
    if (!hasHttpRules(target))
        return rows;
    const QString qualified = target->namespaceName() + QLatin1Char('/') + target->name();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (!m_model->hasOutcome(row))
            continue;
        const RouteResult &r = m_model->outcome(row).result;
        if (target->gatewayApiRoute()) {
            // The request took a rule istiod generated from this route's rule.
            if (r.origin.routeId == resourceId && (routeIndex < 0 || r.origin.ruleIndex == routeIndex))
                rows << row;
            continue;
        }
        const bool root = r.virtualServiceId == resourceId && (routeIndex < 0 || r.routeIndex == routeIndex);
        // A delegated request ends in a rule of the delegate VirtualService.
        const bool delegated = !r.delegate.isEmpty() && r.delegate == qualified
            && (routeIndex < 0 || r.delegateRouteIndex == routeIndex);
        if (root || delegated)
            rows << row;
    }
    return rows;
}

QList<int> PreviewPanel::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        rows << i.row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

QString PreviewPanel::reachText(const Resource &owner, const SelectionTarget &target, qsizetype rows) const
{
    QString what;
    if (owner.gatewayApiRoute())
        what = gatewayApiRuleName(owner, target.routeIndex);
    else if (target.routeKind != RouteKind::Http)
        what = tr("%1 rule %2 of %3")
                   .arg(RouteKinds::label(target.routeKind))
                   .arg(target.l4RouteIndex)
                   .arg(owner.displayName());
    else if (target.routeIndex >= 0 && target.routeIndex < owner.virtualService()->http.size())
        what = tr("rule %1 of %2")
                   .arg(RouteKinds::displayName(*owner.virtualService(), RouteKind::Http, target.routeIndex),
                       owner.displayName());
    else
        what = owner.displayName();
    if (rows == 0)
        return target.routeKind == RouteKind::Http
            ? tr("No sample request reaches %1.").arg(what)
            : tr("No sample request reaches %1: sample requests are HTTP.").arg(what);
    return rows == 1 ? tr("1 sample request reaches %1.").arg(what)
                     : tr("%1 sample requests reach %2.").arg(rows).arg(what);
}

void PreviewPanel::onSelectionChanged(const SelectionTarget &target)
{
    const Resource *r = m_document->resource(target.resourceId);
    if (!hasHttpRules(r))
        return;
    m_followed = target;
    m_followedName = r->displayName();
    // A row picked here already moved the selection to its own rule: nothing to follow.
    if (m_selectingRule)
        return;
    // Sample requests are HTTP: a TLS or TCP rule is reached by none of them.
    const QList<int> rows
        = target.routeKind == RouteKind::Http ? rowsReaching(r->id, target.routeIndex) : QList<int>();
    QItemSelectionModel *selection = m_table->selectionModel();
    // The rows follow the selection; they do not move it back (quiet), so views do not ping-pong.
    m_quietSelection = true;
    if (rows.isEmpty()) {
        // No current row either: a click on the request that was current must still select its rule.
        selection->clear();
    } else {
        const int current = rows.contains(currentRow()) ? currentRow() : rows.first();
        QItemSelection rowsSelection;
        for (int row : rows)
            rowsSelection.select(
                m_model->index(row, 0), m_model->index(row, SampleRequestModel::ColumnCount - 1));
        selection->setCurrentIndex(
            m_model->index(current, SampleRequestModel::Name), QItemSelectionModel::NoUpdate);
        selection->select(rowsSelection, QItemSelectionModel::ClearAndSelect);
        m_table->scrollTo(m_model->index(rows.first(), SampleRequestModel::Name));
    }
    m_status->setText(reachText(*r, target, rows.size()));
    m_quietSelection = false;
}

// Recomputed with the outcomes, every time: a count of the requests that reach a rule
// is stale after any edit (a new rule takes some; a deleted VirtualService takes none).
void PreviewPanel::updateFollowedStatus()
{
    if (m_followed.resourceId < 0)
        return;
    const Resource *r = m_document->resource(m_followed.resourceId);
    if (!hasHttpRules(r)) {
        m_status->setText(tr("%1 is no longer in the workspace.").arg(m_followedName));
        m_followed = SelectionTarget {};
        return;
    }
    const qsizetype rows
        = m_followed.routeKind == RouteKind::Http ? rowsReaching(r->id, m_followed.routeIndex).size() : 0;
    m_status->setText(reachText(*r, m_followed, rows));
}

} // namespace meshroute
