#include "trafficdiffmodel.h"

#include "diffreport.h"
#include "graph/graphdiffoverlay.h"
#include "graph/graphtext.h"

#include <QBrush>
#include <QFont>

namespace meshroute {

namespace {

constexpr quintptr kSectionRow = quintptr(-1); // internalId of a section's own row

// "reviews v1 75%, reviews v2 25%": the destinations without the cluster suffix and port a
// reader does not need in a table cell (the tool tip has the whole outcome).
QString shortDestination(const DiffDestination &d)
{
    const QStringList words = d.name.split(QLatin1Char(' '));
    QString text = words.value(0).section(QLatin1Char('.'), 0, 0);
    const int subset = int(words.indexOf(QStringLiteral("subset")));
    if (subset >= 0)
        text += QLatin1Char(' ') + words.value(subset + 1);
    return text + QLatin1Char(' ') + GraphText::share(d.share / 100);
}

QString outcomeCell(const DiffOutcome &o)
{
    QStringList to;
    for (const DiffDestination &d : o.destinations)
        to << shortDestination(d);
    // A request the upstream answers (a bare "routed": the proxy adds no status) is told by where
    // it goes; any other status (a 503 for a missing subset, a redirect, a 404) is said first.
    const bool upstream = o.status == QLatin1String("routed");
    QString text = upstream && !to.isEmpty() ? QString() : o.status;
    if (!to.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(": ")) + to.join(QStringLiteral(", "));
    if (!o.redirect.isEmpty())
        text += QLatin1Char(' ') + o.redirect;
    if (!o.rewrite.isEmpty())
        text += QStringLiteral(", rewrite ") + o.rewrite;
    if (!o.headers.isEmpty())
        text += QStringLiteral(", headers ") + o.headers.join(QStringLiteral("; "));
    if (!o.fault.isEmpty())
        text += QStringLiteral(", fault ") + o.fault;
    return text;
}

QString weightsCell(const QList<WeightChange> &weights, bool before)
{
    QStringList parts;
    for (const WeightChange &w : weights) {
        const qint64 value = before ? w.before : w.after;
        parts << w.destination + QLatin1Char(' ')
                + (value < 0 ? QStringLiteral("-") : QString::number(value));
    }
    return parts.join(QStringLiteral(", "));
}

// Added: where it is now; removed: where it was; moved or changed: from what to what ("http[2]",
// "http[0]") and where it is now.
TrafficDiffModel::Row structureRow(const StructureChange &s)
{
    const QString what = StructureChange::kindName(s.kind) + QLatin1Char(' ') + s.resource
        + (s.rule.isEmpty() ? QString() : QLatin1Char(' ') + s.rule);
    switch (s.kind) {
    case StructureChange::Kind::Added:
        return { { what, QString(), s.location } };
    case StructureChange::Kind::Removed:
        return { { what, s.location, QString() } };
    default:
        break;
    }
    const QStringList parts = s.detail.split(QStringLiteral(" -> "));
    const QString at = s.location.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(s.location);
    if (parts.size() == 2)
        return { { what, parts[0], parts[1] + at } };
    return { { what, QString(), s.detail + at } };
}

} // namespace

TrafficDiffModel::TrafficDiffModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

void TrafficDiffModel::clear()
{
    beginResetModel();
    m_groups.clear();
    endResetModel();
}

void TrafficDiffModel::setReport(const DiffReport &report)
{
    beginResetModel();
    m_groups = QList<Group>(4);
    Group &traffic = m_groups[int(Section::Traffic)];
    for (int i = 0; i < report.traffic.size(); ++i) {
        const ChangedRequest &c = report.traffic[i];
        Row row { { c.request.requestLine() + QStringLiteral(" from ") + c.request.senderText(),
                      outcomeCell(c.before), outcomeCell(c.after) },
            i };
        traffic.rows << row;
    }
    traffic.title = tr("Changed requests (%1 of %2)").arg(report.traffic.size()).arg(report.requests);
    Group &splits = m_groups[int(Section::Splits)];
    for (const SplitChange &s : report.splits)
        splits.rows << Row { { s.resource + QLatin1Char(' ') + s.rule, weightsCell(s.weights, true),
            weightsCell(s.weights, false) } };
    splits.title = tr("Splits (%1)").arg(splits.rows.size());
    Group &findings = m_groups[int(Section::Findings)];
    for (const FindingChange &f : report.findings) {
        const bool gone = f.kind == FindingChange::Kind::Gone;
        const QString where
            = QStringLiteral("%1 %2:%3").arg(f.finding.code, f.finding.file).arg(f.finding.line);
        findings.rows << Row { { (gone ? tr("gone: ") : tr("new: ")) + where,
            gone ? f.finding.message : QString(), gone ? QString() : f.finding.message } };
    }
    findings.title = tr("Findings (%1)").arg(findings.rows.size());
    Group &structure = m_groups[int(Section::Structure)];
    for (const StructureChange &s : report.structure)
        structure.rows << structureRow(s);
    structure.title = tr("Structure (%1)").arg(structure.rows.size());
    endResetModel();
}

QModelIndex TrafficDiffModel::sectionIndex(Section section) const
{
    return index(int(section), 0);
}

int TrafficDiffModel::rowCount(Section section) const
{
    return m_groups.isEmpty() ? 0 : int(m_groups[int(section)].rows.size());
}

QStringList TrafficDiffModel::rowTexts(Section section, int row) const
{
    if (row < 0 || row >= rowCount(section))
        return {};
    const Row &r = m_groups[int(section)].rows[row];
    return { r.cells[0], r.cells[1], r.cells[2] };
}

QModelIndex TrafficDiffModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0 || row >= rowCount(parent))
        return {};
    return createIndex(row, column, parent.isValid() ? quintptr(parent.row()) : kSectionRow);
}

QModelIndex TrafficDiffModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kSectionRow)
        return {};
    return createIndex(int(child.internalId()), 0, kSectionRow);
}

int TrafficDiffModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() != kSectionRow || parent.column() != 0)
        return 0;
    return int(m_groups[parent.row()].rows.size());
}

int TrafficDiffModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TrafficDiffModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == kSectionRow) {
        const Group &g = m_groups[index.row()];
        if (role == Qt::DisplayRole && index.column() == 0)
            return g.title;
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    }
    const Row &r = m_groups[int(index.internalId())].rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return r.cells[index.column()];
    case RequestRole:
        return r.request;
    case Qt::ForegroundRole:
        // Before in the old path's colour, after in the new path's: as the graph draws them.
        if (index.column() == BeforeColumn && !r.cells[BeforeColumn].isEmpty())
            return QBrush(GraphDiffOverlay::oldPathColor());
        if (index.column() == AfterColumn && !r.cells[AfterColumn].isEmpty())
            return QBrush(GraphDiffOverlay::newPathColor());
        return {};
    default:
        return {};
    }
}

QVariant TrafficDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ItemColumn:
        return tr("Change");
    case BeforeColumn:
        return tr("Before");
    case AfterColumn:
        return tr("After");
    default:
        return {};
    }
}

} // namespace meshroute
