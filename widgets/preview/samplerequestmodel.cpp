#include "preview/samplerequestmodel.h"

#include <QBrush>
#include <QFont>

namespace meshroute {

SampleRequestModel::SampleRequestModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int SampleRequestModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_samples.size());
}

int SampleRequestModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SampleRequestModel::headersText(const QStringList &headers)
{
    return headers.join(QStringLiteral("; "));
}

QStringList SampleRequestModel::parseHeaders(const QString &text)
{
    QStringList out;
    for (const QString &h : text.split(QLatin1Char(';'), Qt::SkipEmptyParts))
        if (!h.trimmed().isEmpty())
            out << h.trimmed();
    return out;
}

QVariant SampleRequestModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_samples.size())
        return {};
    const SampleRequest &s = m_samples[index.row()];
    const RequestOutcome *o = hasOutcome(index.row()) ? &m_outcomes[index.row()] : nullptr;
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case Name:
            return s.name;
        case RequestLine:
            return s.requestLine();
        case Headers:
            return headersText(s.headers);
        case Sender:
            return s.senderText();
        case Rule:
            return o ? o->ruleWithLocation() : QString();
        case Outcome:
            return o ? o->text : QString();
        }
    }
    if (role == Qt::ForegroundRole && o && (index.column() == Outcome || index.column() == Rule))
        return QBrush(RequestOutcome::colour(o->kind));
    if (role == Qt::FontRole && o && index.column() == Outcome && o->kind != RequestOutcome::Kind::Routed) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::ToolTipRole && o) {
        if (index.column() == Outcome || index.column() == Rule) {
            QString tip = RequestOutcome::kindName(o->kind) + QStringLiteral(": ") + o->text;
            if (!o->result.reason.isEmpty())
                tip += QLatin1Char('\n') + o->result.reason;
            for (const QString &w : o->result.warnings)
                tip += QStringLiteral("\nwarning: ") + w;
            return tip;
        }
        if (index.column() == Sender)
            return QStringLiteral("\"gateway NAMESPACE/NAME\", or \"sidecar NAMESPACE {label=value,...}\"");
        if (index.column() == Headers)
            return QStringLiteral("\"Name: value\" pairs separated by \";\"");
    }
    return {};
}

QVariant SampleRequestModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case RequestLine:
        return tr("Request");
    case Headers:
        return tr("Headers");
    case Sender:
        return tr("Sent by");
    case Rule:
        return tr("Rule");
    case Outcome:
        return tr("Outcome");
    }
    return {};
}

Qt::ItemFlags SampleRequestModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() <= Sender)
        f |= Qt::ItemIsEditable;
    return f;
}

bool SampleRequestModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_samples.size())
        return false;
    SampleRequest s = m_samples[index.row()];
    const QString text = value.toString();
    switch (index.column()) {
    case Name:
        s.name = text.trimmed();
        break;
    case RequestLine: {
        const QString line = text.trimmed();
        const qsizetype space = line.indexOf(QLatin1Char(' '));
        // "/path" alone keeps the method; "POST /path" sets both.
        if (space > 0) {
            s.method = line.left(space).toUpper();
            s.url = line.mid(space + 1).trimmed();
        } else {
            s.url = line;
        }
        break;
    }
    case Headers:
        s.headers = parseHeaders(text);
        break;
    case Sender: {
        QString error;
        if (!s.setSenderText(text, &error)) {
            Q_EMIT editRejected(error);
            return false;
        }
        break;
    }
    default:
        return false;
    }
    if (s == m_samples[index.row()])
        return true;
    m_samples[index.row()] = s;
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    Q_EMIT samplesEdited(index.row());
    return true;
}

bool SampleRequestModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > m_samples.size() || count < 1)
        return false;
    beginInsertRows({}, row, row + count - 1);
    for (int i = 0; i < count; ++i) {
        SampleRequest s;
        s.name = tr("new request");
        s.url = QStringLiteral("/");
        m_samples.insert(row, s);
        if (row <= m_outcomes.size())
            m_outcomes.insert(row, RequestOutcome());
    }
    endInsertRows();
    Q_EMIT samplesEdited(row);
    return true;
}

void SampleRequestModel::insertSample(int row, const SampleRequest &sample)
{
    row = std::clamp(row, 0, int(m_samples.size()));
    beginInsertRows({}, row, row);
    m_samples.insert(row, sample);
    if (row <= m_outcomes.size())
        m_outcomes.insert(row, RequestOutcome());
    endInsertRows();
    Q_EMIT samplesEdited(row);
}

bool SampleRequestModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count < 1 || row + count > m_samples.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_samples.remove(row, count);
    if (row < m_outcomes.size())
        m_outcomes.remove(row, std::min<qsizetype>(count, m_outcomes.size() - row));
    endRemoveRows();
    Q_EMIT samplesEdited(-1);
    return true;
}

void SampleRequestModel::setSamples(const QList<SampleRequest> &samples)
{
    beginResetModel();
    m_samples = samples;
    m_outcomes.clear();
    endResetModel();
}

void SampleRequestModel::setOutcomes(const QList<RequestOutcome> &outcomes)
{
    const QList<RequestOutcome> before = m_outcomes;
    m_outcomes = outcomes;
    m_outcomes.resize(m_samples.size());
    for (int row = 0; row < m_samples.size(); ++row) {
        const bool same = row < before.size() && before[row].text == m_outcomes[row].text
            && before[row].kind == m_outcomes[row].kind
            && before[row].ruleWithLocation() == m_outcomes[row].ruleWithLocation();
        if (!same)
            Q_EMIT dataChanged(index(row, Rule), index(row, Outcome));
    }
}

} // namespace meshroute
