#pragma once

#include "replacedocumenttext.h"
#include "serverspec.h"
#include "yamledit.h"

#include <memory>

namespace meshroute {

// Sets the servers of a Gateway from the server editor: port, hosts and the TLS
// mode, credential and HTTPS redirect. Servers that stay keep what the editor
// does not show.
class SetGatewayServers : public ReplaceDocumentText
{
public:
    using ReplaceDocumentText::ReplaceDocumentText;

    // nullptr and an error when the edit does not fit the document.
    static std::unique_ptr<SetGatewayServers> create(
        Document *document, int resourceId, const QList<ServerSpec> &servers, QString *error);
};

} // namespace meshroute
