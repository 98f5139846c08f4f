#pragma once

#include <QAbstractItemModel>
#include <QList>
#include <QString>

namespace meshroute {

struct DiffReport;

// The Traffic Diff as a tree: one top-level row per section of the report,
// in the CLI's order (changed requests, splits, findings, structure), each
// with its rows as children in three columns (what, before, after). Plain
// text computed once from a DiffReport; the view and tests read it the same way.
class TrafficDiffModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { ItemColumn, BeforeColumn, AfterColumn, ColumnCount };
    enum class Section { Traffic, Splits, Findings, Structure };
    // The index of a changed request in DiffReport::traffic (children of Traffic only).
    static constexpr int RequestRole = Qt::UserRole + 1;

    explicit TrafficDiffModel(QObject *parent = nullptr);

    void setReport(const DiffReport &report);
    void clear();

    // The section's top-level row, and how many rows it holds.
    QModelIndex sectionIndex(Section section) const;
    int rowCount(Section section) const;
    // The row's three texts, for tests and the shell.
    QStringList rowTexts(Section section, int row) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // One row of a section: what changed, before, after (and the changed request's index).
    struct Row
    {
        QString cells[ColumnCount];
        int request = -1;
    };

private:
    struct Group
    {
        QString title;
        QList<Row> rows;
    };
    QList<Group> m_groups; // indexed by Section
};

} // namespace meshroute
