#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace meshroute {

class Document;
struct Resource;
class UndoCommand;

// A list inside one resource edited as a table: the table is refilled from the
// model on every change, and a cell edit, an added or a removed row commits the
// whole table as one command; a command that cannot be made leaves its reason
// under the table and the model untouched.
class ResourceTableEditor : public QWidget
{
    Q_OBJECT

public:
    void setResource(int resourceId);
    QTableWidget *table() const { return m_table; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }

Q_SIGNALS:
    void editFailed(const QString &message);

protected:
    ResourceTableEditor(Document *document, const QStringList &headers, const QStringList &headerTips,
        int stretchColumn, const QString &addText, const QString &removeText, QWidget *parent);

    // Fills the emptied table from `resource` (nullptr when there is none); false disables the editor.
    virtual bool fill(const Resource *resource) = 0;
    // Turns the table into one command; the table's text is all it may trust.
    virtual void commit() = 0;
    virtual void addRow() = 0;

    Document *document() const { return m_document; }
    int resourceId() const { return m_resourceId; }
    // Commits with the new row, which a refill then replaces with the model's.
    void appendRow(const QStringList &values);
    void showError(const QString &message);
    // Pushes the command, or shows `error` when there is none.
    void push(std::unique_ptr<UndoCommand> command, const QString &error);

private:
    void refill();
    void removeCurrentRow();

    Document *m_document;
    int m_resourceId = -1;
    // Set while the code, not the user, writes cells.
    bool m_filling = false;
    QTableWidget *m_table;
    QLabel *m_error;
    QPushButton *m_add;
    QPushButton *m_remove;
};

} // namespace meshroute
