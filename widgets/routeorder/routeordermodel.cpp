#include "routeordermodel.h"

#include "graph/graphmodel.h"
#include "graph/graphtext.h"
#include "hostname.h"
#include "routeorder.h"

#include <QBrush>
#include <QPalette>

namespace meshroute {

namespace {

// "cart.shop" for a cluster-local name, however it was written: the suffix every row would repeat.
QString shortHost(const QString &host, const QString &ns)
{
    const QString fqdn = HostName::resolve(host, ns);
    const QString suffix = QLatin1Char('.') + HostName::clusterDomain();
    return fqdn.endsWith(suffix) ? fqdn.chopped(suffix.size()) : fqdn;
}

} // namespace

RouteOrderModel::RouteOrderModel(QObject *parent)
    : QStandardItemModel(0, ColumnCount, parent)
{
    setHorizontalHeaderLabels({ tr("#"), tr("Match"), tr("Source"), tr("Destinations"), tr("Order") });
}

QString RouteOrderModel::destinationsText(const RouteTable &table, int route)
{
    const RouteTable::RouteInfo &info = table.routeInfo(route);
    const HttpRoute *rule = info.rule;
    if (!rule)
        return {};
    if (rule->redirect->present)
        return QStringLiteral("redirect %1%2")
            .arg(rule->redirect->authority.value, rule->redirect->uri.value);
    if (rule->directResponse->present)
        return QStringLiteral("direct response %1").arg(rule->directResponse->status.value);
    qint64 sum = 0;
    for (const HttpRouteDestination &d : rule->route)
        sum += d.weight.present ? std::max<qint64>(d.weight.value, 0) : 0;
    QStringList parts;
    for (const HttpRouteDestination &d : rule->route) {
        QString text = shortHost(d.destination.host.value, info.hostNamespace);
        if (d.destination.subset.present)
            text += QLatin1Char('/') + d.destination.subset.value;
        if (d.destination.port.number.present)
            text += QLatin1Char(':') + QString::number(d.destination.port.number.value);
        // As the graph shares a rule's traffic: relative weights, a single destination takes it all.
        const double share = rule->route.size() == 1 ? 1
            : sum > 0 ? double(d.weight.present ? std::max<qint64>(d.weight.value, 0) : 0) / double(sum)
                      : 0;
        parts << text + QLatin1Char(' ') + GraphText::share(share);
    }
    return parts.isEmpty() ? QStringLiteral("no destination") : parts.join(QLatin1String(", "));
}

QList<QStandardItem *> RouteOrderModel::rowOf(const RouteTable &table, const RouteOrderRow &row) const
{
    const RouteTable::RouteInfo &info = table.routeInfo(row.route);
    QList<QStandardItem *> items;
    for (const QString &text : { QString::number(row.position), GraphModel::matchText(info.match), row.source,
             destinationsText(table, row.route), row.ambiguous ? tr("ambiguous") : QString() }) {
        auto *item = new QStandardItem(text);
        item->setEditable(false);
        item->setData(row.fileIndex, FileIndexRole);
        item->setData(row.line, LineRole);
        item->setData(row.column, ColumnRole);
        item->setData(row.sourceId, SourceIdRole);
        item->setData(row.ruleIndex, RuleIndexRole);
        item->setData(row.matchIndex, MatchIndexRole);
        item->setToolTip(text);
        items << item;
    }
    items[SourceColumn]->setToolTip(
        tr("%1, line %2 (double-click or Enter to go there)").arg(row.source).arg(row.line));
    if (row.ambiguous) {
        items[OrderColumn]->setToolTip(tr("Ambiguous: %1").arg(row.ambiguity));
        items[OrderColumn]->setForeground(QBrush(QColor(0xc0, 0x7a, 0x00)));
    }
    if (!row.notSent.isEmpty())
        for (QStandardItem *item : std::as_const(items)) {
            item->setToolTip(tr("Not sent to this proxy: %1").arg(row.notSent));
            item->setForeground(QBrush(QColor(0x80, 0x80, 0x80)));
        }
    return items;
}

void RouteOrderModel::setHosts(const RouteTable &table, const QList<RouteOrderHost> &hosts)
{
    removeRows(0, rowCount());
    for (const RouteOrderHost &host : hosts) {
        QList<QStandardItem *> header;
        auto *name = new QStandardItem(host.name);
        name->setEditable(false);
        name->setToolTip(tr("virtual host %1: %2").arg(host.name, host.domains.join(QLatin1String(", "))));
        header << name;
        for (int c = 1; c < ColumnCount; ++c) {
            auto *empty = new QStandardItem;
            empty->setEditable(false);
            header << empty;
        }
        for (const RouteOrderRow &row : host.rows)
            name->appendRow(rowOf(table, row));
        appendRow(header);
    }
}

} // namespace meshroute
