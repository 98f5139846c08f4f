#pragma once

#include <QWidget>

class QPushButton;
class QVBoxLayout;

namespace meshroute {

// The frame the row-list editors share: a title, their rows, and an "Add"
// button below; what a row holds and what adding one means stays with the editor.
class RowListFrame : public QWidget
{
    Q_OBJECT

public:
    RowListFrame(const QString &title, const QString &titleTip, const QString &addText, const QString &addTip,
        QWidget *parent = nullptr);

    // Where row widgets are parented.
    QWidget *rowsHost() const { return m_rowsHost; }
    // Shows the row at once, not after the next event loop turn: a new row is typed into at once.
    void addRow(QWidget *row);
    // Between the title and the rows, e.g. a message about the list as a whole.
    void addAboveRows(QWidget *widget);
    QPushButton *addButton() const { return m_add; }

Q_SIGNALS:
    void addRequested();

private:
    QVBoxLayout *m_layout;
    QWidget *m_rowsHost;
    QVBoxLayout *m_rowsLayout;
    QPushButton *m_add;
};

} // namespace meshroute
