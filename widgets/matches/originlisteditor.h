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

// corsPolicy.allowOrigins of an HTTP rule: a list of StringMatch (exact,
// prefix or regex), each validated as typed (RE2's own error for a regex) and
// committed as one command touching only its bytes. A new row reaches the
// model once its value is valid.
class OriginListEditor : public QWidget
{
    Q_OBJECT

public:
    explicit OriginListEditor(Document *document, QWidget *parent = nullptr);
    ~OriginListEditor() override;

    void setRule(int resourceId, int routeIndex);
    void refresh();

    int rowCount() const { return int(m_rows.size()); }
    QComboBox *typeCombo(int row) const;
    QLineEdit *valueEdit(int row) const;
    QLabel *errorLabel(int row) const;
    QToolButton *removeButton(int row) const;
    QPushButton *addButton() const;
    QString summary() const;

Q_SIGNALS:
    void editFailed(const QString &message);

private:
    struct Row;

    Row *addRow(bool pending);
    void rebuild();
    QString validate(const Row *row) const;
    void showError(Row *row);
    void commit(Row *row);
    void removeRow(Row *row);
    int modelCount() const;

    Document *m_document;
    int m_resourceId = -1;
    int m_routeIndex = -1;
    RowList<Row> m_rows;
    RowListFrame *m_frame;
};

} // namespace meshroute
