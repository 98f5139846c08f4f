#pragma once

#include "diagnostic.h"

#include <QAbstractItemModel>

namespace meshroute {

// Diagnostics grouped by file: a file row with its counts, then one row per
// diagnostic (message with its severity icon, line:column, code, resource).
// The code is drawn as a link to its Istio documentation page.
class ProblemsModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { MessageColumn, LocationColumn, CodeColumn, ResourceColumn, ColumnCount };
    // DocsRole: the Istio documentation URL of a diagnostic's code (empty when there is none).
    enum Role { SeverityRole = Qt::UserRole + 1, LineRole, ColumnRole, FileRole, DocsRole };

    explicit ProblemsModel(QObject *parent = nullptr);

    void setDiagnostics(const Diagnostics &diagnostics);
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    // The diagnostic of a row, or nullptr for a file row.
    const Diagnostic *diagnostic(const QModelIndex &index) const;
    int count(Diagnostic::Severity severity) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct FileGroup
    {
        QString file;
        QList<int> diagnostics; // indexes into m_diagnostics
        int errors = 0, warnings = 0, infos = 0;
    };

    Diagnostics m_diagnostics;
    QList<FileGroup> m_groups;
};

} // namespace meshroute
