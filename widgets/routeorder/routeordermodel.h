#pragma once

#include "routeorder.h"
#include "routetable.h"

#include <QAbstractItemModel>

namespace meshroute {

// The Effective route order as rows: one top-level row per virtual host, its routes below
// in the order Envoy tries them (position, match, where it was written, destinations with
// their shares, and whether the position is ambiguous), each carrying where to jump to.
// Texts are made when a view asks for them: a Gateway of 5,000 routes made 25,000 items on
// every recompile, a third of a second in the UI thread.
class RouteOrderModel : public QAbstractItemModel
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

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // "reviews-v1:9080 90%, reviews-v3:9080 10%", or what the rule does instead of forwarding.
    static QString destinationsText(const RouteTable &table, int route);

private:
    // A route row's index carries its host's position + 1; a host row's carries 0.
    static constexpr quintptr kHostRow = 0;
    QVariant hostData(const RouteOrderHost &host, int column, int role) const;
    QVariant rowData(const RouteOrderRow &row, int column, int role) const;
    QString text(const RouteOrderRow &row, int column) const;

    RouteTable m_table;
    QList<RouteOrderHost> m_hosts;
};

} // namespace meshroute
