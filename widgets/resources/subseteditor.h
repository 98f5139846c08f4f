#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace meshroute {

class Document;
struct ChangeEvent;

// The subsets of a DestinationRule as a table: name, labels and the pods they
// select. A valid edit of a cell is one SetSubsets command; an invalid one is
// marked and goes nowhere.
class SubsetEditor : public QWidget
{
    Q_OBJECT

public:
    explicit SubsetEditor(Document *document, QWidget *parent = nullptr);

    void setResource(int resourceId);
    QTableWidget *table() const { return m_table; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }

Q_SIGNALS:
    void editFailed(const QString &message);

private:
    void refill();
    void commit();
    void addSubset();
    void removeSubset();

    Document *m_document;
    int m_resourceId = -1;
    bool m_filling = false;
    QTableWidget *m_table;
    QLabel *m_error;
    QPushButton *m_add;
    QPushButton *m_remove;
};

} // namespace meshroute
