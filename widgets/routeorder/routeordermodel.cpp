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
    : QAbstractItemModel(parent)
{ }

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

void RouteOrderModel::setHosts(const RouteTable &table, const QList<RouteOrderHost> &hosts)
{
    beginResetModel();
    m_table = table;
    m_hosts = hosts;
    endResetModel();
}

QModelIndex RouteOrderModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kHostRow);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex RouteOrderModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kHostRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kHostRow);
}

int RouteOrderModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_hosts.size());
    if (parent.internalId() == kHostRow && parent.column() == 0)
        return int(m_hosts[parent.row()].rows.size());
    return 0;
}

int RouteOrderModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Qt::ItemFlags RouteOrderModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
}

QVariant RouteOrderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PositionColumn:
        return tr("#");
    case MatchColumn:
        return tr("Match");
    case SourceColumn:
        return tr("Source");
    case DestinationsColumn:
        return tr("Destinations");
    case OrderColumn:
        return tr("Order");
    default:
        return {};
    }
}

QVariant RouteOrderModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == kHostRow)
        return hostData(m_hosts[index.row()], index.column(), role);
    return rowData(m_hosts[int(index.internalId() - 1)].rows[index.row()], index.column(), role);
}

QVariant RouteOrderModel::hostData(const RouteOrderHost &host, int column, int role) const
{
    if (column != 0)
        return {};
    if (role == Qt::DisplayRole)
        return host.name;
    if (role == Qt::ToolTipRole)
        return tr("virtual host %1: %2").arg(host.name, host.domains.join(QLatin1String(", ")));
    return {};
}

QString RouteOrderModel::text(const RouteOrderRow &row, int column) const
{
    switch (column) {
    case PositionColumn:
        return QString::number(row.position);
    case MatchColumn:
        return GraphModel::matchText(m_table.routeInfo(row.route).match);
    case SourceColumn:
        return row.source;
    case DestinationsColumn:
        return destinationsText(m_table, row.route);
    case OrderColumn:
        return row.ambiguous ? tr("ambiguous") : QString();
    default:
        return {};
    }
}

QVariant RouteOrderModel::rowData(const RouteOrderRow &row, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return text(row, column);
    case Qt::ToolTipRole:
        if (!row.notSent.isEmpty())
            return tr("Not sent to this proxy: %1").arg(row.notSent);
        if (column == SourceColumn)
            return tr("%1, line %2 (double-click or Enter to go there)").arg(row.source).arg(row.line);
        if (column == OrderColumn && row.ambiguous)
            return tr("Ambiguous: %1").arg(row.ambiguity);
        return text(row, column);
    case Qt::ForegroundRole:
        if (!row.notSent.isEmpty())
            return QBrush(QColor(0x80, 0x80, 0x80));
        if (column == OrderColumn && row.ambiguous)
            return QBrush(QColor(0xc0, 0x7a, 0x00));
        return {};
    case FileIndexRole:
        return row.fileIndex;
    case LineRole:
        return row.line;
    case ColumnRole:
        return row.column;
    case SourceIdRole:
        return row.sourceId;
    case RuleIndexRole:
        return row.ruleIndex;
    case MatchIndexRole:
        return row.matchIndex;
    default:
        return {};
    }
}

} // namespace meshroute
