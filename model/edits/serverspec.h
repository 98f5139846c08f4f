#pragma once

#include <QString>
#include <QStringList>

namespace meshroute {

// One row of the Gateway server editor: which existing server it was (or -1
// for a new one) and the fields the editor shows.
struct ServerSpec
{
    int originalIndex = -1;
    int portNumber = 80;
    QString portName = QStringLiteral("http");
    QString protocol = QStringLiteral("HTTP");
    QStringList hosts;
    QString tlsMode; // empty: no tls section (or only httpsRedirect)
    QString credentialName; // SIMPLE / MUTUAL with a Kubernetes secret
    bool httpsRedirect = false;

    bool operator==(const ServerSpec &) const = default;
};

} // namespace meshroute
