#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace meshroute {

class Document;

// The servers of a Gateway as a table: port, name, protocol, hosts, TLS mode,
// credential and HTTPS redirect. A valid edit is one SetGatewayServers command.
class GatewayServerEditor : public QWidget
{
    Q_OBJECT

public:
    explicit GatewayServerEditor(Document *document, QWidget *parent = nullptr);

    void setResource(int resourceId);
    QTableWidget *table() const { return m_table; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *addButton() const { return m_add; }

Q_SIGNALS:
    void editFailed(const QString &message);

private:
    enum Column { Port, Name, Protocol, Hosts, TlsMode, Credential, Redirect, ColumnCount };
    void refill();
    void commit();

    Document *m_document;
    int m_resourceId = -1;
    bool m_filling = false;
    QTableWidget *m_table;
    QLabel *m_error;
    QPushButton *m_add;
    QPushButton *m_remove;
};

} // namespace meshroute
