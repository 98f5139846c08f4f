#pragma once

#include "preview/requestoutcome.h"
#include "samplerequest.h"

#include <QAbstractTableModel>
#include <QList>

namespace meshroute {

// The Preview's table: one row per sample request, its fields editable in
// place and its outcome (rule, destinations, 404/redirect/503) read-only and
// coloured by kind. The samples are preview data kept in a side file, not
// manifest edits, so editing them does not go through the undo stack.
class SampleRequestModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, RequestLine, Headers, Sender, Rule, Outcome, ColumnCount };

    explicit SampleRequestModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    const QList<SampleRequest> &samples() const { return m_samples; }
    void setSamples(const QList<SampleRequest> &samples);
    const SampleRequest &sample(int row) const { return m_samples[row]; }
    void insertSample(int row, const SampleRequest &sample);

    // Outcomes parallel to samples(); rows whose text, colour or rule changed are announced.
    void setOutcomes(const QList<RequestOutcome> &outcomes);
    const RequestOutcome &outcome(int row) const { return m_outcomes[row]; }
    bool hasOutcome(int row) const { return row >= 0 && row < m_outcomes.size(); }

    // "end-user: jason; x-b: 2" <-> {"end-user: jason", "x-b: 2"}
    static QString headersText(const QStringList &headers);
    static QStringList parseHeaders(const QString &text);

Q_SIGNALS:
    // The user changed the set (an edit, an added or removed row): re-route and mark unsaved.
    void samplesEdited(int row);
    // An edit was refused; the message says why.
    void editRejected(const QString &message);

private:
    QList<SampleRequest> m_samples;
    QList<RequestOutcome> m_outcomes;
};

} // namespace meshroute
