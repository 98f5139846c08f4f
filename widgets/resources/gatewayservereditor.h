#pragma once

#include "resourcetableeditor.h"

namespace meshroute {

// The servers of a Gateway as a table: port, name, protocol, hosts, TLS mode,
// credential and HTTPS redirect. A valid edit is one SetGatewayServers command.
class GatewayServerEditor : public ResourceTableEditor
{
    Q_OBJECT

public:
    explicit GatewayServerEditor(Document *document, QWidget *parent = nullptr);

private:
    enum Column { Port, Name, Protocol, Hosts, TlsMode, Credential, Redirect, ColumnCount };
    bool fill(const Resource *resource) override;
    void commit() override;
    void addRow() override;
};

} // namespace meshroute
