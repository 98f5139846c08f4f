#pragma once

#include <QStandardItemModel>

namespace meshroute {

class RouteTable;
struct RouteOrderHost;
struct RouteOrderRow;

// The Effective route order as rows: one top-level row per virtual host, its routes below
// in the order Envoy tries them (position, match, where it was written, destinations with
// their shares, and whether the position is ambiguous), each carrying where to jump to.
class RouteOrderModel : public QStandardItemModel
{
    Q_OBJECT

public:
    enum Column { PositionColumn, MatchColumn, SourceColumn, DestinationsColumn, OrderColumn, ColumnCount };
    enum Role {
        FileIndexRole = Qt::UserRole + 1,
        LineRole,
        ColumnRole,
        SourceIdRole,
        RuleIndexRole,
        MatchIndexRole,
    };

    explicit RouteOrderModel(QObject *parent = nullptr);

    void setHosts(const RouteTable &table, const QList<RouteOrderHost> &hosts);

    // "reviews-v1:9080 90%, reviews-v3:9080 10%", or what the rule does instead of forwarding.
    static QString destinationsText(const RouteTable &table, int route);

private:
    QList<QStandardItem *> rowOf(const RouteTable &table, const RouteOrderRow &row) const;
};

} // namespace meshroute
