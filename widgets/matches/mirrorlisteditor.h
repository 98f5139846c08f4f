#pragma once

#include "rowlist.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace meshroute {

class Document;
class RowListFrame;

// The `mirrors` of an HTTP rule: one row per mirror target (host from the
// workspace, a subset its DestinationRules define, port, percentage), added
// and removed as rows. Each value is validated as typed and committed as one
// command touching only its bytes; a new row reaches the model once its host
// is valid. Shows the validator's message when the legacy `mirror` is set too.
class MirrorListEditor : public QWidget
{
    Q_OBJECT

public:
    explicit MirrorListEditor(Document *document, QWidget *parent = nullptr);
    ~MirrorListEditor() override;

    // Shows the mirrors of spec.http[routeIndex]; refreshes in place when the rule is the same.
    void setRule(int resourceId, int routeIndex);
    void refresh();

    int rowCount() const { return int(m_rows.size()); }
    QComboBox *hostCombo(int row) const;
    QComboBox *subsetCombo(int row) const;
    QLineEdit *portEdit(int row) const;
    QLineEdit *percentEdit(int row) const;
    QLabel *errorLabel(int row) const;
    QToolButton *removeButton(int row) const;
    QPushButton *addButton() const;
    // The validator's message when `mirror` and `mirrors` are both set.
    QLabel *conflictLabel() const { return m_conflict; }
    // "2 mirrors", for the folded section's summary.
    QString summary() const;

Q_SIGNALS:
    void editFailed(const QString &message);

private:
    struct Row;

    Row *addRow(bool pending);
    void rebuild();
    void fillSubsets(Row *row);
    QString validate(const Row *row) const;
    void showError(Row *row);
    void commit(Row *row, const QByteArray &field);
    void removeRow(Row *row);
    QStringList workspaceHosts() const;
    int modelCount() const;

    Document *m_document;
    int m_resourceId = -1;
    int m_routeIndex = -1;
    RowList<Row> m_rows;
    RowListFrame *m_frame;
    QLabel *m_conflict;
};

} // namespace meshroute
