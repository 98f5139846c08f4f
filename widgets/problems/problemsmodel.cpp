#include "problemsmodel.h"

#include "diagnosticdocs.h"
#include "resourcetree/resourceicons.h"

#include <QFileInfo>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace meshroute {

namespace {
// internalId of a file row; a diagnostic row stores its group + 1 instead.
constexpr quintptr fileRowId = 0;
} // namespace

ProblemsModel::ProblemsModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    ResourceIcons::ensureLoaded();
}

void ProblemsModel::setDiagnostics(const Diagnostics &diagnostics)
{
    beginResetModel();
    m_diagnostics = diagnostics;
    m_groups.clear();
    QHash<QString, int> groupOf;
    for (int i = 0; i < m_diagnostics.size(); ++i) {
        const Diagnostic &d = m_diagnostics[i];
        int g = groupOf.value(d.file, -1);
        if (g < 0) {
            g = int(m_groups.size());
            groupOf.insert(d.file, g);
            m_groups.append(FileGroup { d.file, {}, 0, 0, 0 });
        }
        FileGroup &group = m_groups[g];
        group.diagnostics.append(i);
        switch (d.severity) {
        case Diagnostic::Severity::Error:
            ++group.errors;
            break;
        case Diagnostic::Severity::Warning:
            ++group.warnings;
            break;
        case Diagnostic::Severity::Info:
            ++group.infos;
            break;
        }
    }
    // Within a file: by line, errors first on the same line.
    for (FileGroup &group : m_groups)
        std::stable_sort(group.diagnostics.begin(), group.diagnostics.end(), [this](int a, int b) {
            const Diagnostic &x = m_diagnostics[a];
            const Diagnostic &y = m_diagnostics[b];
            return std::tie(x.line, x.column, x.severity) < std::tie(y.line, y.column, y.severity);
        });
    endResetModel();
}

const Diagnostic *ProblemsModel::diagnostic(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == fileRowId)
        return nullptr;
    const FileGroup &group = m_groups[int(index.internalId() - 1)];
    return &m_diagnostics[group.diagnostics[index.row()]];
}

int ProblemsModel::count(Diagnostic::Severity severity) const
{
    int n = 0;
    for (const Diagnostic &d : m_diagnostics)
        n += d.severity == severity ? 1 : 0;
    return n;
}

QModelIndex ProblemsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, fileRowId) : QModelIndex();
    if (parent.internalId() != fileRowId || parent.row() >= m_groups.size()
        || row >= m_groups[parent.row()].diagnostics.size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex ProblemsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == fileRowId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, fileRowId);
}

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() != fileRowId || parent.column() != 0)
        return 0;
    return int(m_groups[parent.row()].diagnostics.size());
}

int ProblemsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == fileRowId) {
        const FileGroup &g = m_groups[index.row()];
        if (role == Qt::DisplayRole && index.column() == MessageColumn) {
            QStringList counts;
            auto count = [&counts](int n, const char *one, const char *many) {
                if (n)
                    counts.append(QString::number(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? one : many));
            };
            count(g.errors, "error", "errors");
            count(g.warnings, "warning", "warnings");
            count(g.infos, "note", "notes");
            const QString name = g.file.isEmpty() ? tr("(no file)") : QFileInfo(g.file).fileName();
            return QStringLiteral("%1  (%2)").arg(name, counts.join(QLatin1String(", ")));
        }
        if (role == Qt::DecorationRole && index.column() == MessageColumn)
            return ResourceIcons::file();
        if (role == Qt::ToolTipRole)
            return g.file;
        if (role == FileRole)
            return g.file;
        return {};
    }
    const Diagnostic *d = diagnostic(index);
    if (!d)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case MessageColumn:
            return d->message;
        case LocationColumn:
            return QStringLiteral("%1:%2").arg(d->line).arg(d->column);
        case CodeColumn:
            return d->code;
        case ResourceColumn:
            return d->resource;
        }
        return {};
    case Qt::DecorationRole:
        return index.column() == MessageColumn ? QVariant(ResourceIcons::forSeverity(d->severity))
                                               : QVariant();
    case Qt::ForegroundRole:
        // Read at paint time, so a theme change recolours the links.
        if (index.column() == CodeColumn && !DiagnosticDocs::url(d->code).isEmpty())
            return QGuiApplication::palette().color(QPalette::Link);
        return {};
    case Qt::FontRole:
        if (index.column() == CodeColumn && !DiagnosticDocs::url(d->code).isEmpty()) {
            QFont link;
            link.setUnderline(true);
            return link;
        }
        return {};
    case DocsRole:
        return DiagnosticDocs::url(d->code);
    case Qt::ToolTipRole:
        if (index.column() == CodeColumn && !DiagnosticDocs::url(d->code).isEmpty())
            return tr("Open the Istio documentation of %1 (click it, or use the context menu)\n%2")
                .arg(d->code, DiagnosticDocs::url(d->code));
        return QStringLiteral("%1\n%2%3")
            .arg(d->toText(), d->resource, d->path.isEmpty() ? QString() : QLatin1Char(' ') + d->path);
    case SeverityRole:
        return int(d->severity);
    case LineRole:
        return d->line;
    case ColumnRole:
        return d->column;
    case FileRole:
        return d->file;
    default:
        return {};
    }
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MessageColumn:
        return tr("Problem");
    case LocationColumn:
        return tr("Line:Col");
    case CodeColumn:
        return tr("Code");
    case ResourceColumn:
        return tr("Resource");
    }
    return {};
}

} // namespace meshroute
